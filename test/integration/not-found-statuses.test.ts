import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEndedRuns, uniqueName } from '../support/factories';
import { signUpOverHttp, type SignedInUser } from '../support/session';

// Every missing thing answers 404, on pages as in the API: a page whose data is missing
// must not stream a "not found" text under a 200. (A page's 404 under the app shell is
// rendered by the browser from the page's payload: test/browser/not-found-and-layout.test.ts
// looks at it there.)
describe('missing things answer 404', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let user: SignedInUser;
  const algorithm = uniqueName('algo');

  const page = async (path: string, as: SignedInUser | null = user) => {
    const response = await fetch(`${app.url}${path}`, { headers: as ? { cookie: as.cookie } : {}, redirect: 'manual' });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    user = await signUpOverHttp(app.url);
    const created = await fetch(`${app.url}/api/v1/algorithms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie, origin: app.url },
      body: JSON.stringify({ name: algorithm }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('a missing run under an existing algorithm: 404 with "Run not found"', async () => {
    const { status, html } = await page(`/algorithms/${user.username}/${algorithm}/runs/no-such-run`);
    expect(status).toBe(404);
    expect(html).toContain('Run not found');
  });

  it('a run of another algorithm under this one is missing too', async () => {
    const other = await signUpOverHttp(app.url);
    const theirs = await t.db.algorithm.create({
      data: { ownerId: (await t.db.user.findUniqueOrThrow({ where: { username: other.username } })).id, name: 'theirs', versions: { create: { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/x' } } },
      include: { versions: true },
    });
    await createEndedRuns(t.db, theirs, 'SUCCEEDED', 1);
    const run = await t.db.algorithmRun.findFirstOrThrow({ where: { algorithmId: theirs.id } });
    expect((await page(`/algorithms/${user.username}/${algorithm}/runs/${run.id}`)).status).toBe(404);
  });

  it('a missing connection, message trace and collection: 404', async () => {
    for (const path of [
      `/algorithms/${user.username}/${algorithm}/events/no-such-flow`,
      `/algorithms/${user.username}/${algorithm}/listeners/no-such-flow`,
      `/algorithms/${user.username}/${algorithm}/events/no-such-flow/messages/no-such-message`,
    ]) {
      const { status, html } = await page(path);
      expect({ path, status, found: html.includes('Connection not found') }).toEqual({ path, status: 404, found: true });
    }
    const flow = await t.db.eventFlow.create({
      data: {
        kind: 'BROKER',
        queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        algorithm: { connect: { ownerId_name: { ownerId: (await t.db.user.findUniqueOrThrow({ where: { username: user.username } })).id, name: algorithm } } },
        creator: { connect: { username: user.username } },
      },
    });
    const message = await page(`/algorithms/${user.username}/${algorithm}/events/${flow.id}/messages/no-such-message`);
    expect(message.status).toBe(404);
    expect(message.html).toContain('Message not found');
    expect((await page(`/algorithms/${user.username}/${algorithm}/listeners/${flow.id}`)).status).toBe(404);
    const collection = await page('/data/hosted/no-such-collection');
    expect(collection.status).toBe(404);
    expect(collection.html).toContain('Collection not found');
  });

  it('a missing algorithm: 404 with "Algorithm not found"', async () => {
    const { status, html } = await page(`/algorithms/${user.username}/no-such-algorithm/runs`);
    expect(status).toBe(404);
    expect(html).toContain('Algorithm not found');
  });

  it('an unknown URL: 404 with the styled page, in the app shell when signed in and without it otherwise', async () => {
    const signedIn = await page('/no/such/page');
    expect(signedIn.status).toBe(404);
    expect(signedIn.html).toContain('Page not found');
    expect(signedIn.html).toContain('aria-label="Main"');
    const anonymous = await page('/no/such/page', null);
    expect(anonymous.status).toBe(404);
    expect(anonymous.html).toContain('Page not found');
    expect(anonymous.html).not.toContain('aria-label="Main"');
    expect(anonymous.html).toContain('Sign in');
  });

  it('the JSON API answers 404 for a missing run', async () => {
    const response = await fetch(`${app.url}/api/v1/runs/no-such-run`, { headers: { cookie: user.cookie } });
    expect(response.status).toBe(404);
  });
});
