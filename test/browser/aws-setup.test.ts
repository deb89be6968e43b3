import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/database';

const PLATFORM_ACCOUNT = '111122223333';

describe('the AWS setup page, in Chromium', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let externalId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.platformSettings.create({ data: { id: 1, maxWorkers: 8, userSessionLimit: 4, awsAccountNumber: PLATFORM_ACCOUNT } });
    [app, browser] = await Promise.all([startApp(t.url), launchBrowser()]);
    context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    page = await context.newPage();
    const username = await signUpInBrowser(page, app.url);
    ({ externalId } = await t.db.user.findUniqueOrThrow({ where: { username }, select: { externalId: true } }));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await t?.drop();
  });

  it('downloads the CloudFormation template, with the platform account as its default', async () => {
    await page.goto(`${app.url}/aws-setup`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download client-aws-cloudformation-template.yaml' }).click()]);
    expect(download.suggestedFilename()).toBe('client-aws-cloudformation-template.yaml');
    const template = await readFile((await download.path())!, 'utf8');
    expect(template).toContain(`Default: '${PLATFORM_ACCOUNT}'`);
    expect(template).toContain(`Default: '${externalId}'`);
    expect(template).toMatch(/Condition:\n\s+StringEquals:\n\s+sts:ExternalId: !Ref ExternalId/);
    expect(template).toMatch(/Outputs:\n {2}QueueURL:[\s\S]* {2}QueueConsumerARN:/);

    const response = await page.request.get(`${app.url}/api/v1/aws-setup/template`);
    expect(response.headers()['content-disposition']).toBe('attachment; filename="client-aws-cloudformation-template.yaml"');
    expect((await fetch(`${app.url}/api/v1/aws-setup/template`)).status).toBe(401);
  });

  it('fills in the Scenario #2 documents with the user’s values, as valid JSON to copy', async () => {
    await page.goto(`${app.url}/aws-setup`);
    expect(await page.getByLabel('Platform account (ACCOUNT_AE)').inputValue()).toBe(PLATFORM_ACCOUNT);
    await page.getByLabel('Queue account (ACCOUNT_SQS)').fill('444455556666');
    await page.getByLabel('Region').fill('us west');
    await page.getByText('An AWS region, like us-west-2').waitFor();
    expect(await page.getByRole('region', { name: 'READ_SQS' }).count()).toBe(0);

    await page.getByLabel('Region').fill('eu-west-1');
    await page.getByLabel('Queue name (QueueName)').fill('orders');
    const document = async (name: string) => JSON.parse((await page.getByRole('region', { name, exact: true }).locator('pre').textContent())!);

    expect((await document('READ_SQS')).Statement[0].Resource).toBe('arn:aws:sqs:eu-west-1:444455556666:orders');
    expect((await document('ASSUME_READ_SQS')).Statement[0]).toMatchObject({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::444455556666:role/READ_SQS' });
    expect((await document('Trust relationship')).Statement[0]).toMatchObject({
      Principal: { AWS: `arn:aws:iam::${PLATFORM_ACCOUNT}:root` },
      Condition: { StringEquals: { 'sts:ExternalId': externalId } },
    });
    await page.getByText('https://sqs.eu-west-1.amazonaws.com/444455556666/orders').waitFor();

    await page.getByRole('button', { name: 'Copy READ_SQS' }).click();
    await page.getByRole('region', { name: 'READ_SQS' }).getByRole('button', { name: 'Copy READ_SQS' }).filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toEqual(await document('READ_SQS'));
  });

  it('shows the user’s external ID with Copy, and rotates it after a plain warning', async () => {
    await page.goto(`${app.url}/aws-setup`);
    const shown = page.getByRole('status').filter({ hasText: /^ef-/ });
    await shown.filter({ hasText: externalId }).waitFor();
    await page.getByRole('button', { name: 'Copy external ID' }).click();
    await page.getByRole('button', { name: 'Copy external ID' }).filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(externalId);

    await page.getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('alertdialog').getByText(/stops receiving messages until you put the new ID in that role's trust relationship/).waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    const { externalId: rotated } = await t.db.user.findFirstOrThrow({ where: { externalId: { not: externalId } }, select: { externalId: true } });
    await shown.filter({ hasText: rotated }).waitFor();
    expect(await page.getByLabel('External ID', { exact: true }).last().inputValue()).toBe(rotated);
  });
});
