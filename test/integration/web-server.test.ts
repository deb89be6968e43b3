import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe("the web server's idea of a client's address", () => {
  let t: TestDatabase;
  let trustingNoProxy: RunningApp;
  let behindOneProxy: RunningApp;
  let signUps = 0;
  beforeAll(async () => {
    t = await createTestDatabase();
    [trustingNoProxy, behindOneProxy] = await Promise.all([startApp(t.url, { TRUSTED_PROXY_HOPS: '0' }), startApp(t.url, { TRUSTED_PROXY_HOPS: '1' })]);
  });
  afterAll(async () => {
    await Promise.all([trustingNoProxy?.stop(), behindOneProxy?.stop()]);
    await t.drop();
  });

  async function sessionAddress(app: RunningApp, headers: Record<string, string>): Promise<string | null> {
    const response = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, ...headers },
      body: JSON.stringify({ name: 'someone', username: `someone${++signUps}`, email: `someone${signUps}@example.test`, password: 'a-password-123' }),
    });
    expect(response.status).toBe(200);
    const { user } = (await response.json()) as { user: { id: string } };
    const session = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    return session.ipAddress;
  }

  it('is the socket peer when no proxy is trusted (the default): forged headers change nothing', async () => {
    expect(await sessionAddress(trustingNoProxy, { 'x-forwarded-for': '10.9.8.7', 'x-event-flows-client-ip': '6.6.6.6' })).toBe('127.0.0.1');
  });

  it('is what the trusted proxy saw, one hop behind it', async () => {
    expect(await sessionAddress(behindOneProxy, { 'x-forwarded-for': '6.6.6.6, 10.9.8.7' })).toBe('10.9.8.7');
  });
});
