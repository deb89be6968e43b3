import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getMessageTrace } from '@/lib/flow-messages/get-message-trace';
import type { Worker } from '@/worker/worker';
import { startAlgorithmEndpoint, type AlgorithmEndpoint, type EndpointAnswer, type ReceivedCall } from '../support/algorithm-endpoint';
import { startTestDestinationSender } from '../support/destination-sender';
import { executorTestContext } from '../support/executor-scene';
import { createAlgorithm } from '../support/factories';
import { startTestRunExecutor } from '../support/run-executor';
import { createQueueWithDlq } from '../support/sqs';
import { queueDepth, receiveFromDlq, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

/** Receives (and deletes) messages until `count` have come, oldest first as SQS gives them. */
async function receiveAll(sqs: SQSClient, queueUrl: string, count: number, timeoutMs = 30_000): Promise<Message[]> {
  const received: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  while (received.length < count && Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
    );
    if (Messages.length === 0) continue;
    received.push(...Messages);
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return received;
}

// Destinations end to end: real PostgreSQL, the SQS emulator through the AWS SDK, the
// worker's consumers, the run executor calling real algorithm endpoints, and the
// destination sender, all in this process.
describe('destinations', () => {
  let scene: WorkerScene;
  let worker: Worker;
  let executor: ReturnType<typeof startTestRunExecutor>;
  let sender: ReturnType<typeof startTestDestinationSender>;
  const endpoints: AlgorithmEndpoint[] = [];

  beforeAll(async () => {
    scene = await createWorkerScene();
    await scene.database.db.platformSettings.create({ data: { maxWorkers: 50, userSessionLimit: 50 } });
    worker = startTestWorker(scene.database.db, testWorkerConfig(scene.database.url, scene.platform.url));
    executor = startTestRunExecutor(scene.database.db, executorTestContext, { executorId: worker.id, pollIntervalMs: 100 });
    sender = startTestDestinationSender(scene.database.db, scene.database.url, { maxAttempts: 2 });
  });
  afterAll(async () => {
    await sender?.stop();
    await executor?.stop(1_000);
    await worker?.stop();
    await scene?.close();
  });
  afterEach(async () => {
    await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
  });

  async function algorithmAnswering(answer: (call: ReceivedCall) => EndpointAnswer) {
    const endpoint = await startAlgorithmEndpoint(answer);
    endpoints.push(endpoint);
    return createAlgorithm(scene.database.db, scene.owner.id, { endpointUrl: endpoint.url, version: '1.0.0' });
  }

  const runsOf = (flowId: string) => scene.database.db.algorithmRun.findMany({ where: { eventFlowId: flowId }, include: { destinationMessage: true } });

  it('chains two algorithms through a queue: B runs on each of A’s outputs, and every queue ends empty', async () => {
    const { sqs, database } = scene;
    const q1 = await createQueueWithDlq(sqs);
    const q2 = await createQueueWithDlq(sqs);
    const a = await algorithmAnswering((call) => ({ body: { doubled: (call.body as { n: number }).n * 2 } }));
    const b = await algorithmAnswering((call) => ({ body: { seen: call.body } }));
    const flowA = await scene.connect(q1.queueUrl, { onSuccessQueueUrl: q2.queueUrl });
    await database.db.eventFlow.update({ where: { id: flowA.id }, data: { algorithmId: a.id } });
    const flowB = await scene.connect(q2.queueUrl);
    await database.db.eventFlow.update({ where: { id: flowB.id }, data: { algorithmId: b.id } });

    await sendMessages(sqs, q1.queueUrl, Array.from({ length: 100 }, (_, n) => JSON.stringify({ n })));

    await expect.poll(async () => (await runsOf(flowB.id)).filter((run) => run.status === 'SUCCEEDED').length, { timeout: 90_000, interval: 250 }).toBe(100);
    const runsA = await runsOf(flowA.id);
    const runsB = await runsOf(flowB.id);
    expect(runsA.filter((run) => run.status === 'SUCCEEDED')).toHaveLength(100);
    expect(runsB).toHaveLength(100);
    const sortJson = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort();
    expect(sortJson(runsB.map((run) => run.input))).toEqual(sortJson(runsA.map((run) => run.output)));
    // The trace follows the chain: each of A's sent message ids is the source of one of B's runs.
    expect(runsA.map((run) => run.destinationMessage?.status)).toEqual(Array(100).fill('SENT'));
    expect(runsA.map((run) => run.destinationMessage!.sentMessageId).sort()).toEqual(runsB.map((run) => run.sqsMessageId).sort());
    const first = runsA[0]!;
    const nextRun = runsB.find((run) => run.sqsMessageId === first.destinationMessage!.sentMessageId)!;
    const trace = await getMessageTrace(database.db, flowA.id, first.sqsMessageId!);
    expect(trace.runs[0]!.next).toEqual([
      expect.objectContaining({ runId: nextRun.id, messageId: nextRun.sqsMessageId, tracePath: expect.stringContaining(`/events/${flowB.id}/messages/`) }),
    ]);
    await expect.poll(() => queueDepth(sqs, q1.queueUrl)).toMatchObject({ total: 0 });
    await expect.poll(() => queueDepth(sqs, q2.queueUrl)).toMatchObject({ total: 0 });
    expect(await receiveFromDlq(sqs, q1.dlqUrl)).toEqual([]);
    expect(await receiveFromDlq(sqs, q2.dlqUrl)).toEqual([]);
    const metrics = await database.db.flowMetricMinute.findMany({ where: { eventFlowId: flowA.id } });
    expect(metrics.reduce((sum, minute) => sum + minute.destinationsSent, 0)).toBe(100);
    expect(await sender.registry.getSingleMetricAsString('event_flows_destination_messages_total')).toContain(`flow="${flowA.id}",kind="success",outcome="sent"} 100`);
  });

  it('sends one failure envelope per run that failed for good: a 400 at once, a 500 after its last attempt, none per retry', async () => {
    const { sqs, database } = scene;
    const source = await createQueueWithDlq(sqs);
    const failures = await createQueueWithDlq(sqs);
    const c = await algorithmAnswering((call) =>
      (call.body as { bad?: boolean }).bad ? { status: 400, body: { error: { message: 'bad input' } } } : { status: 500, body: { error: 'down' } },
    );
    const flow = await scene.connect(source.queueUrl, { onFailureQueueUrl: failures.queueUrl, maxAttempts: 3 });
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { algorithmId: c.id } });
    const inputs = [{ bad: true, i: 1 }, { bad: true, i: 2 }, { i: 3 }, { i: 4 }];
    await sendMessages(sqs, source.queueUrl, inputs.map((input) => JSON.stringify(input)));

    const messages = await receiveAll(sqs, failures.queueUrl, 4);
    const envelopes = messages.map((m) => JSON.parse(m.Body!) as Record<string, unknown>).sort((x, y) => JSON.stringify(x.input).localeCompare(JSON.stringify(y.input)));
    expect(envelopes).toMatchObject([
      { status: 'FAILED', attempts: 1, error: 'The algorithm answered HTTP 400: bad input', input: { bad: true, i: 1 } },
      { status: 'FAILED', attempts: 1, error: 'The algorithm answered HTTP 400: bad input', input: { bad: true, i: 2 } },
      { status: 'DEAD', attempts: 3, error: expect.stringContaining('Gave up after 3 attempts'), input: { i: 3 } },
      { status: 'DEAD', attempts: 3, error: expect.stringContaining('Gave up after 3 attempts'), input: { i: 4 } },
    ]);
    const runs = await runsOf(flow.id);
    for (const message of messages) {
      const runId = message.MessageAttributes?.runId?.StringValue;
      const run = runs.find((candidate) => candidate.id === runId)!;
      expect(message.MessageAttributes?.sourceMessageId?.StringValue).toBe(run.sqsMessageId);
      // Written with the outcome, never before: a retried attempt queued nothing.
      expect(run.destinationMessage!.createdAt.getTime()).toBeGreaterThanOrEqual(run.finishedAt!.getTime());
    }
    expect(c.versions.length).toBe(1);
    // Nothing more comes: one message per run.
    expect(await queueDepth(sqs, failures.queueUrl)).toMatchObject({ total: 0 });
    expect(await database.db.destinationMessage.count({ where: { eventFlowId: flow.id } })).toBe(4);
  });

  it('keeps each FIFO group in order at a FIFO destination, grouped by the source message’s group', async () => {
    const { sqs, database } = scene;
    const name = `fifo-${randomBytes(4).toString('hex')}`;
    const fifo = { FifoQueue: 'true', ContentBasedDeduplication: 'true' };
    const source = (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-in.fifo`, Attributes: fifo }))).QueueUrl!;
    const destination = (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-out.fifo`, Attributes: fifo }))).QueueUrl!;
    const echo = await algorithmAnswering((call) => ({ body: call.body }));
    const flow = await scene.connect(source, { onSuccessQueueUrl: destination });
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { algorithmId: echo.id } });
    const sent: Array<{ group: string; n: number }> = [];
    for (let n = 0; n < 10; n++) for (const group of ['g1', 'g2']) sent.push({ group, n });
    for (let start = 0; start < sent.length; start += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: source,
          Entries: sent.slice(start, start + 10).map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m), MessageGroupId: m.group })),
        }),
      );
    }

    const received = await receiveAll(sqs, destination, 20, 60_000);
    expect(received).toHaveLength(20);
    for (const group of ['g1', 'g2']) {
      const inGroup = received.filter((m) => m.Attributes?.MessageGroupId === group).map((m) => (JSON.parse(m.Body!) as { n: number }).n);
      expect(inGroup).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    const runs = await runsOf(flow.id);
    expect(runs.every((run) => run.destinationMessage?.deduplicationId === run.id)).toBe(true);
  });

  it('does not send a message SQS would refuse as too big, and says why on the run', async () => {
    const { sqs, database } = scene;
    const source = await createQueueWithDlq(sqs);
    const destination = await createQueueWithDlq(sqs);
    const echo = await algorithmAnswering((call) => ({ body: call.body }));
    const flow = await scene.connect(source.queueUrl, { onSuccessQueueUrl: destination.queueUrl, destinationBody: 'ENVELOPE' });
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { algorithmId: echo.id } });
    // The envelope holds the input and the output: twice 150 KB is over SQS's 256 KiB.
    await sendMessages(sqs, source.queueUrl, [JSON.stringify('x'.repeat(150_000)), JSON.stringify({ small: true })]);

    await expect.poll(async () => (await runsOf(flow.id)).map((run) => run.destinationMessage?.status).sort(), { timeout: 30_000 }).toEqual(['FAILED', 'SENT']);
    const runs = await runsOf(flow.id);
    const big = runs.find((run) => run.destinationMessage?.status === 'FAILED')!;
    expect(big.destinationMessage!.lastError).toMatch(/^Not sent: the message would be 29\d KiB, and SQS takes at most 256 KiB$/);
    const [envelope] = await receiveAll(sqs, destination.queueUrl, 1);
    const small = runs.find((run) => run.destinationMessage?.status === 'SENT')!;
    expect(JSON.parse(envelope!.Body!)).toEqual({
      runId: small.id,
      sqsMessageId: small.sqsMessageId,
      algorithm: `${scene.owner.username}/${echo.name}`,
      version: '1.0.0',
      input: { small: true },
      output: { small: true },
      finishedAt: small.finishedAt!.toISOString(),
    });
  });

  it('marks a message it could not send after its attempts, in plain words', async () => {
    const { sqs, database } = scene;
    const source = await createQueueWithDlq(sqs);
    const missing = source.queueUrl.replace(/[^/]+$/, `missing-${randomBytes(4).toString('hex')}`);
    const echo = await algorithmAnswering((call) => ({ body: call.body }));
    const flow = await scene.connect(source.queueUrl, { onSuccessQueueUrl: missing });
    await database.db.eventFlow.update({ where: { id: flow.id }, data: { algorithmId: echo.id } });
    await sendMessages(sqs, source.queueUrl, ['"hello"']);

    await expect.poll(async () => (await runsOf(flow.id))[0]?.destinationMessage?.status, { timeout: 30_000 }).toBe('FAILED');
    const [run] = await runsOf(flow.id);
    expect(run!.destinationMessage).toMatchObject({ attempts: 2, sentMessageId: null });
    expect(run!.destinationMessage!.lastError).toMatch(/^Not sent after 2 attempts: .*(does not exist|not found)/i);
    const metrics = await database.db.flowMetricMinute.findMany({ where: { eventFlowId: flow.id } });
    expect(metrics.reduce((sum, minute) => sum + minute.destinationsFailed, 0)).toBe(1);
  });
});
