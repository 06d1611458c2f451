// Phân tích (#/sql): an analyst's own file queried, charted and downloaded; statements that would change anything
// refused, and nothing changed after a reload; a million rows kept and scrolled; a long query cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import { launch, offOrigin, openApp, screenshot, waitReady, type AppSession } from './browser';

// A sales file that matches no format: it lands as its own table, "ban_hang_2026".
const REGIONS = ['Miền Bắc', 'Miền Trung', 'Miền Nam', '=Đảo'];
const ROWS = Array.from({ length: 240 }, (_, i) => ({
  region: REGIONS[i % REGIONS.length]!,
  month: 1 + (i % 12),
  amount: Math.round(((i * 37) % 101) * 12.5 + 3) / 10, // one decimal, varied
  qty: (i * 7) % 13,
}));
const CSV = ['Khu vực,Tháng,Doanh thu,Số lượng', ...ROWS.map((r) => `${r.region},${r.month},${r.amount},${r.qty}`)].join('\r\n') + '\r\n';
const TABLE = 'ban_hang_2026';

/** What the GROUP BY below must return, computed here from the rows written into the file. */
function expectedByRegion() {
  return REGIONS.map((region) => {
    const rows = ROWS.filter((r) => r.region === region);
    return { region, n: rows.length, total: Math.round(rows.reduce((a, r) => a + r.amount, 0) * 10) / 10, qty: rows.reduce((a, r) => a + r.qty, 0) };
  }).sort((a, b) => b.total - a.total);
}
const GROUP_BY = `SELECT "Khu vực" AS khu_vực, count(*) AS số_dòng, round(sum("Doanh thu"), 1) AS doanh_thu, sum("Số lượng") AS số_lượng FROM ${TABLE} GROUP BY ALL ORDER BY doanh_thu DESC`;

const vi = (n: number, decimals = 0) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);

let browser: Browser;
let s: AppSession;

async function importPlainCsv(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]');
  await page.setInputFiles('[data-testid=import-input]', [{ name: `${TABLE}.csv`, mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') }]);
  await page.waitForSelector('[data-testid=import-plan]:not([aria-busy="true"])', { timeout: 60_000 });
  expect(await page.inputValue('[data-testid=import-plan] [data-testid=kind-select]')).toBe('table');
  await page.click('[data-testid=import-commit]');
  await page.waitForSelector('[data-testid=import-done]', { timeout: 60_000 });
}

/** Opens Phân tích with a query in the link, as a shared link would, and waits for its outcome. */
async function runLinked(page: Page, sql: string, extra = '') {
  await page.evaluate((h) => (window.location.hash = h), `#/sql?q=${encodeURIComponent(sql)}${extra}`);
  await waitOutcome(page);
}

async function waitOutcome(page: Page) {
  await page.waitForSelector('[data-testid=table-list]');
  await page.waitForFunction(
    () =>
      !document.querySelector('.wb-running') &&
      !!document.querySelector('[data-testid=sql-result], [data-testid=sql-refused], [data-testid=sql-error], [data-testid=sql-status] span'),
    null,
    { timeout: 60_000 },
  );
}

/** The rows of the grid on screen, as text. */
const gridRows = (page: Page) =>
  page.$$eval('[data-testid=result-grid] [role=row]:not(.wb-grid-head)', (rows) =>
    rows.map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent ?? '')),
  );

/** What a reload must not change: every table and its rows, the catalogue, the pages. */
async function signature(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/sql'));
  await page.waitForSelector('[data-testid=table-list] [data-table]');
  const tables = await page.$$eval('[data-testid=table-item]', (els) =>
    els.map((e) => `${e.getAttribute('data-table')}: ${e.querySelector('summary')?.textContent}`),
  );
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=catalogue][aria-busy="true"]'));
  const catalogue = await page.$$eval('[data-testid=catalogue] tbody tr', (rows) =>
    rows
      .map((r) =>
        [...r.querySelectorAll('td')]
          .slice(0, 3)
          .map((c) => c.textContent)
          .join(' | '),
      )
      .sort(),
  );
  const pages: string[] = [];
  for (const hash of ['#/', '#/indices/PAPI', '#/par', '#/sipas']) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.waitForSelector('main section h1');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    pages.push(
      `${hash} ${await page.textContent('main section h1')} charts=${await page.locator('main [data-chart]').count()} errors=${await page.locator('main [role=alert]').count()}`,
    );
  }
  return { tables, catalogue, pages };
}

beforeAll(async () => {
  browser = await launch();
  s = await openApp(browser, '#/data', { recordCspViolations: true });
  await waitReady(s.page);
  await importPlainCsv(s.page);
});
afterAll(async () => {
  await s?.context.close();
  await browser?.close();
});

describe('Phân tích', () => {
  it('lists the plain table first, runs a GROUP BY typed with Ctrl+Enter, with numbers as computed here', async () => {
    const { page } = s;
    // The page and its editor (CodeMirror) load when the page is first opened, not before.
    const ownChunk = () => s.requests.filter((u) => /\/assets\/WorkbenchPage-[^/]*\.js$/.test(u)).length;
    expect(ownChunk()).toBe(0);
    await page.click('nav a[href="#/sql"]');
    await page.waitForSelector(`[data-testid=table-list] [data-table="${TABLE}"]`);
    const listed = await page.$$eval('[data-testid=table-item]', (els) => els.map((e) => e.getAttribute('data-table')));
    expect(listed[0]).toBe(TABLE);
    expect(listed).toEqual(expect.arrayContaining(['index_scores', 'par_scores', 'sipas_counts', 'units', 'commune_merger', 'ref_provinces']));
    expect(await page.textContent(`[data-table="${TABLE}"] summary`)).toContain(`${vi(ROWS.length)} dòng`);

    // Opening the table shows its first rows.
    await page.click(`[data-table="${TABLE}"] summary`);
    await page.waitForFunction(() => document.querySelector('.wb-result-head h2')?.textContent?.includes('100 dòng đầu'));
    await waitOutcome(page);
    expect(await page.textContent('[data-testid=result-summary]')).toMatch(/^100 dòng · 4 cột/);
    expect(await page.$$eval('[data-testid=result-grid] [role=columnheader] button', (b) => b.map((x) => x.childNodes[0]?.textContent))).toEqual([
      'Khu vực',
      'Tháng',
      'Doanh thu',
      'Số lượng',
    ]);
    expect(ownChunk()).toBe(1);
    // SUMMARIZE on demand: one row per column.
    await page.click(`[data-table="${TABLE}"] [data-testid=table-summarize]`);
    await page.waitForFunction(() => document.querySelector('.wb-result-head h2')?.textContent?.startsWith('Tóm tắt'));
    await waitOutcome(page);
    expect((await gridRows(page)).map((r) => r[0])).toEqual(['Khu vực', 'Tháng', 'Doanh thu', 'Số lượng']);

    // Completion of the columns of the table the query names, quoted where SQL needs it.
    await page.click('.wb-editor .cm-content');
    await page.keyboard.type(`FROM ${TABLE} SELECT Doa`);
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("Doanh thu")');
    await page.keyboard.press('Enter');
    expect(await page.textContent('.wb-editor .cm-content')).toBe(`FROM ${TABLE} SELECT "Doanh thu"`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(GROUP_BY);
    await page.keyboard.press('Escape'); // a completion list may be open
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('.wb-result-head h2')?.textContent === 'Kết quả truy vấn');
    await waitOutcome(page);
    const want = expectedByRegion();
    expect(await page.textContent('[data-testid=result-summary]')).toMatch(new RegExp(`^${want.length} dòng · 4 cột`));
    expect(await gridRows(page)).toEqual(want.map((w) => [w.region, vi(w.n), vi(w.total, 1).replace(/,0$/, ''), vi(w.qty)]));
    // The link holds the query: it reruns it.
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('q')).toBe(GROUP_BY);

    // Sorting by a column, then the other way.
    const sortBy = (name: string) => page.click(`[data-testid=result-grid] [role=columnheader] button:has-text("${name}")`);
    await sortBy('số_lượng');
    await page.waitForFunction(() => document.querySelector('[aria-sort=ascending]'));
    expect((await gridRows(page)).map((r) => r[3])).toEqual([...want].sort((a, b) => a.qty - b.qty).map((w) => vi(w.qty)));
    await sortBy('số_lượng');
    await page.waitForFunction(() => document.querySelector('[aria-sort=descending]'));
    expect((await gridRows(page)).map((r) => r[3])).toEqual([...want].sort((a, b) => b.qty - a.qty).map((w) => vi(w.qty)));
    await screenshot(page, 'workbench-result');

    // The CSV download: BOM, the columns, numbers as machine numbers, the formula-like text neutralised, in the order shown.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    expect(csv.suggestedFilename()).toMatch(/^ket_qua_phan_tich_\d{12}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('khu_vực,số_dòng,doanh_thu,số_lượng');
    const region = (r: string) => (r.startsWith('=') ? `'${r}` : r);
    expect(lines.slice(1)).toEqual([...want].sort((a, b) => b.qty - a.qty).map((w) => `${region(w.region)},${w.n},${w.total},${w.qty}`));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-xlsx]')]);
    expect([...fs.readFileSync((await xlsx.path())!).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: an XLSX workbook
  });

  it('charts the result from the columns picked, downloads the PNG, keeps the chart in the link', async () => {
    const { page } = s;
    await page.click('[data-testid=tab-chart]');
    await page.waitForSelector('[data-chart="sql-result"] canvas');
    // First guess: the region on the axis, the first number as the value.
    expect(await page.inputValue('[data-testid=chart-x]')).toBe('khu_vực');
    await page.selectOption('[data-testid=chart-y]', 'doanh_thu');
    await page.waitForFunction(() => new URL(location.href).hash.includes('y=doanh_thu'));
    expect(await page.textContent('[data-chart="sql-result"] .chart-title')).toBe('doanh_thu theo khu_vực');
    expect(await page.textContent('[data-chart="sql-result"] .chart-subtitle')).toBe(GROUP_BY);
    // The chart's figures are the query's, as computed here.
    const want = expectedByRegion();
    const table = await page.$$eval('[data-chart="sql-result"] .chart-table tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)),
    );
    expect(table).toEqual(want.map((w) => [w.region, vi(w.total, 1).replace(/,0$/, '')]));
    await page.selectOption('[data-testid=chart-type]', 'line');
    await page.waitForFunction(() => new URL(location.href).hash.includes('chart=line'));
    await page.waitForTimeout(300);
    await screenshot(page, 'workbench-chart');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="sql-result"] [data-testid="chart-png"]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect([...fs.readFileSync((await png.path())!).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The link alone draws the same chart (a new tab would).
    const link = page.url();
    const other = await s.context.newPage();
    await other.goto(link);
    await waitReady(other);
    await other.waitForSelector('[data-chart="sql-result"] canvas', { timeout: 60_000 });
    expect(await other.inputValue('[data-testid=chart-type]')).toBe('line');
    expect(await other.textContent('[data-chart="sql-result"] .chart-title')).toBe('doanh_thu theo khu_vực');
    await other.close();
  });

  it('refuses statements that would change anything, says why in Vietnamese, and nothing changes after a reload', async () => {
    const { page } = s;
    const before = await signature(page);
    const refused: [string, string, RegExp][] = [
      [`DROP TABLE ${TABLE}`, 'changesData', /Câu lệnh «DROP» thay đổi hoặc xóa dữ liệu/],
      ['DELETE FROM index_scores', 'changesData', /«DELETE»/],
      [`UPDATE ${TABLE} SET "Tháng" = 0`, 'changesData', /«UPDATE»/],
      ['CREATE TABLE moi AS SELECT 1', 'changesData', /«CREATE»/],
      [`COPY ${TABLE} TO 'ra.csv'`, 'files', /«COPY» ghi hoặc đọc tệp/],
      ["ATTACH 'khac.db' AS khac", 'attach', /«ATTACH» gắn/],
      ['INSTALL httpfs', 'extensions', /«INSTALL» cài hoặc nạp tiện ích/],
      ['LOAD httpfs', 'extensions', /«LOAD»/],
      ['SET threads = 1', 'settings', /«SET» đổi cấu hình/],
      [`SELECT 1; DROP TABLE ${TABLE}`, 'multiple', /Mỗi lần chỉ chạy một câu lệnh.*«DROP»/],
      [`SELECT 'a;b' AS x;DELETE FROM units`, 'multiple', /«DELETE»/],
      [`SELECT * FROM read_csv('${TABLE}.csv')`, 'fileFunction', /Hàm «read_csv» đọc tệp/],
      [`SELECT * FROM '${TABLE}.csv'`, 'filePath', /'ban_hang_2026\.csv' ở chỗ tên bảng/],
    ];
    for (const [sql, reason, message] of refused) {
      await runLinked(page, sql);
      expect(await page.getAttribute('[data-testid=sql-refused]', 'data-reason'), sql).toBe(reason);
      expect(await page.textContent('[data-testid=sql-refused]')).toMatch(message);
      expect(await page.locator('[data-testid=sql-result]').count()).toBe(0);
    }
    await screenshot(page, 'workbench-refused');
    // Typed too: the editor's text goes through the same check.
    await page.evaluate(() => (window.location.hash = '#/sql'));
    await page.waitForSelector('.wb-editor .cm-content');
    await page.click('.wb-editor .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`SELECT count(*) FROM ${TABLE}; DROP TABLE ${TABLE}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=sql-refused]')?.getAttribute('data-reason') === 'multiple');

    await page.reload();
    await waitReady(page);
    expect(await signature(page)).toEqual(before);
    await runLinked(page, `SELECT count(*) AS n FROM ${TABLE}`);
    expect(await gridRows(page)).toEqual([[vi(ROWS.length)]]);
  });

  it('shows DuckDB’s message and marks where it points', async () => {
    const { page } = s;
    await runLinked(page, `SELECT "Khu vực",\n       khong_co\nFROM ${TABLE}`);
    expect(await page.textContent('[data-testid=sql-error]')).toContain('khong_co');
    expect(await page.textContent('[data-testid=sql-error-place]')).toBe('Ở dòng 2, cột 8.');
    expect(await page.textContent('.wb-error-mark')).toBe('khong_co');
    await screenshot(page, 'workbench-error');
  });

  it('keeps a million rows, scrolls to the last one, sorts them, and cuts a larger result with a note', async () => {
    const { page } = s;
    await runLinked(page, "SELECT range AS i, range % 7 AS nhóm, 'dòng ' || range AS nhãn FROM range(1000000)");
    expect(await page.textContent('[data-testid=result-summary]')).toMatch(/^1\.000\.000 dòng · 3 cột/);
    expect(await page.locator('[data-testid=result-truncated]').count()).toBe(0);
    // Only what is on screen is in the page.
    expect(await page.locator('[data-testid=result-grid] [role=row]').count()).toBeLessThan(40);
    await page.$eval('[data-testid=result-grid]', (el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector('[data-testid=result-grid] [data-row="1000000"]');
    expect(
      await page.$eval('[data-testid=result-grid] [data-row="1000000"]', (r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent)),
    ).toEqual([vi(999_999), vi(999_999 % 7), 'dòng 999999']);
    // Halfway down: the rows there.
    await page.$eval('[data-testid=result-grid]', (el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await page.waitForFunction(() => {
      const first = document.querySelector('[data-testid=result-grid] [data-row]');
      const n = Number(first?.getAttribute('data-row'));
      return n > 490_000 && n < 510_000;
    });
    const mid = await page.$eval('[data-testid=result-grid] [data-row]', (r) => [
      Number(r.getAttribute('data-row')),
      r.querySelector('[role=gridcell]')?.textContent,
    ]);
    expect(mid[1]).toBe(vi(Number(mid[0]) - 1));
    await screenshot(page, 'workbench-million');

    const first = page.locator('[data-testid=result-grid] [role=columnheader] button').nth(0);
    await first.click();
    await page.waitForFunction(() => document.querySelector('[aria-sort=ascending]'), null, { timeout: 60_000 });
    await first.click();
    await page.waitForFunction(() => document.querySelector('[aria-sort=descending]'), null, { timeout: 60_000 });
    expect(await page.$eval('[data-testid=result-grid] [data-row="1"] [role=gridcell]', (c) => c.textContent)).toBe(vi(999_999));

    await runLinked(page, 'SELECT range AS i FROM range(1000001)');
    expect(await page.textContent('[data-testid=result-summary]')).toMatch(/^1\.000\.000 dòng/);
    expect(await page.textContent('[data-testid=result-truncated]')).toContain('chỉ giữ 1.000.000 dòng đầu');
  });

  it('cancels a long query; the next one runs', async () => {
    const { page } = s;
    await page.evaluate(
      () => (window.location.hash = `#/sql?q=${encodeURIComponent('SELECT sum(hash(a.range * b.range)) AS h FROM range(200000) a, range(200000) b')}`),
    );
    await page.waitForSelector('[data-testid=sql-cancel]', { timeout: 60_000 });
    await page.click('[data-testid=sql-cancel]');
    await page.waitForFunction(() => document.querySelector('[data-testid=sql-status]')?.textContent === 'Đã hủy truy vấn.', null, { timeout: 60_000 });
    await runLinked(page, 'SELECT 42 AS n');
    expect(await gridRows(page)).toEqual([['42']]);
  });

  it('keeps the history and saved queries in this browser, and ignores a tampered list', async () => {
    const { page } = s;
    await page.evaluate(() => (window.location.hash = '#/sql'));
    await page.click('[data-testid=history] summary');
    const items = await page.$$eval('[data-testid=history] li code', (c) => c.map((x) => x.textContent));
    expect(items[0]).toBe('SELECT 42 AS n');
    expect(items).toContain(GROUP_BY.slice(0, 80)); // the list shows a query's first 80 characters
    await page.click('[data-testid=history] li button:has-text("' + `SELECT count(*) AS n FROM ${TABLE}` + '")');
    await page.click('[data-testid=saved] summary');
    await page.fill('[data-testid=save-name]', 'Đếm dòng bán hàng');
    await page.click('[data-testid=save-query]');
    await page.evaluate(() => localStorage.setItem('chiso.workbench.history', JSON.stringify([{ sql: 'SELECT 1', at: 'x', rows: -5, ms: 1 }, 'rác'])));
    await page.reload();
    await waitReady(page);
    await page.evaluate(() => (window.location.hash = '#/sql'));
    await page.click('[data-testid=saved] summary');
    expect(await page.$$eval('[data-testid=saved-open]', (b) => b.map((x) => x.textContent))).toEqual(['Đếm dòng bán hàng']);
    await page.click('[data-testid=saved-open]');
    await page.click('[data-testid=sql-run]');
    await waitOutcome(page);
    expect(await gridRows(page)).toEqual([[vi(ROWS.length)]]);
    await page.click('[data-testid=history] summary');
    expect(await page.$$eval('[data-testid=history] li code', (c) => c.map((x) => x.textContent))).toEqual([`SELECT count(*) AS n FROM ${TABLE}`]);
  });

  it('sent nothing off the origin, broke no content-security rule, logged no error', async () => {
    expect(offOrigin(s.requests)).toEqual([]);
    expect(await s.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
