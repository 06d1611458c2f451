// The first view without the engine (issue 17): the overview draws from a snapshot before DuckDB is ready, marked
// "đang cập nhật", then shows the same figures once the engine has answered; a snapshot of other data never shows.
// DuckDB's wasm is held back by the test until it has read the page, so "before the engine" is certain, not a race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, screenshot, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds every .wasm response of the context until `release()`; DuckDB cannot start before. */
async function holdEngine(context: BrowserContext) {
  await context.unroute('**/*.wasm');
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await context.route('**/*.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return { release: () => release() };
}

/** What a leader reads on the overview: each card's figures, and the PAPI trend's table. */
async function figures(page: Page) {
  const cards = await page
    .locator('[data-testid=overview-cards] [data-testid^=card-]')
    .evaluateAll((els) =>
      els
        .filter((e) => /^card-[A-Z]+$/.test(e.getAttribute('data-testid') ?? ''))
        .map((e) => `${e.getAttribute('data-testid')}: ${(e.textContent ?? '').replace(/\s+/g, ' ').trim()}`),
    );
  const trend = await page.locator('[data-chart="papi-trend"] tbody tr').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').trim()));
  return { cards, trend };
}

/** Waits until the engine has answered the overview's queries (their figures then replace the snapshot's). */
async function engineAnswered(page: Page) {
  await waitReady(page);
  await page.waitForFunction(() => ['overview', 'overview.papiTrend'].every((id) => performance.getEntriesByName(`chiso:answered:${id}`).length > 0), null, {
    timeout: 90_000,
  });
}

const engineStarted = (page: Page) => page.evaluate(() => performance.getEntriesByName('chiso:data-ready').length > 0);

describe('the first view without the engine', () => {
  let context: BrowserContext;
  let page: Page;

  it('draws the demo overview on a first visit before DuckDB is ready, then the same figures from DuckDB', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const engine = await holdEngine(context);
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl()}#/`);
    await page.waitForSelector('[data-testid=card-value]', { timeout: 60_000 });
    await page.waitForSelector('[data-chart="papi-trend"] canvas');
    expect(await engineStarted(page)).toBe(false);
    expect(await page.textContent('[data-testid=updating]')).toContain('Đang cập nhật');
    const before = await figures(page);
    expect(before.cards.length).toBeGreaterThanOrEqual(4);
    expect(before.trend.length).toBeGreaterThan(5);
    await screenshot(page, 'snapshot-first-visit-before-engine');

    engine.release();
    await engineAnswered(page);
    // The shipped snapshot must be what the engine draws: if this fails, run `npm run build && npm run snapshot`.
    expect(await figures(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('draws the last view at once on a returning visit, and never the figures of data changed since', async () => {
    // The answers are saved a moment after they arrive.
    await page.waitForTimeout(1500);
    const shown = await figures(page);
    const engine = await holdEngine(context);
    await page.reload();
    await page.waitForSelector('[data-testid=card-value]', { timeout: 60_000 });
    expect(await engineStarted(page)).toBe(false);
    expect(await page.locator('[data-testid=updating]').count()).toBe(1);
    expect(await figures(page)).toEqual(shown);
    engine.release();
    await engineAnswered(page);
    expect(await figures(page)).toEqual(shown);

    // Clear all on Dữ liệu: the stored data changes, so the overview's snapshot is no longer current.
    await page.evaluate(() => (window.location.hash = '#/data'));
    await page.waitForSelector('[data-testid=catalogue]');
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=clear-all]');
    await page.waitForSelector('[data-testid=catalogue-empty]');
    await page.waitForTimeout(1000);
    const held = await holdEngine(context);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.reload();
    await page.waitForSelector('main section h1, .starting', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    expect(await engineStarted(page)).toBe(false);
    // No card may show the demo's figures from before the clearing.
    expect(await page.locator('[data-testid=card-value]').count()).toBe(0);
    await screenshot(page, 'snapshot-after-change-before-engine');
    held.release();
    await waitReady(page);
    expect(await page.locator('[data-testid=card-value]').count()).toBe(0);
    await context.close();
  });
});
