import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';

/** The document is no wider than the window. */
const pageFitsItsWindow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

// Issue 26, item 4 (and item 7's Publish version example), as a user sees them: versions
// are bounded, can be deleted after a confirmation unless runs of them wait, and long
// names never widen a page.
describe('algorithm versions, in Chromium', () => {
  const s = useBrowserApp();
  let username: string;
  const longName = `a${'very-long-algorithm-name-'.repeat(3).slice(0, 63)}`;
  const longVersion = `1.0.0-${'release-candidate'.repeat(4).slice(0, 58)}`;

  const dialog = () => s.page.getByRole('dialog');
  const algorithmUrl = (name: string) => `${s.app.url}/algorithms/${username}/${name}`;

  beforeAll(async () => {
    username = await signUpInBrowser(s.page, s.app.url);
  });

  async function createAlgorithm(name: string) {
    const { page } = s;
    await page.goto(s.app.url);
    await page.getByRole('button', { name: 'Create New' }).click();
    await page.getByRole('menuitem', { name: 'Algorithm' }).click();
    await dialog().getByLabel('Name').fill(name);
    await dialog().getByRole('button', { name: 'Create Algorithm' }).click();
    await page.waitForURL(algorithmUrl(name));
  }

  async function publish(version: string, endpointUrl = 'http://127.0.0.1:9/run') {
    const { page } = s;
    await page.getByRole('button', { name: 'Publish version' }).click();
    await dialog().getByLabel('Version').fill(version);
    await dialog().getByLabel('Endpoint URL').fill(endpointUrl);
    await dialog().getByRole('button', { name: 'Publish version' }).click();
  }

  it.each([
    ['a number of more than 9 digits', '1234567890.0.0', 'Each number in a version has at most 9 digits'],
    ['more than 64 characters', `${'9'.repeat(200)}.0.0`, 'A version has at most 64 characters'],
  ])('refuses a version with %s, next to the field', async (_case, version, message) => {
    const name = `bounded${version.length}`;
    await createAlgorithm(name);
    await publish(version);
    await dialog().getByText(message).waitFor();
    await s.page.keyboard.press('Escape');
    expect(await s.t.db.algorithmVersion.count({ where: { algorithm: { name } } })).toBe(0);
  });

  it('accepts a version of 64 characters', async () => {
    const { page, t } = s;
    const owner = await t.db.user.findUniqueOrThrow({ where: { username } });
    await t.db.algorithm.create({ data: { ownerId: owner.id, name: longName } });
    await page.goto(algorithmUrl(longName));
    await publish(longVersion);
    await page.getByRole('table', { name: 'Versions' }).getByText(longVersion).waitFor();
  });

  it.each([390, 1440])('at %i px, a long name or version widens neither Home nor the algorithm page', async (width) => {
    const { page } = s;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(algorithmUrl(longName));
    await page.getByRole('table', { name: 'Versions' }).getByText(longVersion).waitFor();
    expect(await pageFitsItsWindow(page), 'the algorithm page').toBe(true);
    await page.goto(s.app.url);
    await page.getByText(`Latest ${longVersion}`).waitFor();
    expect(await pageFitsItsWindow(page), 'Home').toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('deletes a version after a confirmation; the latest is then the one before', async () => {
    const { page, t } = s;
    const owner = await t.db.user.findUniqueOrThrow({ where: { username } });
    const algorithm = await t.db.algorithm.create({ data: { ownerId: owner.id, name: 'two-versions' } });
    for (const version of ['1.0.0', '2.0.0']) await t.db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version, endpointUrl: 'http://127.0.0.1:9/run' } });
    await page.goto(algorithmUrl('two-versions'));
    await page.getByText(`${username}/two-versions/2.0.0`, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete version 2.0.0' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/Its finished runs stay/).waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`${username}/two-versions/1.0.0`, { exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Versions' }).getByText('2.0.0').count()).toBe(0);
  });

  it('refuses to delete a version while a run of it waits, saying so in the dialog', async () => {
    const { page, t } = s;
    const algorithm = await t.db.algorithm.findFirstOrThrow({ where: { name: 'two-versions' }, include: { versions: true } });
    await t.db.algorithmRun.create({
      data: { algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: algorithm.ownerId, source: 'API', input: 'x', timeoutSeconds: 30 },
    });
    await page.getByRole('button', { name: 'Delete version 1.0.0' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByText('Version 1.0.0 has 1 run waiting or running.', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    expect(await t.db.algorithmVersion.count({ where: { algorithmId: algorithm.id } })).toBe(1);
  });

  it('offers the built-in example in local mode: it fills the endpoint URL for a collection of the user’s', async () => {
    const { page, t } = s;
    const owner = await t.db.user.findUniqueOrThrow({ where: { username } });
    await t.db.dataCollection.create({ data: { ownerId: owner.id, name: 'event_output_directory' } });
    await createAlgorithm('stores-files');
    await page.getByRole('button', { name: 'Publish version' }).click();
    const endpoint = dialog().getByLabel('Endpoint URL');
    expect(await endpoint.getAttribute('placeholder')).toBeNull();
    await dialog().getByRole('button', { name: 'Use the built-in example (stores a file in a collection)' }).click();
    expect(await endpoint.inputValue()).toMatch(new RegExp(`^http://[^/]+/api/examples/store-file\\?owner=${username}&collection=event_output_directory$`));
    await dialog().getByLabel('Version').fill('0.1.0');
    await dialog().getByRole('button', { name: 'Publish version' }).click();
    await page.getByRole('table', { name: 'Versions' }).getByText(/\/api\/examples\/store-file\?owner=/).waitFor();
  });
});
