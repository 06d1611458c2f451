import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { launch, offOrigin, openApp, screenshot, waitReady, type AppSession } from './browser';

let browser: Browser;
let s: AppSession; // one browser context for the whole file: the PAR files are imported (or the demo seeded) once
beforeAll(async () => {
  browser = await launch();
  s = await openApp(browser, '#/par');
  await waitReady(s.page);
  await ensureParData(s.page);
});
afterAll(async () => {
  await s?.context.close();
  await browser?.close();
});

/** A part of the page, at full resolution, to look at closely. */
async function shot(page: Page, name: string, selector: string) {
  const dir = path.resolve(import.meta.dirname, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page
    .locator(selector)
    .first()
    .screenshot({ path: path.join(dir, `${name}.png`) });
}

// ---- The expected numbers, computed here from the demo CSVs themselves (not through the app's code). ----
const DEMO = path.resolve(import.meta.dirname, '../../data/demo');
const readCsv = (name: string) =>
  Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DEMO, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const criteria = readCsv('par_criteria.csv');
const scores = readCsv('par_scores.csv');
const NA = 'không áp dụng';

function leafMax(year: number): Map<string, number> {
  const codes = criteria.filter((c) => Number(c['Năm']) === year).map((c) => c['Mã tiêu chí']!);
  const leaves = criteria.filter((c) => Number(c['Năm']) === year && !codes.some((o) => o.startsWith(c['Mã tiêu chí'] + '.')));
  return new Map(leaves.map((c) => [c['Mã tiêu chí']!, Number(c['Điểm tối đa'])]));
}

/** Appraised index (two decimals) of a unit, or null when some applicable leaf is not appraised; with its parts. */
function expected(year: number, unit: string, override?: { code: string; appraised: number }) {
  const max = leafMax(year);
  let m = 0,
    a = 0,
    s = 0,
    missing = 0;
  for (const r of scores) {
    if (Number(r['Năm']) !== year || r['Mã đơn vị'] !== unit || r['Điểm tự đánh giá'] === NA) continue;
    const lm = max.get(r['Mã tiêu chí']!)!;
    m += lm;
    s += Number(r['Điểm tự đánh giá'] || 0);
    const appr = override && override.code === r['Mã tiêu chí'] ? String(override.appraised) : r['Điểm thẩm định']!;
    if (appr === '') missing++;
    else a += Number(appr);
  }
  const idx = (p: number) => Math.round((p / m) * 100 * 100 + 1e-7) / 100;
  return { max: m, appraised: a, self: s, index: missing ? null : idx(a), selfIndex: idx(s), missing };
}

/** The years of the demo files, the latest first, and the units scored in a year (names as in the file). */
const years = [...new Set(criteria.map((c) => Number(c['Năm'])))].sort((a, b) => b - a);
const LATEST = years[0]!;
const unitsOf = (year: number) => new Map(scores.filter((r) => Number(r['Năm']) === year).map((r) => [r['Mã đơn vị']!, r['Tên đơn vị']!]));
/** The fully appraised unit (not the commune) with the lowest appraised index of a year. */
function weakest(year: number): string {
  const ranked = [...unitsOf(year).keys()]
    .filter((u) => u !== 'X001')
    .map((u) => ({ u, i: expected(year, u).index }))
    .filter((x) => x.i !== null);
  return ranked.sort((a, b) => a.i! - b.i!)[0]!.u;
}

const vi2 = (v: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
const viPts = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v);

// ---- Getting the PAR files in: through the file input on #/data, as a user would. ----
async function importFile(page: Page, name: string) {
  await page.setInputFiles('[data-testid=import-input]', { name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(DEMO, name)) });
  const card = page.locator('[data-testid=import-plan]', { hasText: name }).last();
  await card.locator('[data-testid=import-commit], [data-testid=dup-replace]').first().waitFor({ timeout: 60_000 });
  if (await card.locator('[data-testid=dup-replace]').count()) await card.locator('[data-testid=dup-replace]').click();
  await card.locator('[data-testid=import-commit]:not([disabled])').click();
  await card.locator('[data-testid=import-done]').waitFor({ timeout: 60_000 });
}

/** Uses the PAR demo when it is loaded; otherwise imports the demo files through the Dữ liệu page. */
async function ensureParData(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/par'));
  await page.waitForSelector('[data-testid=par-page], main section .empty', { timeout: 60_000 });
  if (await page.locator('[data-testid=par-year] option[value="2025"]').count()) return;
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=import-input]', { state: 'attached' });
  await importFile(page, 'par_criteria.csv');
  await importFile(page, 'par_scores.csv');
}

async function goPar(page: Page, query: string) {
  await page.evaluate((h) => (window.location.hash = h), `#/par?${query}`);
  await page.waitForSelector('[data-testid=par-page]');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

const matrixCell = (page: Page, unit: string, testId: string) => page.locator(`[data-testid=par-matrix] tr[data-unit="${unit}"] [data-testid=${testId}]`);

describe('PAR scoring workspace', () => {
  it("covers 2022–2025 and about fifteen units; the overview PAR card shows the commune's appraised index of the matrix", async () => {
    expect([...years].sort()).toEqual([2022, 2023, 2024, 2025]);
    for (const y of years) expect(unitsOf(y).size).toBeGreaterThanOrEqual(13);
    // the same number in the PAR workspace and on the overview (the commune's PAR Index of commune_indices.csv)
    const own = expected(LATEST, 'X001');
    expect(own.index).not.toBeNull();
    await goPar(s.page, `year=${LATEST}`);
    await s.page.waitForSelector('[data-testid=par-matrix]');
    const matrix = await matrixCell(s.page, 'X001', 'appraised-index').textContent();
    expect(matrix).toBe(vi2(own.index!));
    await s.page.evaluate(() => (window.location.hash = '#/'));
    const card = s.page.locator('[data-testid="card-PAR"]');
    await card.locator('[data-testid="card-value"]').waitFor({ timeout: 60_000 });
    expect((await card.locator('.ix-year').textContent())?.trim()).toBe(String(LATEST));
    expect((await card.locator('[data-testid="card-value"]').textContent())?.trim()).toBe(`${matrix}%`);
  });

  it('shows in the matrix the index, band and pending appraisals computed from the demo files', async () => {
    await goPar(s.page, 'year=2025');
    await s.page.waitForSelector('[data-testid=par-matrix]');

    const kt = expected(2025, 'X001-KT');
    expect(kt.index).not.toBeNull();
    expect(await matrixCell(s.page, 'X001-KT', 'appraised-index').textContent()).toBe(vi2(kt.index!));
    expect(await matrixCell(s.page, 'X001-KT', 'self-index').textContent()).toBe(vi2(kt.selfIndex));
    const band = kt.index! >= 90 ? 'Xuất sắc' : kt.index! >= 80 ? 'Tốt' : kt.index! >= 70 ? 'Khá' : kt.index! >= 50 ? 'Trung bình' : 'Yếu';
    expect(await matrixCell(s.page, 'X001-KT', 'band').textContent()).toBe(band);

    // points to the next band: (80 or 90) % of the applicable max − appraised points
    const nextCut = kt.index! >= 90 ? null : kt.index! >= 80 ? (['Xuất sắc', 90] as const) : (['Tốt', 80] as const);
    if (nextCut) {
      const need = Math.ceil(((nextCut[1] / 100) * kt.max - kt.appraised) * 100 - 1e-6) / 100;
      expect(await matrixCell(s.page, 'X001-KT', 'next-band').textContent()).toBe(`${viPts(need)} → ${nextCut[0]}`);
    }

    // a unit whose appraisal is not finished has no index, and says how many criteria are left
    const th = expected(2025, 'X001-TH');
    expect(th.index).toBeNull();
    expect(await matrixCell(s.page, 'X001-TH', 'appraised-index').textContent()).toBe(`Chưa thẩm định xong (còn ${th.missing} tiêu chí)`);

    // units per band (the commune itself not counted), as the report shows them
    const units = [...new Set(scores.filter((r) => r['Năm'] === '2025' && r['Mã đơn vị'] !== 'X001').map((r) => r['Mã đơn vị']!))];
    const bandOf = (v: number | null) => (v === null ? 'pending' : v >= 90 ? 'excellent' : v >= 80 ? 'good' : v >= 70 ? 'fair' : v >= 50 ? 'average' : 'weak');
    for (const b of ['excellent', 'good', 'fair', 'average', 'weak']) {
      const n = units.filter((u) => bandOf(expected(2025, u).index) === b).length;
      expect(await s.page.textContent(`[data-testid=par-band-counts] [data-band=${b}] .count`)).toBe(String(n));
    }

    // the commune's own row is first, and stays first when sorted the other way
    expect(await s.page.locator('[data-testid=par-matrix] tbody tr').first().getAttribute('data-unit')).toBe('X001');
    await s.page.click('[data-testid=sort-index]');
    await s.page.click('[data-testid=sort-index]');
    expect(await s.page.locator('[data-testid=par-matrix] tbody tr').first().getAttribute('data-unit')).toBe('X001');
    expect(s.page.url()).toContain('sort=index');

    // filter by name: the commune's row stays, the schools remain
    await s.page.fill('[data-testid=par-filter]', 'Trường');
    const schools = [...unitsOf(2025)].filter(([, name]) => name.includes('Trường')).map(([u]) => u);
    expect(schools.length).toBeGreaterThan(1);
    expect(await s.page.locator('[data-testid=par-matrix] tbody tr[data-unit]').evaluateAll((t) => t.map((r) => r.getAttribute('data-unit')).sort())).toEqual(
      ['X001', ...schools].sort(),
    );
    await s.page.fill('[data-testid=par-filter]', '');
    // % of each lĩnh vực's applicable max: lĩnh vực 5 of Phòng Kinh tế
    await s.page.selectOption('[data-testid=par-show]', 'pct');
    const l5 = scores.filter((r) => r['Năm'] === '2025' && r['Mã đơn vị'] === 'X001-KT' && r['Mã tiêu chí']!.startsWith('5.') && r['Điểm thẩm định'] !== NA);
    const pct5 = (l5.reduce((a, r) => a + Number(r['Điểm thẩm định']), 0) / l5.reduce((a, r) => a + leafMax(2025).get(r['Mã tiêu chí']!)!, 0)) * 100;
    const cells = await s.page.locator('[data-testid=par-matrix] tr[data-unit="X001-KT"] td').allTextContents();
    const domainStart = cells.length - 16; // the last 16 cells: 8 lĩnh vực × (self, appraised)
    expect(cells[domainStart + 4 * 2 + 1]).toBe(new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(pct5));
    await s.page.selectOption('[data-testid=par-show]', 'points');

    // the earlier years too
    for (const y of years.slice(1)) {
      await goPar(s.page, `year=${y}`);
      for (const u of [weakest(y), 'X001']) expect(await matrixCell(s.page, u, 'appraised-index').textContent(), `${y} ${u}`).toBe(vi2(expected(y, u).index!));
    }
    await goPar(s.page, 'year=2025');
    await screenshot(s.page, 'par-matrix');
    await shot(s.page, 'par-matrix-table', '[data-testid=par-matrix]');
    expect(offOrigin(s.requests)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('exports the year as XLSX that reads back to the same numbers', async () => {
    await goPar(s.page, 'year=2025');
    await s.page.waitForSelector('[data-testid=par-matrix]');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=par-xlsx]')]);
    expect(download.suggestedFilename()).toBe('Chi_so_CCHC_2025.xlsx');
    const bytes = fs.readFileSync(await download.path());
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(bytes, { type: 'buffer' });
    expect(wb.SheetNames[0]).toBe('Tổng hợp');
    expect(wb.SheetNames).toContain('X001-KT');
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Tổng hợp']!);
    for (const unit of ['X001-KT', 'X001-VP', 'X001-MN', 'X001-TH']) {
      const e = expected(2025, unit);
      const r = summary.find((x) => x['Mã đơn vị'] === unit)!;
      expect(r['Điểm tối đa']).toBe(e.max);
      expect(r['Điểm tự đánh giá']).toBe(e.self);
      expect(r['Chỉ số tự đánh giá (%)']).toBe(e.selfIndex);
      expect(r['Chỉ số thẩm định (%)']).toBe(e.index ?? undefined);
    }
    const kt = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['X001-KT']!, { header: 1 });
    expect(kt[0]).toEqual(['STT/Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú']);
    const total = kt.find((r) => r[1] === 'Tổng cộng')!;
    const e = expected(2025, 'X001-KT');
    expect(total.slice(2, 5)).toEqual([e.max, e.self, e.appraised]);
  });

  it('shows a unit, the commune-wide view and the print layout', async () => {
    // the weakest unit of 2024: what it takes to reach the next band, computed here from the files
    const weak = weakest(2024);
    const mn = expected(2024, weak);
    const cut = [
      ['Xuất sắc', 90],
      ['Tốt', 80],
      ['Khá', 70],
      ['Trung bình', 50],
    ] as const;
    const next = [...cut].reverse().find(([, c]) => mn.index! < c)!;
    const needed = Math.ceil(((next[1] / 100) * mn.max - mn.appraised) * 100 - 1e-6) / 100;
    await goPar(s.page, `year=2024&view=unit&unit=${weak}`);
    await s.page.waitForSelector('[data-testid=par-next]');
    expect(await s.page.textContent('[data-testid=par-next] .big-line')).toBe(`Cần thêm ${viPts(needed)} điểm để đạt ${next[0]} (≥ ${next[1]})`);
    expect(await s.page.locator('[data-testid=flag-evidence]').count()).toBeGreaterThan(0);
    await s.page.waitForSelector('[data-chart="par-unit-domains"] canvas');
    await screenshot(s.page, 'par-unit');
    await shot(s.page, 'par-unit-top', '.par-unit');
    // a unit still being appraised says so instead of an index
    await goPar(s.page, 'year=2025&view=unit&unit=X001-TH');
    expect(await s.page.textContent('[data-testid=unit-index]')).toBe('Chưa thẩm định xong');
    await s.page.selectOption('[data-testid=par-tree-order]', 'lost');
    const firstLeaf = await s.page.locator('[data-testid=par-tree] tbody tr').first().getAttribute('data-code');
    // the unit shown (X001-TH, 2025): max − appraised, or − self while not yet appraised
    const worst = scores
      .filter((r) => r['Năm'] === '2025' && r['Mã đơn vị'] === 'X001-TH' && r['Điểm thẩm định'] !== NA)
      .map((r) => ({ code: r['Mã tiêu chí']!, lost: leafMax(2025).get(r['Mã tiêu chí']!)! - Number(r['Điểm thẩm định'] || r['Điểm tự đánh giá'] || 0) }))
      .sort((a, b) => b.lost - a.lost);
    expect(worst.filter((w) => w.lost === worst[0]!.lost).map((w) => w.code)).toContain(firstLeaf);
    await s.page.emulateMedia({ media: 'print' });
    await s.page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(s.page, 'par-print-unit');
    await s.page.emulateMedia({ media: 'screen' });
    await s.page.setViewportSize({ width: 1366, height: 900 });
    await goPar(s.page, 'year=2025&view=across');
    await s.page.waitForSelector('[data-chart="par-lost"] canvas');
    await s.page.waitForSelector('[data-chart="par-gap"] canvas');
    await screenshot(s.page, 'par-across');
    await goPar(s.page, 'year=2025');
    await s.page.emulateMedia({ media: 'print' });
    await s.page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await screenshot(s.page, 'par-print-summary');
    const pdf = await s.page.pdf({ preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    // A4 landscape from the page's own @page rule: 297 × 210 mm = 841.89 × 595.28 pt
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    await s.page.emulateMedia({ media: 'screen' });
    await s.page.setViewportSize({ width: 1366, height: 900 });
    expect(s.consoleErrors).toEqual([]);
  });
  it('uses the band cut-offs set for a year in Settings, and the English labels', async () => {
    const vp = expected(2025, 'X001-VP');
    const bandAt = (v: number, ex: number) => (v >= ex ? 'Xuất sắc' : v >= 80 ? 'Tốt' : v >= 70 ? 'Khá' : v >= 50 ? 'Trung bình' : 'Yếu');
    await s.page.evaluate(() => (window.location.hash = '#/settings'));
    await s.page.waitForSelector('[data-testid=par-band-settings]');
    await s.page.selectOption('[data-testid=par-band-scope]', '2025');
    await s.page.fill('[data-testid=par-band-excellent]', '79');
    expect(await s.page.textContent('[data-testid=par-band-settings] [role=alert]')).toContain('Ngưỡng phải giảm dần');
    expect(await s.page.isDisabled('[data-testid=par-band-save]')).toBe(true);
    await s.page.fill('[data-testid=par-band-excellent]', '95');
    await s.page.click('[data-testid=par-band-save]');
    await shot(s.page, 'par-band-settings', '[data-testid=par-band-settings]');
    await goPar(s.page, 'year=2025');
    expect(await matrixCell(s.page, 'X001-VP', 'band').textContent()).toBe(bandAt(vp.index!, 95));
    await goPar(s.page, 'year=2024'); // other years keep the default cut-offs
    expect(await matrixCell(s.page, 'X001-VP', 'band').textContent()).toBe(bandAt(expected(2024, 'X001-VP').index!, 90));
    // back to the defaults for the tests that follow
    await s.page.evaluate(() => (window.location.hash = '#/settings'));
    await s.page.selectOption('[data-testid=par-band-scope]', '2025');
    await s.page.click('[data-testid=par-band-settings] button:has-text("Bỏ ngưỡng riêng năm này")');

    await goPar(s.page, 'year=2025&view=unit&unit=X001-VP');
    await s.page.click('button.lang');
    await s.page.waitForSelector('text=Appraised index');
    expect(await s.page.textContent('[data-testid=unit-index]')).toBe(new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2 }).format(vp.index!));
    await screenshot(s.page, 'par-unit-en');
    await s.page.click('button.lang');
  });

  it('refuses a score above the max, saves a valid one, recomputes the index, and keeps the edit and its mark after a reload', async () => {
    const unit = 'X001-KT';
    const before = expected(2025, unit);
    // a leaf that lost points: give it full marks
    const max = leafMax(2025);
    const row = scores.find(
      (r) =>
        r['Năm'] === '2025' &&
        r['Mã đơn vị'] === unit &&
        r['Điểm thẩm định'] !== '' &&
        r['Điểm thẩm định'] !== NA &&
        Number(r['Điểm thẩm định']) < max.get(r['Mã tiêu chí']!)!,
    )!;
    const code = row['Mã tiêu chí']!;
    const leafMaxPts = max.get(code)!;
    const after = expected(2025, unit, { code, appraised: leafMaxPts });

    await goPar(s.page, `year=2025&view=unit&unit=${unit}&edit=1`);
    await s.page.waitForSelector('[data-testid=par-tree]');
    expect(await s.page.textContent('[data-testid=unit-index]')).toBe(vi2(before.index!));

    const field = s.page.locator(`[data-testid="score-appr-${code}"]`);
    await field.fill(viPts(leafMaxPts + 0.5));
    expect(await s.page.locator('[data-testid=score-error]').textContent()).toBe(`Vượt điểm tối đa ${viPts(leafMaxPts)}`);
    await field.press('Enter');
    await field.blur();
    await s.page.waitForTimeout(300);
    expect(await s.page.textContent('[data-testid=unit-index]')).toBe(vi2(before.index!)); // nothing saved
    await shot(s.page, 'par-edit-refused', `tr[data-code="${code}"]`);

    // The day of the edit as the page's own clock reads it, before and after saving: an edit made across midnight (or
    // the turn of a month) may carry either day, never another.
    const pageDay = async () =>
      new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(await s.page.evaluate(() => Date.now()));
    const dayBefore = await pageDay();
    await field.fill(viPts(leafMaxPts));
    await field.press('Enter');
    await s.page.waitForFunction((v) => document.querySelector('[data-testid=unit-index]')?.textContent === v, vi2(after.index!));
    await s.page.waitForSelector('[data-testid=save-status]:has-text("Đã lưu")');
    const mark = s.page.locator(`tr[data-code="${code}"] [data-testid=edited-mark]`);
    const dayAfter = await pageDay();
    expect([`sửa tại đây ${dayBefore}`, `sửa tại đây ${dayAfter}`]).toContain(await mark.textContent());
    expect(await mark.textContent()).toMatch(/^sửa tại đây \d\d\/\d\d\/\d{4}$/);
    await screenshot(s.page, 'par-edit-saved');
    await shot(s.page, 'par-edit-saved-row', `tr[data-code="${code}"]`);
    await shot(s.page, 'par-edit-head', '.par-tree-head');

    // reload: the typed value, the recomputed index and the mark are still there
    await s.page.reload();
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid=par-tree]');
    expect(await s.page.textContent('[data-testid=unit-index]')).toBe(vi2(after.index!));
    expect(await s.page.inputValue(`[data-testid="score-appr-${code}"]`)).toBe(viPts(leafMaxPts));
    expect(await s.page.locator(`tr[data-code="${code}"] [data-testid=edited-mark]`).count()).toBe(1);
    await goPar(s.page, 'year=2025');
    expect(await matrixCell(s.page, unit, 'appraised-index').textContent()).toBe(vi2(after.index!));

    // undo (in the same session as an edit) puts the imported value back
    await goPar(s.page, `year=2025&view=unit&unit=${unit}&edit=1`);
    const again = s.page.locator(`[data-testid="score-appr-${code}"]`);
    await again.fill(viPts(Number(row['Điểm thẩm định'])));
    await again.press('Enter');
    await s.page.waitForFunction((v) => document.querySelector('[data-testid=unit-index]')?.textContent === v, vi2(before.index!));
    await s.page.click('[data-testid=par-undo]');
    await s.page.waitForFunction((v) => document.querySelector('[data-testid=unit-index]')?.textContent === v, vi2(after.index!));
    expect(s.consoleErrors).toEqual([]);
  });

  it('exports the scores as CSV and XLSX that import back into a cleared store to the same numbers', async () => {
    await goPar(s.page, 'year=2025');
    await s.page.waitForSelector('[data-testid=par-matrix]');
    const indices = async () =>
      Object.fromEntries(
        await s.page
          .locator('[data-testid=par-matrix] tbody tr[data-unit]')
          .evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute('data-unit'),
              [tr.querySelector('[data-testid=self-index]')?.textContent, tr.querySelector('[data-testid=appraised-index]')?.textContent],
            ]),
          ),
      );
    const before = await indices();
    expect(Object.keys(before)).toHaveLength(unitsOf(2025).size);
    const save = async (testId: string) => {
      const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.click(`[data-testid=${testId}]`)]);
      return fs.readFileSync(await d.path());
    };
    const csv = await save('par-csv-scores');
    const xlsx = await save('par-xlsx');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM, so Excel shows Vietnamese

    for (const [name, mimeType, buffer] of [
      ['diem_2025.csv', 'text/csv', csv],
      ['Chi_so_CCHC_2025.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx],
    ] as const) {
      await s.page.evaluate(() => (window.location.hash = '#/data'));
      await s.page.waitForSelector('[data-testid=catalogue]');
      if (await s.page.isEnabled('[data-testid=clear-all]')) {
        s.page.once('dialog', (d) => void d.accept());
        await s.page.click('[data-testid=clear-all]');
      }
      await s.page.waitForSelector('[data-testid=catalogue-empty]');
      await importFile(s.page, 'par_criteria.csv');
      await s.page.setInputFiles('[data-testid=import-input]', { name, mimeType, buffer });
      const card = s.page.locator('[data-testid=import-plan]', { hasText: name }).last();
      await card.locator('[data-testid=import-commit]:not([disabled])').click();
      await card.locator('[data-testid=import-done]').waitFor({ timeout: 60_000 });
      await goPar(s.page, 'year=2025');
      await s.page.waitForSelector('[data-testid=par-matrix]');
      expect(await indices(), name).toEqual(before);
    }

    // a unit name that looks like HTML stays text, in the matrix, the unit page and the charts
    const evil = '<img src=x onerror="window.__xss=1">';
    const file = `Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú\n2025,X9,"${evil.replaceAll('"', '""')}",1.3,2,1,"=HYPERLINK(""x"")",\n`;
    await s.page.evaluate(() => (window.location.hash = '#/data'));
    await s.page.setInputFiles('[data-testid=import-input]', { name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    const card = s.page.locator('[data-testid=import-plan]', { hasText: 'evil.csv' }).last();
    await card.locator('[data-testid=import-commit]:not([disabled])').click();
    await card.locator('[data-testid=import-done]').waitFor({ timeout: 60_000 });
    await goPar(s.page, 'year=2025');
    expect(await s.page.textContent('[data-testid=par-matrix] tr[data-unit="X9"] th')).toBe(evil);
    await goPar(s.page, 'year=2025&view=unit&unit=X9');
    await goPar(s.page, 'year=2025&view=across');
    await s.page.waitForSelector('[data-chart="par-gap"] canvas');
    expect(await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(s.consoleErrors).toEqual([]);
  });
});
