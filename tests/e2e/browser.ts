// Debian's Chromium driven by playwright-core: never a browser download. If it cannot start, the tests fail.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export const baseUrl = () => inject('baseUrl');

export interface AppSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page and its workers requested. */
  requests: string[];
  consoleErrors: string[];
}

/** A fresh context (empty storage) with every request and console error recorded. */
export async function openApp(browser: Browser, hash = '#/', opts: { acceptDownloads?: boolean; recordCspViolations?: boolean } = {}): Promise<AppSession> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: opts.acceptDownloads ?? true });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  if (opts.recordCspViolations)
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
      );
    });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(baseUrl() + hash);
  return { context, page, requests, consoleErrors };
}

/** Dismisses every dialog the page opens (an alert from injected HTML would be one) and keeps its text. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/**
 * Waits until DuckDB has started and the page shows its content: not a view drawn from the last visit's snapshot
 * while the engine starts (marked "đang cập nhật": app/viewSnapshot.ts).
 */
export async function waitReady(page: Page) {
  await page.waitForFunction(() => !!document.querySelector('main section') && !document.querySelector('[data-testid=updating]'), null, { timeout: 90_000 });
}

/** Started, and on a first start the demo stored too (a reload then finds it in the browser's storage). */
export async function waitStored(page: Page) {
  await waitReady(page);
  await page.waitForFunction(
    () => !performance.getEntriesByName('chiso:demo-loaded').length || performance.getEntriesByName('chiso:demo-saved').length > 0,
    null,
    { timeout: 120_000 },
  );
}

/** One part of the page, at full resolution, to look at closely. */
export async function screenshotOf(page: Page, name: string, selector: string) {
  const dir = path.resolve(import.meta.dirname, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page
    .locator(selector)
    .first()
    .screenshot({ path: path.join(dir, `${name}.png`) });
}

export async function screenshot(page: Page, name: string) {
  const dir = path.resolve(import.meta.dirname, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export function offOrigin(requests: readonly string[]): string[] {
  const origin = new URL(baseUrl()).origin;
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}
