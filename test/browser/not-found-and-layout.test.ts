import { beforeAll, describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';
import { createEventFlow } from '../support/event-flows';
import { createAlgorithm } from '../support/factories';

const UTC_TO_THE_SECOND = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/;
// Relative times tick every 15 s, so "now" on the page may be up to 15 s behind the clock.
const FIVE_AND_A_HALF_MINUTES = 5.5 * 60_000;

// Issue 26, item 8: a styled 404 (in the app shell when signed in) with the right status
// for every missing thing; tables scroll sideways inside their card with a visible hint;
// one date format (relative with the UTC time on hover; UTC to the second where events
// are close together).
describe('not-found pages and layout, in Chromium', () => {
  const s = useBrowserApp();
  let base: string;
  let runId: string;

  beforeAll(async () => {
    const username = await signUpInBrowser(s.page, s.app.url);
    const owner = await s.t.db.user.findUniqueOrThrow({ where: { username } });
    const algorithm = await createAlgorithm(s.t.db, owner.id);
    const flow = await createEventFlow(s.t.db, { algorithmId: algorithm.id, creatorId: owner.id, queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/orders' });
    const run = await s.t.db.algorithmRun.create({
      data: {
        algorithmId: algorithm.id,
        versionId: algorithm.versions[0]!.id,
        callerId: owner.id,
        source: 'EVENT_FLOW',
        eventFlowId: flow.id,
        sqsMessageId: '5f1d2c3b-8a9e-4f00-9c1d-2e3f4a5b6c7d',
        input: { filename: 'some-new-file.txt' },
        timeoutSeconds: 30,
        status: 'SUCCEEDED',
        attempt: 1,
        createdAt: new Date(Date.now() - FIVE_AND_A_HALF_MINUTES),
        startedAt: new Date(Date.now() - FIVE_AND_A_HALF_MINUTES + 40),
        finishedAt: new Date(Date.now() - FIVE_AND_A_HALF_MINUTES + 90),
        durationMs: 50,
      },
    });
    runId = run.id;
    base = `${s.app.url}/algorithms/${username}/${algorithm.name}`;
  });

  it('a missing run: 404, "Run not found" under the algorithm’s tabs, in the app shell', async () => {
    const { page } = s;
    const response = await page.goto(`${base}/runs/no-such-run`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Run not found' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Algorithm not found' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'All runs of this algorithm' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
  });

  it('an unknown URL and a missing collection: a styled 404, with the shell when signed in and without it otherwise', async () => {
    const { page, app, browser } = s;
    const unknown = await page.goto(`${app.url}/no/such/page`);
    expect(unknown?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);

    expect((await page.goto(`${app.url}/data/hosted/no-such-collection`))?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Collection not found' }).waitFor();

    const visitor = await browser.newPage();
    try {
      expect((await visitor.goto(`${app.url}/no/such/page`))?.status()).toBe(404);
      await visitor.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await visitor.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await visitor.getByRole('link', { name: 'Sign in' }).click();
      await visitor.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  it('a table wider than a phone scrolls inside its card and says so; the page stays as wide as the screen', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/runs`);
      const hint = page.getByText('Scroll → for more');
      await hint.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const card = page.getByRole('region', { name: 'Runs, scrolls sideways' });
      await card.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
      await hint.waitFor({ state: 'detached' });
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('shows times one way: relative with the UTC time on hover, and to the second on a run’s page', async () => {
    const { page } = s;
    await page.goto(`${base}/runs`);
    const time = page.getByRole('table', { name: 'Runs' }).locator('tbody time').first();
    // Made 5½ minutes before the file's first test: a slow machine may be a minute or two later.
    await expect.poll(() => time.textContent()).toMatch(/^[5-9] minutes ago$/);
    expect(await time.getAttribute('title')).toMatch(UTC_TO_THE_SECOND);

    await page.goto(`${base}/runs/${runId}`);
    const queued = page.getByRole('definition').filter({ has: page.locator('time') }).first().locator('time');
    expect(await queued.textContent()).toMatch(UTC_TO_THE_SECOND);
  });
});
