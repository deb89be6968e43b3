import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { uniqueName } from '../support/factories';
import { signUpOverHttp } from '../support/session';
import { startStsStandIn, type StsStandIn } from '../support/sts-stand-in';

// Issue 23: every path to STS (creating a connection or listener, both Test connection
// routes) takes a point of one per-user limit, counted in PostgreSQL, so two web processes
// on one database hold it together. Outside local mode: the STS stand-in, which enforces
// trust-policy conditions as STS does; SQS on 127.0.0.2, which is not local mode.

const queueUrl = () => `https://sqs.us-east-1.amazonaws.com/111122223333/${uniqueName('orders-')}`;

interface Caller {
  externalId: string;
  /** A request to one of the two web processes (by index), as this user. */
  request(app: number, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** A POST body's path for this user's algorithm's connections or listeners. */
  flowsPath(kind: 'connections' | 'listeners'): string;
}

describe('the role-check limit: one per user for every path to STS, across web processes', () => {
  let t: TestDatabase;
  let sts: StsStandIn;
  let apps: RunningApp[];

  beforeAll(async () => {
    t = await createTestDatabase();
    sts = await startStsStandIn({ lifetimeSeconds: 900 });
    const emulator = new URL(inject('sqsEndpoint'));
    const outsideLocalMode = {
      AWS_ENDPOINT_URL_SQS: `http://127.0.0.2:${emulator.port}`,
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAPLATFORM',
      AWS_SECRET_ACCESS_KEY: 'platform-secret',
    };
    apps = await Promise.all([startApp(t.url, outsideLocalMode), startApp(t.url, outsideLocalMode)]);
  });
  afterAll(async () => {
    await Promise.all(apps?.map((app) => app.stop()) ?? []);
    await sts?.close();
    await t?.drop();
  });

  async function signedIn(): Promise<Caller> {
    const { username, cookie } = await signUpOverHttp(apps[0]!.url);
    const { externalId } = await t.db.user.findUniqueOrThrow({ where: { username }, select: { externalId: true } });
    const request: Caller['request'] = (app, path, { method = 'GET', body } = {}) =>
      fetch(`${apps[app]!.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const algorithm = uniqueName('algo');
    expect((await request(0, '/api/v1/algorithms', { method: 'POST', body: { name: algorithm } })).status).toBe(201);
    return { externalId, request, flowsPath: (kind) => `/api/v1/algorithms/${username}/${algorithm}/${kind}` };
  }

  /** A new role that trusts the platform with `caller`'s external ID only. */
  function roleFor(caller: Caller): string {
    const role = `arn:aws:iam::111122223333:role/${uniqueName('consumer-')}`;
    sts.registerRole(role, { requiredExternalId: caller.externalId });
    return role;
  }
  const stsCallsFor = (roles: string[]) => sts.calls.filter((call) => roles.includes(call.roleArn)).length;

  it('answers the 11th connection create in a minute 429 with Retry-After, the calls alternating between two web processes; STS sees at most 2 × 10 calls', { timeout: 120_000 }, async () => {
    const ann = await signedIn();
    const roles = Array.from({ length: 12 }, () => roleFor(ann));
    const answers: Response[] = [];
    for (const [n, roleArn] of roles.entries()) {
      answers.push(await ann.request(n % 2, ann.flowsPath('connections'), { method: 'POST', body: { queueUrl: queueUrl(), roleArn } }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(201), 429, 429]);
    expect(Number(answers[10]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await answers[10]!.json()).error.message).toMatch(/^You can test or connect queues 10 times a minute \(each checks the role with AWS\)\. Try again in \d+ s\.$/);
    expect(stsCallsFor(roles)).toBe(20);
    expect(stsCallsFor(roles.slice(10))).toBe(0);
    expect(await t.db.eventFlow.count({ where: { roleArn: { in: roles } } })).toBe(10);
  });

  it('is one limit for creating connections and listeners and for both Test connection routes', { timeout: 120_000 }, async () => {
    const bob = await signedIn();
    const saved = roleFor(bob);
    const created = await bob.request(0, bob.flowsPath('connections'), { method: 'POST', body: { queueUrl: queueUrl(), roleArn: saved } });
    expect(created.status).toBe(201);
    const { flow } = await created.json();
    const calls = [
      () => bob.request(1, bob.flowsPath('listeners'), { method: 'POST', body: { queueUrl: queueUrl(), roleArn: roleFor(bob) } }),
      () => bob.request(0, '/api/v1/flows/test-connection', { method: 'POST', body: { queueUrl: queueUrl(), roleArn: roleFor(bob) } }),
      () => bob.request(1, `/api/v1/flows/${flow.id}/test`, { method: 'POST' }),
    ];
    // One point went to the create above: nine more, three of each kind.
    for (let n = 0; n < 9; n++) expect((await calls[n % 3]!()).status, `call ${n + 2}`).not.toBe(429);
    for (const call of calls) expect((await call()).status).toBe(429);
    // Another user is not held back by Bob's.
    const carol = await signedIn();
    expect((await carol.request(1, '/api/v1/flows/test-connection', { method: 'POST', body: { queueUrl: queueUrl(), roleArn: roleFor(carol) } })).status).toBe(200);
  });

  it('checks the flow quota before calling STS: a create over the quota costs no STS call and no role check', { timeout: 120_000 }, async () => {
    const dan = await signedIn();
    const owner = await t.db.user.findFirstOrThrow({ where: { externalId: dan.externalId } });
    const algorithm = await t.db.algorithm.findFirstOrThrow({ where: { ownerId: owner.id } });
    await t.db.eventFlow.createMany({
      data: Array.from({ length: 100 }, () => ({ kind: 'BROKER' as const, algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queueUrl(), roleArn: 'arn:aws:iam::111122223333:role/old', enabled: false })),
    });
    const roles = Array.from({ length: 11 }, () => roleFor(dan));
    for (const roleArn of roles) {
      const refused = await dan.request(0, dan.flowsPath('connections'), { method: 'POST', body: { queueUrl: queueUrl(), roleArn } });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toMatch(/^You already have 100 event flows, the most one user may have/);
    }
    expect(stsCallsFor(roles)).toBe(0);
    expect(await t.db.eventFlow.count({ where: { creatorId: owner.id } })).toBe(100);
  });

  it('lets no edit change a saved flow’s queue or role, so no edit calls STS', async () => {
    const eve = await signedIn();
    const role = roleFor(eve);
    const { flow } = await (await eve.request(0, eve.flowsPath('connections'), { method: 'POST', body: { queueUrl: queueUrl(), roleArn: role } })).json();
    const before = sts.calls.length;
    const edit = await eve.request(1, `/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { queueUrl: queueUrl(), roleArn: roleFor(eve) } });
    expect(edit.status).toBe(400);
    expect((await edit.json()).error.message).toMatch(/^Send at least one of version, /);
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ queueUrl: flow.queueUrl, roleArn: role });
    expect(sts.calls.length).toBe(before);
  });
});
