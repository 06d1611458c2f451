// Meetings: the presentation deck, the one-page A4 report, chart pictures and shareable links, in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openApp, screenshot, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function pinChart(page: Page, chartId: string) {
  const pin = page.locator(`[data-chart="${chartId}"] [data-testid="chart-pin"]`);
  await pin.waitFor({ timeout: 60_000 });
  if ((await pin.getAttribute('aria-pressed')) !== 'true') await pin.click();
  expect(await pin.getAttribute('aria-pressed')).toBe('true');
}

const position = (page: Page) => page.textContent('[data-testid="deck-position"]');

/** The deck fills the window with nothing to scroll, at this viewport. */
async function assertFits(page: Page) {
  const m = await page.evaluate(() => {
    const deck = document.querySelector('[data-testid="deck"]') as HTMLElement;
    const slide = document.querySelector('[data-testid="deck-slide"]') as HTMLElement;
    return {
      doc: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerWidth, innerHeight],
      deck: [deck.scrollWidth, deck.scrollHeight, deck.clientWidth, deck.clientHeight],
      slide: [slide.scrollWidth, slide.scrollHeight, slide.clientWidth, slide.clientHeight],
    };
  });
  for (const [sw, sh, cw, ch] of Object.values(m)) {
    expect(sw).toBeLessThanOrEqual(cw!);
    expect(sh).toBeLessThanOrEqual(ch!);
  }
}

describe('presentation mode', () => {
  it('opens with F, steps with the keyboard, shows a pinned chart after reload, leaves with Esc', async () => {
    const s = await openApp(browser, '#/');
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await waitReady(s.page);
    await pinChart(s.page, 'papi-trend');
    await s.page.goto(baseUrl() + '#/indices/PAPI?year=2021');
    await waitReady(s.page);
    await pinChart(s.page, 'index-trend');
    await s.page.reload();
    await waitReady(s.page);
    await s.page.waitForSelector('[data-chart="index-trend"]');

    await s.page.keyboard.press('f');
    await s.page.waitForSelector('[data-testid="deck"]');
    expect(await position(s.page)).toBe('Trang 1/3');
    expect(await s.page.getAttribute('[data-testid="deck-slide"]', 'data-kind')).toBe('overview');
    await s.page.waitForSelector('[data-testid="deck-slide"] [data-testid="card-PAPI"]');
    await s.page.waitForTimeout(500);
    await assertFits(s.page);
    await screenshot(s.page, 'present-deck-overview-1920');

    await s.page.keyboard.press('ArrowRight');
    expect(await position(s.page)).toBe('Trang 2/3');
    await s.page.waitForSelector('[data-slide-chart="papi-trend"] canvas');
    const title = await s.page.$eval('[data-slide-chart="papi-trend"] .slide-title', (e) => parseFloat(getComputedStyle(e).fontSize));
    expect(title).toBeGreaterThanOrEqual(28);
    expect(await s.page.textContent('[data-slide-chart="papi-trend"] .slide-foot')).toContain('PAPI, UNDP & CECODES');
    expect(await s.page.textContent('[data-slide-chart="papi-trend"] .slide-foot')).toContain('Dữ liệu minh họa');
    await s.page.waitForTimeout(800);
    await assertFits(s.page);
    await screenshot(s.page, 'present-deck-papi-1920');

    await s.page.keyboard.press(' ');
    expect(await position(s.page)).toBe('Trang 3/3');
    await s.page.waitForSelector('[data-slide-chart="index-trend"] canvas');
    expect(await s.page.textContent('[data-slide-chart="index-trend"] [data-testid="slide-context"]')).toContain('2021');
    await s.page.waitForTimeout(800);
    await screenshot(s.page, 'present-deck-index-1920');
    await s.page.setViewportSize({ width: 1024, height: 768 });
    await s.page.waitForTimeout(800);
    await assertFits(s.page);
    await screenshot(s.page, 'present-deck-index-1024');

    await s.page.keyboard.press('ArrowRight'); // the last slide stays
    expect(await position(s.page)).toBe('Trang 3/3');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    expect(await position(s.page)).toBe('Trang 1/3');
    await s.page.waitForSelector('[data-testid="deck-slide"] [data-testid="card-PAPI"]');
    await s.page.waitForTimeout(500);
    await assertFits(s.page);
    await screenshot(s.page, 'present-deck-overview-1024');

    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
    expect(new URL(s.page.url()).hash).toBe('#/indices/PAPI?year=2021');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
