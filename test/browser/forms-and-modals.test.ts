import { describe, expect, it, beforeAll } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createAlgorithm } from '../support/factories';

// Issue 26, item 6: errors go when their field changes or a later submit succeeds; modals
// open with the focus in their first field; a modal with typed values asks before Escape
// (or a click outside) throws them away.
describe('forms and modals, in Chromium', () => {
  const s = useBrowserApp();
  let base: string;
  const dialog = () => s.page.getByRole('dialog');
  const focusedLabel = () =>
    s.page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return active?.labels?.[0]?.textContent ?? active?.getAttribute('aria-label') ?? active?.textContent ?? null;
    });

  beforeAll(async () => {
    const username = await signUpInBrowser(s.page, s.app.url);
    const owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    const algorithm = await createAlgorithm(s.t.db, owner.id);
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
  });

  it('Connect broker opens on URI; an error goes when its field is edited, and after a Test connection that ran', async () => {
    const { page, t } = s;
    await page.goto(`${base}/events`);
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').waitFor();
    expect(await focusedLabel()).toBe('URI');

    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    const uriError = dialog().getByRole('alert').filter({ hasText: /queue's URL/ });
    const roleError = dialog().getByRole('alert').filter({ hasText: /role ARN/i });
    await uriError.waitFor();
    await roleError.waitFor();

    await dialog().getByLabel('URI').fill('http://sqs.us-east-1.localhost:4566/000000000000/orders');
    await uriError.waitFor({ state: 'detached' });
    expect(await roleError.count()).toBe(1);

    await dialog().getByLabel('ROLE ARN').evaluate((input: HTMLInputElement) => {
      // Set without an input event, as a password manager might: only the check clears it.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'arn:aws:iam::000000000000:role/local');
    });
    expect(await roleError.count()).toBe(1);
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    await dialog().getByRole('button', { name: 'Test connection' }).and(page.locator(':enabled')).waitFor();
    await roleError.waitFor({ state: 'detached' });
    expect(await t.db.eventFlow.count()).toBe(0);
  });

  it('asks before Escape or a click outside throws typed values away', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    const question = dialog().getByRole('alert').filter({ hasText: 'Discard what you typed?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog().getByLabel('URI').inputValue()).toBe('http://sqs.us-east-1.localhost:4566/000000000000/orders');

    await page.mouse.click(5, 5);
    await question.waitFor();
    await question.getByRole('button', { name: 'Discard' }).click();
    await dialog().waitFor({ state: 'detached' });

    // Untouched, Escape closes at once, and the values are gone.
    await page.getByRole('button', { name: 'Connect broker' }).click();
    expect(await dialog().getByLabel('URI').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('New Collection opens on its name; its error goes when the name changes; a later success closes it', async () => {
    const { page, t } = s;
    await page.goto(`${s.app.url}/data/hosted`);
    await page.getByRole('button', { name: 'New Collection' }).click();
    await dialog().getByLabel('Collection name').waitFor();
    expect(await focusedLabel()).toBe('Collection name');
    await page.keyboard.type('not a name');
    await dialog().getByRole('button', { name: 'Create Collection' }).click();
    const error = dialog().getByRole('alert').filter({ hasText: 'Use letters, digits' });
    await error.waitFor();
    await dialog().getByLabel('Collection name').fill('not a nam');
    await error.waitFor({ state: 'detached' });
    await dialog().getByLabel('Collection name').fill('outputs');
    await dialog().getByRole('button', { name: 'Create Collection' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await t.db.dataCollection.count({ where: { name: 'outputs' } })).toBe(1);
  });

  it('Create an algorithm opens on its first field too', async () => {
    const { page } = s;
    await page.goto(s.app.url);
    await page.getByRole('button', { name: 'Create New' }).click();
    await page.getByRole('menuitem', { name: 'Algorithm' }).click();
    await dialog().getByLabel('Name').waitFor();
    expect(await focusedLabel()).toBe('Name');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });
});
