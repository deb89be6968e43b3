import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptFlowMessages } from '@/lib/flow-messages/accept-flow-messages';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { signUpInBrowser } from '../support/accounts';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { TEST_DATA_TOKEN_KEY } from '../support/app';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createEndedRuns } from '../support/factories';
import { startTestRunExecutor } from '../support/run-executor';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

/** The document is no wider than the window: nothing is cut off or pushed out of view. */
async function pageFitsItsWindow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Every table on the page shows all of its columns without scrolling. */
async function tablesFit(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('table')].every((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth));
}

// Counts that mean what they say (issue 26): message counts and run counts side by side,
// each saying what it counts, on the Events row, the connection page and the admin view.
// Runs are admitted by the real flow entry and executed by a real executor against an
// endpoint that refuses some inputs (FAILED runs, not delivery errors).
describe('message and run counts, in Chromium', () => {
  const s = useBrowserApp();
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor;
  let base: string;
  let flowId: string;
  let algorithmPath: string;
  const sqs = testSqsClient();
  let queueName: string;

  beforeAll(async () => {
    endpoint = await startAlgorithmEndpoint((call) => ((call.body as { ok?: boolean }).ok ? { body: 'done' } : { status: 400, body: { error: { message: 'bad input' } } }));
    executor = startTestRunExecutor(s.t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: s.app.url, logger, allowLoopbackEndpoints: true });
    const username = await signUpInBrowser(s.page, s.app.url); // the first account: an admin
    const owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    const algorithm = await createAlgorithm(s.t.db, owner.id, { endpointUrl: endpoint.url });
    algorithmPath = `${username}/${algorithm.name}`;
    const queue = await createQueueWithDlq(sqs);
    queueName = queue.name;
    const flow = await createEventFlow(s.t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: queue.queueUrl });
    flowId = flow.id;
    // Two samples of its DLQ in the last hour: the admin row draws its sparkline.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await s.t.db.flowMetricMinute.createMany({ data: [1, 2].map((ago) => ({ eventFlowId: flow.id, minute: new Date(minute - ago * 60_000), dlqDepth: ago })) });
    const bodies = ['{"ok":true}', '{"ok":true}', '{"ok":true}', '{"ok":false}', '{"ok":false}'];
    await acceptFlowMessages(s.t.db, flow.id, bodies.map((body, i) => ({ id: `m-${i}`, body })));
    await createEndedRuns(s.t.db, algorithm, 'DEAD', 1, { eventFlowId: flow.id });
    // What the worker's counters say of the same messages, and one it could not deliver.
    await s.t.db.eventFlow.update({ where: { id: flow.id }, data: { receivedCount: 6, acceptedCount: 5, failedCount: 1 } });
    await vi.waitFor(async () => expect(await s.t.db.algorithmRun.count({ where: { eventFlowId: flow.id, status: { in: ['SUCCEEDED', 'FAILED'] } } })).toBe(5), {
      timeout: 15_000,
      interval: 100,
    });
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
  });
  afterAll(async () => {
    await executor?.stop(1_000);
    await endpoint?.close();
    sqs.destroy();
  });

  it('the Events row reads its failed runs apart from its delivery errors, each with what it counts', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/events`);
    const row = page.getByRole('row').filter({ hasText: queueName });
    await row.getByText('2 failed runs', { exact: true }).waitFor();
    await row.getByText('3 succeeded', { exact: true }).waitFor();
    await row.getByText('1 dead run', { exact: true }).waitFor();
    await row.getByText('1 delivery error', { exact: true }).waitFor();
    expect(await row.getByText('2 failed runs', { exact: true }).getAttribute('title')).toMatch(/^Runs the algorithm failed/);
    expect(await row.getByText('1 delivery error', { exact: true }).getAttribute('title')).toMatch(/^Messages the algorithm API did not take/);
    expect(await row.getByText(/\bfailed$/).count()).toBe(0);
    // At 1280 px the row's buttons are all in view.
    expect(await tablesFit(page)).toBe(true);
    await row.getByRole('button', { name: `Pause ${queueName}` }).waitFor();
  });

  it('on a narrow screen the row’s buttons collapse into an Actions menu', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/events`);
    const row = page.getByRole('row').filter({ hasText: queueName });
    const menu = row.getByRole('button', { name: `Actions for ${queueName}` });
    await menu.waitFor();
    expect(await row.getByRole('button', { name: `Pause ${queueName}` }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await row.getByRole('button', { name: `Pause ${queueName}` }).waitFor();
    await row.getByRole('button', { name: `Delete ${queueName}` }).waitFor();
  });

  it('the connection page shows message counts and run counts side by side', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/events/${flowId}`);
    const messages = page.getByRole('region', { name: 'Messages counts' });
    const runs = page.getByRole('region', { name: 'Runs counts' });
    await runs.getByTitle(/^Runs the algorithm failed/).getByText('2', { exact: true }).waitFor();
    await runs.getByTitle(/^Runs of this connection that succeeded/).getByText('3', { exact: true }).waitFor();
    await runs.getByTitle(/^Runs that gave up/).getByText('1', { exact: true }).waitFor();
    await messages.getByTitle(/^Messages the algorithm API did not take/).getByText('Delivery errors').waitFor();
    expect(await messages.getByText('Failed', { exact: true }).count()).toBe(0);
  });

  it('the admin view shows them too, and at 1440 px cuts no column or button', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${s.app.url}/admin`);
    const counts = page.getByRole('row', { name: `Counts of ${queueName}` });
    await counts.getByText('2 failed runs', { exact: true }).waitFor();
    await counts.getByText('1 delivery error', { exact: true }).waitFor();
    await counts.getByText('3 succeeded', { exact: true }).waitFor();
    const row = page.getByRole('row', { name: `${algorithmPath} connection on ${queueName}` });
    await row.getByRole('button', { name: `Test connection to ${queueName}` }).waitFor();
    await row.getByRole('button', { name: `Dead-letter queue of ${queueName}` }).waitFor();
    await row.getByRole('img', { name: /^DLQ depth over the last hour/ }).waitFor();
    expect(await tablesFit(page)).toBe(true);
    expect(await pageFitsItsWindow(page)).toBe(true);
  });
});
