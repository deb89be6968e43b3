import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowMessagePage } from '@/lib/flow-messages/list-flow-messages';
import { COUNT_LIMIT } from '@/lib/pagination/list-page';
import type { RunPage } from '@/lib/runs/list-algorithm-runs';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { uniqueName } from '../support/factories';
import { signUpOverHttp, type SignedInUser } from '../support/session';

// The Runs tab's and Recent messages' API: pages of 50 after a keyset cursor, a total that
// is exact up to COUNT_LIMIT, and the same rows in the same order however they are paged.
describe('paged lists of runs and messages', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let user: SignedInUser;
  let algorithm: { id: string; name: string; versionId: string; ownerId: string };
  let flowId: string;
  const base = Date.parse('2026-12-01T00:00:00.000Z');

  const get = async <T>(path: string, as: SignedInUser = user) => {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie: as.cookie } });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** Every page from the first, following nextCursor. */
  async function allPages<P extends { nextCursor: string | null }>(path: string): Promise<P[]> {
    const pages: P[] = [];
    let cursor: string | null = null;
    do {
      const answer: { status: number; body: P } = await get<P>(`${path}${path.includes('?') ? '&' : '?'}${cursor ? `cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.status).toBe(200);
      pages.push(answer.body);
      cursor = answer.body.nextCursor;
    } while (cursor && pages.length < 10);
    return pages;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    user = await signUpOverHttp(app.url);
    const owner = await t.db.user.findUniqueOrThrow({ where: { username: user.username } });
    const created = await t.db.algorithm.create({
      data: { ownerId: owner.id, name: uniqueName('algo'), versions: { create: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/x' } } },
      include: { versions: true },
    });
    algorithm = { id: created.id, name: created.name, versionId: created.versions[0]!.id, ownerId: owner.id };
    const flow = await t.db.eventFlow.create({
      data: { kind: 'BROKER', algorithmId: created.id, creatorId: owner.id, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', roleArn: 'arn:aws:iam::123456789012:role/r' },
    });
    flowId = flow.id;
    const run = { algorithmId: algorithm.id, versionId: algorithm.versionId, callerId: owner.id, input: {}, timeoutSeconds: 30, finishedAt: new Date(base) };
    // 70 messages of the flow, a second apart; 60 API runs created in the same millisecond
    // (pages must break their tie by id), 10 of them FAILED.
    await t.db.algorithmRun.createMany({
      data: Array.from({ length: 70 }, (_, n) => ({ ...run, source: 'EVENT_FLOW' as const, eventFlowId: flow.id, sqsMessageId: `msg-${n}`, status: 'SUCCEEDED' as const, createdAt: new Date(base + n * 1000) })),
    });
    await t.db.algorithmRun.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({ ...run, source: 'API' as const, status: n % 6 === 0 ? ('FAILED' as const) : ('SUCCEEDED' as const), createdAt: new Date(base - 3_600_000) })),
    });
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  const runsPath = () => `/api/v1/algorithms/${user.username}/${algorithm.name}/runs`;

  it('pages through every run once, newest first, with the total on each page', async () => {
    const pages = await allPages<RunPage>(runsPath());
    expect(pages.map((page) => page.runs.length)).toEqual([50, 50, 30]);
    expect(pages.every((page) => page.total === 130 && page.totalIsExact)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const expected = await t.db.algorithmRun.findMany({ where: { algorithmId: algorithm.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
    expect(pages.flatMap((page) => page.runs.map((run) => run.id))).toEqual(expected.map((run) => run.id));
  });

  it('counts and pages within a filter: a status, or a message id prefix', async () => {
    const failed = await get<RunPage>(`${runsPath()}?status=failed`);
    expect(failed.body).toMatchObject({ total: 10, totalIsExact: true, nextCursor: null });
    expect(failed.body.runs.every((run) => run.status === 'FAILED')).toBe(true);
    const search = await get<RunPage>(`${runsPath()}?messageId=msg-1`);
    // msg-1 and msg-10 … msg-19
    expect(search.body).toMatchObject({ total: 11, totalIsExact: true, nextCursor: null });
  });

  it('pages through a connection’s messages the same way', async () => {
    const pages = await allPages<FlowMessagePage>(`/api/v1/flows/${flowId}/messages`);
    expect(pages.map((page) => [page.messages.length, page.total])).toEqual([
      [50, 70],
      [20, 70],
    ]);
    expect(pages.flatMap((page) => page.messages.map((message) => message.messageId))).toEqual(Array.from({ length: 70 }, (_, n) => `msg-${69 - n}`));
  });

  it('refuses a malformed cursor with a 400 in plain words', async () => {
    const { status, body } = await get<{ error: { message: string } }>(`${runsPath()}?cursor=${encodeURIComponent('not a cursor')}`);
    expect(status).toBe(400);
    expect(body.error.message).toBe('This page link is not valid: start again from the first page');
    expect((await get(`/api/v1/flows/${flowId}/messages?cursor=x%7Cy`)).status).toBe(400);
  });

  it(`stops counting past ${COUNT_LIMIT.toLocaleString('en')}: the total says "more than"`, async () => {
    const big = await t.db.algorithm.create({ data: { ownerId: algorithm.ownerId, name: uniqueName('big'), versions: { create: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/x' } } }, include: { versions: true } });
    // In one statement: ten thousand rows through the client's parameters are slow on a busy machine.
    await t.db.$executeRaw`
      INSERT INTO "AlgorithmRun" ("id", "algorithmId", "versionId", "callerId", "source", "input", "timeoutSeconds", "status")
      SELECT 'big-' || n, ${big.id}, ${big.versions[0]!.id}, ${algorithm.ownerId}, 'API', '{}'::jsonb, 30, 'SUCCEEDED'
      FROM generate_series(1, ${COUNT_LIMIT + 5}::int) AS n`;
    const { body } = await get<RunPage>(`/api/v1/algorithms/${user.username}/${big.name}/runs`);
    expect(body).toMatchObject({ total: COUNT_LIMIT, totalIsExact: false });
    expect(body.runs).toHaveLength(50);
  }, 60_000);

  it("shows no one else's runs or messages", async () => {
    const stranger = await signUpOverHttp(app.url);
    expect((await get(runsPath(), stranger)).status).toBe(404);
    expect((await get(`/api/v1/flows/${flowId}/messages`, stranger)).status).toBe(404);
  });
});
