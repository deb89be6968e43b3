import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { startTestRunExecutor } from '../support/run-executor';
import type { Worker } from '@/worker/worker';
import { signUpInBrowser } from '../support/accounts';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { TEST_DATA_TOKEN_KEY } from '../support/app';
import { useBrowserApp } from '../support/browser-app';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { sendMessages } from '../support/sqs-messages';
import { startTestWorker, testWorkerConfig } from '../support/worker';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs');

// The connection page end to end in Chromium: the production app, the worker and the
// executor in this process, the SQS emulator, and an algorithm endpoint that echoes.
describe('a page per connection, in Chromium', () => {
  const s = useBrowserApp();
  const sqs = testSqsClient();
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor;
  let worker: Worker;
  let username: string;
  let queue: Awaited<ReturnType<typeof createQueueWithDlq>>;
  const algorithm = 'store-file';
  const dialog = () => s.page.getByRole('dialog');

  beforeAll(async () => {
    endpoint = await startAlgorithmEndpoint((call) => ({ body: { echoed: call.body, version: call.headers['x-version'] ?? null } }));
    worker = startTestWorker(s.t.db, testWorkerConfig(s.t.url, s.app.url));
    executor = startTestRunExecutor(s.t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: s.app.url, logger, allowLoopbackEndpoints: true }, { executorId: worker.id });
    queue = await createQueueWithDlq(sqs);
  });
  afterAll(async () => {
    await worker?.stop();
    await executor?.stop(1_000);
    await endpoint?.close();
    sqs.destroy();
  });

  // Sign-up and a whole modal's worth of steps: more than 30 s on a loaded 2-core machine.
  it('refuses a malformed filter pattern in the Connect broker modal with a field error, saving nothing', { timeout: 90_000 }, async () => {
    const { page, app, t } = s;
    username = await signUpInBrowser(page, app.url);
    for (const body of [{ name: algorithm }]) expect((await page.request.post(`${app.url}/api/v1/algorithms`, { data: body })).status()).toBe(201);
    for (const version of ['0.1.0', '0.2.0']) {
      const published = await page.request.post(`${app.url}/api/v1/algorithms/${username}/${algorithm}/versions`, { data: { version, endpointUrl: `${endpoint.url}/${version}` } });
      expect(published.status()).toBe(201);
    }
    await page.goto(`${app.url}/algorithms/${username}/${algorithm}/events`);
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(queue.queueUrl);
    await dialog().getByLabel('ROLE ARN').fill('arn:aws:iam::000000000000:role/local');
    await dialog().getByLabel('Algorithm', { exact: true }).fill('0.1.0');
    await dialog().getByText('Advanced').click();
    await dialog().getByLabel('Maximum concurrency').waitFor();
    await dialog().getByRole('button', { name: 'Add filter pattern' }).click();
    await dialog().getByLabel('Pattern 1', { exact: true }).fill('{"type": "order"}');
    await dialog().getByLabel('Try a message').fill('{"type": "order"}');
    await dialog().getByRole('status').filter({ hasText: 'Pattern 1 is not valid yet' }).waitFor();
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().getByRole('alert').filter({ hasText: '"type" needs a list of values' }).waitFor();
    expect(await t.db.eventFlow.count()).toBe(0);

    await dialog().getByLabel('Pattern 1', { exact: true }).fill('{"type": ["order", "test"]}');
    await dialog().getByRole('status').filter({ hasText: 'Runs: matches pattern 1.' }).waitFor();
    await dialog().getByLabel('Try a message').fill('{"type": "refund"}');
    await dialog().getByRole('status').filter({ hasText: 'Filtered: matches no pattern' }).waitFor();
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await t.db.eventFlow.findFirstOrThrow()).toMatchObject({ version: '0.1.0', filters: [{ type: ['order', 'test'] }] });
  });

  it('sends a test message from the row: the run shows in the dialog within 5 s, and its trace has the same message id', async () => {
    const { page } = s;
    const row = page.getByRole('row').filter({ hasText: queue.name });
    await row.getByRole('button', { name: `Send test message to ${queue.name}` }).click();
    await dialog().getByLabel('Message body').fill('{"type": "test", "filename": "some-new-file.txt", "data": "file contents to store"}');
    await dialog().getByText('Valid JSON').waitFor();
    await dialog().getByRole('button', { name: 'Send', exact: true }).click();
    // From SendMessage's answer to the run shown as succeeded: within 5 s (the timeout is the assertion).
    await dialog().getByText('Sent as message').waitFor();
    const status = dialog().getByRole('status').filter({ hasText: 'Succeeded' });
    await status.waitFor({ timeout: 5_000 });
    const messageId = (await dialog().getByRole('region', { name: 'Sent message' }).locator('code').textContent())!;
    const run = await s.t.db.algorithmRun.findFirstOrThrow({ where: { sqsMessageId: messageId } });
    expect(await status.getByRole('link', { name: run.id }).count()).toBe(1);
    await dialog().getByRole('link', { name: 'Message trace' }).click();
    await page.getByRole('heading', { name: messageId }).waitFor();
    expect(await page.getByRole('region', { name: 'Input' }).textContent()).toContain('"filename": "some-new-file.txt"');
  });

  it('shows the connection: status, settings, charts and the message in Recent messages; keyboard opens and closes its dialogs', async () => {
    const { page, app } = s;
    await page.goto(`${app.url}/algorithms/${username}/${algorithm}/events`);
    await page.getByRole('link', { name: queue.name }).click();
    await page.getByRole('heading', { name: queue.name }).waitFor();
    await page.getByRole('region', { name: 'Settings' }).getByText('{"type":["order","test"]}').waitFor();
    await page.getByRole('img', { name: /^Messages per minute\. Received: total [1-9]/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('table', { name: 'Recent messages' }).getByRole('row').nth(1).waitFor();
    await page.getByLabel('Search by SQS message id').fill('no-such-id');
    await page.getByText('No message with that id').waitFor();
    await page.getByLabel('Search by SQS message id').fill('');
    await page.getByRole('button', { name: 'Last day' }).click();
    // The first of two: the destinations' chart is "Destination messages per 15 minutes".
    await page.getByRole('figure').filter({ hasText: 'Messages per 15 minutes' }).first().waitFor();

    await page.getByRole('button', { name: 'Send test message' }).focus();
    await page.keyboard.press('Enter');
    await dialog().getByLabel('Message body').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('edits the version in place: the next message runs the new version within 5 s, without a restart, and the page says who edited', async () => {
    const { page, t } = s;
    await page.getByRole('button', { name: 'Edit' }).click();
    await dialog().getByLabel('Maximum attempts').fill('50');
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().getByRole('alert').filter({ hasText: 'At most 20' }).waitFor();
    await dialog().getByLabel('Maximum attempts').fill('3');
    await dialog().getByLabel('Algorithm', { exact: true }).fill('0.2.0');
    await dialog().getByRole('button', { name: 'Save changes' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText(`Edited by ${username} at`).waitFor();

    const editedAt = Date.now();
    const [messageId] = await sendMessages(sqs, queue.queueUrl, ['{"type": "order", "n": 1}']);
    await expect
      .poll(() => t.db.algorithmRun.findFirst({ where: { sqsMessageId: messageId }, select: { status: true, version: { select: { version: true } } } }), { timeout: 5_000, interval: 100 })
      .toEqual({ status: 'SUCCEEDED', version: { version: '0.2.0' } });
    expect(Date.now() - editedAt).toBeLessThan(5_000);
    expect(endpoint.calls.at(-1)?.body).toEqual({ type: 'order', n: 1 });
  });

  it('takes the screenshots of the connection page for the README', async () => {
    const { page, t } = s;
    const flow = await t.db.eventFlow.findFirstOrThrow();
    await sendMessages(sqs, queue.queueUrl, Array.from({ length: 12 }, (_, n) => JSON.stringify({ type: n % 3 ? 'order' : 'refund', n })));
    await expect.poll(async () => (await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).filteredCount, { timeout: 15_000 }).toBe(4);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.getByRole('img', { name: /^Queue backlog and DLQ depth\./ }).waitFor();
    await page.getByRole('img', { name: /^Messages per minute\. Received: total [1-9]/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'connection-page-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'connection-page-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
