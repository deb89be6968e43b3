import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { startTestRunExecutor } from '../support/run-executor';
import { startApp, type RunningApp, TEST_DATA_TOKEN_KEY } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { signUpInBrowser } from '../support/accounts';
import { uniqueName } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';
import type { Worker } from '@/worker/worker';

// The guide's sections 3 and 5 end to end: a collection and an algorithm made in the UI,
// the queue connected with the Connect broker modal, a message sent with the AWS SDK, the
// worker and the executor running the store-file example, and the collection page
// showing the file it wrote.
describe("the guide's example, end to end in Chromium", () => {
  let t: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let executor: RunExecutor;
  const username = uniqueName('ezra');
  let messageId: string;
  let runId: string;
  let worker: Worker | undefined;
  let queue: Awaited<ReturnType<typeof createQueueWithDlq>>;
  const sqs = testSqsClient();

  beforeAll(async () => {
    t = await createTestDatabase();
    [app, browser] = await Promise.all([startApp(t.url), launchBrowser()]);
    page = await browser.newPage();
    // The worker process is not part of startApp: its executor runs here.
    queue = await createQueueWithDlq(sqs);
    executor = startTestRunExecutor(t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: app.url, logger, allowLoopbackEndpoints: true });
  });
  // A failed test may leave the worker it started running.
  afterEach(async () => {
    await worker?.stop();
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

  it('connects a queue in the browser, and a message sent with the AWS SDK ends as some-new-file.txt in the collection', async () => {
    const dialog = () => page.getByRole('dialog');
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Create New' }).click();
    await page.getByRole('menuitem', { name: 'Algorithm' }).click();
    await dialog().getByLabel('Name').fill('store-file');
    await dialog().getByRole('button', { name: 'Create Algorithm' }).click();
    await page.getByRole('button', { name: 'Publish version' }).click();
    await dialog().getByLabel('Version').fill('0.1.0');
    await dialog().getByLabel('Endpoint URL').fill(`${app.url}/api/examples/store-file?owner=${username}&collection=event_output_directory`);
    await dialog().getByRole('button', { name: 'Publish version' }).click();
    await page.getByText(`${username}/store-file/0.1.0`).first().waitFor();

    await page.getByRole('navigation', { name: 'Algorithm' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(queue.queueUrl);
    await dialog().getByLabel('ROLE ARN').fill('arn:aws:iam::000000000000:role/READ_SQS');
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await page.getByRole('cell', { name: new RegExp(queue.name) }).first().waitFor();

    // The worker process, as `npm start` runs it, calling the app's algorithm API.
    worker = startTestWorker(t.db, testWorkerConfig(t.url, app.url));
    const sent = await sqs.send(
      new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: JSON.stringify({ filename: 'some-new-file.txt', data: 'file contents to store' }) }),
    );
    messageId = sent.MessageId!;
    await expect.poll(() => t.db.algorithmRun.findFirst({ where: { sqsMessageId: messageId } }), { timeout: 20_000, interval: 100 }).toMatchObject({ status: 'SUCCEEDED' });
    runId = (await t.db.algorithmRun.findFirstOrThrow({ where: { sqsMessageId: messageId } })).id;
    await expect.poll(async () => (await queueDepth(sqs, queue.queueUrl)).total, { timeout: 10_000 }).toBe(0);
    await worker.stop();

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
    expect(await row.textContent()).toMatch(new RegExp(`Event flow · ${queue.name}.*message ${messageId}.*0\\.1\\.0.*Succeeded`));
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
    await page.getByLabel('Default max attempts').fill('21');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'At most 20' }).waitFor();
    expect(await t.db.platformSettings.count()).toBe(0);
    await page.getByLabel('Default max attempts').fill('5');
    await page.getByLabel('User queue limit').fill('300');
    await page.getByLabel('Platform queue limit').fill('4000');
    await page.getByLabel('Queued run expiry (hours)').fill('6');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      maxWorkers: 12,
      userSessionLimit: 6,
      userQueueLimit: 300,
      platformQueueLimit: 4000,
      defaultMaxAttempts: 5,
      queuedRunExpiryHours: 6,
    });
  });
});
