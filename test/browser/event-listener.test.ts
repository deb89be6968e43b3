import { beforeAll, describe, expect, it } from 'vitest';
import { pauseResumeAndDeleteFromRow } from '../support/flow-row-actions';
import { useBrowserApp } from '../support/browser-app';
import { signUpInBrowser } from '../support/accounts';
import { uniqueName } from '../support/factories';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';

describe('legacy event listeners, from Home to the Listeners tab, in Chromium', () => {
  const s = useBrowserApp();
  let username: string;

  beforeAll(async () => {
    const { page, app } = s;
    username = await signUpInBrowser(page, app.url);
    // The algorithm comes from the JSON API, with the browser's own session.
    for (const [path, body] of [
      ['/api/v1/algorithms', { name: 'listenerAlgo' }],
      ['/api/v1/algorithms/' + username + '/listenerAlgo/versions', { version: '1.0.0', endpointUrl: 'http://127.0.0.1:9/run' }],
    ] as const) {
      expect((await page.request.post(`${app.url}${path}`, { data: body })).status()).toBe(201);
    }
    await page.reload();
  });

  const dialog = () => s.page.getByRole('dialog');

  async function openEventListenerModal() {
    const { page, app } = s;
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Create New' }).click();
    await page.getByRole('menuitem', { name: 'Event Listener' }).click();
    await dialog().waitFor();
  }

  it('creates a listener from Home → Create New → Event Listener and lists it on the Listeners tab', async () => {
    const { page, app, t } = s;
    const queueUrl = `https://sqs.us-east-1.amazonaws.com/123456789012/${uniqueName('legacy-')}`;
    await openEventListenerModal();
    await dialog().getByLabel('URI').fill(queueUrl);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByLabel('Algorithm', { exact: true }).fill(`${username}/listenerAlgo/1.0.0`);
    await dialog().getByRole('button', { name: 'Create New Event Listener' }).click();

    await page.waitForURL(`${app.url}/algorithms/${username}/listenerAlgo/listeners`);
    const row = page.getByRole('row').filter({ hasText: queueUrl });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${username}/listenerAlgo/1.0.0`);
    expect(await t.db.eventFlow.findFirstOrThrow({ where: { queueUrl } })).toMatchObject({ kind: 'LISTENER', version: '1.0.0', roleArn: ROLE_ARN });
    // Listeners are not broker connections: the Events tab stays empty.
    await page.getByRole('navigation', { name: 'Algorithm' }).getByRole('link', { name: 'Events' }).click();
    await page.getByText('No broker connections yet').waitFor();
  });

  it('refuses an algorithm the user does not have, or a version never published, and stores nothing', async () => {
    const { page, t } = s;
    const before = await t.db.eventFlow.count();
    await openEventListenerModal();
    await dialog().getByLabel('URI').fill(`https://sqs.us-east-1.amazonaws.com/123456789012/${uniqueName('q')}`);
    await dialog().getByLabel('ROLE ARN').fill(ROLE_ARN);
    await dialog().getByLabel('Algorithm', { exact: true }).fill('someone/else');
    await dialog().getByRole('button', { name: 'Create New Event Listener' }).click();
    await dialog().getByText('Choose one of your algorithms').waitFor();

    await dialog().getByLabel('Algorithm', { exact: true }).fill(`${username}/listenerAlgo/9.9.9`);
    await dialog().getByRole('button', { name: 'Create New Event Listener' }).click();
    await dialog().getByText(`${username}/listenerAlgo has no published version 9.9.9`).waitFor();
    expect(await t.db.eventFlow.count()).toBe(before);
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: 'Discard' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('pauses, resumes and deletes a listener from the Listeners tab', async () => {
    const { page, app, t } = s;
    const flow = await t.db.eventFlow.findFirstOrThrow({ where: { kind: 'LISTENER' } });
    await page.goto(`${app.url}/algorithms/${username}/listenerAlgo/listeners`);
    await pauseResumeAndDeleteFromRow(page, t.db, flow, 'No event listeners');
  });

  it('has keyboard-usable modals: Enter opens, Tab stays inside, Escape closes and gives focus back', async () => {
    const { page, app } = s;
    await page.goto(`${app.url}/algorithms/${username}/listenerAlgo/events`);
    const trigger = page.getByRole('button', { name: 'Connect broker' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog().evaluate((node) => node.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => trigger.evaluate((node) => node === document.activeElement)).toBe(true);
  });
});
