import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { startTestRunExecutor } from '../support/run-executor';
import type { Worker } from '@/worker/worker';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { startApp, TEST_AUTH_SECRET, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

// The seed's capacity loop with every real part: the platform answers 429 while a run
// holds its only worker, the worker requeues the message in SQS, and the message runs
// once capacity frees.
describe('over capacity, through SQS', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor;
  let worker: Worker;
  let releaseFirstRun: () => void;
  const firstRunHeld = new Promise<void>((resolve) => (releaseFirstRun = resolve));
  const sqs = testSqsClient();

  beforeAll(async () => {
    t = await createTestDatabase();
    endpoint = await startAlgorithmEndpoint(async (call) => {
      if ((call.body as { n: number }).n === 1) await firstRunHeld;
      return { body: call.body };
    });
    app = await startApp(t.url);
    await t.db.platformSettings.create({ data: { maxWorkers: 1, userSessionLimit: 1 } });
    executor = startTestRunExecutor(t.db, { authSecret: TEST_AUTH_SECRET, dataApiUrl: app.url, logger });
    worker = startTestWorker(t.db, testWorkerConfig(t.url, app.url, { REQUEUE_DELAY_SECONDS: '2' }));
  });
  afterAll(async () => {
    releaseFirstRun();
    await worker?.stop();
    await executor?.stop(1_000);
    await app?.stop();
    await endpoint?.close();
    await t?.drop();
  });

  it('answers 429 while the only worker is busy, then runs the requeued message', async () => {
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { endpointUrl: endpoint.url });
    const queue = await createQueueWithDlq(sqs);
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: user.id, queueUrl: queue.queueUrl });

    const first = await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ n: 1 }) }));
    await expect.poll(() => endpoint.calls.length, { timeout: 15_000 }).toBe(1);
    const second = await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ n: 2 }) }));

    // 429: not run, not lost: the message waits in SQS for the requeue delay.
    await expect.poll(async () => (await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).requeuedCount, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await t.db.algorithmRun.count({ where: { sqsMessageId: second.MessageId } })).toBe(0);
    expect((await queueDepth(sqs, queue.queueUrl)).total).toBe(1);

    releaseFirstRun();
    await expect
      .poll(() => t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, select: { sqsMessageId: true, status: true }, orderBy: { createdAt: 'asc' } }), {
        timeout: 20_000,
        interval: 200,
      })
      .toEqual([
        { sqsMessageId: first.MessageId, status: 'SUCCEEDED' },
        { sqsMessageId: second.MessageId, status: 'SUCCEEDED' },
      ]);
    await expect.poll(async () => (await queueDepth(sqs, queue.queueUrl)).total, { timeout: 10_000 }).toBe(0);
  });
});
