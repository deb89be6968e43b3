import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, uniqueName } from '../support/factories';

// Issue 26, item 9: the smaller items — a Copy button for a new API key; upload, download
// and delete in hosted data; the backlog card's note wraps; a dead run's attempt history;
// "attempt 1 of 3" only for failures that will be retried; the run's flow is a link; a
// name's length bounded at sign-up. (The DLQ move's count and confirmation:
// test/browser/admin-queues.test.ts.)
describe('the smaller items, in Chromium', () => {
  const s = useBrowserApp();
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let flowId: string;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;
  let owner: { id: string };

  beforeAll(async () => {
    context = await s.browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.app.url });
    page = await context.newPage();
    const username = await signUpInBrowser(page, s.app.url);
    owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    algorithm = await createAlgorithm(s.t.db, owner.id);
    // A queue that does not exist: the backlog card has a long problem to show.
    const flow = await createEventFlow(s.t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/orders-gone' });
    flowId = flow.id;
    await s.t.db.dataCollection.create({ data: { ownerId: owner.id, name: 'event_output_directory' } });
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
  });
  afterAll(() => context?.close());

  async function endedRun(status: 'DEAD' | 'FAILED', attemptLog: Array<Record<string, unknown>>, error: string) {
    return s.t.db.algorithmRun.create({
      data: {
        algorithmId: algorithm.id,
        versionId: algorithm.versions[0]!.id,
        callerId: owner.id,
        source: 'EVENT_FLOW',
        eventFlowId: flowId,
        sqsMessageId: uniqueName('msg-'),
        input: {},
        timeoutSeconds: 30,
        status,
        attempt: attemptLog.length,
        maxAttempts: 3,
        attemptLog: attemptLog as object[],
        error,
        finishedAt: new Date(),
      },
    });
  }

  it('copies a new API key with its Copy button', async () => {
    await page.goto(`${s.app.url}/settings/api-keys`);
    await page.getByLabel('Key name').fill('ci-pipeline');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())!.trim();
    await page.getByRole('button', { name: 'Copy the new key' }).click();
    await page.getByRole('button', { name: 'Copy the new key' }).filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  });

  it('uploads, downloads and deletes a file of a collection', async () => {
    await page.goto(`${s.app.url}/data/hosted/event_output_directory`);
    await page.getByText('No files yet').waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('file contents to store') });
    expect(await page.getByLabel('Save as').inputValue()).toBe('notes.txt');
    await page.getByLabel('Save as').fill('reports/notes.txt');
    await page.getByRole('button', { name: 'Upload' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'reports/notes.txt' }) });
    await card.getByText('file contents to store').waitFor();
    await page.getByText('Showing 1 of 1 file').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Download reports/notes.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('notes.txt');
    expect(await readFile((await download.path())!, 'utf8')).toBe('file contents to store');

    await card.getByRole('button', { name: 'Delete reports/notes.txt' }).click();
    await page.getByRole('alertdialog', { name: 'Delete reports/notes.txt?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No files yet').waitFor();
    expect(await s.t.db.dataFile.count()).toBe(0);
  });

  it("wraps the backlog card's note instead of cutting it", async () => {
    await page.goto(`${base}/events/${flowId}`);
    const card = page.locator('div').filter({ has: page.getByText('Queue backlog now', { exact: true }) }).last();
    await card.getByText('Unreadable').waitFor();
    const note = card.locator('p').last();
    const { text, cut } = await note.evaluate((element) => ({ text: element.textContent ?? '', cut: element.scrollWidth > element.clientWidth }));
    expect(text.length).toBeGreaterThan(30);
    expect(cut).toBe(false);
  });

  it('shows a dead run’s attempt history, and "attempt N of M" only while another may follow', async () => {
    const at = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
    const dead = await endedRun(
      'DEAD',
      [
        { attempt: 1, at: at(30), outcome: 'FAILED', error: 'The algorithm answered HTTP 503: busy' },
        { attempt: 2, at: at(20), outcome: 'TIMED_OUT', error: 'The algorithm took longer than 30 s' },
        { attempt: 3, at: at(10), outcome: 'FAILED', error: 'The algorithm answered HTTP 503: busy' },
      ],
      'Gave up after 3 attempts: The algorithm answered HTTP 503: busy',
    );
    await page.goto(`${base}/runs/${dead.id}`);
    await page.getByText('3 attempts, all failed').waitFor();
    const history = page.getByRole('region', { name: 'Attempt history' }).getByRole('listitem');
    expect(await history.count()).toBe(3);
    expect(await history.nth(1).textContent()).toMatch(/^Attempt 2 at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: timed out — The algorithm took longer than 30 s$/);

    const refused = await endedRun('FAILED', [{ attempt: 1, at: at(5), outcome: 'FAILED', error: 'The algorithm answered HTTP 400: bad input' }], 'The algorithm answered HTTP 400: bad input');
    await page.goto(`${base}/runs/${refused.id}`);
    await page.getByText('1 attempt; not retried (the algorithm refused this input)').waitFor();
    expect(await page.getByText(/of 3/).count()).toBe(0);
  });

  it("links a run's event flow to its connection page", async () => {
    await page.getByRole('link', { name: 'orders-gone' }).click();
    await page.getByRole('heading', { name: 'orders-gone' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(`${base}/events/${flowId}`).pathname);
  });

  it('bounds a name at sign-up to 100 characters', async () => {
    const visitor = await s.browser.newPage();
    try {
      await visitor.goto(`${s.app.url}/sign-up`);
      await visitor.getByLabel('Name', { exact: true }).fill('x'.repeat(101));
      const username = uniqueName('long');
      await visitor.getByLabel('Username').fill(username);
      await visitor.getByLabel('Email').fill(`${username}@example.test`);
      await visitor.getByLabel('Password').fill('correct-horse-battery');
      await visitor.getByRole('button', { name: 'Create account' }).click();
      await visitor.getByRole('alert').filter({ hasText: 'Name must be at most 100 characters' }).waitFor();
      expect(await s.t.db.user.count({ where: { username } })).toBe(0);
    } finally {
      await visitor.close();
    }
  });
});
