import { describe, expect, it } from 'vitest';
import { hashApiKey } from '@/lib/api-keys/api-key-secret';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';

describe('personal API keys page', () => {
  const scene = useBrowserApp();

  it('answers 401 to a caller without a session', async () => {
    const { app } = scene;
    const response = await fetch(`${app.url}/api/v1/api-keys`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('creates a key shown once, stores only its hash, and revokes it', async () => {
    const { t, app, page } = scene;
    const username = await signUpInBrowser(page, app.url);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('No API keys').waitFor();

    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByText('Give the key a name').waitFor();

    await page.getByLabel('Key name').fill('ci-pipeline');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^ef_/);
    await page.getByRole('cell', { name: 'ci-pipeline', exact: true }).waitFor();

    const user = await t.db.user.findUniqueOrThrow({ where: { username } });
    const stored = await t.db.apiKey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.keyHash).toBe(hashApiKey(key));

    await page.getByRole('button', { name: 'Revoke ci-pipeline' }).click();
    await page.getByText('No API keys').waitFor();
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: stored.id } })).revokedAt).not.toBeNull();
  });
});
