import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { uniqueName } from '../support/factories';
import { signedInCaller, type HttpSession } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

describe('destinations in the API', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let alice: HttpSession;
  let mallory: HttpSession;

  async function algorithmOf(caller: HttpSession) {
    const name = uniqueName('algo');
    expect((await caller.request('/api/v1/algorithms', { method: 'POST', body: { name } })).status).toBe(201);
    const base = `/api/v1/algorithms/${caller.username}/${name}`;
    expect((await caller.request(`${base}/versions`, { method: 'POST', body: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/run' } })).status).toBe(201);
    return base;
  }

  async function connect(caller: HttpSession, base: string, body: Record<string, unknown>) {
    return caller.request(`${base}/connections`, { method: 'POST', body: { roleArn: ROLE_ARN, ...body } });
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    [alice, mallory] = [await signedInCaller(app.url), await signedInCaller(app.url)];
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('refuses bad destinations with field errors in plain words, and saves good ones', async () => {
    const sqs = testSqsClient();
    const [source, output, failures] = [await createQueueWithDlq(sqs), await createQueueWithDlq(sqs), await createQueueWithDlq(sqs)];
    sqs.destroy();
    const base = await algorithmOf(alice);

    const notSqs = await connect(alice, base, { queueUrl: source.queueUrl, onSuccessQueueUrl: 'https://example.com/123456789012/out' });
    expect(notSqs.status).toBe(400);
    expect((await notSqs.json()).error.fieldErrors).toMatchObject({ onSuccessQueueUrl: expect.stringContaining('Not an Amazon SQS queue URL') });

    const itself = await connect(alice, base, { queueUrl: source.queueUrl, onFailureQueueUrl: `${source.queueUrl}/` });
    expect(itself.status).toBe(400);
    expect((await itself.json()).error.fieldErrors).toEqual({ onFailureQueueUrl: expect.stringContaining('This is the queue the connection reads') });

    const badBody = await connect(alice, base, { queueUrl: source.queueUrl, destinationBody: 'xml' });
    expect((await badBody.json()).error.fieldErrors).toEqual({ destinationBody: 'Choose "output" or "envelope"' });

    const created = await connect(alice, base, { queueUrl: source.queueUrl, onSuccessQueueUrl: output.queueUrl, onFailureQueueUrl: failures.queueUrl, destinationBody: 'envelope' });
    expect(created.status).toBe(201);
    const { flow } = await created.json();
    expect(flow).toMatchObject({ onSuccessQueueUrl: output.queueUrl, onFailureQueueUrl: failures.queueUrl, destinationBody: 'envelope' });

    const edited = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { onSuccessQueueUrl: source.queueUrl } });
    expect(edited.status).toBe(400);
    expect((await edited.json()).error.fieldErrors).toEqual({ onSuccessQueueUrl: expect.stringContaining('This is the queue the connection reads') });
    const cleared = await alice.request(`/api/v1/flows/${flow.id}`, { method: 'PATCH', body: { onFailureQueueUrl: '', destinationBody: 'output' } });
    expect((await cleared.json()).flow).toMatchObject({ onSuccessQueueUrl: output.queueUrl, onFailureQueueUrl: null, destinationBody: 'output' });
  });

  it('Test connection reads each destination through the role and names the one it cannot reach', async () => {
    const sqs = testSqsClient();
    const [source, output] = [await createQueueWithDlq(sqs), await createQueueWithDlq(sqs)];
    sqs.destroy();
    const missing = output.queueUrl.replace(/[^/]+$/, 'no-such-queue');
    const bad = await (await alice.request('/api/v1/flows/test-connection', { method: 'POST', body: { queueUrl: source.queueUrl, roleArn: ROLE_ARN, onSuccessQueueUrl: missing } })).json();
    expect(bad).toMatchObject({ ok: false, field: 'onSuccessQueueUrl', problem: { code: 'QUEUE_NOT_FOUND', message: expect.stringMatching(/^On success, send to: /) } });
    const good = await (await alice.request('/api/v1/flows/test-connection', { method: 'POST', body: { queueUrl: source.queueUrl, roleArn: ROLE_ARN, onSuccessQueueUrl: output.queueUrl } })).json();
    expect(good).toMatchObject({ ok: true, warnings: expect.arrayContaining([expect.stringContaining('SQS has no dry run of SendMessage')]) });
  });

  it('shows the chain among its owner’s connections only, and lets only the owner resend', async () => {
    const sqs = testSqsClient();
    const [q1, q2, q3] = [await createQueueWithDlq(sqs), await createQueueWithDlq(sqs), await createQueueWithDlq(sqs)];
    sqs.destroy();
    const [a, b, m] = [await algorithmOf(alice), await algorithmOf(alice), await algorithmOf(mallory)];
    const flowA = (await (await connect(alice, a, { queueUrl: q1.queueUrl, onSuccessQueueUrl: q2.queueUrl })).json()).flow;
    const flowB = (await (await connect(alice, b, { queueUrl: q2.queueUrl })).json()).flow;
    // Mallory sends her results into Alice's queue: Alice's page does not show her.
    expect((await connect(mallory, m, { queueUrl: q3.queueUrl, onSuccessQueueUrl: q2.queueUrl })).status).toBe(201);

    const detailA = await (await alice.request(`/api/v1/flows/${flowA.id}`)).json();
    expect(detailA.chain).toEqual({ feeds: [expect.objectContaining({ flowId: flowB.id, algorithmPath: b.split('/').slice(-2).join('/') })], fedBy: [] });
    const detailB = await (await alice.request(`/api/v1/flows/${flowB.id}`)).json();
    expect(detailB.chain).toEqual({ feeds: [], fedBy: [expect.objectContaining({ flowId: flowA.id })] });

    const row = await t.db.eventFlow.findUniqueOrThrow({ where: { id: flowA.id }, include: { algorithm: true } });
    const run = await t.db.algorithmRun.create({
      data: { algorithmId: row.algorithmId, callerId: row.algorithm.ownerId, source: 'EVENT_FLOW', eventFlowId: row.id, input: { n: 1 }, output: { n: 2 }, timeoutSeconds: 30, status: 'SUCCEEDED' },
    });
    await t.db.destinationMessage.create({
      data: { runId: run.id, eventFlowId: row.id, kind: 'SUCCESS', queueUrl: q2.queueUrl, body: '{"n":2}', status: 'FAILED', attempts: 3, lastError: 'Not sent after 3 attempts: …' },
    });
    const shown = await (await alice.request(`/api/v1/runs/${run.id}`)).json();
    expect(shown.run.destination).toMatchObject({ kind: 'success', status: 'failed', queueUrl: q2.queueUrl, error: 'Not sent after 3 attempts: …' });
    expect((await mallory.request(`/api/v1/runs/${run.id}/destination/resend`, { method: 'POST' })).status).toBe(404);
    const resent = await alice.request(`/api/v1/runs/${run.id}/destination/resend`, { method: 'POST' });
    expect(resent.status).toBe(200);
    expect(await t.db.destinationMessage.findUniqueOrThrow({ where: { runId: run.id } })).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
    expect((await alice.request(`/api/v1/runs/${run.id}/destination/resend`, { method: 'POST' })).status).toBe(409);
  });
});
