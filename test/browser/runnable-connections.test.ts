import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@/worker/worker';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { startTestWorker, testWorkerConfig } from '../support/worker';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';
const NO_VERSION = 'The algorithm has no published version: publish one on its Overview tab. Messages wait in the queue.';

// Issue 26, items 1 and 2, as a user sees them: a connection that cannot run is refused,
// or says why on its row, its page and the admin view (the real worker, calling the app's
// real flow entry); a queue feeds one enabled connection.
describe('connections that can run, one per queue, in Chromium', () => {
  const s = useBrowserApp();
  const sqs = testSqsClient();
  let worker: Worker;
  let username: string;
  let ownerId: string;

  beforeAll(async () => {
    username = await signUpInBrowser(s.page, s.app.url); // the first account: an admin
    ownerId = (await s.t.db.user.findUniqueOrThrow({ where: { username } })).id;
    worker = startTestWorker(s.t.db, testWorkerConfig(s.t.url, s.app.url));
  });
  afterAll(async () => {
    await worker?.stop();
    sqs.destroy();
  });

  const dialog = () => s.page.getByRole('dialog');
  const algorithmUrl = (name: string) => `${s.app.url}/algorithms/${username}/${name}`;

  async function connectInModal(algorithmName: string, queueUrl: string) {
    const { page } = s;
    await page.goto(`${algorithmUrl(algorithmName)}/events`);
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
  }

  it('refuses to connect an algorithm with no published version, with the reason under Algorithm', async () => {
    const algorithm = await s.t.db.algorithm.create({ data: { ownerId, name: 'unpublished' } });
    const { queueUrl } = await createQueueWithDlq(sqs);
    await connectInModal(algorithm.name, queueUrl);
    await dialog().getByText(`${username}/unpublished has no published version yet: publish one on its Overview tab, then connect the queue.`).waitFor();
    expect(await s.t.db.eventFlow.count({ where: { algorithmId: algorithm.id } })).toBe(0);
  });

  describe('a connection whose last version is deleted', () => {
    let algorithmName: string;
    let queueName: string;
    let flowId: string;

    it('is active while it has a version; the version is deleted from the Overview tab', async () => {
      const { page, t } = s;
      const algorithm = await createAlgorithm(t.db, ownerId, { name: 'soon-unpublished', version: '1.0.0' });
      const queue = await createQueueWithDlq(sqs);
      const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: ownerId, queueUrl: queue.queueUrl });
      [algorithmName, queueName, flowId] = [algorithm.name, queue.name, flow.id];
      await expect.poll(() => t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } }), { timeout: 15_000 }).toMatchObject({ status: 'ACTIVE' });

      await page.goto(algorithmUrl(algorithmName));
      await page.getByRole('button', { name: 'Delete version 1.0.0' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('No published version yet').waitFor();
    });

    it('says why it stopped on its Events row, within seconds', async () => {
      const { page } = s;
      await page.goto(`${algorithmUrl(algorithmName)}/events`);
      const row = page.getByRole('row').filter({ hasText: queueName });
      await row.getByText(NO_VERSION).waitFor({ timeout: 20_000 });
      await row.getByText('error', { exact: true }).waitFor();
    });

    it('and on its connection page and in the admin view', async () => {
      const { page } = s;
      await page.goto(`${algorithmUrl(algorithmName)}/events/${flowId}`);
      await page.getByRole('alert').filter({ hasText: NO_VERSION }).waitFor();
      await page.getByText('Not running: the reason is below.').waitFor();
      await page.goto(`${s.app.url}/admin`);
      await page.getByRole('row', { name: `${username}/${algorithmName} connection on ${queueName}` }).getByText(NO_VERSION).waitFor();
    });

    it('runs again once a version is published', async () => {
      const { page } = s;
      await page.goto(algorithmUrl(algorithmName));
      await page.getByRole('button', { name: 'Publish version' }).click();
      await dialog().getByLabel('Version').fill('1.1.0');
      await dialog().getByLabel('Endpoint URL').fill('http://127.0.0.1:9/run');
      await dialog().getByRole('button', { name: 'Publish version' }).click();
      await page.getByText(`${username}/${algorithmName}/1.1.0`, { exact: true }).waitFor();
      await page.goto(`${algorithmUrl(algorithmName)}/events`);
      await page.getByRole('row').filter({ hasText: queueName }).getByText('active', { exact: true }).waitFor({ timeout: 20_000 });
    });
  });

  describe('one queue, one enabled connection', () => {
    let queue: { name: string; queueUrl: string };

    it('refuses a second connection on a queue another one uses, saying why and how to fan out', async () => {
      const { page, t } = s;
      const first = await createAlgorithm(t.db, ownerId, { name: 'first-reader' });
      await createAlgorithm(t.db, ownerId, { name: 'second-reader' });
      queue = await createQueueWithDlq(sqs);
      await createEventFlow(t.db, { algorithmId: first.id, creatorId: ownerId, queueUrl: queue.queueUrl });

      await connectInModal('second-reader', queue.queueUrl);
      const refusal = dialog().getByText(/^This queue already feeds .*first-reader \(a broker connection\)\./);
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/publish to an Amazon SNS topic and subscribe one queue per algorithm/);
      await page.keyboard.press('Escape');
    });

    it('lets it once the first is paused: a paused connection does not count', async () => {
      const { page } = s;
      await page.goto(`${algorithmUrl('first-reader')}/events`);
      const firstRow = page.getByRole('row').filter({ hasText: queue.name });
      await firstRow.getByRole('button', { name: `Pause ${queue.name}` }).click();
      await firstRow.getByText('paused', { exact: true }).waitFor();

      await connectInModal('second-reader', queue.queueUrl);
      await dialog().waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: queue.name }).waitFor();
    });

    it('refuses resuming the paused one while the other uses the queue', async () => {
      const { page, t } = s;
      await page.goto(`${algorithmUrl('first-reader')}/events`);
      await page.getByRole('button', { name: `Resume ${queue.name}` }).click();
      await page.getByRole('alert').filter({ hasText: /This queue already feeds .*second-reader/ }).waitFor();
      expect(await t.db.eventFlow.count({ where: { queueUrl: queue.queueUrl, enabled: true } })).toBe(1);
    });
  });
});
