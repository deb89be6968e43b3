import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMetrics } from '@/lib/flow-metrics/get-flow-metrics';
import type { FlowView } from '@/lib/flows/flow-view';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { startTestRunExecutor } from '../support/run-executor';
import type { Worker } from '@/worker/worker';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { startApp, type RunningApp, TEST_DATA_TOKEN_KEY } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { uniqueName } from '../support/factories';
import { signUpOverHttp, type SignedInUser } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth, sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

// The connection page's API with every real part: the web app's production build, the
// worker and the executor, the SQS emulator through the SDK, and an algorithm endpoint.
describe('a connection page through its API', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor;
  let worker: Worker;
  let user: SignedInUser;
  const algorithm = uniqueName('algo');
  const sqs = testSqsClient();

  const api = async <T>(path: string, init: RequestInit = {}, as: SignedInUser = user): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${app.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie: as.cookie, ...init.headers } });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };
  const post = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', body: JSON.stringify(body) });
  const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body: JSON.stringify(body) });

  async function connect(extra: Record<string, unknown> = {}) {
    const queue = await createQueueWithDlq(sqs);
    const created = await post<{ flow: FlowView }>(`/api/v1/algorithms/${user.username}/${algorithm}/connections`, {
      queueUrl: queue.queueUrl,
      roleArn: 'arn:aws:iam::000000000000:role/local',
      ...extra,
    });
    expect(created.status).toBe(201);
    return { queue, flow: created.body.flow };
  }

  const flowRow = (id: string) => t.db.eventFlow.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    t = await createTestDatabase();
    endpoint = await startAlgorithmEndpoint((call) => {
      const body = call.body as { fail?: boolean; version?: string };
      return body?.fail ? { status: 400, body: { error: { message: 'the algorithm refused this input' } } } : { body: call.body };
    });
    app = await startApp(t.url);
    worker = startTestWorker(t.db, testWorkerConfig(t.url, app.url));
    executor = startTestRunExecutor(t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: app.url, logger, allowLoopbackEndpoints: true }, { executorId: worker.id });
    user = await signUpOverHttp(app.url);
    expect((await post(`/api/v1/algorithms`, { name: algorithm })).status).toBe(201);
    for (const version of ['1.0.0', '2.0.0']) {
      const published = await post(`/api/v1/algorithms/${user.username}/${algorithm}/versions`, { version, endpointUrl: `${endpoint.url}/v${version}` });
      expect(published.status).toBe(201);
    }
  });
  afterAll(async () => {
    await worker?.stop();
    await executor?.stop(1_000);
    await app?.stop();
    await endpoint?.close();
    sqs.destroy();
    await t?.drop();
  });

  it('refuses a malformed filter pattern with a field error and saves nothing', async () => {
    const { flow } = await connect();
    const refused = await patch<{ error: { fieldErrors: Record<string, string> } }>(`/api/v1/flows/${flow.id}`, { filters: ['{"type": ["order"]}', '{"type": "order"}'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fieldErrors['filters.1']).toMatch(/"type" needs a list of values/);
    expect(await flowRow(flow.id)).toMatchObject({ filters: null, editedAt: null });

    const badCreate = await post<{ error: { fieldErrors: Record<string, string> } }>(`/api/v1/algorithms/${user.username}/${algorithm}/connections`, {
      queueUrl: (await createQueueWithDlq(sqs)).queueUrl,
      roleArn: 'arn:aws:iam::000000000000:role/local',
      filters: JSON.stringify(['{"amount": [{"numeric": [">"]}]}']),
    });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body.error.fieldErrors['filters.0']).toMatch(/numeric/);
  });

  it('runs the 4 of 10 messages that match {"type": ["order"]}, counts 6 as filtered, and empties the queue', async () => {
    const { queue, flow } = await connect({ filters: [{ type: ['order'] }] });
    const bodies = Array.from({ length: 10 }, (_, n) => JSON.stringify({ n, type: n % 5 < 2 ? 'order' : 'refund' }));
    await sendMessages(sqs, queue.queueUrl, bodies);
    await expect.poll(async () => (await flowRow(flow.id)).filteredCount, { timeout: 20_000, interval: 200 }).toBe(6);
    await expect.poll(() => t.db.algorithmRun.count({ where: { eventFlowId: flow.id } }), { timeout: 10_000 }).toBe(4);
    const inputs = await t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, select: { input: true } });
    expect(inputs.every(({ input }) => (input as { type: string }).type === 'order')).toBe(true);
    await expect.poll(async () => (await queueDepth(sqs, queue.queueUrl)).total, { timeout: 10_000 }).toBe(0);
    expect(await flowRow(flow.id)).toMatchObject({ receivedCount: 10, acceptedCount: 4, filteredCount: 6 });
  });

  it('after 100 messages (some failing, some filtered) the chart series add up to the counters and the runs', { timeout: 120_000 }, async () => {
    const { queue, flow } = await connect({ filters: [{ kind: ['work'] }, { fail: [true] }] });
    const bodies = Array.from({ length: 100 }, (_, n) => JSON.stringify(n % 10 === 0 ? { kind: 'noise', n } : n % 7 === 0 ? { fail: true, n } : { kind: 'work', n }));
    await sendMessages(sqs, queue.queueUrl, bodies);
    const expectedRuns = bodies.filter((body) => !body.includes('noise')).length;
    await expect
      .poll(() => t.db.algorithmRun.count({ where: { eventFlowId: flow.id, finishedAt: { not: null } } }), { timeout: 60_000, interval: 250 })
      .toBe(expectedRuns);
    // Every receipt (a message requeued on a 429 comes back) has exactly one outcome once the counters are flushed.
    await expect.poll(async () => (await queueDepth(sqs, queue.queueUrl)).total, { timeout: 10_000 }).toBe(0);
    await expect
      .poll(
        async () => {
          const counts = await flowRow(flow.id);
          return counts.receivedCount - counts.acceptedCount - counts.filteredCount - counts.requeuedCount - counts.failedCount;
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(0);

    const row = await flowRow(flow.id);
    const runs = await t.db.algorithmRun.groupBy({ by: ['status'], where: { eventFlowId: flow.id }, _count: true });
    const runsWith = (status: string) => runs.find((r) => r.status === status)?._count ?? 0;
    const { status, body: metrics } = await api<FlowMetrics>(`/api/v1/flows/${flow.id}/metrics?range=hour`);
    expect(status).toBe(200);
    expect(metrics.points).toHaveLength(60);
    const sum = (pick: (point: FlowMetrics['points'][number]) => number) => metrics.points.reduce((total, point) => total + pick(point), 0);
    expect({
      received: sum((p) => p.received),
      accepted: sum((p) => p.accepted),
      filtered: sum((p) => p.filtered),
      requeued: sum((p) => p.requeued),
      failed: sum((p) => p.failed),
      runsSucceeded: sum((p) => p.runsSucceeded),
      runsFailed: sum((p) => p.runsFailed),
    }).toEqual({
      received: row.receivedCount,
      accepted: row.acceptedCount,
      filtered: row.filteredCount,
      requeued: row.requeuedCount,
      failed: row.failedCount,
      runsSucceeded: runsWith('SUCCEEDED'),
      runsFailed: runsWith('FAILED') + runsWith('TIMED_OUT'),
    });
    expect(row.receivedCount).toBeGreaterThanOrEqual(100);
    expect(row.filteredCount).toBe(10);
    expect(runsWith('FAILED')).toBeGreaterThan(0);
    expect(metrics.points.some((p) => p.p50Ms !== null && p.p95Ms !== null && p.p95Ms >= p.p50Ms)).toBe(true);
    const day = await api<FlowMetrics>(`/api/v1/flows/${flow.id}/metrics?range=day`);
    expect(day.body.points).toHaveLength(96);
    expect(day.body.totals).toEqual(metrics.totals);

    // The queue readout is kept as the minute's backlog and DLQ sample.
    const queueNow = await api<{ readout: { source: { ok: boolean } } }>(`/api/v1/flows/${flow.id}/queue`);
    expect(queueNow.body.readout.source.ok).toBe(true);
    const sampled = await api<FlowMetrics>(`/api/v1/flows/${flow.id}/metrics`);
    expect(sampled.body.points.at(-1)).toMatchObject({ queueBacklog: 0, dlqDepth: 0 });
  });

  it('sends a test message as the flow, and its trace shows the same message id', async () => {
    const { flow } = await connect();
    const sent = await post<{ ok: true; messageId: string }>(`/api/v1/flows/${flow.id}/test-message`, { body: '{"filename": "a.txt", "data": "hello"}' });
    expect(sent.status).toBe(201);
    const { messageId } = sent.body;
    await expect
      .poll(async () => (await api<{ messages: Array<{ messageId: string; outcome: string }> }>(`/api/v1/flows/${flow.id}/messages?messageId=${messageId}`)).body.messages, {
        timeout: 15_000,
        interval: 200,
      })
      .toEqual([expect.objectContaining({ messageId, outcome: 'SUCCEEDED' })]);
    const trace = await api<{ messageId: string; runs: Array<{ input: unknown; output: unknown; totalMs: number }> }>(`/api/v1/flows/${flow.id}/messages/${messageId}`);
    expect(trace.body).toMatchObject({ messageId, runs: [{ input: { filename: 'a.txt', data: 'hello' }, output: { filename: 'a.txt', data: 'hello' } }] });
    expect(trace.body.runs[0]!.totalMs).toBeGreaterThanOrEqual(0);
    const runs = await api<{ runs: Array<{ sqsMessageId: string }> }>(`/api/v1/algorithms/${user.username}/${algorithm}/runs?messageId=${messageId.slice(0, 8)}`);
    expect(runs.body.runs.map((run) => run.sqsMessageId)).toContain(messageId);

    const empty = await post<{ error: { fieldErrors: Record<string, string> } }>(`/api/v1/flows/${flow.id}/test-message`, { body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fieldErrors.body).toBe('Enter a message body');
  });

  it('runs the edited version for the next message, without a restart, and records the edit', async () => {
    const { queue, flow } = await connect({ version: '1.0.0' });
    const edited = await patch<{ flow: FlowView }>(`/api/v1/flows/${flow.id}`, { version: '2.0.0', maxAttempts: '3', maxConcurrency: '' });
    expect(edited.status).toBe(200);
    expect(edited.body.flow).toMatchObject({ version: '2.0.0', maxAttempts: 3, maxConcurrency: null, editedBy: user.username });
    const [messageId] = await sendMessages(sqs, queue.queueUrl, ['{"after": "edit"}']);
    await expect
      .poll(() => t.db.algorithmRun.findFirst({ where: { sqsMessageId: messageId }, select: { version: { select: { version: true } } } }), { timeout: 5_000, interval: 100 })
      .toEqual({ version: { version: '2.0.0' } });

    const unknown = await patch<{ error: { fieldErrors: Record<string, string> } }>(`/api/v1/flows/${flow.id}`, { version: '9.9.9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fieldErrors.version).toMatch(/no published version 9\.9\.9/);
    expect((await flowRow(flow.id)).version).toBe('2.0.0');
  });

  it('lets an admin read another user’s connection, but not send into its queue or redrive it with its role', async () => {
    const admin = user; // the installation's first account
    expect((await t.db.user.findUniqueOrThrow({ where: { username: admin.username } })).role).toBe('ADMIN');
    const owner = await signUpOverHttp(app.url);
    const ownersAlgorithm = uniqueName('algo');
    expect((await api('/api/v1/algorithms', { method: 'POST', body: JSON.stringify({ name: ownersAlgorithm }) }, owner)).status).toBe(201);
    const queue = await createQueueWithDlq(sqs);
    const created = await api<{ flow: FlowView }>(
      `/api/v1/algorithms/${owner.username}/${ownersAlgorithm}/connections`,
      { method: 'POST', body: JSON.stringify({ queueUrl: queue.queueUrl, roleArn: 'arn:aws:iam::000000000000:role/local' }) },
      owner,
    );
    expect(created.status).toBe(201);
    const flowPath = `/api/v1/flows/${created.body.flow.id}`;

    for (const path of ['', '/metrics', '/messages', '/queue', '/dlq-messages', '/redrive']) {
      expect((await api(`${flowPath}${path}`, {}, admin)).status, path).toBe(200);
    }
    expect((await api(`${flowPath}/test`, { method: 'POST' }, admin)).status).toBe(200);
    const sent = await api<{ error: { message: string } }>(`${flowPath}/test-message`, { method: 'POST', body: '{"body": "from the admin"}' }, admin);
    expect(sent).toMatchObject({ status: 404, body: { error: { message: 'No such event flow' } } });
    expect((await api(`${flowPath}/redrive`, { method: 'POST' }, admin)).status).toBe(404);
    expect((await queueDepth(sqs, queue.queueUrl)).total).toBe(0);
    // Its owner may.
    expect((await api(`${flowPath}/test-message`, { method: 'POST', body: '{"body": "from the owner"}' }, owner)).status).toBe(201);
  });

  it('answers 404 to another user for every part of the page', async () => {
    const { flow } = await connect();
    const stranger = await signUpOverHttp(app.url);
    for (const path of ['', '/metrics', '/messages', '/queue', '/messages/x']) {
      expect((await api(`/api/v1/flows/${flow.id}${path}`, {}, stranger)).status, path).toBe(404);
    }
    expect((await api(`/api/v1/flows/${flow.id}/test-message`, { method: 'POST', body: '{"body": "x"}' }, stranger)).status).toBe(404);
    expect((await api(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: '{"version": "1.0.0"}' }, stranger)).status).toBe(404);
    expect((await api(`/api/v1/flows/${flow.id}`)).status).toBe(200);
  });
});
