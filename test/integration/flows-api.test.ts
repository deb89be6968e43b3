import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { uniqueName } from '../support/factories';
import { signedInCaller, type HttpSession } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

describe('the JSON API for algorithms, connections and listeners', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let alice: HttpSession;
  let mallory: HttpSession;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    [alice, mallory] = [await signedInCaller(app.url), await signedInCaller(app.url)];
    const name = uniqueName('algo');
    expect((await alice.request('/api/v1/algorithms', { method: 'POST', body: { name, description: 'Writes files' } })).status).toBe(201);
    base = `/api/v1/algorithms/${alice.username}/${name}`;
    const published = await alice.request(`${base}/versions`, { method: 'POST', body: { version: '0.2.0', endpointUrl: 'http://127.0.0.1:9/run' } });
    expect(published.status).toBe(201);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('show an algorithm to its owner with its endpoint owner/name/version', async () => {
    const response = await alice.request(base);
    expect(response.status).toBe(200);
    expect((await response.json()).algorithm).toMatchObject({ endpoint: `${base.split('/').slice(-2).join('/')}/0.2.0`, latestVersion: '0.2.0' });
    const list = await (await alice.request('/api/v1/algorithms')).json();
    expect(list.algorithms).toHaveLength(1);
  });

  it('connect a queue of the local SQS emulator, then list, pause, resume and delete it', async () => {
    const { queueUrl } = await createQueueWithDlq(testSqsClient());
    const created = await alice.request(`${base}/connections`, { method: 'POST', body: { queueUrl, roleArn: ROLE_ARN, timeoutSeconds: 60 } });
    expect(created.status).toBe(201);
    const { flow } = await created.json();
    expect(flow).toMatchObject({ kind: 'BROKER', queueUrl, status: 'STARTING', timeoutSeconds: 60 });

    expect((await (await alice.request(`${base}/connections`)).json()).flows.map((f: { id: string }) => f.id)).toEqual([flow.id]);
    expect((await (await alice.request(`${base}/listeners`)).json()).flows).toEqual([]);

    const paused = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { enabled: false } });
    expect((await paused.json()).flow).toMatchObject({ enabled: false, status: 'PAUSED' });
    const resumed = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { enabled: true } });
    expect((await resumed.json()).flow).toMatchObject({ enabled: true, status: 'STARTING' });
    expect((await alice.request(`/api/v1/flows/${flow.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await t.db.eventFlow.count({ where: { id: flow.id } })).toBe(0);
  });

  it('answer 400 with field errors for bad input, and store nothing', async () => {
    const before = await t.db.eventFlow.count();
    const response = await alice.request(`${base}/listeners`, {
      method: 'POST',
      body: { queueUrl: 'https://example.com/q', roleArn: 'arn:aws:iam::123:user/x', timeoutSeconds: 0 },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { queueUrl: expect.any(String), roleArn: expect.any(String), timeoutSeconds: expect.any(String) },
    });
    const badJson = await alice.request(`/api/v1/flows/x`, { method: 'PATCH', body: { enabled: 'yes' } });
    expect(badJson.status).toBe(400);
    expect(await t.db.eventFlow.count()).toBe(before);
  });

  it("take a connection's own run retention on create and Edit, and refuse one outside 1 hour to 400 days", async () => {
    const { queueUrl } = await createQueueWithDlq(testSqsClient());
    const tooLong = await alice.request(`${base}/connections`, { method: 'POST', body: { queueUrl, roleArn: ROLE_ARN, runRetentionHours: '401 days' } });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.fieldErrors).toEqual({ runRetentionHours: 'At most 400 days' });
    expect(await t.db.eventFlow.count({ where: { queueUrl } })).toBe(0);

    const created = await alice.request(`${base}/connections`, { method: 'POST', body: { queueUrl, roleArn: ROLE_ARN, runRetentionHours: '7 days' } });
    expect(created.status).toBe(201);
    const { flow } = await created.json();
    expect(flow.runRetentionHours).toBe(168);

    for (const [value, error] of [[0, 'At least 1 hour'], ['90', 'Enter hours or days, e.g. 12 hours or 30 days']] as const) {
      const refused = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { runRetentionHours: value } });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.fieldErrors).toEqual({ runRetentionHours: error });
    }
    const edited = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { runRetentionHours: 1 } });
    expect((await edited.json()).flow.runRetentionHours).toBe(1);
    // Blank: back to the platform's setting.
    const cleared = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { runRetentionHours: '' } });
    expect((await cleared.json()).flow.runRetentionHours).toBeNull();
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ runRetentionHours: null });
  });

  it('answer 409 when the queue is already connected to the algorithm', async () => {
    const body = { queueUrl: `https://sqs.eu-west-1.amazonaws.com/123456789012/${uniqueName('q')}`, roleArn: ROLE_ARN };
    expect((await alice.request(`${base}/listeners`, { method: 'POST', body })).status).toBe(201);
    const again = await alice.request(`${base}/connections`, { method: 'POST', body });
    expect(again.status).toBe(409);
    expect((await again.json()).error.fieldErrors.queueUrl).toMatch(/already connected/);
  });

  it('answer 401 without a session', async () => {
    expect((await fetch(`${app.url}${base}/connections`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/v1/algorithms`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it("answer 404 to another user for everything about someone else's algorithm and flows", async () => {
    const body = { queueUrl: `https://sqs.eu-west-1.amazonaws.com/123456789012/${uniqueName('q')}`, roleArn: ROLE_ARN };
    const { flow } = await (await alice.request(`${base}/connections`, { method: 'POST', body })).json();
    const attempts = [
      mallory.request(base),
      mallory.request(`${base}/connections`),
      mallory.request(`${base}/listeners`),
      mallory.request(`${base}/connections`, { method: 'POST', body: { ...body, queueUrl: body.queueUrl + 'x' } }),
      mallory.request(`${base}/versions`, { method: 'POST', body: { version: '9.0.0', endpointUrl: 'http://x.test' } }),
      mallory.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { enabled: false } }),
      mallory.request(`/api/v1/flows/${flow.id}`, { method: 'DELETE' }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ enabled: true, status: 'STARTING' });
    expect(await t.db.eventFlow.count({ where: { queueUrl: body.queueUrl + 'x' } })).toBe(0);
    expect((await (await mallory.request('/api/v1/algorithms')).json()).algorithms).toEqual([]);
  });
});
