import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_SAMPLE_BODY, storeFileExampleUrl } from '@/examples/store-file/example-endpoint';
import type { TestMessageContext } from '@/lib/flow-messages/test-message-context';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_PASSWORD, uniqueName } from '../support/factories';
import { signUpOverHttp, type SignedInUser } from '../support/session';

// What guides a first run, through the API: Send test message's starting point, and the
// server's own bound on a sign-up name.
describe('a first run, through the API', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let user: SignedInUser;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    user = await signUpOverHttp(app.url);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  async function flowRunning(endpointUrl: string, options: { enabled?: boolean } = {}) {
    const owner = await t.db.user.findUniqueOrThrow({ where: { username: user.username } });
    const algorithm = await t.db.algorithm.create({ data: { ownerId: owner.id, name: uniqueName('algo'), versions: { create: { version: '0.1.0', endpointUrl } } } });
    return t.db.eventFlow.create({
      data: {
        kind: 'BROKER',
        algorithmId: algorithm.id,
        creatorId: owner.id,
        queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${uniqueName('q')}`,
        roleArn: 'arn:aws:iam::123456789012:role/r',
        enabled: options.enabled ?? true,
        status: options.enabled === false ? 'PAUSED' : 'STARTING',
      },
    });
  }

  const context = async (flowId: string) => {
    const response = await fetch(`${app.url}/api/v1/flows/${flowId}/test-message`, { headers: { cookie: user.cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as TestMessageContext;
  };

  it("starts Send test message from the guide's sample when the connection runs the store-file example", async () => {
    const example = await flowRunning(storeFileExampleUrl(app.url, user.username, 'event_output_directory'));
    expect(await context(example.id)).toEqual({ enabled: true, sampleBody: STORE_FILE_SAMPLE_BODY });
    const other = await flowRunning('https://models.example.com/echo');
    expect(await context(other.id)).toEqual({ enabled: true, sampleBody: null });
  });

  it('says when the connection is paused', async () => {
    const paused = await flowRunning('https://models.example.com/echo', { enabled: false });
    expect(await context(paused.id)).toMatchObject({ enabled: false });
    const stranger = await signUpOverHttp(app.url);
    expect((await fetch(`${app.url}/api/v1/flows/${paused.id}/test-message`, { headers: { cookie: stranger.cookie } })).status).toBe(404);
  });

  it('refuses a 5,000-character name at sign-up and on update, whoever calls the auth API', async () => {
    const username = uniqueName('long');
    const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, 'x-forwarded-for': '10.9.9.9' },
      body: JSON.stringify({ name: 'x'.repeat(5_000), username, email: `${username}@example.test`, password: TEST_PASSWORD }),
    });
    expect(signUp.status).toBe(400);
    expect((await signUp.json()).message).toBe('Name must be at most 100 characters');
    expect(await t.db.user.count({ where: { username } })).toBe(0);

    const update = await fetch(`${app.url}/api/auth/update-user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, cookie: user.cookie },
      body: JSON.stringify({ name: 'y'.repeat(5_000) }),
    });
    expect(update.status).toBe(400);
    expect((await t.db.user.findUniqueOrThrow({ where: { username: user.username } })).name).toBe(user.username);
  });
});
