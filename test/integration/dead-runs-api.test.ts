import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createEndedRuns } from '../support/factories';
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
    expect(await replayed.json()).toEqual({ replayed: 1 });
    expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: dead!.id } })).toMatchObject({ status: 'QUEUED', error: null, maxAttempts: 4 });
  });

  it('replay all dead runs of a connection for its owner only', async () => {
    expect((await call(stranger, `/api/v1/flows/${flowId}/replay-dead`, 'POST')).status).toBe(404);
    expect(await t.db.algorithmRun.count({ where: { status: { in: ['DEAD', 'EXPIRED'] } } })).toBe(2);
    const response = await call(owner, `/api/v1/flows/${flowId}/replay-dead`, 'POST');
    expect(await response.json()).toEqual({ replayed: 2 });
    expect(await t.db.algorithmRun.count({ where: { status: 'QUEUED' } })).toBe(3);
    expect(await (await call(owner, `/api/v1/flows/${flowId}/replay-dead`, 'POST')).json()).toEqual({ replayed: 0 });
  });
});
