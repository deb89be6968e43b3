import { CreateQueueCommand, DeleteQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { deadLetter } from '../support/dead-letters';
import { queueDepth } from '../support/sqs-messages';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, uniqueName } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

describe('the admin view of DLQ counts, in Chromium', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let sqs: SQSClient;
  let admin: { id: string; username: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    sqs = testSqsClient();
    [app, browser] = await Promise.all([startApp(t.url), launchBrowser()]);
    page = await browser.newPage();
    const username = await signUpInBrowser(page, app.url); // the first account: an admin
    admin = await t.db.user.findUniqueOrThrow({ where: { username } });
  });
  afterAll(async () => {
    sqs?.destroy();
    await browser?.close();
    await app?.stop();
    await t?.drop();
  });

  async function connect(queueUrl: string) {
    const algorithm = await createAlgorithm(t.db, admin.id);
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: admin.id, queueUrl });
    return { flow, rowName: `${admin.username}/${algorithm.name} connection on ${queueUrl.slice(queueUrl.lastIndexOf('/') + 1)}` };
  }

  const cell = (row: Locator, testId: string) => row.getByTestId(testId).textContent();

  it('shows the DLQ depth of a connection whose messages failed; redrive moves them back', async () => {
    const queue = await createQueueWithDlq(sqs, { maxReceiveCount: 1 });
    await deadLetter(sqs, queue, ['{"n":1}', '{"n":2}', '{"n":3}']);
    const { rowName } = await connect(queue.queueUrl);

    await page.getByRole('link', { name: 'Admin' }).click();
    const row = page.getByRole('row', { name: rowName });
    await expect.poll(() => cell(row, 'dlq-depth')).toBe('3');
    expect(await cell(row, 'visible')).toBe('0');
    await page.getByRole('definition').filter({ hasText: /^3$/ }).first().waitFor(); // DLQ depth total

    await row.getByRole('button', { name: `Dead-letter queue of ${queue.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Dead-letter queue' });
    await dialog.getByRole('button', { name: 'Peek at messages' }).click();
    await dialog.getByRole('list', { name: 'Dead-letter messages' }).getByText('{"n":2}').waitFor();

    await dialog.getByRole('button', { name: 'Move 3 messages back to the queue' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Move 3 messages back to ${queue.name}?` });
    await confirm.getByRole('button', { name: 'Move 3 messages' }).click();
    await dialog.getByText('Moved 3 of 3 messages').waitFor();
    expect((await queueDepth(sqs, queue.dlqUrl)).total).toBe(0);
    expect((await queueDepth(sqs, queue.queueUrl)).total).toBe(3);

    await page.keyboard.press('Escape');
    await expect.poll(() => cell(row, 'dlq-depth')).toBe('0');
    expect(await cell(row, 'visible')).toBe('3');
  });

  it('says why a row cannot be read, and tests a row’s connection', async () => {
    const gone = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('gone-') }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: gone.QueueUrl }));
    const missing = await connect(gone.QueueUrl!);
    const plain = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('plain-'), Attributes: { VisibilityTimeout: '600' } }));
    const noDlq = await connect(plain.QueueUrl!);

    await page.reload();
    const missingRow = page.getByRole('row', { name: missing.rowName });
    await missingRow.getByText(/does not exist/).waitFor();
    expect(await cell(missingRow, 'dlq-depth')).toBe('—');
    const plainRow = page.getByRole('row', { name: noDlq.rowName });
    await plainRow.getByText(/no redrive policy/).waitFor();

    await plainRow.getByRole('button', { name: /^Test connection to plain-/ }).click();
    const result = page.getByRole('dialog', { name: 'Test connection' });
    await result.getByText(/^Connected\./).waitFor();
    // The row's test warns as the modal's would: no DLQ for messages that keep failing.
    await result.getByRole('status').filter({ hasText: /a message that keeps failing never reaches a dead-letter queue/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('checks a connection before it is saved, and refuses what is not an SQS queue', async () => {
    // Maximum Receives 12 keeps the DLQ-during-overload warning out: this test is about the timeout.
    const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 30, maxReceiveCount: 12 });
    const url = `${app.url}/api/v1/flows/test-connection`;
    const checked = await page.request.post(url, { data: { queueUrl: queue.queueUrl, roleArn: 'arn:aws:iam::123456789012:role/READ_SQS', timeoutSeconds: '60' } });
    expect(checked.status()).toBe(200);
    expect(await checked.json()).toMatchObject({ ok: true, local: true, warnings: [expect.stringMatching(/visibility timeout \(30 s\)/)] });

    const refused = await page.request.post(url, { data: { queueUrl: 'http://169.254.169.254/latest/meta-data', roleArn: 'READ_SQS' } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.fieldErrors).toMatchObject({ queueUrl: expect.stringMatching(/SQS queue URL/), roleArn: expect.stringMatching(/role ARN/) });
  });

  it('is for admins: 403 to anyone else, page and API, 401 without a session', async () => {
    const queue = await createQueueWithDlq(sqs);
    const { flow } = await connect(queue.queueUrl);
    const context = await browser.newContext();
    const other = await context.newPage();
    await signUpInBrowser(other, app.url);
    expect(await other.getByRole('link', { name: 'Admin' }).count()).toBe(0);

    const response = await other.goto(`${app.url}/admin`);
    expect(response?.status()).toBe(403);
    await other.getByText('403 · Not allowed').waitFor();
    expect((await other.request.get(`${app.url}/api/v1/admin/queues`)).status()).toBe(403);
    // Nor may they touch the admin's flow: it does not exist for them.
    expect((await other.request.post(`${app.url}/api/v1/flows/${flow.id}/redrive`)).status()).toBe(404);
    expect((await other.request.get(`${app.url}/api/v1/flows/${flow.id}/dlq-messages`)).status()).toBe(404);
    expect((await other.request.post(`${app.url}/api/v1/flows/${flow.id}/test`)).status()).toBe(404);
    await context.close();

    expect((await fetch(`${app.url}/api/v1/admin/queues`)).status).toBe(401);
    expect((await page.request.get(`${app.url}/api/v1/admin/queues`)).status()).toBe(200);
  });
});
