import { describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createUser, TEST_PASSWORD, uniqueName } from '../support/factories';

describe('signing up, out and in, in Chromium', () => {
  const scene = useBrowserApp();

  it('sends a visitor to the sign-in page', async () => {
    const { app, page } = scene;
    await page.goto(app.url);
    await expect.poll(() => page.url()).toBe(`${app.url}/sign-in`);
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('creates an account, signs out and signs back in', async () => {
    const { t, app, page } = scene;
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    const username = await signUpInBrowser(page, app.url, uniqueName('ada'));

    const user = await t.db.user.findUniqueOrThrow({ where: { username } });
    expect(user.role).toBe('ADMIN'); // the first account administers the installation
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByLabel('Email').fill(`${username}@example.test`);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That email and password do not match an account' }).waitFor();

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${username}`).waitFor();
    expect(page.url()).toBe(`${app.url}/`);
  });

  it('refuses a username that is taken, and stores nothing', async () => {
    const { t, app, browser } = scene;
    const context = await browser.newContext();
    const other = await context.newPage();
    const existing = (await createUser(t.db)).username;
    const before = await t.db.user.count();
    await other.goto(`${app.url}/sign-up`);
    await other.getByLabel('Name', { exact: true }).fill('Someone');
    await other.getByLabel('Username').fill(existing);
    await other.getByLabel('Email').fill(`${uniqueName('x')}@example.test`);
    await other.getByLabel('Password').fill(TEST_PASSWORD);
    await other.getByRole('button', { name: 'Create account' }).click();
    await other.getByRole('alert').filter({ hasText: 'That username is taken' }).waitFor();
    expect(await t.db.user.count()).toBe(before);
    await context.close();
  });

  it('explains an empty sign-up form field by field, in plain words, and stores nothing', async () => {
    const { t, app, browser } = scene;
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await t.db.user.count();
    await page.goto(`${app.url}/sign-up`);
    await page.getByRole('button', { name: 'Create account' }).click();
    const errorOf = async (label: string) => {
      const field = page.getByLabel(label, { exact: true });
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      return page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent();
    };
    expect(await errorOf('Name')).toBe('Enter your name');
    expect(await errorOf('Username')).toBe('Username must be at least 2 characters');
    expect(await errorOf('Email')).toBe('Enter your email address');
    expect(await errorOf('Password')).toBe('Use at least 8 characters');
    expect(await page.getByText('[body.').count()).toBe(0);
    expect(await t.db.user.count()).toBe(before);
    await context.close();
  });
});
