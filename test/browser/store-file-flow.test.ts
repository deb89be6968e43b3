import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerApiToken } from '@/lib/auth/worker-token';
import { logger } from '@/lib/logger';
import { startRunExecutor, type RunExecutor } from '@/lib/runs/start-run-executor';
import { startApp, TEST_AUTH_SECRET, type RunningApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { signUpInBrowser } from '../support/accounts';
import { uniqueName } from '../support/factories';

// The guide's sections 3 and 5 from the platform's side: a collection made in the UI, the
// worker's call for one queue message, the executor running the store-file example, and
// the collection page showing the file it wrote.
describe("the guide's example, end to end in Chromium", () => {
  let t: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let executor: RunExecutor;
  const username = uniqueName('ezra');
  const messageId = randomUUID();
  let runId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    [app, browser] = await Promise.all([startApp(t.url), launchBrowser()]);
    page = await browser.newPage();
    // The worker process is not part of startApp: its executor runs here.
    executor = startRunExecutor({ db: t.db, context: { authSecret: TEST_AUTH_SECRET, dataApiUrl: app.url, logger }, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await executor?.stop(1_000);
    await browser?.close();
    await app?.stop();
    await t?.drop();
  });

  it('creates the collection: Data Sources → My Hosted Data → New Collection → Create Collection', async () => {
    await signUpInBrowser(page, app.url, username);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data Sources' }).click();
    await page.getByRole('link', { name: /My Hosted Data/ }).click();
    await page.getByRole('heading', { name: 'My Hosted Data' }).waitFor();
    await page.getByRole('button', { name: 'New Collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Collection' });
    await dialog.getByLabel('Collection name').fill('not a name');
    await dialog.getByRole('button', { name: 'Create Collection' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Use letters, digits' }).waitFor();
    await dialog.getByLabel('Collection name').fill('event_output_directory');
    await dialog.getByRole('button', { name: 'Create Collection' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'event_output_directory' }).waitFor();
    expect(await t.db.dataCollection.count({ where: { name: 'event_output_directory', owner: { username } } })).toBe(1);
  });

  it('runs store-file for a queue message and shows some-new-file.txt with its contents', async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username } });
    const endpointUrl = `${app.url}/api/examples/store-file?owner=${username}&collection=event_output_directory`;
    const algorithm = await t.db.algorithm.create({
      data: { ownerId: user.id, name: 'store-file', versions: { create: { version: '0.1.0', endpointUrl } } },
    });
    const flow = await t.db.eventFlow.create({
      data: {
        kind: 'BROKER',
        algorithmId: algorithm.id,
        creatorId: user.id,
        queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/demo-queue',
        roleArn: 'arn:aws:iam::000000000000:role/READ_SQS',
      },
    });

    // What the worker sends for the message {"filename": …, "data": …}.
    const response = await fetch(`${app.url}/v1/algo/${username}/store-file?output=void`, {
      method: 'POST',
      headers: {
        authorization: `Worker ${workerApiToken(TEST_AUTH_SECRET)}`,
        'x-event-flow-id': flow.id,
        'x-sqs-message-id': messageId,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ filename: 'some-new-file.txt', data: 'file contents to store' }),
    });
    expect(response.status).toBe(200);
    runId = (await response.json()).result.run_id;
    await expect
      .poll(async () => (await t.db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 15_000, interval: 100 })
      .toBe('SUCCEEDED');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data Sources' }).click();
    await page.getByRole('link', { name: /My Hosted Data/ }).click();
    await page.getByRole('link', { name: 'event_output_directory' }).click();
    const file = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'some-new-file.txt' }) });
    await file.waitFor();
    expect(await file.locator('pre').textContent()).toBe('file contents to store');
    expect(await file.textContent()).toContain('22 B');
  });

  it("lists the run with its queue and message id, and shows the run's input and output", async () => {
    await page.goto(`${app.url}/algorithms/${username}/store-file/runs`);
    const row = page.getByRole('row').filter({ hasText: runId });
    await row.waitFor();
    expect(await row.textContent()).toMatch(new RegExp(`Event flow · demo-queue.*message ${messageId}.*0\\.1\\.0.*Succeeded`));
    await row.getByRole('link', { name: runId }).click();
    await page.getByRole('heading', { name: `Run ${runId}` }).waitFor();
    expect(await page.getByRole('region', { name: 'Input' }).textContent()).toContain('"filename": "some-new-file.txt"');
    expect(await page.getByRole('region', { name: 'Output' }).textContent()).toContain(`"stored": "data://${username}/event_output_directory/some-new-file.txt"`);
  });

  it('opens the New Collection dialog from /data/hosted?new=1', async () => {
    await page.goto(`${app.url}/data/hosted?new=1`);
    await page.getByRole('dialog', { name: 'New Collection' }).getByLabel('Collection name').waitFor();
  });

  it('lets the admin change the capacity settings', async () => {
    await page.goto(`${app.url}/admin/settings`);
    await page.getByLabel('Maximum workers').fill('12');
    await page.getByLabel('User session limit').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'At least 1' }).waitFor();
    expect(await t.db.platformSettings.count()).toBe(0);
    await page.getByLabel('User session limit').fill('6');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ maxWorkers: 12, userSessionLimit: 6 });
  });
});
