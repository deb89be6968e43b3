import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { claimQueuedRuns } from '@/lib/runs/claim-queued-runs';
import { LAPSED_EXECUTOR_ERROR } from '@/lib/runs/requeue-lapsed-runs';
import { useExecutorScene } from '../support/executor-scene';
import { TEST_EXECUTOR_LEASE_MS } from '../support/run-executor';

interface LogEntry {
  attempt: number;
  outcome: string;
  error?: string;
}

describe('runs that fail', () => {
  const scene = useExecutorScene();

  it('are tried again after a 500 and succeed on attempt 3 (500, 500, 200)', async () => {
    const answers = [500, 500, 200];
    const a = await scene.algorithmAnswering((call) => ({ status: answers.shift() ?? 200, body: { error: 'busy', got: call.body } }));
    const [runId] = await scene.queueRuns(a, [{ input: 'x' }], { maxAttempts: 3 });
    scene.start();
    const run = await scene.finished(runId!);
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempt: 3, error: null });
    expect(a.endpoint.calls.map((call) => call.headers['x-run-attempt'])).toEqual(['1', '2', '3']);
    expect((run.attemptLog as unknown as LogEntry[]).map(({ attempt, outcome }) => [attempt, outcome])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'SUCCEEDED'],
    ]);
  });

  it('end at once on a 400: the input is wrong, one call', async () => {
    const a = await scene.algorithmAnswering(() => ({ status: 400, body: { error: { message: 'filename is required' } } }));
    const [runId] = await scene.queueRuns(a, [{ input: {} }], { maxAttempts: 3 });
    scene.start();
    expect(await scene.finished(runId!)).toMatchObject({ status: 'FAILED', attempt: 1, error: 'The algorithm answered HTTP 400: filename is required' });
    await sleep(1_500); // longer than a retry's first backoff
    expect(a.endpoint.calls).toHaveLength(1);
  });

  it('are DEAD after their last attempt, with the reason of each attempt kept', async () => {
    const a = await scene.algorithmAnswering(() => ({ status: 503, body: { error: 'down for maintenance' } }));
    const [runId] = await scene.queueRuns(a, [{ input: 'x' }], { maxAttempts: 2 });
    scene.start();
    const run = await scene.finished(runId!);
    expect(run).toMatchObject({ status: 'DEAD', attempt: 2, error: 'Gave up after 2 attempts: The algorithm answered HTTP 503: down for maintenance' });
    expect(run.attemptLog).toMatchObject([
      { attempt: 1, outcome: 'FAILED', error: 'The algorithm answered HTTP 503: down for maintenance' },
      { attempt: 2, outcome: 'FAILED', error: 'The algorithm answered HTTP 503: down for maintenance' },
    ]);
    expect(a.endpoint.calls).toHaveLength(2);
  });

  it('that time out are tried again, then DEAD', async () => {
    const a = await scene.algorithmAnswering(async () => {
      await sleep(3_000);
      return { body: 'too late' };
    });
    const [runId] = await scene.queueRuns(a, [{ input: 'slow' }], { timeoutSeconds: 1, maxAttempts: 1 });
    scene.start();
    const run = await scene.finished(runId!);
    expect(run).toMatchObject({ status: 'DEAD', error: 'Gave up after 1 attempt: The run did not finish within its timeout of 1 s', output: null });
    expect(run.durationMs).toBeGreaterThanOrEqual(900);
    expect(run.durationMs).toBeLessThan(2_900);
  });

  it("honour the endpoint's Retry-After on a 429", async () => {
    let calls = 0;
    const a = await scene.algorithmAnswering(() =>
      calls++ === 0 ? { status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '3' } } : { body: 'ok' },
    );
    const [runId] = await scene.queueRuns(a, [{ input: 'x' }], { maxAttempts: 2 });
    scene.start();
    expect(await scene.finished(runId!)).toMatchObject({ status: 'SUCCEEDED', attempt: 2 });
    const [first, second] = a.endpoint.calls;
    // The first backoff alone would be at most 1 s.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2_900);
  });

  it('run again (attempt 2) when the executor holding them stops heartbeating', async () => {
    const a = await scene.algorithmAnswering();
    const [runId] = await scene.queueRuns(a, [{ input: 'claimed by a process that then died' }], { maxAttempts: 3 });
    // A worker process claimed it, heartbeated once, and was killed.
    await scene.db.workerProcess.create({ data: { id: 'killed', hostname: 'gone', heartbeatAt: new Date() } });
    expect((await claimQueuedRuns(scene.db, { executorId: 'killed', limit: 1, maxWorkers: 100, userSessionLimit: 100 })).runs.map((run) => run.id)).toEqual([runId]);
    const killedAt = Date.now();
    scene.start();
    const run = await scene.finished(runId!, TEST_EXECUTOR_LEASE_MS + 5_000);
    expect(Date.now() - killedAt).toBeLessThan(TEST_EXECUTOR_LEASE_MS + 5_000);
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempt: 2, output: 'claimed by a process that then died' });
    expect(run.attemptLog).toMatchObject([{ attempt: 1, outcome: 'INTERRUPTED', error: LAPSED_EXECUTOR_ERROR }, { attempt: 2, outcome: 'SUCCEEDED' }]);
    expect(a.endpoint.calls.map((call) => call.headers['x-run-attempt'])).toEqual(['2']);
  });

  it('expire when they waited in the queue longer than the expiry', async () => {
    const a = await scene.algorithmAnswering();
    const [stale, fresh] = await scene.queueRuns(a, [{ input: 'stale' }, { input: 'fresh' }]);
    await scene.db.platformSettings.update({ where: { id: 1 }, data: { queuedRunExpiryHours: 24 } });
    await scene.db.algorithmRun.update({ where: { id: stale! }, data: { queuedAt: new Date(Date.now() - 25 * 3_600_000) } });
    scene.start();
    expect(await scene.finished(stale!)).toMatchObject({ status: 'EXPIRED', error: 'Expired: it waited in the queue for more than 24 hours without running' });
    expect(await scene.finished(fresh!)).toMatchObject({ status: 'SUCCEEDED' });
    expect(a.endpoint.calls.map((call) => call.body)).toEqual(['fresh']);
  });
});
