import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

// Chromium from npm (@sparticuz/chromium): `npm install` alone is enough, no download
// step and no system package. Its Lambda-only --single-process flag is dropped: with it,
// closing one browser context closes the whole browser.
export async function launchBrowser(): Promise<Browser> {
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...args, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true,
  });
}
