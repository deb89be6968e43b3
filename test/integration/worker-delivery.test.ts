import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { queueDepth, receiveFromDlq, sendMessages } from '../support/sqs-messages';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// The delivery contract, end to end: real PostgreSQL, the SQS emulator through the AWS
// SDK, the worker in this process, and a stand-in for the algorithm API.
describe('worker delivery', () => {
  const REQUEUE_DELAY_SECONDS = 1;
  let scene: WorkerScene;
  let worker: Worker;

  beforeAll(async () => {
    scene = await createWorkerScene();
    const env = { REQUEUE_DELAY_SECONDS: String(REQUEUE_DELAY_SECONDS) };
    worker = startTestWorker(scene.database.db, scene.workerConfig(env));
  });
  afterAll(async () => {
    await worker?.stop();
    await scene?.close();
  });

  const runCount = async (flowId: string) => (await scene.runMessageIds(flowId)).length;

  it('runs the algorithm once per message, with the message id, and empties the queue', async () => {
    const { sqs, platform, database } = scene;
    const { queueUrl, flow } = await scene.connectQueue({ version: '1.0.0' });
    const bodies = Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? `plain text ${i}` : JSON.stringify({ n: i })));
    const ids = await sendMessages(sqs, queueUrl, bodies);

    await expect.poll(() => runCount(flow.id), { timeout: 15_000 }).toBe(25);
    expect((await scene.runMessageIds(flow.id)).sort()).toEqual([...ids].sort());
    const runs = await database.db.algorithmRun.findMany({ where: { eventFlowId: flow.id } });
    const inputById = new Map(runs.map((run) => [run.sqsMessageId, run.input]));
    expect(inputById.get(ids[0]!)).toBe('plain text 0');
    expect(inputById.get(ids[1]!)).toEqual({ n: 1 });
    await expect.poll(() => queueDepth(sqs, queueUrl)).toMatchObject({ visible: 0, notVisible: 0 });

    const calls = platform.callsFor(flow.id);
    expect(calls.every((call) => call.authorized && call.path === `/v1/event-flows/${flow.id}/messages`)).toBe(true);
    // One call per received batch, not per message.
    expect(Math.max(...calls.map((call) => call.batchSize))).toBeGreaterThan(1);
    await expect
      .poll(() => scene.flowRow(flow.id))
      .toMatchObject({ status: 'ACTIVE', lastError: null, receivedCount: 25, acceptedCount: 25, requeuedCount: 0, failedCount: 0 });
    expect((await scene.flowRow(flow.id)).lastMessageAt).toBeInstanceOf(Date);
  });

  it('does not hold later batches back while a slow one waits for its answer', async () => {
    const { sqs, platform } = scene;
    const { queueUrl, flow } = await scene.connectQueue();
    platform.answerFor(flow.id, (call) => (call.body === '"slow"' ? { status: 200, delayMs: 3_000 } : { status: 200 }));
    await sendMessages(sqs, queueUrl, ['"slow"']);
    await expect.poll(() => platform.pending()).toBe(1);
    await sendMessages(sqs, queueUrl, Array.from({ length: 9 }, (_, i) => `"fast ${i}"`));

    await expect.poll(() => runCount(flow.id)).toBe(9);
    await expect.poll(() => queueDepth(sqs, queueUrl)).toMatchObject({ visible: 0, notVisible: 1 });
    expect(platform.pending()).toBe(1);
    await expect.poll(() => queueDepth(sqs, queueUrl), { timeout: 10_000 }).toMatchObject({ visible: 0, notVisible: 0 });
    expect(await runCount(flow.id)).toBe(10);
  });

  it('requeues a message answered 429 for the requeue delay, until SQS moves it to the DLQ', async () => {
    const { sqs, platform } = scene;
    // The queue's own visibility timeout is long: only the requeue brings the message back soon.
    const { queueUrl, dlqUrl, flow } = await scene.connectQueue({ visibilityTimeout: 30, maxReceiveCount: 3 });
    platform.answerFor(flow.id, () => ({ status: 429 }));
    const [id] = await sendMessages(sqs, queueUrl, ['{"busy":true}']);

    await expect.poll(() => platform.callsFor(flow.id).length).toBeGreaterThan(0);
    expect(await queueDepth(sqs, queueUrl)).toMatchObject({ visible: 0, notVisible: 1 });
    await expect.poll(() => queueDepth(sqs, dlqUrl), { timeout: 20_000 }).toMatchObject({ visible: 1, notVisible: 0 });
    const [dead] = await receiveFromDlq(sqs, dlqUrl);
    expect(dead).toMatchObject({ messageId: id, body: '{"busy":true}' });
    expect(dead?.receiveCount).toBeGreaterThan(3);

    const deliveries = platform.callsFor(flow.id).map((call) => call.at);
    expect(deliveries).toHaveLength(3);
    for (let i = 1; i < deliveries.length; i++) {
      const gap = deliveries[i]! - deliveries[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(REQUEUE_DELAY_SECONDS * 1000 - 100);
      expect(gap).toBeLessThan(30_000);
    }
    expect(await runCount(flow.id)).toBe(0);
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ receivedCount: 3, requeuedCount: 3, acceptedCount: 0 });
  });

  it.each([
    { failure: 'answered 500', answer: () => ({ status: 500 }) as const, visibilityTimeout: 1 },
    // The dispatch timeout (5 s in tests) runs out before the queue's visibility timeout.
    { failure: 'timing out', answer: () => 'hang' as const, visibilityTimeout: 6 },
  ])('leaves a message $failure for SQS to redeliver, until it is in the DLQ', async ({ answer, visibilityTimeout }) => {
    const { sqs, platform } = scene;
    const { queueUrl, dlqUrl, flow } = await scene.connectQueue({ visibilityTimeout, maxReceiveCount: 2 });
    platform.answerFor(flow.id, answer);
    const [id] = await sendMessages(sqs, queueUrl, ['"breaks the algorithm API"']);

    await expect.poll(() => queueDepth(sqs, dlqUrl), { timeout: 30_000 }).toMatchObject({ visible: 1, notVisible: 0 });
    expect(await receiveFromDlq(sqs, dlqUrl)).toMatchObject([{ messageId: id }]);
    expect(platform.callsFor(flow.id).map((call) => call.messageId)).toEqual([id, id]);
    expect(await queueDepth(sqs, queueUrl)).toMatchObject({ visible: 0, notVisible: 0 });
    await expect.poll(() => scene.flowRow(flow.id)).toMatchObject({ receivedCount: 2, failedCount: 2, acceptedCount: 0 });
  });
});
