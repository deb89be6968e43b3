import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_SAMPLE_BODY, storeFileExampleUrl } from '@/examples/store-file/example-endpoint';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { queueDepth } from '../support/sqs-messages';

// Issue 26, item 7: the first run is guided — AWS setup in the sidebar with the template's
// own numbers; Send test message starts from the guide's sample for the example algorithm,
// and on a paused connection says the message waits in the queue.
describe('a guided first run, in Chromium', () => {
  const s = useBrowserApp();
  const sqs = testSqsClient();
  let username: string;
  let owner: { id: string };
  const dialog = () => s.page.getByRole('dialog', { name: 'Send test message' });

  beforeAll(async () => {
    username = await signUpInBrowser(s.page, s.app.url);
    owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
  });
  afterAll(() => sqs.destroy());

  it('links AWS setup from the sidebar, and its numbers are the template’s', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AWS setup' }).click();
    await page.getByRole('heading', { name: 'AWS setup', level: 1 }).waitFor();
    await page.getByText('Maximum Receives, 12 unless you change it').waitFor();
    await page.getByText('it waits up to 5 minutes × Maximum Receives: an hour at 12').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download client-aws-cloudformation-template.yaml' }).click()]);
    expect(await readFile((await download.path())!, 'utf8')).toMatch(/MaxReceiveCount:\n(?:\s+.*\n)*?\s+Default: 12\n/);
  });

  it('starts Send test message from the guide’s sample when the connection runs the store-file example', async () => {
    const { page, app, t } = s;
    const queue = await createQueueWithDlq(sqs);
    const algorithm = await createAlgorithm(t.db, owner.id, { name: 'store-file', endpointUrl: storeFileExampleUrl(app.url, username, 'event_output_directory') });
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl });
    await page.goto(`${app.url}/algorithms/${username}/store-file/events/${flow.id}`);
    await page.getByRole('button', { name: 'Send test message' }).click();
    await dialog().getByText('The guide’s sample message, for the store-file example').waitFor();
    expect(await dialog().getByLabel('Message body').inputValue()).toBe(STORE_FILE_SAMPLE_BODY);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('says on a paused connection that the message waits in the queue until it is resumed', async () => {
    const { page, app, t } = s;
    const queue = await createQueueWithDlq(sqs);
    const algorithm = await createAlgorithm(t.db, owner.id, { name: 'echo' });
    const flow = await createEventFlow(t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl, enabled: false });
    await t.db.eventFlow.update({ where: { id: flow.id }, data: { status: 'PAUSED' } });
    await page.goto(`${app.url}/algorithms/${username}/echo/events/${flow.id}`);
    await page.getByRole('button', { name: 'Send test message' }).click();
    await dialog().getByText('This connection is paused: a message you send waits in the queue until you resume the connection.').waitFor();
    expect(await dialog().getByLabel('Message body').inputValue()).toBe('');
    await dialog().getByLabel('Message body').fill('{"hello": "queue"}');
    await dialog().getByRole('button', { name: 'Send', exact: true }).click();
    await dialog().getByText('Sent as message').waitFor();
    await dialog().getByRole('status').filter({ hasText: 'Waiting in the queue: the connection is paused. It runs once you resume the connection.' }).waitFor();
    expect(await dialog().getByText('Waiting for the worker').count()).toBe(0);
    expect((await queueDepth(sqs, queue.queueUrl)).visible).toBe(1);
  });
});
