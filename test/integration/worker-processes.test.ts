import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { admitRuns } from '@/lib/runs/admit-runs';
import { startAlgorithmEndpoint } from '../support/algorithm-endpoint';
import { createAlgorithm } from '../support/factories';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

// The worker as the real process `npm start` runs (its bundle, `.build/worker/main.mjs`),
// killed and stopped by signals.
describe('worker process', () => {
  let scene: WorkerScene;
  let running: WorkerProcess[] = [];

  beforeAll(async () => {
    scene = await createWorkerScene();
  });
  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    await Promise.all(running.map((child) => child.exited));
    running = [];
    // Flows of one test must not be shared with the workers of the next.
    await scene.database.db.eventFlow.updateMany({ data: { enabled: false } });
    // Nor their runs: queued as the platform queues them (with retries), against the
    // scene's endpoint that refuses, they would hold the owner's session limit meanwhile.
    await scene.database.db.algorithmRun.deleteMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } } });
  });
  afterAll(async () => {
    await scene?.close();
  });

  async function startWorkerProcess(env: Record<string, string> = {}) {
    const port = await findFreePort();
    const child = spawnWorkerProcess(scene.workerEnv({ WORKER_METRICS_PORT: String(port), ...env }));
    running.push(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const healthStatus = () => fetch(`${baseUrl}/health`).then((r) => r.status, () => 0);
    await expect.poll(healthStatus, { timeout: 30_000, interval: 250 }).toBe(200);
    return { child, baseUrl };
  }

  const notRun = async (flowId: string, sent: string[]) => {
    const ran = new Set(await scene.runMessageIds(flowId));
    return sent.filter((id) => !ran.has(id));
  };
  const runCount = async (flowId: string) => (await scene.runMessageIds(flowId)).length;

  it('loses no message when killed with SIGKILL in the middle of a load and restarted', { timeout: 120_000 }, async () => {
    const { queueUrl, flow } = await scene.connectQueue({ visibilityTimeout: 3 });
    // About 100 messages a second, so the kill lands in the middle of the load.
    scene.platform.answerFor(flow.id, () => ({ status: 200, delayMs: 100 }));
    const first = await startWorkerProcess({ WORKER_MAX_IN_FLIGHT_PER_FLOW: '10' });
    const sent = await sendMessages(scene.sqs, queueUrl, Array.from({ length: 300 }, (_, i) => JSON.stringify({ n: i })));
    await expect.poll(() => runCount(flow.id), { timeout: 30_000 }).toBeGreaterThanOrEqual(60);

    first.child.kill('SIGKILL');
    expect(await first.child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await notRun(flow.id, sent)).length).toBeGreaterThan(0);

    await startWorkerProcess();
    await expect.poll(() => notRun(flow.id, sent), { timeout: 60_000 }).toEqual([]);
    await expect.poll(() => queueDepth(scene.sqs, queueUrl), { timeout: 15_000 }).toMatchObject({ visible: 0, notVisible: 0 });
  });

  it('runs a run again (attempt 2) when the worker process executing it is SIGKILLed, within the lease + 5 s', { timeout: 60_000 }, async () => {
    const leaseMs = 3_000;
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const endpoint = await startAlgorithmEndpoint(async (call) => {
      if (call.headers['x-run-attempt'] === '1') await firstHeld;
      return { body: call.body };
    });
    try {
      const { db } = scene.database;
      const algorithm = await createAlgorithm(db, scene.owner.id, { endpointUrl: endpoint.url });
      const { admissions } = await admitRuns(
        db,
        { algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: scene.owner.id, timeoutSeconds: 30, status: 'QUEUED', maxAttempts: 3 },
        [{ input: 'interrupted' }],
      );
      const runId = admissions[0]?.admitted ? admissions[0].runId : '';
      const first = await startWorkerProcess({ WORKER_LEASE_MS: String(leaseMs) });
      await expect.poll(() => endpoint.calls.length, { timeout: 15_000 }).toBe(1);

      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      await first.child.exited;
      await startWorkerProcess({ WORKER_LEASE_MS: String(leaseMs) });
      await expect
        .poll(async () => (await db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: leaseMs + 5_000, interval: 100 })
        .toBe('SUCCEEDED');
      expect(Date.now() - killedAt).toBeLessThan(leaseMs + 5_000);
      expect(await db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ attempt: 2, output: 'interrupted' });
      expect(endpoint.calls.map((call) => call.headers['x-run-attempt'])).toEqual(['1', '2']);
    } finally {
      releaseFirst();
      await endpoint.close();
    }
  });

  it('on SIGTERM stops polling, finishes in-flight dispatches, abandons what outlasts the grace, and exits 0', { timeout: 60_000 }, async () => {
    const { queueUrl, flow } = await scene.connectQueue({ visibilityTimeout: 30 });
    scene.platform.answerFor(flow.id, (call) => (call.body === '"stuck"' ? 'hang' : { status: 200, delayMs: 1_500 }));
    const { child } = await startWorkerProcess({ WORKER_SHUTDOWN_GRACE_MS: '3000', WORKER_DISPATCH_TIMEOUT_MS: '20000' });
    // A batch waits for its slowest message: the stuck one goes first, in a batch of its own.
    const [stuck] = await sendMessages(scene.sqs, queueUrl, ['"stuck"']);
    await expect.poll(() => scene.platform.pending()).toBe(1);
    const slow = await sendMessages(scene.sqs, queueUrl, ['"slow 1"', '"slow 2"', '"slow 3"']);
    await expect.poll(() => scene.platform.pending()).toBe(4);

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);

    // The accepted messages ran and were deleted; the abandoned one is still in the queue.
    expect((await scene.runMessageIds(flow.id)).sort()).toEqual([...slow].sort());
    expect(await queueDepth(scene.sqs, queueUrl)).toMatchObject({ visible: 0, notVisible: 1 });
    expect(scene.platform.callsFor(flow.id).filter((call) => call.messageId === stuck)).toHaveLength(1);
  });

  it('serves /health and Prometheus /metrics with counters per flow and a dispatch latency histogram', async () => {
    const { queueUrl, flow } = await scene.connectQueue();
    const { baseUrl } = await startWorkerProcess();
    await sendMessages(scene.sqs, queueUrl, ['1', '2', '3', '4', '5']);
    await expect.poll(() => runCount(flow.id)).toBe(5);

    const health = await fetch(`${baseUrl}/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', healthy: true, flows: 1, listening: true });
    const metrics = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain(`event_flows_messages_received_total{flow="${flow.id}"} 5`);
    expect(metrics).toContain(`event_flows_messages_accepted_total{flow="${flow.id}"} 5`);
    expect(metrics).toMatch(/event_flows_dispatch_duration_seconds_count\{outcome="accepted"\} 5/);
    expect(metrics).toMatch(/event_flows_dispatch_duration_seconds_bucket\{le="0.1",outcome="accepted"\} \d+/);
  });
});
