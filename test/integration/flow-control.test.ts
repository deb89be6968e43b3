import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import type { Worker } from '@/worker/worker';
import { startAlgorithmEndpoint, type AlgorithmEndpoint, type ReceivedCall } from '../support/algorithm-endpoint';
import { startApp, type RunningApp, TEST_DATA_TOKEN_KEY } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { startTestRunExecutor } from '../support/run-executor';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

// Issue 12's flow control with every real part: the web app's flow entry and admission,
// the worker through the SQS emulator, the run executor, PostgreSQL.
describe('flow control, through SQS', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let endpoint: AlgorithmEndpoint;
  let answer: (call: ReceivedCall) => Promise<void> = async () => undefined;
  let executor: RunExecutor | undefined;
  let worker: Worker | undefined;
  const sqs = testSqsClient();

  beforeAll(async () => {
    t = await createTestDatabase();
    endpoint = await startAlgorithmEndpoint(async (call) => {
      await answer(call);
      return { body: call.body };
    });
    app = await startApp(t.url);
  });
  beforeEach(async () => {
    await t.db.platformSettings.deleteMany();
    endpoint.calls.length = 0;
  });
  afterEach(async () => {
    await worker?.stop();
    await executor?.stop(1_000);
    worker = executor = undefined;
  });
  afterAll(async () => {
    await app?.stop();
    await endpoint?.close();
    await t?.drop();
    sqs.destroy();
  });

  async function connectedQueue(options: { maxReceiveCount?: number; visibilityTimeout?: number } = {}) {
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { endpointUrl: endpoint.url });
    const queue = await createQueueWithDlq(sqs, options);
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: user.id, queueUrl: queue.queueUrl });
    return { user, queue, flow };
  }

  function startPlatform(workerEnv: Record<string, string> = {}) {
    worker = startTestWorker(t.db, testWorkerConfig(t.url, app.url, workerEnv));
    executor = startTestRunExecutor(t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: app.url, logger, allowLoopbackEndpoints: true }, { executorId: worker.id });
  }

  const runsOf = (flowId: string, status?: 'SUCCEEDED') => t.db.algorithmRun.count({ where: { eventFlowId: flowId, status } });
  const flowRow = (flowId: string) => t.db.eventFlow.findUniqueOrThrow({ where: { id: flowId } });

  it('runs a burst of 200 at the platform’s speed on default settings: none requeued, DLQ empty', async () => {
    answer = () => sleep(50);
    const { queue, flow } = await connectedQueue();
    startPlatform();
    await sendMessages(sqs, queue.queueUrl, Array.from({ length: 200 }, (_, n) => JSON.stringify({ n })));
    const sentAt = Date.now();
    await expect.poll(() => runsOf(flow.id, 'SUCCEEDED'), { timeout: 20_000, interval: 200 }).toBe(200);
    expect(Date.now() - sentAt).toBeLessThan(20_000);
    await expect.poll(async () => (await flowRow(flow.id)).acceptedCount, { timeout: 5_000 }).toBe(200);
    expect((await flowRow(flow.id)).requeuedCount).toBe(0);
    expect((await queueDepth(sqs, queue.dlqUrl)).total).toBe(0);
  });

  it('runs every message of an overload without any reaching the DLQ or being received more than twice', async () => {
    // Scaled from the 10 s runs: one run at a time, a backlog of 10, 100 messages.
    await t.db.platformSettings.create({ data: { maxWorkers: 8, userSessionLimit: 1, userQueueLimit: 10 } });
    answer = () => sleep(100);
    // With Maximum Receives 2, a message received a third time would be in the DLQ instead.
    const { queue, flow } = await connectedQueue({ maxReceiveCount: 2 });
    startPlatform({ REQUEUE_DELAY_SECONDS: '2' });
    await sendMessages(sqs, queue.queueUrl, Array.from({ length: 100 }, (_, n) => JSON.stringify({ n })));
    await expect.poll(() => runsOf(flow.id, 'SUCCEEDED'), { timeout: 60_000, interval: 500 }).toBe(100);
    expect((await queueDepth(sqs, queue.dlqUrl)).total).toBe(0);
    await expect.poll(async () => (await queueDepth(sqs, queue.queueUrl)).total, { timeout: 10_000 }).toBe(0);
  }, 90_000);

  it('stops polling a flow while the backlog is full, and resumes within 2 s of room freeing', async () => {
    await t.db.platformSettings.create({ data: { maxWorkers: 1, userSessionLimit: 1, userQueueLimit: 1 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async (call) => {
      if ((call.body as { hold?: boolean }).hold) await held;
    };
    const { queue, flow } = await connectedQueue();
    startPlatform({ REQUEUE_DELAY_SECONDS: '300' });

    // One run executing, one waiting: the backlog (1) is full.
    await sendMessages(sqs, queue.queueUrl, [JSON.stringify({ hold: true })]);
    await expect.poll(() => endpoint.calls.length, { timeout: 10_000 }).toBe(1);
    await sendMessages(sqs, queue.queueUrl, [JSON.stringify({ n: 1 })]);
    await expect.poll(() => runsOf(flow.id), { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await flowRow(flow.id)).status, { timeout: 10_000 }).toBe('WAITING');
    await expect.poll(async () => (await flowRow(flow.id)).receivedCount, { timeout: 5_000 }).toBe(2);

    // The worker does not receive what it cannot get admitted: the next message stays in the queue.
    const waiting = await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ n: 2 }) }));
    expect(await queueDepth(sqs, queue.queueUrl)).toMatchObject({ visible: 1 });

    release();
    const freedAt = Date.now();
    await expect.poll(() => t.db.algorithmRun.count({ where: { sqsMessageId: waiting.MessageId } }), { timeout: 5_000, interval: 50 }).toBe(1);
    expect(Date.now() - freedAt).toBeLessThan(2_000);
    await expect.poll(() => runsOf(flow.id, 'SUCCEEDED'), { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await flowRow(flow.id)).status, { timeout: 10_000 }).toBe('ACTIVE');
    expect(await flowRow(flow.id)).toMatchObject({ requeuedCount: 0, receivedCount: 3 });
  });
});
