import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_PASSWORD, uniqueName } from '../support/factories';

// Behind a TLS terminator the web app is served as https: its session cookie must never
// travel over plain http. APP_URL says which.
describe('session cookies', () => {
  let t: TestDatabase;
  let app: RunningApp;
  const publicUrl = 'https://event-flows.example.test';
  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { APP_URL: publicUrl });
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('are Secure (and __Secure- prefixed) when APP_URL is https', async () => {
    const username = uniqueName('secure');
    const response = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ name: username, username, email: `${username}@example.test`, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((cookie) => cookie.includes('session_token='));
    expect(session).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(session).toMatch(/; Secure/i);
  });
});
