import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEndedRuns, uniqueName } from '../support/factories';
import { signUpOverHttp } from '../support/session';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';
const queueUrl = () => `https://sqs.eu-west-1.amazonaws.com/123456789012/${uniqueName('q')}`;

interface Caller {
  username: string;
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** A new algorithm of the caller with the versions given, published in order; its API base path. */
  algorithm(versions: string[]): Promise<string>;
}

async function signedInCaller(appUrl: string): Promise<Caller> {
  const { username, cookie } = await signUpOverHttp(appUrl);
  const request: Caller['request'] = (path, { method = 'GET', body } = {}) =>
    fetch(`${appUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    username,
    request,
    async algorithm(versions) {
      const name = uniqueName('algo');
      expect((await request('/api/v1/algorithms', { method: 'POST', body: { name } })).status).toBe(201);
      const base = `/api/v1/algorithms/${username}/${name}`;
      for (const version of versions) {
        expect((await request(`${base}/versions`, { method: 'POST', body: { version, endpointUrl: 'http://127.0.0.1:9/run' } })).status).toBe(201);
      }
      return base;
    },
  };
}

// Issue 26's rules for connections, through the JSON API of the production build: a
// connection must be able to run, a queue feeds one enabled connection, and versions are
// bounded and can be deleted without losing the runs they made.
describe('the rules a connection keeps (JSON API)', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let alice: Caller;
  let bob: Caller;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    alice = await signedInCaller(app.url);
    bob = await signedInCaller(app.url);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string; fieldErrors?: Record<string, string> } }).error;

  describe('runnable or refused', () => {
    it('refuses a connection or listener of an algorithm with no published version, with a field error, storing nothing', async () => {
      const base = await alice.algorithm([]);
      for (const kind of ['connections', 'listeners']) {
        const response = await alice.request(`${base}/${kind}`, { method: 'POST', body: { queueUrl: queueUrl(), roleArn: ROLE_ARN } });
        expect(response.status).toBe(400);
        expect((await errorOf(response)).fieldErrors?.version).toMatch(/has no published version yet: publish one on its Overview tab/);
      }
      expect(await t.db.eventFlow.count({ where: { algorithm: { name: base.split('/').at(-1) } } })).toBe(0);
    });

    it('refuses a version that is not published', async () => {
      const base = await alice.algorithm(['1.0.0']);
      const response = await alice.request(`${base}/connections`, { method: 'POST', body: { queueUrl: queueUrl(), roleArn: ROLE_ARN, version: '2.0.0' } });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fieldErrors?.version).toMatch(/has no published version 2\.0\.0/);
    });
  });

  describe('one queue, one enabled connection', () => {
    it("refuses (409) a queue another enabled connection of the user's uses, naming it and saying how to fan out", async () => {
      const first = await alice.algorithm(['1.0.0']);
      const second = await alice.algorithm(['1.0.0']);
      const url = queueUrl();
      expect((await alice.request(`${first}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } })).status).toBe(201);
      const refused = await alice.request(`${second}/listeners`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } });
      expect(refused.status).toBe(409);
      const { message, fieldErrors } = await errorOf(refused);
      expect(message).toBe(fieldErrors?.queueUrl);
      expect(message).toContain(`This queue already feeds ${first.split('/').slice(-2).join('/')} (a broker connection).`);
      expect(message).toMatch(/SQS hands each message to one consumer only.*publish to an Amazon SNS topic and subscribe one queue per algorithm/);
    });

    it("refuses another user's algorithm the same way, without naming whose connection it is", async () => {
      const mine = await alice.algorithm(['1.0.0']);
      const theirs = await bob.algorithm(['1.0.0']);
      const url = queueUrl();
      expect((await alice.request(`${mine}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } })).status).toBe(201);
      const refused = await bob.request(`${theirs}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } });
      expect(refused.status).toBe(409);
      const { message } = await errorOf(refused);
      expect(message).toMatch(/^This queue already feeds an enabled connection\. SQS hands each message/);
      expect(message).not.toContain(alice.username);
      expect(message).not.toContain(mine.split('/').at(-1));
    });

    it('treats every spelling of a queue URL as the one queue', async () => {
      const first = await alice.algorithm(['1.0.0']);
      const second = await alice.algorithm(['1.0.0']);
      const name = uniqueName('q');
      const created = await alice.request(`${first}/connections`, { method: 'POST', body: { queueUrl: `https://eu-west-1.queue.amazonaws.com/123456789012/${name}`, roleArn: ROLE_ARN } });
      expect((await created.json()).flow.queueUrl).toBe(`https://sqs.eu-west-1.amazonaws.com/123456789012/${name}`);
      const fips = await alice.request(`${second}/connections`, { method: 'POST', body: { queueUrl: `https://sqs-fips.eu-west-1.amazonaws.com/123456789012/${name}`, roleArn: ROLE_ARN } });
      expect(fips.status).toBe(409);
    });

    it('lets a paused one not count, and refuses resuming it while another enabled connection uses the queue', async () => {
      const first = await alice.algorithm(['1.0.0']);
      const second = await alice.algorithm(['1.0.0']);
      const url = queueUrl();
      const { flow: paused } = await (await alice.request(`${first}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } })).json();
      expect((await alice.request(`/api/v1/flows/${paused.id}`, { method: 'PATCH', body: { enabled: false } })).status).toBe(200);
      const takeover = await alice.request(`${second}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } });
      expect(takeover.status).toBe(201);

      const resumed = await alice.request(`/api/v1/flows/${paused.id}`, { method: 'PATCH', body: { enabled: true } });
      expect(resumed.status).toBe(409);
      expect((await errorOf(resumed)).message).toContain(`This queue already feeds ${second.split('/').slice(-2).join('/')}`);
      expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: paused.id } })).toMatchObject({ enabled: false, status: 'PAUSED' });
    });

    it('lets exactly one of two connections created at once take the queue', async () => {
      const bases = await Promise.all([alice.algorithm(['1.0.0']), alice.algorithm(['1.0.0']), alice.algorithm(['1.0.0'])]);
      const url = queueUrl();
      const answers = await Promise.all(bases.map((base) => alice.request(`${base}/connections`, { method: 'POST', body: { queueUrl: url, roleArn: ROLE_ARN } })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
      expect(await t.db.eventFlow.count({ where: { queueUrl: url, enabled: true } })).toBe(1);
    });
  });

  describe('versions', () => {
    it.each([
      ['a number of 10 digits', '1234567890.0.0', /at most 9 digits/],
      ['200 digits', `${'9'.repeat(200)}.0.0`, /at most 64 characters/],
    ])('refuses a version with %s, with a field error', async (_case, version, message) => {
      const base = await alice.algorithm([]);
      const response = await alice.request(`${base}/versions`, { method: 'POST', body: { version, endpointUrl: 'http://127.0.0.1:9/run' } });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fieldErrors?.version).toMatch(message);
    });

    it('deletes a version without runs in progress; its finished runs stay and still say what ran', async () => {
      const base = await alice.algorithm(['1.0.0', '2.0.0']);
      const algorithm = await t.db.algorithm.findFirstOrThrow({ where: { name: base.split('/').at(-1) }, include: { versions: { orderBy: { createdAt: 'desc' } } } });
      await createEndedRuns(t.db, algorithm, 'FAILED', 2);
      expect((await alice.request(`${base}/versions/2.0.0`, { method: 'DELETE' })).status).toBe(204);

      const { algorithm: view } = await (await alice.request(base)).json();
      expect(view).toMatchObject({ latestVersion: '1.0.0', versions: [{ version: '1.0.0' }] });
      expect(await t.db.algorithmRun.findMany({ where: { algorithmId: algorithm.id }, select: { versionId: true, deletedVersion: true } })).toEqual([
        { versionId: null, deletedVersion: '2.0.0' },
        { versionId: null, deletedVersion: '2.0.0' },
      ]);
      const runs = await (await alice.request(`${base}/runs`)).json();
      expect(runs.runs.map((run: { version: string }) => run.version)).toEqual(['2.0.0', '2.0.0']);
      // Published again later, it is a new version: lower than the latest is refused as before.
      expect((await alice.request(`${base}/versions`, { method: 'POST', body: { version: '2.0.0', endpointUrl: 'http://127.0.0.1:9/run' } })).status).toBe(201);
    });

    it('refuses (409) deleting a version with a run waiting, and answers 404 to anyone but its owner', async () => {
      const base = await alice.algorithm(['1.0.0']);
      const algorithm = await t.db.algorithm.findFirstOrThrow({ where: { name: base.split('/').at(-1) }, include: { versions: true } });
      await t.db.algorithmRun.create({
        data: { algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: algorithm.ownerId, source: 'API', input: 'x', timeoutSeconds: 30 },
      });
      const refused = await alice.request(`${base}/versions/1.0.0`, { method: 'DELETE' });
      expect(refused.status).toBe(409);
      expect((await errorOf(refused)).message).toMatch(/^Version 1\.0\.0 has 1 run waiting or running/);
      expect((await bob.request(`${base}/versions/1.0.0`, { method: 'DELETE' })).status).toBe(404);
      expect((await alice.request(`${base}/versions/9.9.9`, { method: 'DELETE' })).status).toBe(404);
      expect(await t.db.algorithmVersion.count({ where: { algorithmId: algorithm.id } })).toBe(1);
      expect(await t.db.algorithmRun.count({ where: { algorithmId: algorithm.id, versionId: { not: null } } })).toBe(1);
    });
  });
});
