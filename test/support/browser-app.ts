import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './app';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './database';

export interface BrowserApp {
  t: TestDatabase;
  app: RunningApp;
  browser: Browser;
  page: Page;
}

/**
 * For a browser test file: its own database, the production app on it and Chromium with
 * one page, started before the file's tests and stopped after them. Read the fields
 * inside tests (they are set in beforeAll).
 */
export function useBrowserApp(): BrowserApp {
  const context = {} as BrowserApp;
  beforeAll(async () => {
    context.t = await createTestDatabase();
    [context.app, context.browser] = await Promise.all([startApp(context.t.url), launchBrowser()]);
    context.page = await context.browser.newPage();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.stop();
    await context.t?.drop();
  });
  return context;
}
