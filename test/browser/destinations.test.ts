import { describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createAlgorithm } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

describe('destinations, in Chromium', () => {
  const s = useBrowserApp();
  let username: string;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;

  const dialog = () => s.page.getByRole('dialog');

  it('sets the destinations in Connect broker’s Advanced section, with field errors for bad ones', async () => {
    const { page, app, t } = s;
    page.setDefaultTimeout(8_000);
    username = await signUpInBrowser(page, app.url);
    const user = await t.db.user.findUniqueOrThrow({ where: { username } });
    algorithm = await createAlgorithm(t.db, user.id);
    const sqs = testSqsClient();
    const [source, results] = [await createQueueWithDlq(sqs), await createQueueWithDlq(sqs)];
    sqs.destroy();

    await page.goto(`${app.url}/algorithms/${username}/${algorithm.name}/events`);
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(source.queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByText('Advanced').click();
    await dialog().getByLabel('On success, send to').fill('https://example.com/123456789012/out');
    await dialog().getByLabel('On failure, send to').fill(source.queueUrl);
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().getByText(/Not an Amazon SQS queue URL/).waitFor();
    expect(await t.db.eventFlow.count()).toBe(0);

    await dialog().getByLabel('On success, send to').fill(results.queueUrl);
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    // The source queue itself is refused by the server, under its field.
    await dialog().getByText(/This is the queue the connection reads/).waitFor();
    expect(await t.db.eventFlow.count()).toBe(0);

    // Test connection reads each destination through the role: one it cannot reach is named under its field.
    const failureField = dialog().getByLabel('On failure, send to');
    await failureField.fill(results.queueUrl.replace(/[^/]+$/, 'no-such-queue'));
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => failureField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await failureField.getAttribute('aria-describedby')}"]`).textContent()).toMatch(/^On failure, send to: .*no-such-queue/);
    expect(await dialog().getByLabel('On success, send to').getAttribute('aria-invalid')).toBeNull();

    await dialog().getByLabel('On failure, send to').fill('');
    // The section closes again once its errors are gone.
    const envelope = dialog().getByLabel(/Send an envelope/);
    if (!(await envelope.isVisible())) await dialog().getByText('Advanced').click();
    await envelope.check();
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await t.db.eventFlow.findFirstOrThrow({ where: { queueUrl: source.queueUrl } })).toMatchObject({
      onSuccessQueueUrl: results.queueUrl,
      onFailureQueueUrl: null,
      destinationBody: 'ENVELOPE',
    });
  });

  it('shows on the run page where the result went or why not, and Resend sends it again', async () => {
    const { page, app, t } = s;
    const flow = await t.db.eventFlow.findFirstOrThrow({ where: { algorithmId: algorithm.id } });
    const run = await t.db.algorithmRun.create({
      data: {
        algorithmId: algorithm.id,
        versionId: algorithm.versions[0]!.id,
        callerId: algorithm.ownerId,
        source: 'EVENT_FLOW',
        eventFlowId: flow.id,
        sqsMessageId: 'source-message-1',
        input: { n: 1 },
        output: { n: 2 },
        timeoutSeconds: 30,
        status: 'SUCCEEDED',
        finishedAt: new Date(),
      },
    });
    await t.db.destinationMessage.create({
      data: {
        runId: run.id,
        eventFlowId: flow.id,
        kind: 'SUCCESS',
        queueUrl: flow.onSuccessQueueUrl!,
        body: '{"n":2}',
        status: 'FAILED',
        attempts: 10,
        lastError: 'Not sent after 10 attempts: AWS refused (AccessDenied).',
      },
    });

    await page.goto(`${app.url}/algorithms/${username}/${algorithm.name}/runs/${run.id}`);
    const destination = page.getByRole('region', { name: 'Destination' });
    await destination.getByText(/Output not sent to/).waitFor();
    await destination.getByText('Not sent after 10 attempts: AWS refused (AccessDenied).').waitFor();
    await destination.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(async () => (await t.db.destinationMessage.findUniqueOrThrow({ where: { runId: run.id } })).status).toBe('PENDING');
    await destination.getByText(/Output being sent to/).waitFor();

    // Sent (as the worker's sender records it): the queue, SQS's message id and when.
    await t.db.destinationMessage.update({ where: { runId: run.id }, data: { status: 'SENT', sentMessageId: 'sent-message-42', sentAt: new Date(), attempts: 1 } });
    await destination.getByText('sent-message-42').waitFor({ timeout: 15_000 });
    expect(await destination.textContent()).toContain(`Output sent to ${flow.onSuccessQueueUrl}`);
  });
});
