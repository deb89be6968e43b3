import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createEventFlow } from '../support/event-flows';
import { useExecutorScene } from '../support/executor-scene';

const FIFO_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';

describe('which queued runs start', () => {
  const scene = useExecutorScene();

  it("share the workers fairly: one user's backlog of 1,000 does not hold another's first run back", async () => {
    await scene.db.platformSettings.update({ where: { id: 1 }, data: { maxWorkers: 4, userSessionLimit: 4 } });
    const startedAt = new Map<string, number>();
    const busy = async (call: { body: unknown; headers: Record<string, unknown> }) => {
      startedAt.set(String(call.headers['x-run-id']), Date.now());
      await sleep(50);
      return { body: call.body };
    };
    const a = await scene.algorithmAnswering(busy);
    const b = await scene.algorithmAnswering(busy);
    await scene.queueRuns(a, Array.from({ length: 1_000 }, (_, i) => ({ input: i })));
    scene.start();
    await expect.poll(() => startedAt.size, { timeout: 10_000 }).toBeGreaterThan(8); // A's backlog is being worked through
    const queuedAt = Date.now();
    const bRuns = await scene.queueRuns(b, Array.from({ length: 10 }, (_, i) => ({ input: `b${i}` })));
    await scene.finished(bRuns[0]!);
    const firstStart = Math.min(...bRuns.map((id) => startedAt.get(id) ?? Infinity));
    expect(firstStart - queuedAt).toBeLessThan(2_000);
    // B's runs did not wait for A's backlog: most of it is still queued.
    expect(await scene.db.algorithmRun.count({ where: { callerId: a.user.id, status: 'QUEUED' } })).toBeGreaterThan(500);
  });

  it("never run more of one connection at once than its maximum concurrency", async () => {
    let running = 0;
    let most = 0;
    const a = await scene.algorithmAnswering(async (call) => {
      most = Math.max(most, ++running);
      await sleep(100);
      running--;
      return { body: call.body };
    });
    const flow = await createEventFlow(scene.db, { algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', maxConcurrency: 2 });
    const runIds = await scene.queueRuns(a, Array.from({ length: 8 }, (_, i) => ({ input: i, sqsMessageId: `m${i}` })), { eventFlowId: flow.id });
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId)).status).toBe('SUCCEEDED');
    expect(most).toBe(2);
  });

  it('keep FIFO order per message group: one at a time in sequence order, groups in parallel', async () => {
    await scene.db.platformSettings.update({ where: { id: 1 }, data: { maxWorkers: 16, userSessionLimit: 16 } });
    const calls: Array<{ group: string; n: number; start: number; end: number }> = [];
    const a = await scene.algorithmAnswering(async (call) => {
      const { group, n } = call.body as { group: string; n: number };
      const entry = { group, n, start: Date.now(), end: 0 };
      calls.push(entry);
      await sleep(20 + Math.random() * 20);
      entry.end = Date.now();
      return { body: call.body };
    });
    const flow = await createEventFlow(scene.db, { algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: FIFO_QUEUE });
    // As SQS hands them out: groups interleaved, sequence numbers growing (20+ digits, as SQS's are).
    const items = Array.from({ length: 60 }, (_, i) => {
      const group = `g${i % 3}`;
      const n = Math.floor(i / 3);
      return { input: { group, n }, sqsMessageId: `m${i}`, messageGroupId: group, sequenceNumber: String(18_000_000_000_000_000_000n + BigInt(i)) };
    });
    const runIds: string[] = [];
    for (let i = 0; i < items.length; i += 10) runIds.push(...(await scene.queueRuns(a, items.slice(i, i + 10), { eventFlowId: flow.id })));
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId, 30_000)).status).toBe('SUCCEEDED');

    for (const group of ['g0', 'g1', 'g2']) {
      const own = calls.filter((call) => call.group === group);
      expect(own.map((call) => call.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
      for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBeGreaterThanOrEqual(own[i - 1]!.end);
    }
    const overlapping = calls.some((x) => calls.some((y) => x.group !== y.group && x.start < y.end && y.start < x.end));
    expect(overlapping).toBe(true);
  });

  it('hold a FIFO group behind its retrying run, while other groups go on', async () => {
    let failuresLeft = 1;
    const order: string[] = [];
    const a = await scene.algorithmAnswering((call) => {
      const { id } = call.body as { id: string };
      if (id === 'a1' && failuresLeft-- > 0) return { status: 500, body: { error: 'once' } };
      order.push(id);
      return { body: call.body };
    });
    const flow = await createEventFlow(scene.db, { algorithmId: a.algorithm.id, creatorId: a.user.id, queueUrl: FIFO_QUEUE, maxAttempts: 3 });
    const item = (id: string, group: string, seq: number) => ({ input: { id }, sqsMessageId: id, messageGroupId: group, sequenceNumber: String(seq) });
    const runIds = await scene.queueRuns(a, [item('a1', 'a', 1), item('a2', 'a', 2), item('b1', 'b', 3), item('b2', 'b', 4)], { eventFlowId: flow.id, maxAttempts: 3 });
    scene.start();
    for (const runId of runIds) expect((await scene.finished(runId)).status).toBe('SUCCEEDED');
    expect(order.indexOf('a1')).toBeLessThan(order.indexOf('a2'));
    // Group b did not wait for a's retry.
    expect(order.indexOf('b2')).toBeLessThan(order.indexOf('a1'));
  });
});
