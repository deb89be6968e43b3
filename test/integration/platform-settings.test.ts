import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { signUpOverHttp, type SignedInUser } from '../support/session';

describe('platform settings', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let admin: SignedInUser;
  let user: SignedInUser;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { MAX_WORKERS: '7', USER_SESSION_LIMIT: '3' });
    admin = await signUpOverHttp(app.url); // the first account administers the installation
    user = await signUpOverHttp(app.url);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  const settings = (who: SignedInUser | undefined, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${app.url}/api/v1/admin/settings`, {
      method: init.method ?? 'GET',
      headers: { ...(who ? { cookie: who.cookie } : {}), 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('start from the environment defaults, and an admin changes them', async () => {
    expect(await (await settings(admin)).json()).toEqual({
      settings: { maxWorkers: 7, userSessionLimit: 3, userQueueLimit: 1000, platformQueueLimit: 10000, defaultMaxAttempts: 3, queuedRunExpiryHours: 24, awsAccountNumber: null,
        algorithmAllowedNetworks: '', userFlowLimit: 100, userDataQuotaMb: 1024, userCollectionLimit: 100, runRetentionHours: 720 },
    });
    const saved = await settings(admin, { method: 'PUT', body: { maxWorkers: 20, userSessionLimit: 5, awsAccountNumber: '123456789012' } });
    expect(saved.status).toBe(200);
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ maxWorkers: 20, userSessionLimit: 5, awsAccountNumber: '123456789012' });
    // A field left out keeps its value.
    expect((await settings(admin, { method: 'PUT', body: { userQueueLimit: 50 } })).status).toBe(200);
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ maxWorkers: 20, userQueueLimit: 50, platformQueueLimit: 10000 });
  });

  it('refuse bad values field by field and keep what was saved', async () => {
    const response = await settings(admin, {
      method: 'PUT',
      body: { maxWorkers: 0, userSessionLimit: 'many', awsAccountNumber: '123', defaultMaxAttempts: 21, queuedRunExpiryHours: 1.5, platformQueueLimit: -1, algorithmAllowedNetworks: '10.0.0.0/33' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fieldErrors).toEqual({
      maxWorkers: 'At least 1',
      userSessionLimit: 'Enter a whole number',
      awsAccountNumber: 'An AWS account number has 12 digits',
      defaultMaxAttempts: 'At most 20',
      queuedRunExpiryHours: 'Enter a whole number',
      platformQueueLimit: 'At least 1',
      algorithmAllowedNetworks: 'Enter CIDRs like 10.0.0.0/8 or host names, separated by commas or new lines',
    });
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ maxWorkers: 20, userSessionLimit: 5 });
  });

  it('keep finished runs for 1 hour to 400 days, typed in hours or days', async () => {
    for (const [value, error] of [
      ['0 hours', 'At least 1 hour'],
      ['401 days', 'At most 400 days'],
      [9601, 'At most 400 days'],
      ['30', 'Enter hours or days, e.g. 12 hours or 30 days'],
    ] as const) {
      const refused = await settings(admin, { method: 'PUT', body: { runRetentionHours: value } });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.fieldErrors).toEqual({ runRetentionHours: error });
    }
    expect((await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).runRetentionHours).toBe(720);
    for (const [value, hours] of [['1 hour', 1], ['400 days', 9600], [36, 36]] as const) {
      const saved = await settings(admin, { method: 'PUT', body: { runRetentionHours: value } });
      expect((await saved.json()).settings.runRetentionHours).toBe(hours);
      expect((await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).runRetentionHours).toBe(hours);
    }
  });

  it('are for admins only: 403 for other users in the API and on the page, 401 anonymously', async () => {
    expect((await settings(user)).status).toBe(403);
    expect((await settings(user, { method: 'PUT', body: { maxWorkers: 1, userSessionLimit: 1 } })).status).toBe(403);
    expect((await settings(undefined)).status).toBe(401);
    expect((await fetch(`${app.url}/admin/settings`, { headers: { cookie: user.cookie } })).status).toBe(403);
    const page = await fetch(`${app.url}/admin/settings`, { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const label of ['Maximum workers', 'User queue limit', 'Platform queue limit', 'Default max attempts', 'Queued run expiry (hours)']) expect(html).toContain(label);
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ maxWorkers: 20 });
  });
});
