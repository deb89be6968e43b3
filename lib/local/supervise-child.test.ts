import { afterEach, describe, expect, it } from 'vitest';
import { startChild } from './child-process';
import { superviseChild, type SupervisedChild } from './supervise-child';

// Real, tiny node processes: one that stays up, one that exits at once.
const STAYS_UP = ['-e', 'setInterval(() => {}, 1000)'];
const EXITS_AT_ONCE = ['-e', 'process.exit(3)'];

describe('superviseChild', () => {
  const supervised: SupervisedChild[] = [];
  afterEach(async () => {
    await Promise.all(supervised.splice(0).map((child) => child.stop(1_000)));
  });

  function supervise(args: string[], options: { maxCrashes?: number } = {}) {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const child = superviseChild({
      name: 'worker',
      start: () => startChild('worker', process.execPath, args, process.env),
      say: (line) => lines.push(line),
      onGiveUp: (reason) => gaveUp.push(reason),
      restartBaseMs: 100,
      restartMaxMs: 200,
      ...options,
    });
    supervised.push(child);
    return { child, lines, gaveUp };
  }

  it('restarts a process killed with SIGKILL, and says so', async () => {
    const { child, lines } = supervise(STAYS_UP);
    const first = child.current();
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe(137);
    await expect.poll(() => child.current() !== first, { timeout: 5_000 }).toBe(true);
    expect(child.current().process.exitCode).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^worker exited with code 137; restarting in 0\.\d s \(attempt 2\)$/);
  });

  it('gives up after repeated crashes in a short window, without restarting again', async () => {
    const { child, lines, gaveUp } = supervise(EXITS_AT_ONCE, { maxCrashes: 3 });
    await expect.poll(() => gaveUp.length, { timeout: 10_000 }).toBe(1);
    expect(gaveUp[0]).toBe('The worker process exited 3 times within 60 s (last code 3); stopping everything.');
    expect(lines.filter((line) => line.includes('restarting'))).toEqual([
      expect.stringMatching(/code 3; restarting in .* \(attempt 2\)$/),
      expect.stringMatching(/code 3; restarting in .* \(attempt 3\)$/),
    ]);
    const last = child.current();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.current()).toBe(last);
  });

  it('does not restart what it was asked to stop', async () => {
    const { child, lines } = supervise(STAYS_UP);
    const running = child.current();
    await child.stop(1_000);
    expect(await running.exited).toBe(143);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(child.current()).toBe(running);
    expect(lines).toEqual([]);
  });
});
