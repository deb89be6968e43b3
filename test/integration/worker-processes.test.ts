import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow, notifyFlowChanged } from '../support/event-flows';
import { createAlgorithm, createUser } from '../support/factories';
import { startPlatformApiStandIn, type PlatformApiStandIn } from '../support/platform-api-stand-in';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { testWorkerEnv } from '../support/worker';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';

// The worker as the real process `npm start` runs (`node --import tsx worker/main.ts`),
// killed and stopped by signals.
describe('worker process', () => {
  let database: TestDatabase;
  let platform: PlatformApiStandIn;
  let sqs: SQSClient;
  let owner: Awaited<ReturnType<typeof createUser>>;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;
  let running: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await startPlatformApiStandIn(database.db);
    sqs = testSqsClient();
    owner = await createUser(database.db);
    algorithm = await createAlgorithm(database.db, owner.id);
  });
  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    await Promise.all(running.map((child) => child.exited));
    running = [];
    // Flows of one test must not be shared with the workers of the next.
    await database.db.eventFlow.updateMany({ data: { enabled: false } });
  });
  afterAll(async () => {
    await platform?.close();
    sqs?.destroy();
    await database?.drop();
  });

  async function startWorkerProcess(env: Record<string, string> = {}) {
    const port = await findFreePort();
    const child = spawnWorkerProcess(testWorkerEnv(database.url, platform.url, { WORKER_METRICS_PORT: String(port), ...env }));
    running.push(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const healthStatus = () => fetch(`${baseUrl}/health`).then((r) => r.status, () => 0);
    await expect.poll(healthStatus, { timeout: 30_000, interval: 250 }).toBe(200);
    return { child, baseUrl };
  }

  async function connectQueue(options: { visibilityTimeout?: number } = {}) {
    const queue = await createQueueWithDlq(sqs, options);
    const flow = await createEventFlow(database.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl });
    await notifyFlowChanged(database.db, flow.id);
    return { ...queue, flow };
  }

  const runsOf = (flowId: string) => database.db.algorithmRun.findMany({ where: { eventFlowId: flowId }, select: { sqsMessageId: true } });
  const notRun = async (flowId: string, sent: string[]) => {
    const ran = new Set((await runsOf(flowId)).map((run) => run.sqsMessageId));
    return sent.filter((id) => !ran.has(id));
  };

  it('loses no message when killed with SIGKILL in the middle of a load and restarted', { timeout: 120_000 }, async () => {
    const { queueUrl, flow } = await connectQueue({ visibilityTimeout: 3 });
    // About 100 messages a second, so the kill lands in the middle of the load.
    platform.answerFor(flow.id, () => ({ status: 200, delayMs: 100 }));
    const first = await startWorkerProcess({ WORKER_MAX_IN_FLIGHT_PER_FLOW: '10' });
    const sent = await sendMessages(sqs, queueUrl, Array.from({ length: 300 }, (_, i) => JSON.stringify({ n: i })));
    await expect.poll(async () => (await runsOf(flow.id)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(60);

    first.child.kill('SIGKILL');
    expect(await first.child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await notRun(flow.id, sent)).length).toBeGreaterThan(0);

    await startWorkerProcess();
    await expect.poll(() => notRun(flow.id, sent), { timeout: 60_000 }).toEqual([]);
    await expect.poll(() => queueDepth(sqs, queueUrl), { timeout: 15_000 }).toEqual({ visible: 0, notVisible: 0 });
  });

  it('on SIGTERM stops polling, finishes in-flight dispatches, abandons what outlasts the grace, and exits 0', { timeout: 60_000 }, async () => {
    const { queueUrl, flow } = await connectQueue({ visibilityTimeout: 30 });
    platform.answerFor(flow.id, (call) => (call.body === '"stuck"' ? 'hang' : { status: 200, delayMs: 1_500 }));
    const { child } = await startWorkerProcess({ WORKER_SHUTDOWN_GRACE_MS: '3000', WORKER_DISPATCH_TIMEOUT_MS: '20000' });
    const [stuck, ...slow] = await sendMessages(sqs, queueUrl, ['"stuck"', '"slow 1"', '"slow 2"', '"slow 3"']);
    await expect.poll(() => platform.pending()).toBe(4);

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);

    // The accepted messages ran and were deleted; the abandoned one is still in the queue.
    expect((await runsOf(flow.id)).map((run) => run.sqsMessageId).sort()).toEqual([...slow].sort());
    expect(await queueDepth(sqs, queueUrl)).toEqual({ visible: 0, notVisible: 1 });
    expect(platform.callsFor(flow.id).filter((call) => call.messageId === stuck)).toHaveLength(1);
  });

  it('serves /health and Prometheus /metrics with counters per flow and a dispatch latency histogram', async () => {
    const { queueUrl, flow } = await connectQueue();
    const { baseUrl } = await startWorkerProcess();
    await sendMessages(sqs, queueUrl, ['1', '2', '3', '4', '5']);
    await expect.poll(async () => (await runsOf(flow.id)).length).toBe(5);

    const health = await fetch(`${baseUrl}/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', healthy: true, flows: 1, listening: true });
    const metrics = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain(`event_flows_messages_received_total{flow="${flow.id}"} 5`);
    expect(metrics).toContain(`event_flows_messages_accepted_total{flow="${flow.id}"} 5`);
    expect(metrics).toMatch(/event_flows_dispatch_duration_seconds_count\{outcome="accepted"\} 5/);
    expect(metrics).toMatch(/event_flows_dispatch_duration_seconds_bucket\{le="0.1",outcome="accepted"\} \d+/);
  });
});
