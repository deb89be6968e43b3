import type { Page } from 'playwright-core';
import { TEST_PASSWORD, uniqueName } from './factories';

/** Signs up a new user through the sign-up page; resolves once Home shows. */
export async function signUpInBrowser(page: Page, appUrl: string, username = uniqueName('user')): Promise<string> {
  await page.goto(`${appUrl}/sign-up`);
  await page.getByLabel('Name', { exact: true }).fill(username);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(`Signed in as ${username}`).waitFor();
  return username;
}
