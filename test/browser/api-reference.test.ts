import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signUpInBrowser } from '../support/accounts';
import { useBrowserApp } from '../support/browser-app';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
// Scalar's reference is megabytes of JavaScript for the browser to parse: on a busy 2-core
// machine the page alone can take half a minute before it shows.
const SCALAR_TEST_TIMEOUT_MS = 120_000;

describe('the API reference page', () => {
  const scene = useBrowserApp();

  it('serves the OpenAPI document it renders', async () => {
    const response = await fetch(`${scene.app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/algorithms/{owner}/{name}/connections');
  });

  it('opens from the API keys page and renders every part offline, from the app alone', async () => {
    const { app, page } = scene;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await signUpInBrowser(page, app.url);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'API reference' }).click();

    await page.waitForURL(`${app.url}/docs/api`);
    await page.getByRole('heading', { name: 'Event Flows API' }).waitFor();
    await page.getByText('Authorization: Simple <key>').first().waitFor();
    // The sidebar opens a tag, then the operation, which Scalar renders once it is shown.
    await page.getByRole('button', { name: 'Connections' }).first().click();
    await page.getByText('Connect broker', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Connect broker' }).waitFor();
    await page.getByText('Test connection', { exact: false }).first().waitFor();

    // No CDN, web font, telemetry or proxy: every request stays on the app's origin.
    expect(requested.filter((url) => !url.startsWith(app.url) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(requested).toContain(`${app.url}/api/openapi.json`);

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'api-reference.png') });
  }, SCALAR_TEST_TIMEOUT_MS);
});
