import { describe, expect, it } from 'vitest';
import { batchWhileBusy } from './batch-while-busy';

describe('batchWhileBusy', () => {
  it('handles a call at once when idle, and the calls that arrive while busy together, at most maxBatch at a time', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const double = batchWhileBusy(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await first;
      return items.map((item) => item * 2);
    }, 3);

    const answers = [double(1), double(2), double(3), double(4), double(5)];
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all(answers)).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('fails the calls of a batch that failed, and goes on with the next', async () => {
    const handle = batchWhileBusy(async (items: string[]) => {
      if (items.includes('bad')) throw new Error('no');
      return items;
    }, 10);
    const bad = handle('bad');
    const good = handle('good');
    await expect(bad).rejects.toThrow('no');
    expect(await good).toBe('good');
  });
});
