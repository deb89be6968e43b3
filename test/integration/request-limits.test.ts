import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, TEST_PASSWORD } from '../support/factories';
import { statusBeforeBodyIsSent } from '../support/oversized-body';
import { residentBytesByProcess } from '../support/process-rss';
import { signUpOverHttp, type SignedInUser } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { receiveFromDlq } from '../support/sqs-messages';

const MB = 1024 * 1024;

// Issue 23: request bodies are read within limits (the cookie JSON API 1 MB, /api/auth 64
// KB), and better-auth's sign-in and sign-up limits hold per client address, counted in
// PostgreSQL, against the production build. Two web processes on one database, trusting
// no proxy (the default), with the default of 10 sign-in attempts a minute.
describe('request limits: body sizes and sign-in attempts', () => {
  let t: TestDatabase;
  let apps: RunningApp[];
  let user: SignedInUser;

  beforeAll(async () => {
    t = await createTestDatabase();
    apps = await Promise.all([0, 1].map(() => startApp(t.url, { AUTH_ATTEMPTS_PER_MINUTE: '10' })));
    user = await signUpOverHttp(apps[0]!.url);
  });
  afterAll(async () => {
    await Promise.all(apps?.map((app) => app.stop()) ?? []);
    await t?.drop();
  });

  /**
   * POSTs a body of `bytes` (declared in Content-Length, or chunked without one), writing
   * only as fast as the server reads and stopping once it answers; resolves with the
   * status, how much had been written and how long the answer took.
   */
  function postLargeBody(url: string, headers: Record<string, string>, bytes: number, { declared }: { declared: boolean }) {
    return new Promise<{ status: number; sentBytes: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const request = http.request(url, { method: 'POST', headers: { ...headers, ...(declared ? { 'content-length': String(bytes) } : {}) } });
      const chunk = Buffer.alloc(256 * 1024, 'x');
      let sentBytes = 0;
      let answered = false;
      const more = () => {
        while (!answered && sentBytes < bytes) {
          sentBytes += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', more);
        }
        if (!answered) request.end();
      };
      request.on('response', (response) => {
        answered = true;
        resolve({ status: response.statusCode ?? 0, sentBytes, ms: performance.now() - started });
        response.resume();
        request.destroy();
      });
      // Writing into a connection the server closed after its answer fails: expected.
      request.on('error', (error) => answered || reject(error));
      more();
    });
  }

  const json = { 'content-type': 'application/json' };
  const show = (sizes: Map<number, number>) => [...sizes].map(([pid, bytes]) => `pid ${pid} ${(bytes / MB).toFixed(1)} MB`).join(', ');

  it('answers a 50 MB sign-up 413 from its Content-Length or while reading it, with no session, and the web process grows by under 50 MB', async () => {
    const app = apps[1]!;
    const signUp = `${app.url}/api/auth/sign-up/email`;
    expect(await statusBeforeBodyIsSent(signUp, { ...json, origin: app.url }, 50 * MB)).toBe(413);
    const before = await residentBytesByProcess(app.pid);
    const declared = await postLargeBody(signUp, { ...json, origin: app.url }, 50 * MB, { declared: true });
    const chunked = await postLargeBody(signUp, { ...json, origin: app.url }, 50 * MB, { declared: false });
    const after = await residentBytesByProcess(app.pid);
    console.log(
      `[limits] 50 MB sign-up: declared 413 after ${declared.ms.toFixed(0)} ms (${(declared.sentBytes / MB).toFixed(1)} MB written), chunked 413 after ${chunked.ms.toFixed(0)} ms (${(chunked.sentBytes / MB).toFixed(1)} MB written); rss before ${show(before)}, after ${show(after)}`,
    );
    expect([declared.status, chunked.status]).toEqual([413, 413]);
    for (const [pid, bytes] of after) expect(bytes - (before.get(pid) ?? 0)).toBeLessThan(50 * MB);
    // A sign-up of ordinary size still works.
    expect((await signUpOverHttp(app.url)).cookie).toMatch(/session_token/);
  });

  it('answers a 50 MB POST /api/v1/collections 413: from its Content-Length before the session is looked up, else while reading, and the web process grows by under 50 MB', async () => {
    const app = apps[0]!;
    const collections = `${app.url}/api/v1/collections`;
    // No session at all: refused from the Content-Length, before anything else.
    expect(await statusBeforeBodyIsSent(collections, json, 50 * MB)).toBe(413);
    // Chunked without a session: 401, the body never read.
    expect((await postLargeBody(collections, json, 50 * MB, { declared: false })).status).toBe(401);

    const before = await residentBytesByProcess(app.pid);
    const declared = await postLargeBody(collections, { ...json, cookie: user.cookie }, 50 * MB, { declared: true });
    const chunked = await postLargeBody(collections, { ...json, cookie: user.cookie }, 50 * MB, { declared: false });
    const after = await residentBytesByProcess(app.pid);
    console.log(
      `[limits] 50 MB collection: declared 413 after ${declared.ms.toFixed(0)} ms, chunked 413 after ${chunked.ms.toFixed(0)} ms (${(chunked.sentBytes / MB).toFixed(1)} MB written); rss before ${show(before)}, after ${show(after)}`,
    );
    expect([declared.status, chunked.status]).toEqual([413, 413]);
    for (const [pid, bytes] of after) expect(bytes - (before.get(pid) ?? 0)).toBeLessThan(50 * MB);

    const overOneMb = await fetch(collections, { method: 'POST', headers: { ...json, cookie: user.cookie }, body: JSON.stringify({ name: 'x'.repeat(MB) }) });
    expect(overOneMb.status).toBe(413);
    expect((await overOneMb.json()).error.message).toBe('The request body is larger than 1 MB, the limit');
    expect(await t.db.dataCollection.count()).toBe(0);
  });

  it('lets Send test message take an SQS-sized body whose JSON is twice as large, and no more', async () => {
    const app = apps[0]!;
    const sqs = testSqsClient();
    try {
      const owner = await t.db.user.findUniqueOrThrow({ where: { username: user.username } });
      const algorithm = await createAlgorithm(t.db, owner.id);
      const queue = await createQueueWithDlq(sqs);
      const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl, enabled: false });
      const send = (body: string) =>
        fetch(`${app.url}/api/v1/flows/${flow.id}/test-message`, { method: 'POST', headers: { ...json, cookie: user.cookie }, body: JSON.stringify({ body }) });
      // 1,000,000 quotes: a body SQS takes, written as 2 MB of JSON.
      const quotes = '"'.repeat(1_000_000);
      expect((await send(quotes)).status).toBe(201);
      const [received] = await receiveFromDlq(sqs, queue.queueUrl);
      expect(received?.body).toBe(quotes);
      const tooLarge = await send('"'.repeat(MB + 64 * 1024));
      expect(tooLarge.status).toBe(413);
      expect((await tooLarge.json()).error.message).toBe('The request body is larger than 2.06 MB, the limit');
    } finally {
      sqs.destroy();
    }
  });

  it('limits 30 wrong passwords with rotating X-Forwarded-For values as one client, across both web processes; then even the right one waits', { timeout: 120_000 }, async () => {
    const email = `${user.username}@example.test`;
    const signIn = (n: number, password: string) => {
      const app = apps[n % 2]!;
      return fetch(`${app.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { ...json, origin: app.url, 'x-forwarded-for': `10.9.8.${n}` },
        body: JSON.stringify({ email, password }),
      });
    };
    const statuses: number[] = [];
    for (let n = 0; n < 30; n++) statuses.push((await signIn(n, 'not-the-password')).status);
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
    const right = await signIn(30, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('x-retry-after'))).toBeGreaterThanOrEqual(1);
    // One row, keyed on the socket's address: the forged headers counted for nothing.
    expect(await t.db.rateLimit.findMany({ where: { key: { contains: '/sign-in/' } }, select: { key: true, count: true } })).toEqual([
      { key: '127.0.0.1|/sign-in/email', count: 10 },
    ]);
  });
});
