import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { admitBatch } from '@/worker/admit-batch';
import { createFlowToRunCache } from '@/worker/flow-to-run-cache';
import { createAlgorithm, createUser } from '../support/factories';
import { createEventFlow } from '../support/event-flows';
import { notifyFlowsChanged } from '@/lib/flows/notify-flows-changed';
import { createQueueWithDlq } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// The worker's default admission: in its own process, through the flow entry's admission
// module, on real PostgreSQL and the SQS emulator. The contract is the flow entry's: each
// message answered on its own (200 deleted, 429 requeued, a flow that cannot run leaves
// it), its run recorded before it is deleted, one run per message. The algorithm API
// stand-in of the scene must never be called.
describe('worker: admission in process', () => {
  let scene: WorkerScene;
  let worker: Worker;

  beforeAll(async () => {
    scene = await createWorkerScene();
    worker = startTestWorker(scene.database.db, testWorkerConfig(scene.database.url, scene.platform.url));
  });
  afterAll(async () => {
    await worker?.stop();
    await scene?.close();
  });

  it('records one run per message before deleting it, without calling the algorithm API', async () => {
    const { sqs, platform, database } = scene;
    const { queueUrl, flow } = await scene.connectQueue({ version: '1.0.0' });
    const ids = await sendMessages(sqs, queueUrl, Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? `plain text ${i}` : JSON.stringify({ n: i }))));

    await expect.poll(() => queueDepth(sqs, queueUrl), { timeout: 15_000 }).toMatchObject({ visible: 0, notVisible: 0 });
    // Deleted only once recorded: every message of the emptied queue has its one run.
    expect((await scene.runMessageIds(flow.id)).sort()).toEqual([...ids].sort());
    const runs = await database.db.algorithmRun.findMany({ where: { eventFlowId: flow.id } });
    expect(new Map(runs.map((run) => [run.sqsMessageId, run.input])).get(ids[1]!)).toEqual({ n: 1 });
    expect(platform.callsFor(flow.id)).toEqual([]);
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE', receivedCount: 25, acceptedCount: 25, requeuedCount: 0 });
  });

  it('receives no more than the backlog has room for: the rest wait in the queue', async () => {
    const { sqs, database } = scene;
    // No executor runs here: admitted runs stay queued and fill this new user's backlog.
    await database.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, userQueueLimit: 3 } });
    try {
      const user = await createUser(database.db);
      const algorithm = await createAlgorithm(database.db, user.id);
      const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 30 });
      const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: user.id, queueUrl: queue.queueUrl });
      await notifyFlowsChanged(database.db, flow.id);
      const ids = await sendMessages(sqs, queue.queueUrl, ['1', '2', '3', '4', '5']);

      await expect.poll(() => scene.flowRow(flow.id), { timeout: 15_000 }).toMatchObject({ status: 'WAITING', acceptedCount: 3 });
      const recorded = await scene.runMessageIds(flow.id);
      expect(recorded).toHaveLength(3);
      expect(ids).toEqual(expect.arrayContaining(recorded));
      // The three admitted are deleted once their runs are committed (just after the count
      // moves); the other two were never received: neither deleted nor run.
      await expect.poll(() => queueDepth(sqs, queue.queueUrl)).toMatchObject({ visible: 2, notVisible: 0 });
      expect((await scene.flowRow(flow.id)).receivedCount).toBe(3);
    } finally {
      await database.db.platformSettings.deleteMany();
    }
  });

  it("keeps a runnable flow's settings between batches, and reads them again once forgotten or too old", async () => {
    const { database } = scene;
    const { flow } = await scene.connectQueue();
    const timeoutOf = async (read: () => Promise<{ timeoutSeconds: number | null } | undefined>) => (await read())?.timeoutSeconds;
    const kept = createFlowToRunCache(database.db, flow.id, 60_000);
    const first = await timeoutOf(() => kept.read());

    await database.db.eventFlow.update({ where: { id: flow.id }, data: { timeoutSeconds: 77 } });
    expect(await timeoutOf(() => kept.read())).toBe(first);
    kept.forget();
    expect(await timeoutOf(() => kept.read())).toBe(77);
    // Past its age the copy is read again, NOTIFY or not.
    expect(await timeoutOf(() => createFlowToRunCache(database.db, flow.id, 0).read())).toBe(77);

    // A flow that cannot run is not kept: the batch after it can run again sees it run.
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: false } });
    kept.forget();
    expect(await kept.read()).toBeUndefined();
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: true } });
    expect(await timeoutOf(() => kept.read())).toBe(77);
  });

  it("answers each message as the flow entry would: accepted, 429 without room, the flow's refusal, or abandoned at shutdown", async () => {
    const { database } = scene;
    // Its queue stays empty: the batches below are admitted directly, as a consumer would.
    const { flow } = await scene.connectQueue();
    const toRun = createFlowToRunCache(database.db, flow.id);
    const messages = [{ MessageId: 'm-1', Body: '{"a":1}' }, { MessageId: 'm-2', Body: 'not json' }];
    const running = new AbortController().signal;

    expect(await admitBatch(database.db, { id: flow.id, toRun }, messages, running)).toMatchObject({ results: [{ outcome: 'accepted' }, { outcome: 'accepted' }] });
    // Delivered again: the same runs, no new ones.
    expect(await admitBatch(database.db, { id: flow.id, toRun }, messages, running)).toMatchObject({ results: [{ outcome: 'accepted' }, { outcome: 'accepted' }] });
    expect((await scene.runMessageIds(flow.id)).sort()).toEqual(['m-1', 'm-2']);

    // The owner's backlog (the runs of this file, none executed) is over a limit of 2.
    await database.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, userQueueLimit: 2 } });
    try {
      const full = await admitBatch(database.db, { id: flow.id, toRun }, [{ MessageId: 'm-5', Body: '{}' }], running);
      expect(full).toMatchObject({ results: [{ outcome: 'throttled' }], room: 0, retryAfterMs: expect.any(Number) });
    } finally {
      await database.db.platformSettings.deleteMany();
    }

    await database.db.eventFlow.update({ where: { id: flow.id }, data: { enabled: false } });
    toRun.forget(); // as the worker does on the flow's NOTIFY
    const refused = await admitBatch(database.db, { id: flow.id, toRun }, [{ MessageId: 'm-3', Body: '{}' }], running);
    expect(refused.results).toEqual([{ outcome: 'refused', reason: expect.any(String) }]);

    const shutdown = new AbortController();
    shutdown.abort();
    expect(await admitBatch(database.db, { id: flow.id, toRun }, [{ MessageId: 'm-4', Body: '{}' }], shutdown.signal)).toEqual({ results: [{ outcome: 'abandoned' }] });
  });
});
