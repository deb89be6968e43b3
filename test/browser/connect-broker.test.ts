import { describe, expect, it } from 'vitest';
import { pauseResumeAndDeleteFromRow } from '../support/flow-row-actions';
import { useBrowserApp } from '../support/browser-app';
import { signUpInBrowser } from '../support/accounts';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

describe('the Events tab and its Connect broker modal, in Chromium', () => {
  const s = useBrowserApp();
  let username: string;
  let algorithmUrl: string;

  const dialog = () => s.page.getByRole('dialog');
  const brokerCount = () => s.t.db.eventFlow.count({ where: { kind: 'BROKER' } });

  it('walks the guide: sign up, create an algorithm, publish 0.2.0, connect a queue from Events', async () => {
    const { page, app, t } = s;
    username = await signUpInBrowser(page, app.url);
    await page.getByRole('button', { name: 'Create New' }).click();
    await page.getByRole('menuitem', { name: 'Algorithm' }).click();
    await dialog().getByLabel('Name').fill('testSQSEventFlow');
    await dialog().getByLabel('Description').fill('Writes each message to a data collection');
    await dialog().getByRole('button', { name: 'Create Algorithm' }).click();
    algorithmUrl = `${app.url}/algorithms/${username}/testSQSEventFlow`;
    await page.waitForURL(algorithmUrl);

    await page.getByRole('button', { name: 'Publish version' }).click();
    await dialog().getByLabel('Version').fill('0.2.0');
    await dialog().getByLabel('Endpoint URL').fill('http://127.0.0.1:9/run');
    await dialog().getByRole('button', { name: 'Publish version' }).click();
    await page.getByText(`${username}/testSQSEventFlow/0.2.0`, { exact: true }).waitFor();

    await page.getByRole('navigation', { name: 'Algorithm' }).getByRole('link', { name: 'Events' }).click();
    await page.getByText('No broker connections yet').waitFor();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const { queueUrl, name: queueName } = await createQueueWithDlq(testSqsClient());
    await page.getByRole('button', { name: 'Connect broker' }).click();
    // The platform's external ID for this user: read-only, with Copy, and no field to choose one.
    const { externalId } = await t.db.user.findUniqueOrThrow({ where: { username }, select: { externalId: true } });
    await dialog().getByRole('status').filter({ hasText: externalId }).waitFor();
    await dialog().getByRole('button', { name: 'Copy external ID' }).waitFor();
    expect(await dialog().locator('input[name="externalId"]').count()).toBe(0);
    await dialog().getByLabel('URI').fill(queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByLabel('Algorithm', { exact: true }).fill('0.2.0');
    await dialog().getByText(`${username}/testSQSEventFlow/0.2.0`, { exact: true }).waitFor();
    await dialog().getByLabel('Algorithm timeout in seconds').fill('60');
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();

    await dialog().waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: queueName });
    await row.waitFor();
    expect(await row.textContent()).toMatch(new RegExp(`${queueUrl}.*${ROLE_ARN}.*${username}/testSQSEventFlow/0\\.2\\.0.*60 s.*starting`));
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await t.db.eventFlow.findFirstOrThrow({ where: { queueUrl } })).toMatchObject({
      kind: 'BROKER',
      roleArn: ROLE_ARN,
      version: '0.2.0',
      timeoutSeconds: 60,
      enabled: true,
    });
  });

  it.each([
    ['URI', 'https://example.com/q', /Not an Amazon SQS queue URL/],
    ['URI', 'https://sqs.us-east-1.amazonaws.com/12345/q', /12-digit AWS account/],
    ['ROLE ARN', 'arn:aws:iam::123:user/x', /12-digit AWS account/],
    ['Algorithm timeout in seconds', '0', /At least 1 second/],
    ['Algorithm timeout in seconds', '3601', /At most 3600 seconds/],
  ])('shows a field error for %s "%s" and stores nothing', async (label, value, message) => {
    const { page } = s;
    const before = await brokerCount();
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill('https://sqs.us-east-1.amazonaws.com/123456789012/fine');
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByLabel(label, { exact: true }).fill(value);
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    const field = dialog().getByLabel(label, { exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(message);
    // Something was typed: Escape asks before discarding it.
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: 'Discard' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await brokerCount()).toBe(before);
  });

  it("shows the server's refusal of a queue connected twice next to the URI", async () => {
    const { page, t } = s;
    const { queueUrl } = await t.db.eventFlow.findFirstOrThrow({ where: { kind: 'BROKER' } });
    const before = await brokerCount();
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().getByText(`This queue is already connected to ${username}/testSQSEventFlow`).waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    expect(await brokerCount()).toBe(before);
  });

  it('pauses, resumes and, after confirmation, deletes a connection from the table', async () => {
    const { page, t } = s;
    const flow = await t.db.eventFlow.findFirstOrThrow({ where: { kind: 'BROKER' } });
    await pauseResumeAndDeleteFromRow(page, t.db, flow, 'No broker connections yet');
  });

  it("shows another user a 404 instead of the algorithm's profile, and refuses their changes", async () => {
    const { app, t, browser } = s;
    const context = await browser.newContext();
    const other = await context.newPage();
    await signUpInBrowser(other, app.url);
    const response = await other.goto(`${algorithmUrl}/events`);
    expect(response?.status()).toBe(404);
    await other.getByText('Algorithm not found').waitFor();
    expect(await other.getByRole('button', { name: 'Connect broker' }).count()).toBe(0);

    // Nor can the other user's session change or delete a connection of it.
    const algorithm = await t.db.algorithm.findFirstOrThrow({ where: { name: 'testSQSEventFlow' } });
    const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/x';
    const flow = await t.db.eventFlow.create({
      data: { kind: 'BROKER', algorithmId: algorithm.id, creatorId: algorithm.ownerId, queueUrl, roleArn: ROLE_ARN },
    });
    expect((await other.request.patch(`${app.url}/api/v1/flows/${flow.id}`, { data: { enabled: false } })).status()).toBe(404);
    expect((await other.request.delete(`${app.url}/api/v1/flows/${flow.id}`)).status()).toBe(404);
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ enabled: true });
    await context.close();
  });
});
