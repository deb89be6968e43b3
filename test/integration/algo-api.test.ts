import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { workerApiToken } from '@/lib/auth/worker-token';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { startApp, TEST_AUTH_SECRET, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';

describe('the algorithm API', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let endpoint: AlgorithmEndpoint;

  beforeAll(async () => {
    t = await createTestDatabase();
    endpoint = await startAlgorithmEndpoint(async (call) => {
      if (typeof call.body === 'string') return { body: call.body.toUpperCase(), text: true };
      const input = call.body as { sleepMs?: number; fail?: string } | null;
      if (input?.sleepMs) await sleep(input.sleepMs);
      if (input?.fail) return { status: 500, body: { error: { message: input.fail } } };
      return { body: { received: input } };
    });
    // Generous environment defaults; the capacity tests save lower settings themselves.
    app = await startApp(t.url, { MAX_WORKERS: '1000', USER_SESSION_LIMIT: '1000' });
  });
  afterAll(async () => {
    await app?.stop();
    await endpoint?.close();
    await t?.drop();
  });

  async function ownerWithAlgorithm() {
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { endpointUrl: endpoint.url, version: '1.0.0' });
    const { key } = await createApiKey(t.db, user.id, { name: 'test' });
    return { user, algorithm, key, path: `${user.username}/${algorithm.name}` };
  }

  function call(path: string, init: { key?: string; authorization?: string; json?: unknown; text?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.key) headers.authorization = `Simple ${init.key}`;
    if (init.authorization) headers.authorization = init.authorization;
    headers['content-type'] = init.text === undefined ? 'application/json' : 'text/plain';
    const body = init.text ?? JSON.stringify(init.json ?? {});
    return fetch(`${app.url}/v1/algo/${path}`, { method: 'POST', headers, body });
  }

  const worker = `Worker ${workerApiToken(TEST_AUTH_SECRET)}`;

  async function flowOf(options: { version?: string; timeoutSeconds?: number; enabled?: boolean } = {}) {
    const owner = await ownerWithAlgorithm();
    const flow = await t.db.eventFlow.create({
      data: {
        kind: 'BROKER',
        algorithmId: owner.algorithm.id,
        creatorId: owner.user.id,
        queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/q-${randomUUID()}`,
        roleArn: 'arn:aws:iam::123456789012:role/READ_SQS',
        ...options,
      },
    });
    return { ...owner, flow };
  }

  function deliver(flowId: string, messages: unknown, authorization = worker) {
    return fetch(`${app.url}/v1/event-flows/${flowId}/messages`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
    });
  }

  async function results(response: Response): Promise<Array<{ id: string; status: number; runId?: string; error?: string }>> {
    expect(response.status).toBe(200);
    return (await response.json()).results;
  }

  describe('with a personal API key', () => {
    it('runs the algorithm synchronously and answers its output with the run metadata', async () => {
      const { key, path, algorithm } = await ownerWithAlgorithm();
      const response = await call(`${path}/1.0.0`, { key, json: { filename: 'a.txt' } });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ result: { received: { filename: 'a.txt' } }, metadata: { content_type: 'json' } });
      expect(body.metadata.duration).toBeGreaterThanOrEqual(0);
      const run = await t.db.algorithmRun.findUniqueOrThrow({ where: { id: body.metadata.run_id } });
      expect(run).toMatchObject({ algorithmId: algorithm.id, status: 'SUCCEEDED', source: 'API', input: { filename: 'a.txt' }, timeoutSeconds: 300 });
    });

    it('passes a body that is not JSON as a string, and accepts Bearer keys', async () => {
      const { key, path } = await ownerWithAlgorithm();
      const response = await call(path, { authorization: `Bearer ${key}`, text: 'plain words' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ result: 'PLAIN WORDS', metadata: { content_type: 'text' } });
    });

    it('answers 401 without a key or with a wrong one, and 404 for what the key does not own', async () => {
      const { path } = await ownerWithAlgorithm();
      const stranger = await ownerWithAlgorithm();
      expect((await call(path)).status).toBe(401);
      expect((await call(path, { key: 'ef_not-a-real-key' })).status).toBe(401);
      const before = await t.db.algorithmRun.count();
      const theirs = await call(path, { key: stranger.key });
      expect(theirs.status).toBe(404);
      expect(await theirs.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect((await call(`${stranger.path}/9.9.9`, { key: stranger.key })).status).toBe(404);
      expect((await call(`${stranger.user.username}/no-such-algorithm`, { key: stranger.key })).status).toBe(404);
      expect(await t.db.algorithmRun.count()).toBe(before);
    });

    it('refuses invalid JSON with 400 and stores nothing', async () => {
      const { key, path } = await ownerWithAlgorithm();
      const before = await t.db.algorithmRun.count();
      const response = await fetch(`${app.url}/v1/algo/${path}`, { method: 'POST', headers: { authorization: `Simple ${key}`, 'content-type': 'application/json' }, body: '{"nope' });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/not valid JSON/);
      expect(await t.db.algorithmRun.count()).toBe(before);
    });

    it("reports the algorithm's error (400) and a run past its timeout (504), each with its run id", async () => {
      const { key, path } = await ownerWithAlgorithm();
      const failed = await call(path, { key, json: { fail: 'bad input' } });
      expect(failed.status).toBe(400);
      const failedBody = await failed.json();
      expect(failedBody.error).toEqual({ code: 'ALGORITHM_ERROR', message: 'The algorithm answered HTTP 500: bad input' });

      const slow = await call(`${path}?timeout=1`, { key, json: { sleepMs: 3_000 } });
      expect(slow.status).toBe(504);
      const slowBody = await slow.json();
      expect(slowBody.error.code).toBe('ALGORITHM_TIMEOUT');
      expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: slowBody.metadata.run_id } })).toMatchObject({ status: 'TIMED_OUT', timeoutSeconds: 1 });
      expect((await call(`${path}?timeout=0`, { key })).status).toBe(400);
    });

    it('runs the store-file example in the web process, which writes through the data API with its context', async () => {
      const user = await createUser(t.db);
      const { key } = await createApiKey(t.db, user.id, { name: 'test' });
      await t.db.dataCollection.create({ data: { ownerId: user.id, name: 'event_output_directory' } });
      const endpointUrl = `${app.url}/api/examples/store-file?owner=${user.username}&collection=event_output_directory`;
      await createAlgorithm(t.db, user.id, { name: 'store-file', endpointUrl, version: '0.1.0' });
      const response = await call(`${user.username}/store-file`, { key, json: { filename: 'some-new-file.txt', data: 'file contents to store' } });
      expect(response.status).toBe(200);
      expect((await response.json()).result).toEqual({ stored: `data://${user.username}/event_output_directory/some-new-file.txt`, size: 22 });
      const file = await t.db.dataFile.findFirstOrThrow({ where: { path: 'some-new-file.txt', collection: { ownerId: user.id } } });
      expect(Buffer.from(file.content).toString()).toBe('file contents to store');
    });

    it('with ?output=void answers 200 once the run is stored, queued for the executor', async () => {
      const { key, path } = await ownerWithAlgorithm();
      const response = await call(`${path}?output=void`, { key, json: { n: 1 } });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ result: { run_id: expect.any(String) }, metadata: { status: 'QUEUED' } });
      expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: body.result.run_id } })).toMatchObject({ status: 'QUEUED', input: { n: 1 } });
    });
  });

  describe("for the worker: the flow entry, one call per SQS batch", () => {
    it("queues a run per message as the flow's creator, with the flow's version, timeout and message id", async () => {
      const { flow, algorithm, user } = await flowOf({ version: '1.0.0', timeoutSeconds: 42 });
      await t.db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version: '2.0.0', endpointUrl: endpoint.url } });
      const answers = await results(await deliver(flow.id, [{ id: 'message-1', body: '{"filename":"x"}' }, { id: 'message-2', body: 'plain words' }]));
      expect(answers.map(({ id, status }) => ({ id, status }))).toEqual([{ id: 'message-1', status: 200 }, { id: 'message-2', status: 200 }]);
      const runs = await t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, include: { version: true }, orderBy: { sqsMessageId: 'asc' } });
      expect(runs.map((run) => run.id)).toEqual(answers.map((answer) => answer.runId));
      for (const run of runs) {
        expect(run).toMatchObject({ callerId: user.id, source: 'EVENT_FLOW', eventFlowId: flow.id, timeoutSeconds: 42, status: 'QUEUED' });
        expect(run.version?.version).toBe('1.0.0');
      }
      expect(runs.map((run) => run.input)).toEqual([{ filename: 'x' }, 'plain words']);
    });

    it('runs the latest published version and the default timeout when the flow names none', async () => {
      const { flow, algorithm } = await flowOf();
      await t.db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version: '2.0.0', endpointUrl: endpoint.url } });
      const [answer] = await results(await deliver(flow.id, [{ id: 'message-1', body: '{}' }]));
      const run = await t.db.algorithmRun.findUniqueOrThrow({ where: { id: answer!.runId }, include: { version: true } });
      expect(run.version?.version).toBe('2.0.0');
      expect(run.timeoutSeconds).toBe(300);
    });

    it('answers a redelivered message, or one repeated in its batch, with its existing run', async () => {
      const { flow } = await flowOf();
      const [first] = await results(await deliver(flow.id, [{ id: 'message-1', body: '{}' }]));
      const again = await results(await deliver(flow.id, [{ id: 'message-1', body: '{}' }, { id: 'message-2', body: '{}' }, { id: 'message-2', body: '{}' }]));
      expect(again[0]).toEqual({ id: 'message-1', status: 200, runId: first!.runId });
      expect(again[2]).toEqual(again[1]);
      const racing = await Promise.all(Array.from({ length: 5 }, () => deliver(flow.id, [{ id: 'message-3', body: '{}' }]).then(results)));
      expect(new Set(racing.map(([answer]) => answer!.runId)).size).toBe(1);
      expect(await t.db.algorithmRun.count({ where: { eventFlowId: flow.id } })).toBe(3);
    });

    it('refuses a wrong token (401), a malformed batch (400), and a disabled or unknown flow (404), storing nothing', async () => {
      const { flow } = await flowOf();
      const paused = await flowOf({ enabled: false });
      const one = [{ id: 'm', body: '{}' }];
      expect((await deliver(flow.id, one, 'Worker not-the-token')).status).toBe(401);
      expect((await deliver(flow.id, one, `Simple ${(await ownerWithAlgorithm()).key}`)).status).toBe(401);
      expect((await deliver(flow.id, [])).status).toBe(400);
      expect((await deliver(flow.id, Array.from({ length: 11 }, (_, i) => ({ id: `m${i}`, body: '{}' })))).status).toBe(400);
      // A message without an id cannot be answered for: no result, no run (SQS redelivers it).
      const noId = await deliver(flow.id, [{ body: '{}' }]);
      expect(noId.status).toBe(200);
      expect((await noId.json()).results).toEqual([]);
      expect((await deliver(paused.flow.id, one)).status).toBe(404);
      expect((await deliver('no-such-flow', one)).status).toBe(404);
      expect(await t.db.algorithmRun.count({ where: { eventFlowId: { in: [flow.id, paused.flow.id] } } })).toBe(0);
    });

    it('answers each message of a batch on its own: a bad one gets its 400, the others their runs', async () => {
      const { flow } = await flowOf();
      const response = await deliver(flow.id, [
        { id: 'good', body: '{"n":1}' },
        { id: 'too-big', body: 'x'.repeat(1024 * 1024 + 1) },
        { id: 'nul', body: '{"text":"\\u0000"}' },
      ]);
      expect(response.status).toBe(200);
      const { results } = await response.json();
      expect(results).toEqual([
        { id: 'good', status: 200, runId: expect.any(String) },
        { id: 'nul', status: 200, runId: expect.any(String) },
        { id: 'too-big', status: 400, error: 'The message cannot be run: A message body may hold at most 1048576 bytes' },
      ]);
      const runs = await t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, select: { sqsMessageId: true, input: true, inputNote: true } });
      expect(runs.find((run) => run.sqsMessageId === 'good')).toMatchObject({ input: { n: 1 }, inputNote: null });
      expect(runs.find((run) => run.sqsMessageId === 'nul')).toMatchObject({ input: '{"text":"\\u0000"}', inputNote: expect.stringContaining('\\u0000') });
      expect(runs).toHaveLength(2);
    });
  });

  describe('over capacity', () => {
    beforeEach(async () => {
      // Earlier tests left queued runs (no executor runs here): start from none in flight.
      await t.db.algorithmRun.updateMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'FAILED' } });
      await t.db.platformSettings.deleteMany();
    });

    it('answers 429 with a Retry-After once the backlog is full: per user, then platform-wide', async () => {
      await t.db.platformSettings.create({ data: { maxWorkers: 1, userSessionLimit: 1, userQueueLimit: 1, platformQueueLimit: 2 } });
      const ada = await ownerWithAlgorithm();
      const bob = await ownerWithAlgorithm();
      const cy = await ownerWithAlgorithm();
      expect((await call(`${ada.path}?output=void`, { key: ada.key })).status).toBe(200);
      const overUserLimit = await call(`${ada.path}?output=void`, { key: ada.key });
      expect(overUserLimit.status).toBe(429);
      expect(Number(overUserLimit.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await overUserLimit.json()).error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'You have 1 runs waiting to execute, your queue limit; try again later' });
      expect((await call(`${bob.path}?output=void`, { key: bob.key })).status).toBe(200);
      const overPlatform = await call(`${cy.path}?output=void`, { key: cy.key });
      expect(overPlatform.status).toBe(429);
      expect((await overPlatform.json()).error.message).toBe("The platform's backlog is full (2 runs waiting); try again later");
      // The backlog drains (the executor claimed ada's run): the same call is accepted.
      await t.db.algorithmRun.updateMany({ where: { callerId: ada.user.id }, data: { status: 'RUNNING' } });
      expect((await call(`${cy.path}?output=void`, { key: cy.key })).status).toBe(200);
    });

    it("gives queued runs the platform's default attempts: the admin's setting, else the environment's", async () => {
      const owner = await ownerWithAlgorithm();
      const queue = async () => (await (await call(`${owner.path}?output=void`, { key: owner.key })).json()).result.run_id as string;
      const envDefault = await queue();
      await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, defaultMaxAttempts: 7 } });
      const adminDefault = await queue();
      expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: envDefault } })).toMatchObject({ maxAttempts: 3, attempt: 0 });
      expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: adminDefault } })).toMatchObject({ maxAttempts: 7, attempt: 0 });
    });

    it('queues runs beyond the execution limits: only the backlog decides', async () => {
      await t.db.platformSettings.create({ data: { maxWorkers: 1, userSessionLimit: 1 } });
      const owner = await ownerWithAlgorithm();
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(`${owner.path}?output=void`, { key: owner.key })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    });

    it('runs a synchronous call only while an execution slot is free', async () => {
      await t.db.platformSettings.create({ data: { maxWorkers: 8, userSessionLimit: 1 } });
      const owner = await ownerWithAlgorithm();
      const busy = await call(`${owner.path}?output=void`, { key: owner.key });
      const { metadata } = (await busy.json()) as { metadata: { run_id: string } };
      await t.db.algorithmRun.update({ where: { id: metadata.run_id }, data: { status: 'RUNNING' } });
      const refused = await call(owner.path, { key: owner.key });
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.message).toBe('You have 1 runs executing, your session limit; try again later');
    });

    it('admits exactly the free room when many calls arrive at once', async () => {
      await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, platformQueueLimit: 3 } });
      const owner = await ownerWithAlgorithm();
      const responses = await Promise.all(Array.from({ length: 12 }, () => call(`${owner.path}?output=void`, { key: owner.key })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, ...Array(9).fill(429)]);
      expect(await t.db.algorithmRun.count({ where: { status: 'QUEUED' } })).toBe(3);
    });

    it('accepts the part of a flow batch that fits, answers 429 for the rest, and says how much room is left', async () => {
      await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, platformQueueLimit: 3 } });
      const { flow } = await flowOf();
      const response = await deliver(flow.id, Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, body: '{}' })));
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const answer = (await response.json()) as { results: Array<{ status: number; error?: string }>; room: number; retryAfterSeconds: number };
      expect(answer.results.map((result) => result.status)).toEqual([200, 200, 200, 429, 429]);
      expect(answer.results[3]?.error).toBe("The platform's backlog is full (3 runs waiting); try again later");
      expect(answer).toMatchObject({ room: 0, retryAfterSeconds: Number(response.headers.get('retry-after')) });
      expect((await t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id }, select: { sqsMessageId: true } })).map((run) => run.sqsMessageId).sort()).toEqual(['m0', 'm1', 'm2']);
    });
  });
});
