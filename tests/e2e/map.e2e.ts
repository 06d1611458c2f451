import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, offOrigin, openApp, screenshot, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const isMapFile = (u: string) => /provinces_(34|63)[^/]*\.json/.test(u);

/** Pixels of the map's canvas by colour: how many are drawn at all, and how many in given colours (±tolerance). */
async function canvasColours(page: Page, colours: string[]) {
  return page
    .locator('[data-testid="province-map"] canvas')
    .first()
    .evaluate((c: HTMLCanvasElement, hex: string[]) => {
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const rgb = hex.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = hex.map(() => 0);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 0 && !(r > 245 && g > 245 && b > 245)) drawn++;
        rgb.forEach(([R, G, B], k) => {
          if (a > 200 && Math.abs(r - R!) < 6 && Math.abs(g - G!) < 6 && Math.abs(b - B!) < 6) counts[k]!++;
        });
      }
      return { drawn, total: c.width * c.height, counts };
    }, colours);
}

describe('province map', () => {
  it('is fetched only on a page that shows it, from the same origin, and draws every province', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    expect(s.requests.filter(isMapFile)).toEqual([]); // not in the main bundle, not fetched by the overview

    await s.page.evaluate(() => (window.location.hash = '#/indices/PAPI?year=2021'));
    const map = s.page.locator('[data-testid="province-map"]');
    await map.waitFor({ timeout: 60_000 });
    await s.page.waitForFunction(() => (document.querySelector('[data-testid="province-map"] canvas') as HTMLCanvasElement | null)?.width);
    await s.page.waitForTimeout(300);

    const mapRequests = s.requests.filter(isMapFile);
    expect(mapRequests.length).toBeGreaterThan(0);
    for (const u of mapRequests) expect(new URL(u).origin).toBe(new URL(baseUrl()).origin);
    expect(offOrigin(s.requests)).toEqual([]);

    // One table row per province of the view; the top one is the best.
    const view = (await map.getAttribute('data-view')) as '34' | '63';
    const rows = map.locator('.chart-table tbody tr');
    expect(await rows.count()).toBe(Number(view));
    if (view === '63') expect(await rows.first().locator('td').allTextContents()).toEqual(['Thừa Thiên Huế', '48,06', 'Nhóm 4/4']);

    // Drawn: a real share of the canvas is painted, in the darkest and the lightest class colours at least.
    const highlighted = await map.getAttribute('data-highlight');
    const px = await canvasColours(s.page, ['#253494', '#edf8b1', '#D55E00']);
    expect(px.drawn / px.total).toBeGreaterThan(0.03);
    expect(px.counts[0]).toBeGreaterThan(200);
    expect(px.counts[1]).toBeGreaterThan(200);
    if (highlighted) expect(px.counts[2]).toBeGreaterThan(50); // the orange outline

    await map.scrollIntoViewIfNeeded();
    await map.screenshot({ path: new URL(`./artifacts/map-papi-${view}.png`, import.meta.url).pathname });
    await screenshot(s.page, 'map-page');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('switches to the 63 former provinces, best first, and shows an incomplete province as missing', async () => {
    const s = await openApp(browser, '#/indices/PAPI?year=2021');
    await waitReady(s.page);
    await s.page.locator('[data-testid="view-63"]').check();
    const map = s.page.locator('[data-testid="province-map"][data-view="63"]');
    await map.waitFor({ timeout: 60_000 });
    const rows = map.locator('.chart-table tbody tr');
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="province-map"][data-view="63"] .chart-table tbody tr').length === 63);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['Thừa Thiên Huế', '48,06', 'Nhóm 4/4']);
    expect(await map.locator('.chart-table tbody tr', { hasText: 'Điện Biên' }).locator('td').allTextContents()).toEqual(['Điện Biên', '37,22', 'Nhóm 1/4']);

    // 2022: Bắc Giang has 13 of 28 sub-dimensions, so it is grey ("Không có dữ liệu"), never a zero.
    await s.page.locator('[data-testid="year-select"]').selectOption('2022');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="province-map"] .chart-title')?.textContent?.includes('2022'));
    expect(await map.locator('.chart-table tbody tr', { hasText: 'Bắc Giang' }).locator('td').allTextContents()).toEqual([
      'Bắc Giang',
      'Không có dữ liệu',
      '–',
    ]);
    const px = await canvasColours(s.page, ['#bdbdbd']);
    expect(px.counts[0]).toBeGreaterThan(100);

    await map.scrollIntoViewIfNeeded();
    await map.screenshot({ path: new URL('./artifacts/map-papi-63-2022.png', import.meta.url).pathname });
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
