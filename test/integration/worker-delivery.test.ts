import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow, notifyFlowChanged } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { startPlatformApiStandIn, type PlatformApiStandIn } from '../support/platform-api-stand-in';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth, receiveFromDlq, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

// The delivery contract, end to end: real PostgreSQL, the SQS emulator through the AWS
// SDK, the worker in this process, and a stand-in for the algorithm API.
describe('worker delivery', () => {
  const REQUEUE_DELAY_SECONDS = 1;
  let database: TestDatabase;
  let platform: PlatformApiStandIn;
  let worker: Worker;
  let sqs: SQSClient;
  let owner: Awaited<ReturnType<typeof createUser>>;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startPlatformApiStandIn(database.db);
    sqs = testSqsClient();
    owner = await createUser(database.db);
    algorithm = await createAlgorithm(database.db, owner.id, { version: '1.0.0' });
    worker = startTestWorker(
      database.db,
      testWorkerConfig(database.url, platform.url, { REQUEUE_DELAY_SECONDS: String(REQUEUE_DELAY_SECONDS), WORKER_DISPATCH_TIMEOUT_MS: '3000' }),
    );
  });
  afterAll(async () => {
    await worker?.stop();
    await platform?.close();
    sqs?.destroy();
    await database?.drop();
  });

  async function connectQueue(options: { visibilityTimeout?: number; maxReceiveCount?: number; version?: string } = {}) {
    const queue = await createQueueWithDlq(sqs, options);
    const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl, version: options.version });
    await notifyFlowChanged(database.db, flow.id);
    return { ...queue, flow };
  }

  const flowRow = (id: string) => database.db.eventFlow.findUniqueOrThrow({ where: { id } });

  it('runs the algorithm once per message, with the message id, and empties the queue', async () => {
    const { queueUrl, flow } = await connectQueue({ version: '1.0.0' });
    const bodies = Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? `plain text ${i}` : JSON.stringify({ n: i })));
    const ids = await sendMessages(sqs, queueUrl, bodies);

    await expect.poll(() => database.db.algorithmRun.count({ where: { eventFlowId: flow.id } }), { timeout: 15_000 }).toBe(25);
    const runs = await database.db.algorithmRun.findMany({ where: { eventFlowId: flow.id } });
    expect(runs.map((run) => run.sqsMessageId).sort()).toEqual([...ids].sort());
    const inputById = new Map(runs.map((run) => [run.sqsMessageId, run.input]));
    expect(inputById.get(ids[0]!)).toBe('plain text 0');
    expect(inputById.get(ids[1]!)).toEqual({ n: 1 });
    await expect.poll(() => queueDepth(sqs, queueUrl)).toEqual({ visible: 0, notVisible: 0 });

    const calls = platform.callsFor(flow.id);
    expect(calls.every((call) => call.authorized && call.path === `/v1/algo/${owner.username}/${algorithm.name}/1.0.0?output=void`)).toBe(true);
    expect(calls.find((call) => call.messageId === ids[0])?.contentType).toMatch(/^text\/plain/);
    expect(calls.find((call) => call.messageId === ids[1])?.contentType).toBe('application/json');
    await expect
      .poll(() => flowRow(flow.id))
      .toMatchObject({ status: 'ACTIVE', lastError: null, receivedCount: 25, acceptedCount: 25, requeuedCount: 0, failedCount: 0 });
    expect((await flowRow(flow.id)).lastMessageAt).toBeInstanceOf(Date);
  });

  it('does not hold the messages of a batch back for its slowest one', async () => {
    const { queueUrl, flow } = await connectQueue();
    platform.answerFor(flow.id, (call) => (call.body === '"slow"' ? { status: 200, delayMs: 2_000 } : { status: 200 }));
    await sendMessages(sqs, queueUrl, ['"slow"', ...Array.from({ length: 9 }, (_, i) => `"fast ${i}"`)]);

    await expect.poll(() => database.db.algorithmRun.count({ where: { eventFlowId: flow.id } })).toBe(9);
    await expect.poll(() => queueDepth(sqs, queueUrl)).toEqual({ visible: 0, notVisible: 1 });
    expect(platform.pending()).toBe(1);
    await expect.poll(() => queueDepth(sqs, queueUrl), { timeout: 10_000 }).toEqual({ visible: 0, notVisible: 0 });
    expect(await database.db.algorithmRun.count({ where: { eventFlowId: flow.id } })).toBe(10);
  });

  it('requeues a message answered 429 for the requeue delay, until SQS moves it to the DLQ', async () => {
    // The queue's own visibility timeout is long: only the requeue brings the message back soon.
    const { queueUrl, dlqUrl, flow } = await connectQueue({ visibilityTimeout: 30, maxReceiveCount: 3 });
    platform.answerFor(flow.id, () => ({ status: 429 }));
    const [id] = await sendMessages(sqs, queueUrl, ['{"busy":true}']);

    await expect.poll(() => platform.callsFor(flow.id).length).toBeGreaterThan(0);
    expect(await queueDepth(sqs, queueUrl)).toEqual({ visible: 0, notVisible: 1 });
    await expect.poll(() => queueDepth(sqs, dlqUrl), { timeout: 20_000 }).toEqual({ visible: 1, notVisible: 0 });
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
    expect(await database.db.algorithmRun.count({ where: { eventFlowId: flow.id } })).toBe(0);
    await expect.poll(() => flowRow(flow.id)).toMatchObject({ receivedCount: 3, requeuedCount: 3, acceptedCount: 0 });
  });

  it('leaves a message answered 500 for SQS to redeliver, until it is in the DLQ', async () => {
    const { queueUrl, dlqUrl, flow } = await connectQueue({ visibilityTimeout: 1, maxReceiveCount: 2 });
    platform.answerFor(flow.id, () => ({ status: 500 }));
    const [id] = await sendMessages(sqs, queueUrl, ['"breaks the algorithm API"']);

    await expect.poll(() => queueDepth(sqs, dlqUrl), { timeout: 20_000 }).toEqual({ visible: 1, notVisible: 0 });
    expect(await receiveFromDlq(sqs, dlqUrl)).toMatchObject([{ messageId: id }]);
    expect(platform.callsFor(flow.id).map((call) => call.messageId)).toEqual([id, id]);
    expect(await queueDepth(sqs, queueUrl)).toEqual({ visible: 0, notVisible: 0 });
    await expect.poll(() => flowRow(flow.id)).toMatchObject({ receivedCount: 2, failedCount: 2, acceptedCount: 0 });
  });

  it('leaves a message whose dispatch times out for SQS to redeliver, until it is in the DLQ', async () => {
    const { dlqUrl, queueUrl, flow } = await connectQueue({ visibilityTimeout: 4, maxReceiveCount: 2 });
    platform.answerFor(flow.id, () => 'hang');
    const [id] = await sendMessages(sqs, queueUrl, ['"never answered"']);

    await expect.poll(() => queueDepth(sqs, dlqUrl), { timeout: 20_000 }).toEqual({ visible: 1, notVisible: 0 });
    expect(await receiveFromDlq(sqs, dlqUrl)).toMatchObject([{ messageId: id }]);
    expect(platform.callsFor(flow.id).map((call) => call.messageId)).toEqual([id, id]);
    await expect.poll(() => flowRow(flow.id)).toMatchObject({ receivedCount: 2, failedCount: 2 });
  });
});
