import { describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createAlgorithm, createEndedRuns } from '../support/factories';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

// Retention in Chromium: the admin's "Keep finished runs for", a connection's own in its
// Advanced settings (both refusing values outside 1 hour to 400 days), and the dates the
// run page and the Dead filter give.
describe('run retention, in Chromium', () => {
  const s = useBrowserApp();
  let base: string;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;

  const dialog = () => s.page.getByRole('dialog');
  const retentionField = () => s.page.getByLabel('Keep finished runs for');

  it('the admin keeps finished runs for 12 hours; 401 days is refused next to the field', async () => {
    const { page, app, t } = s;
    const username = await signUpInBrowser(page, app.url); // the first user administers the installation
    const owner = await t.db.user.findUniqueOrThrow({ where: { username } });
    algorithm = await createAlgorithm(t.db, owner.id);
    base = `${app.url}/algorithms/${username}/${algorithm.name}`;

    await page.goto(`${app.url}/admin/settings`);
    expect(await retentionField().inputValue()).toBe('30 days');
    await retentionField().fill('401 days');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'At most 400 days' }).waitFor();
    expect(await retentionField().getAttribute('aria-invalid')).toBe('true');
    expect(await t.db.platformSettings.count()).toBe(0);

    await retentionField().fill('12 hours');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    expect(await t.db.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ runRetentionHours: 12 });
  });

  it("a connection keeps its runs for its own window, set in Connect broker's Advanced settings", async () => {
    const { page, t } = s;
    const { queueUrl } = await createQueueWithDlq(testSqsClient());
    await page.goto(`${base}/events`);
    await page.getByRole('button', { name: 'Connect broker' }).click();
    await dialog().getByLabel('URI').fill(queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByText('Advanced').click();
    await dialog().getByLabel('Keep finished runs for').fill('0 hours');
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().getByRole('alert').filter({ hasText: 'At least 1 hour' }).waitFor();
    expect(await t.db.eventFlow.count()).toBe(0);

    await dialog().getByLabel('Keep finished runs for').fill('2 days');
    await dialog().getByRole('button', { name: 'Connect to Amazon SQS broker' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await t.db.eventFlow.findFirstOrThrow({ where: { queueUrl } })).toMatchObject({ runRetentionHours: 48 });
  });

  it('the Dead filter and the run page say when each run is deleted, by the window that applies', async () => {
    const { page, t } = s;
    const flow = await t.db.eventFlow.findFirstOrThrow();
    await createEndedRuns(t.db, algorithm, 'DEAD', 1, { eventFlowId: flow.id });
    await createEndedRuns(t.db, algorithm, 'SUCCEEDED', 1);
    const dead = await t.db.algorithmRun.findFirstOrThrow({ where: { status: 'DEAD' } });
    const deletedAt = new Date(dead.finishedAt!.getTime() + 48 * 3_600_000).toISOString();

    await page.goto(`${base}/runs?status=dead`);
    const table = page.getByRole('table', { name: 'Runs' });
    await table.getByRole('columnheader', { name: 'Deleted after' }).waitFor();
    await table.getByRole('row').filter({ hasText: dead.id }).filter({ hasText: `${deletedAt.slice(11, 16)} UTC` }).waitFor();

    await table.getByRole('link', { name: dead.id }).click();
    await page.getByText(/^Deleted after .+, 2 days after it died$/).waitFor();
    const succeeded = await t.db.algorithmRun.findFirstOrThrow({ where: { status: 'SUCCEEDED' } });
    await page.goto(`${base}/runs/${succeeded.id}`);
    await page.getByText(/^Deleted after .+, 12 hours after it finished$/).waitFor();
  });
});
