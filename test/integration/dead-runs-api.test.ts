import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createEndedRuns, createUser } from '../support/factories';
import { signUpOverHttp, type SignedInUser } from '../support/session';

describe('dead runs in the JSON API: filter, counts and replay', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let owner: SignedInUser;
  let stranger: SignedInUser;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;
  let flowId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    [owner, stranger] = [await signUpOverHttp(app.url), await signUpOverHttp(app.url)];
    const ownerRow = await t.db.user.findUniqueOrThrow({ where: { username: owner.username } });
    algorithm = await createAlgorithm(t.db, ownerRow.id);
    flowId = (await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: ownerRow.id, queueUrl: 'http://127.0.0.1:4566/000000000000/orders' })).id;
    await createEndedRuns(t.db, algorithm, 'DEAD', 2, { eventFlowId: flowId });
    await createEndedRuns(t.db, algorithm, 'EXPIRED', 1, { eventFlowId: flowId });
    await createEndedRuns(t.db, algorithm, 'SUCCEEDED', 3, { eventFlowId: flowId });
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  const call = (who: SignedInUser | undefined, path: string, method = 'GET') => fetch(`${app.url}${path}`, { method, headers: who ? { cookie: who.cookie } : {} });
  const runsPath = () => `/api/v1/algorithms/${owner.username}/${algorithm.name}/runs`;
  const statusesOf = async (response: Response) => ((await response.json()).runs as Array<{ status: string }>).map((run) => run.status).sort();

  it('filter the Runs list by status, and refuse an unknown status', async () => {
    expect(await statusesOf(await call(owner, `${runsPath()}?status=dead`))).toEqual(['DEAD', 'DEAD']);
    expect(await statusesOf(await call(owner, `${runsPath()}?status=expired`))).toEqual(['EXPIRED']);
    expect(await statusesOf(await call(owner, runsPath()))).toHaveLength(6);
    const bad = await call(owner, `${runsPath()}?status=zombie`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Unknown run status "zombie"/);
  });

  it('count a connection’s dead runs (DEAD and EXPIRED) on its row', async () => {
    const { flows } = await (await call(owner, `/api/v1/algorithms/${owner.username}/${algorithm.name}/connections`)).json();
    expect(flows).toMatchObject([{ id: flowId, deadRuns: 3 }]);
  });

  it('replay one dead run for its owner only: 404 for others, 409 when it is not dead', async () => {
    const [dead] = await t.db.algorithmRun.findMany({ where: { status: 'DEAD' } });
    const [succeeded] = await t.db.algorithmRun.findMany({ where: { status: 'SUCCEEDED' } });
    expect((await call(undefined, `/api/v1/runs/${dead!.id}/replay`, 'POST')).status).toBe(401);
    expect((await call(stranger, `/api/v1/runs/${dead!.id}/replay`, 'POST')).status).toBe(404);
    expect((await call(owner, `/api/v1/runs/${succeeded!.id}/replay`, 'POST')).status).toBe(409);
    expect((await call(owner, '/api/v1/runs/no-such-run/replay', 'POST')).status).toBe(404);
    expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: dead!.id } })).toMatchObject({ status: 'DEAD' });

    const replayed = await call(owner, `/api/v1/runs/${dead!.id}/replay`, 'POST');
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toEqual({ replayed: 1, refused: 0 });
    expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: dead!.id } })).toMatchObject({ status: 'QUEUED', error: null, maxAttempts: 4 });
  });

  it('replay all dead runs of a connection for its owner only', async () => {
    expect((await call(stranger, `/api/v1/flows/${flowId}/replay-dead`, 'POST')).status).toBe(404);
    expect(await t.db.algorithmRun.count({ where: { status: { in: ['DEAD', 'EXPIRED'] } } })).toBe(2);
    const response = await call(owner, `/api/v1/flows/${flowId}/replay-dead`, 'POST');
    expect(await response.json()).toEqual({ replayed: 2, refused: 0 });
    expect(await t.db.algorithmRun.count({ where: { status: 'QUEUED' } })).toBe(3);
    expect(await (await call(owner, `/api/v1/flows/${flowId}/replay-dead`, 'POST')).json()).toEqual({ replayed: 0, refused: 0 });
  });

  it('admit replays like new work: within the queue limits, the rest stay dead and are reported, and other users still get in', { timeout: 120_000 }, async () => {
    // No executor runs here: what is queued stays queued. Start from an empty backlog.
    await t.db.algorithmRun.updateMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'FAILED' } });
    await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, userQueueLimit: 5, platformQueueLimit: 8 } });
    const withDeadRuns = async (count: number) => {
      const user = await signUpOverHttp(app.url);
      const row = await t.db.user.findUniqueOrThrow({ where: { username: user.username } });
      const own = await createAlgorithm(t.db, row.id);
      const flow = await createEventFlow(t.db, { algorithmId: own.id, creatorId: row.id, queueUrl: `http://127.0.0.1:4566/000000000000/${own.name}` });
      await createEndedRuns(t.db, own, 'DEAD', count, { eventFlowId: flow.id });
      const runs = await t.db.algorithmRun.findMany({ where: { algorithmId: own.id }, select: { id: true } });
      return { user, flowId: flow.id, runIds: runs.map((run) => run.id), statuses: () => t.db.algorithmRun.groupBy({ by: ['status'], where: { algorithmId: own.id }, _count: true }) };
    };
    const ownLimit = 'You have 5 runs waiting to execute, your queue limit; try again later';

    // A replays 20 dead runs one by one: 5 fit A's queue limit, 15 are refused and stay DEAD.
    const a = await withDeadRuns(20);
    const answers = [];
    for (const runId of a.runIds) {
      const response = await call(a.user, `/api/v1/runs/${runId}/replay`, 'POST');
      answers.push({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() });
    }
    expect(answers.filter((answer) => answer.status === 200).map((answer) => answer.body)).toEqual(Array(5).fill({ replayed: 1, refused: 0 }));
    const refusals = answers.filter((answer) => answer.status === 429);
    expect(refusals).toHaveLength(15);
    for (const refusal of refusals) {
      expect(Number(refusal.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refusal.body).toMatchObject({ replayed: 0, refused: 1, message: ownLimit, error: { code: 'TOO_MANY_REQUESTS', message: ownLimit } });
    }
    expect(await a.statuses()).toEqual(expect.arrayContaining([{ status: 'QUEUED', _count: 5 }, { status: 'DEAD', _count: 15 }]));
    // Replaying the connection's dead runs at once fits no better.
    const bulk = await call(a.user, `/api/v1/flows/${a.flowId}/replay-dead`, 'POST');
    expect(bulk.status).toBe(429);
    expect(await bulk.json()).toMatchObject({ replayed: 0, refused: 15, message: ownLimit });

    // B's asynchronous call still finds room in the platform's backlog.
    const b = await createUser(t.db);
    const bsAlgorithm = await createAlgorithm(t.db, b.id);
    const { key } = await createApiKey(t.db, b.id, { name: 'b' });
    const bCall = await fetch(`${app.url}/v1/algo/${b.username}/${bsAlgorithm.name}?output=void`, {
      method: 'POST',
      headers: { authorization: `Simple ${key}`, 'content-type': 'application/json' },
      body: '{"n": 1}',
    });
    expect(bCall.status).toBe(200);

    // C's bulk replay takes what is left of the platform's 8 (A 5, B 1): 2 of 5, the rest reported.
    const c = await withDeadRuns(5);
    const cBulk = await call(c.user, `/api/v1/flows/${c.flowId}/replay-dead`, 'POST');
    expect(cBulk.status).toBe(200);
    expect(await cBulk.json()).toEqual({ replayed: 2, refused: 3, message: "The platform's backlog is full (8 runs waiting); try again later", retryAfterSeconds: expect.any(Number) });
    expect(await t.db.algorithmRun.count({ where: { status: 'QUEUED' } })).toBe(8);
  });
});
