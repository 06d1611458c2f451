import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, screenshot, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('overview cards', () => {
  it('shows five cards', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="overview-cards"]');
    await screenshot(s.page, 'indices-overview');
    expect(await s.page.locator('[data-testid^="card-"]').count()).toBeGreaterThan(0);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
