import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/lib/logger';
import type { RunExecutor } from '@/lib/runs/start-run-executor';
import { signUpInBrowser } from '../support/accounts';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { TEST_DATA_TOKEN_KEY } from '../support/app';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm, createEndedRuns } from '../support/factories';
import { startTestRunExecutor } from '../support/run-executor';

// Dead runs in Chromium: found with the Runs tab's filter, replayed one by one from a
// run's page and all at once from the Events row; an executor in this process runs them.
describe('dead runs, in Chromium', () => {
  const s = useBrowserApp();
  let endpoint: AlgorithmEndpoint;
  let executor: RunExecutor;
  let base: string;
  let algorithm: Awaited<ReturnType<typeof createAlgorithm>>;
  const queueName = 'orders-dead';

  beforeAll(async () => {
    endpoint = await startAlgorithmEndpoint();
    executor = startTestRunExecutor(s.t.db, { dataTokenKey: TEST_DATA_TOKEN_KEY, dataApiUrl: s.app.url, logger, allowLoopbackEndpoints: true });
    const username = await signUpInBrowser(s.page, s.app.url);
    const owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    algorithm = await createAlgorithm(s.t.db, owner.id, { endpointUrl: endpoint.url });
    const flow = await createEventFlow(s.t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: `http://sqs.us-east-1.localhost:4566/000000000000/${queueName}` });
    await createEndedRuns(s.t.db, algorithm, 'DEAD', 2, { eventFlowId: flow.id });
    await createEndedRuns(s.t.db, algorithm, 'EXPIRED', 1, { eventFlowId: flow.id });
    await createEndedRuns(s.t.db, algorithm, 'SUCCEEDED', 2, { eventFlowId: flow.id });
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
  });
  afterAll(async () => {
    await executor?.stop(1_000);
    await endpoint?.close();
  });

  const runRows = () => s.page.getByRole('table', { name: 'Runs' }).locator('tbody tr');

  it('are listed with the Runs tab’s Dead filter, kept in the URL', async () => {
    const { page } = s;
    await page.goto(`${base}/runs`);
    await expect.poll(() => runRows().count()).toBe(5);
    await page.getByLabel('Status').selectOption('dead');
    await expect.poll(() => page.url()).toMatch(/\?status=dead$/);
    await expect.poll(() => runRows().count()).toBe(2);
    expect(await runRows().filter({ hasText: 'Succeeded' }).count()).toBe(0);
    await page.reload();
    expect(await page.getByLabel('Status').inputValue()).toBe('dead');
    await expect.poll(() => runRows().count()).toBe(2);
  });

  it('replay one run from its page: it runs again and succeeds', async () => {
    const { page, t } = s;
    await runRows().first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Queued again; it starts within seconds.').waitFor();
    await page.getByText('Succeeded').waitFor({ timeout: 15_000 });
    const runId = page.url().split('/').at(-1)!;
    expect(await t.db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'SUCCEEDED', attempt: 2 });
  });

  it('says why when a replay does not fit the queue limits, and the run stays dead', async () => {
    const { page, t } = s;
    await t.db.platformSettings.create({ data: { maxWorkers: 100, userSessionLimit: 100, userQueueLimit: 1 } });
    // The owner's one place in the backlog is taken by a retry waiting an hour.
    const [waiting] = await t.db.algorithmRun.createManyAndReturn({
      data: [{ algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: algorithm.ownerId, source: 'API', input: 'x', timeoutSeconds: 30, status: 'QUEUED', nextAttemptAt: new Date(Date.now() + 3_600_000) }],
    });
    try {
      await page.goto(`${base}/runs?status=dead`);
      await expect.poll(() => runRows().count()).toBe(1); // the other one was replayed above
      await runRows().first().getByRole('link').first().click();
      await page.getByRole('button', { name: 'Replay' }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByRole('button', { name: 'Replay' }).click();
      await confirm.getByRole('alert').getByText('You have 1 runs waiting to execute, your queue limit; try again later').waitFor();
      const runId = page.url().split('/').at(-1)!;
      expect((await t.db.algorithmRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('DEAD');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await t.db.algorithmRun.delete({ where: { id: waiting!.id } });
      await t.db.platformSettings.deleteMany();
    }
  });

  it('replay all dead runs of a connection from its Events row, after a confirmation', async () => {
    const { page, t } = s;
    await page.goto(`${base}/events`);
    await page.getByText('2 dead runs').waitFor();
    await page.getByRole('button', { name: `Replay dead runs of ${queueName}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/2 runs of orders-dead/).waitFor();
    await confirm.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('2 dead runs queued again; they start within seconds.').waitFor();
    await expect.poll(() => t.db.algorithmRun.count({ where: { status: 'SUCCEEDED' } }), { timeout: 15_000 }).toBe(5);
    await page.getByText('0 dead runs').waitFor({ timeout: 15_000 });
  });
});
