// A commune's year of SIPAS forms as one big file (1M rows, as the benchmark's): the import says where it is, a period
// change redraws at once with that period's answers, and a table of hundreds of service points draws only what is seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, screenshot, waitReady } from './browser';
// @ts-expect-error plain JS module shared with the benchmark
import { sipasCsvPath } from '../../bench/fixtures.mjs';

const LABELS: Record<string, number> = { 'Rất hài lòng': 5, 'Hài lòng': 4, 'Bình thường': 3, 'Không hài lòng': 2, 'Rất không hài lòng': 1 };

/** Valid answers in one period of a wide responses file, counted here from the file itself. */
function answersIn(file: string, period: string): number {
  let n = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith(`${period},`)) continue;
    for (const cell of line.split(',').slice(3)) if (cell.trim() && (LABELS[cell.trim()] ?? Number(cell)) >= 1) n++;
  }
  return n;
}

/** The accessible names of every progress bar the page shows from now on (recorded in the page as they appear). */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __bars: string[] }).__bars = []);
    const look = () => {
      for (const el of document.querySelectorAll('[role=progressbar]')) {
        const name = el.getAttribute('aria-label') ?? '';
        if (!seen.includes(name)) seen.push(name);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __bars: string[] }).__bars);
}

/** What the screen shows now (the viewport, not the whole page: a long table's page is tens of thousands of px tall). */
async function viewShot(page: Page, name: string) {
  const dir = path.resolve(import.meta.dirname, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const viInt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(v);
const rowsOf = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr[aria-rowindex]`);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a 1M-row SIPAS file', () => {
  it('shows each step of its import as a progress bar, then redraws a quarter’s answers as soon as it is picked', { timeout: 240_000 }, async () => {
    const file = sipasCsvPath(path.resolve(import.meta.dirname, '../../bench/fixtures'), 1_000_000) as string;
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    const bars = await recordProgress(s.page);
    await s.page.setInputFiles('[data-testid=import-input]', file);
    // Checking a million rows takes seconds: its bar shows, named for its step, in Vietnamese.
    await s.page.waitForSelector('[data-testid=import-progress] [role=progressbar]', { timeout: 60_000 });
    await viewShot(s.page, 'bigdata-import-progress');
    await s.page.waitForSelector('[data-testid=import-commit]:not([disabled])', { timeout: 120_000 });
    await s.page.click('[data-testid=import-commit]');
    await s.page.waitForSelector('[data-testid=import-done]', { timeout: 120_000 });
    expect(await s.page.textContent('[data-testid=import-done]')).toContain(viInt(1_000_000));
    const seen = await bars();
    expect(seen.some((b) => b.startsWith('Đang kiểm tra tệp — bước 3/3: kiểm tra từng dòng, từng ô'))).toBe(true);
    expect(seen.some((b) => b.startsWith('Đang nạp tệp — bước'))).toBe(true);

    await s.page.evaluate(() => (window.location.hash = '#/sipas?level=quarter&period=2025-Q1'));
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025-Q1"]');
    const data = () => s.page.textContent('[data-chart="sipas-distribution"] .chart-table tbody');
    await s.page.waitForFunction(() => /TC1\.1/.test(document.querySelector('[data-chart="sipas-distribution"] .chart-table tbody')?.textContent ?? ''));
    const before = await data();
    const itemsBefore = await s.page.textContent('[data-testid="sipas-items"] tbody');
    // The next quarter: its answers everywhere on the page, counted from the file.
    await s.page.selectOption('[data-testid="period-select"]', '2025-Q2');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025-Q2"]');
    expect(Number(await s.page.getAttribute('[data-testid="headline-n"]', 'data-n'))).toBe(answersIn(file, '2025-Q2'));
    await s.page.waitForFunction((b) => document.querySelector('[data-chart="sipas-distribution"] .chart-table tbody')?.textContent !== b, before);
    expect(await s.page.textContent('[data-testid="sipas-items"] tbody')).not.toBe(itemsBefore);
    expect(await s.page.textContent('[data-chart="sipas-distribution"] .chart-title')).toContain('Quý 2/2025');
    await screenshot(s.page, 'bigdata-sipas-q2');
    await s.context.close();
  });
});

describe('a table of hundreds of service points', () => {
  // 640 points, three forms each, in one quarter: the service points table has 640 rows.
  const POINTS = 640;
  const csv = ['Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC2.1,TC3.1,TC4.1,TC5.1'];
  for (let u = 1; u <= POINTS; u++)
    for (let f = 0; f < 3; f++) csv.push(`2026-Q2,DV${String(u).padStart(4, '0')},p${u}-${f},${((u + f) % 5) + 1},4,5,${(u % 3) + 3},4`);

  it(
    'draws the rows on screen, the rest as the page scrolls, all when printed; sorting and row numbers for screen readers hold',
    { timeout: 120_000 },
    async () => {
      const s = await openApp(browser, '#/data');
      await waitReady(s.page);
      await s.page.setInputFiles('[data-testid=import-input]', { name: 'diem_phuc_vu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n'), 'utf8') });
      await s.page.waitForSelector('[data-testid=import-commit]:not([disabled])', { timeout: 60_000 });
      await s.page.click('[data-testid=import-commit]');
      await s.page.waitForSelector('[data-testid=import-done]');
      await s.page.evaluate(() => (window.location.hash = '#/sipas?level=quarter&period=2026-Q2'));
      const table = 'sipas-units-table';
      await s.page.waitForSelector(`[data-testid="${table}"] tbody tr[aria-rowindex]`);

      // Screen readers hear the whole table's size; far fewer rows than that are in the page.
      expect(await s.page.getAttribute(`[data-testid="${table}"]`, 'aria-rowcount')).toBe(String(POINTS + 1));
      const drawn = await rowsOf(s.page, table).count();
      expect(drawn).toBeGreaterThan(10);
      expect(drawn).toBeLessThan(POINTS / 4);
      expect(await rowsOf(s.page, table).first().getAttribute('aria-rowindex')).toBe('2');

      // Scrolled to the end: the last rows are there, numbered as in the whole table.
      await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await s.page.waitForSelector(`[data-testid="${table}"] tr[aria-rowindex="${POINTS + 1}"]`);
      expect(await s.page.textContent(`[data-testid="${table}"] tr[aria-rowindex="${POINTS + 1}"]`)).toContain('DV0640');
      await viewShot(s.page, 'bigdata-units-scrolled');

      // Sorting by the code, from the keyboard: the last code comes first, at the top.
      await s.page.evaluate(() => window.scrollTo(0, 0));
      const sortButton = s.page.locator('[data-testid="sipas-units"] th:first-child button');
      await sortButton.focus();
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.press('Enter');
      await s.page.locator('[data-testid="sipas-units"] th:first-child[aria-sort="descending"]').waitFor();
      await sortButton.scrollIntoViewIfNeeded();
      await s.page.waitForFunction((t) => document.querySelector(`[data-testid="${t}"] tr[aria-rowindex="2"]`)?.textContent?.includes('DV0640'), table);

      // Printed (the report prints tables whole): every row is in the page.
      await s.page.emulateMedia({ media: 'print' });
      await s.page.waitForFunction(([t, n]) => document.querySelectorAll(`[data-testid="${t}"] tbody tr[aria-rowindex]`).length === n, [
        table,
        POINTS,
      ] as const);
      await s.page.emulateMedia({ media: 'screen' });
      await s.page.waitForFunction(([t, n]) => document.querySelectorAll(`[data-testid="${t}"] tbody tr[aria-rowindex]`).length < n, [table, POINTS] as const);

      // "Hiện đủ 640 dòng": every row, for the browser's find or a screen reader's table reading.
      await s.page.click(`[data-testid="${table}-every"] button`);
      expect(await rowsOf(s.page, table).count()).toBe(POINTS);
      // The download holds every row whatever is drawn.
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="sipas-units-csv"]')]);
      const lines = fs
        .readFileSync((await download.path())!, 'utf8')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(POINTS + 1);
      await s.context.close();
    },
  );
});
