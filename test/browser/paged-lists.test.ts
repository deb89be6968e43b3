import { describe, expect, it, beforeAll } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm } from '../support/factories';

// Issue 26, item 5: lists say their total and page ("load more"), and keep their filters
// in the URL — the Runs tab, a connection's Recent messages, a collection's files.
describe('lists with totals and paging, in Chromium', () => {
  const s = useBrowserApp();
  let base: string;
  let connectionPath: string;

  beforeAll(async () => {
    const username = await signUpInBrowser(s.page, s.app.url);
    const owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    const algorithm = await createAlgorithm(s.t.db, owner.id);
    const flow = await createEventFlow(s.t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/orders' });
    const now = Date.now();
    // 120 messages of the connection (3 FAILED), a second apart, newest msg-119.
    await s.t.db.algorithmRun.createMany({
      data: Array.from({ length: 120 }, (_, n) => ({
        algorithmId: algorithm.id,
        versionId: algorithm.versions[0]!.id,
        callerId: owner.id,
        source: 'EVENT_FLOW' as const,
        eventFlowId: flow.id,
        sqsMessageId: `msg-${n}`,
        input: { n },
        timeoutSeconds: 30,
        status: n % 40 === 0 ? ('FAILED' as const) : ('SUCCEEDED' as const),
        attempt: 1,
        createdAt: new Date(now - (120 - n) * 1000),
        finishedAt: new Date(now - (120 - n) * 1000 + 20),
      })),
    });
    const collection = await s.t.db.dataCollection.create({ data: { ownerId: owner.id, name: 'outputs' } });
    await s.t.db.dataFile.createMany({
      data: Array.from({ length: 30 }, (_, n) => ({ collectionId: collection.id, path: `day-${String(n).padStart(2, '0')}.txt`, content: new Uint8Array(Buffer.from(`report ${n}`)), size: 8, contentType: 'text/plain' })),
    });
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
    connectionPath = `${base}/events/${flow.id}`;
  });

  const runRows = () => s.page.getByRole('table', { name: 'Runs' }).locator('tbody tr');

  it('the Runs tab shows 50 of 120 runs, loads 50 more, and keeps its filters in the URL', async () => {
    const { page } = s;
    await page.goto(`${base}/runs`);
    await page.getByText('Showing 50 of 120 runs').waitFor();
    expect(await runRows().count()).toBe(50);
    expect(await runRows().first().textContent()).toContain('message msg-119');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 100 of 120 runs').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 120 of 120 runs').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(await runRows().last().textContent()).toContain('message msg-0');

    await page.getByLabel('Status').selectOption('failed');
    await page.getByText('Showing 3 of 3 failed runs').waitFor();
    await page.getByLabel('Search by SQS message id').fill('msg-8');
    await page.getByText('Showing 1 of 1 failed run').waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=failed&messageId=msg-8');
    await page.reload();
    await page.getByText('Showing 1 of 1 failed run').waitFor();
    expect(await page.getByLabel('Search by SQS message id').inputValue()).toBe('msg-8');
    expect(await page.getByLabel('Status').inputValue()).toBe('failed');
  });

  it("a connection's Recent messages shows 50 of 120 messages and loads more; its search is kept in the URL", async () => {
    const { page } = s;
    await page.goto(connectionPath);
    const messages = page.getByRole('table', { name: 'Recent messages' });
    await page.getByText('Showing 50 of 120 messages').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 100 of 120 messages').waitFor();
    expect(await messages.locator('tbody tr').count()).toBe(100);
    await page.getByLabel('Search by SQS message id').fill('msg-11');
    // msg-11 and msg-110 … msg-119
    await page.getByText('Showing 11 of 11 messages').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('messageId')).toBe('msg-11');
    await page.reload();
    await page.getByText('Showing 11 of 11 messages').waitFor();
  });

  it("a collection's files: 20 of 30, load more, and a name search kept in the URL", async () => {
    const { page } = s;
    await page.goto(`${s.app.url}/data/hosted/outputs`);
    const files = page.getByRole('list', { name: 'Files' }).getByRole('listitem');
    await page.getByText('Showing 20 of 30 files').waitFor();
    expect(await files.count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 30 of 30 files').waitFor();
    await files.filter({ has: page.getByRole('heading', { name: 'day-29.txt' }) }).getByText('report 29').waitFor();
    await page.getByLabel('Search by file name').fill('day-1');
    await page.getByText('Showing 10 of 10 files').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('prefix')).toBe('day-1');
    await page.reload();
    await page.getByText('Showing 10 of 10 files').waitFor();
  });
});
