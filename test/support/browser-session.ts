import type { Page } from 'playwright-core';
import { TEST_PASSWORD, uniqueName } from './factories';

/** Creates an account through the sign-up page, as a user would; returns its username. */
export async function signUpInBrowser(page: Page, appUrl: string): Promise<string> {
  const username = uniqueName('user');
  await page.goto(`${appUrl}/sign-up`);
  await page.getByLabel('Name', { exact: true }).fill(username);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(`Signed in as ${username}`).waitFor();
  return username;
}
