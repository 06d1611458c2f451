// Issue 15, the import side, in Chromium on the built app, from a first visit with the demo:
// the fictional demo steps aside by kind (and says so before loading), and files picked together are checked against
// and land with what the batch itself lands — all or nothing.
// Expected PAR indices are computed here from the files the test writes, with the app's pure scoring module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, offOrigin, openApp, screenshot, waitReady } from './browser';
import { scoreUnit, type ParCriterion, type ParScore } from '../../src/domain/parScoring';

const SLOW = 300_000; // DuckDB starting, the demo seeded, reloads, on a shared 2-core machine

// ---- The user's files: a 2025 criteria tree of their own (1.1.1 worth `max111`; the demo's is worth 1) and scores. ----
const NA = 'không áp dụng';
function criteriaRows(max111: number): ParCriterion[] {
  return [
    { code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', max: 4 + max111 },
    { code: '1.1', name: 'Kế hoạch cải cách hành chính năm', max: 1 + max111 },
    { code: '1.1.1', name: 'Ban hành kế hoạch CCHC năm đúng thời hạn', max: max111 },
    { code: '1.1.2', name: 'Mức độ hoàn thành kế hoạch CCHC', max: 1 },
    { code: '1.2', name: 'Báo cáo cải cách hành chính', max: 3 },
    { code: '1.2.1', name: 'Báo cáo định kỳ đầy đủ, đúng hạn', max: 3 },
    { code: '2', name: 'Cải cách thủ tục hành chính', max: 5 },
    { code: '2.1', name: 'Công khai thủ tục hành chính', max: 2.5 },
    { code: '2.2', name: 'Giải quyết hồ sơ đúng hạn', max: 2.5 },
  ];
}
type Row = { unit: string; name: string; code: string; self: string; appraised: string };
function scoreRows(s111: number): Row[] {
  const units = [
    ['Y100', 'Xã Tân Phú'],
    ['Y100-VP', 'Văn phòng HĐND và UBND xã'],
    ['Y100-KT', 'Phòng Kinh tế'],
  ] as const;
  const table: Record<string, [string, string][]> = {
    //         1.1.1                         1.1.2         1.2.1         2.1            2.2
    Y100: [
      [String(s111), String(s111)],
      ['1', '0.75'],
      ['3', '2.5'],
      ['2.5', '2'],
      ['2', '2'],
    ],
    'Y100-VP': [
      [String(s111), '1.5'],
      ['1', '1'],
      ['2.5', '2.5'],
      ['2', '1.75'],
      ['2.5', '2.25'],
    ],
    'Y100-KT': [
      ['1', '1'],
      ['0.5', '0.5'],
      ['3', '3'],
      [NA, ''],
      ['1.5', '1'],
    ], // 2.1 does not apply to this unit
  };
  const codes = ['1.1.1', '1.1.2', '1.2.1', '2.1', '2.2'];
  return units.flatMap(([unit, name]) => codes.map((code, i) => ({ unit, name, code, self: table[unit]![i]![0], appraised: table[unit]![i]![1] })));
}
const criteriaCsv = (max111: number) =>
  ['Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa', ...criteriaRows(max111).map((c) => `2025,${c.code},"${c.name}",${c.max}`)].join('\r\n');
const scoresCsv = (s111: number) =>
  [
    'Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú',
    ...scoreRows(s111).map((r) => `2025,${r.unit},${r.name},${r.code},${r.self},${r.appraised},,`),
  ].join('\r\n');
const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** Each unit's self and appraised index, as the PAR page must show them: computed from the two files alone. */
function expectedIndices(max111: number, s111: number): Map<string, { self: string; appraised: string }> {
  const tree = criteriaRows(max111);
  const rows = scoreRows(s111);
  const vi2 = (v: number | null) => (v === null ? '–' : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v));
  const out = new Map<string, { self: string; appraised: string }>();
  for (const unit of new Set(rows.map((r) => r.unit))) {
    const scores: ParScore[] = rows
      .filter((r) => r.unit === unit)
      .map((r) => {
        const applicable = r.self !== NA;
        return {
          criterion: r.code,
          applicable,
          self: applicable ? Number(r.self) : null,
          appraised: applicable && r.appraised !== '' ? Number(r.appraised) : null,
        };
      });
    const u = scoreUnit(tree, scores);
    out.set(unit, { self: vi2(u.selfIndex), appraised: vi2(u.appraisedIndex) });
  }
  return out;
}

// ---- Driving the app ----
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Started on #/data, the first visit's demo stored, the catalogue shown. */
async function ready(page: Page) {
  await waitReady(page);
  await page.waitForFunction(
    () => performance.getEntriesByName('chiso:demo-saved').length > 0 || !performance.getEntriesByName('chiso:demo-loaded').length,
    null,
    { timeout: 120_000 },
  );
  await openData(page);
}
async function openData(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=catalogue][aria-busy="true"]'));
}
const fileNames = async (page: Page) => (await page.locator('[data-testid=catalogue] tbody tr td.file-name').allTextContents()).sort();
/** The plan card of a file (by its title: another card may name the file in its notes). */
const card = (page: Page, name: string) =>
  page
    .locator('[data-testid=import-plan]')
    .filter({ has: page.locator('h3.file-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

async function pick(page: Page, files: ReturnType<typeof file>[]) {
  await page.setInputFiles('[data-testid=import-input]', files);
  for (const f of files) await card(page, f.name).waitFor();
  await page.waitForFunction(
    (names) =>
      names.every((n) =>
        [...document.querySelectorAll('[data-testid=import-plan]')].some(
          (c) => c.querySelector('h3')?.textContent === n && c.getAttribute('aria-busy') !== 'true',
        ),
      ),
    files.map((f) => f.name),
    { timeout: 120_000 },
  );
}

/** The PAR matrix of 2025: each unit's self and appraised index as shown. */
async function parMatrix(page: Page): Promise<Map<string, { self: string; appraised: string }>> {
  await page.evaluate(() => (window.location.hash = '#/par?year=2025'));
  await page.waitForSelector('[data-testid=par-matrix] tbody tr[data-unit]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const rows = await page
    .locator('[data-testid=par-matrix] tbody tr[data-unit]')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          [
            tr.getAttribute('data-unit')!,
            tr.querySelector('[data-testid=self-index]')?.textContent ?? '',
            tr.querySelector('[data-testid=appraised-index]')?.textContent ?? '',
          ] as const,
      ),
    );
  return new Map(rows.map(([u, self, appraised]) => [u, { self, appraised }]));
}

// The demo commune's plan steps aside with them: its targets would be measured on the user's PAR (issue 19).
const FICTIONAL_PAR = ['commune_indices.csv', 'par_criteria.csv', 'par_scores.csv', 'units.csv', 'plan_targets.csv', 'plan_indicators.csv', 'plan_tasks.csv'];
const PAPI = 'PAPI (papi/csv/2011.csv … 2024.csv)';

describe('a new year’s criteria picked with their scores (issue 15)', () => {
  it(
    'over the demo’s 2025: nothing asked, the card says which demo data goes, both land, the PAR page is the two files’ alone; restoring the demo leaves out what would mix',
    { timeout: SLOW },
    async () => {
      const s = await openApp(browser, '#/data');
      await ready(s.page);
      const before = await fileNames(s.page);
      expect(before).toEqual(expect.arrayContaining([...FICTIONAL_PAR, PAPI]));

      // Scores first: checked before the criteria are, then again, at once, when they are.
      await pick(s.page, [file('diem_2025.csv', scoresCsv(2)), file('tieu_chi_2025.csv', criteriaCsv(2))]);
      await s.page.waitForSelector('[data-testid=import-commit-all]:not([disabled])', { timeout: 60_000 });
      expect(await s.page.textContent('[data-testid=import-commit-all]')).toBe('Nạp cả 2 tệp');
      // The demo's 2025 is fiction: it steps aside, so no "Đã có dữ liệu trùng" — and the demo's 1.1.1 (worth 1) does not count.
      expect(await s.page.locator('[data-testid=dup-replace]').count()).toBe(0);
      expect(await s.page.locator('[data-testid=problem][data-severity=error]').count()).toBe(0);
      // Before loading, each card says which demo data will be removed.
      for (const name of ['diem_2025.csv', 'tieu_chi_2025.csv']) {
        const aside = await card(s.page, name).locator('[data-testid=demo-aside]').textContent();
        expect(aside).toContain('Dữ liệu minh họa sẽ được gỡ khi nạp');
        for (const part of [
          'Bộ tiêu chí PAR «par_criteria.csv»',
          'Điểm PAR «par_scores.csv»',
          'Danh mục đơn vị «units.csv»',
          'điểm PAR cấp xã, đơn vị trong «commune_indices.csv»',
        ])
          expect(aside).toContain(part);
        expect(aside).not.toContain('papi');
      }
      // The scores were checked with the criteria picked with them: they land with them, not alone.
      expect(await card(s.page, 'diem_2025.csv').locator('[data-testid=import-commit]').isDisabled()).toBe(true);
      expect(await card(s.page, 'diem_2025.csv').locator('[data-testid=checked-with]').textContent()).toContain('«tieu_chi_2025.csv»');
      await screenshot(s.page, 'batch-plan');

      await s.page.click('[data-testid=import-commit-all]');
      await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=import-done]').length === 2, null, { timeout: 120_000 });
      const after = [...before.filter((f) => !FICTIONAL_PAR.includes(f)), 'diem_2025.csv', 'tieu_chi_2025.csv'].sort();
      await s.page.waitForFunction(() => document.querySelector('[data-testid=catalogue]')?.textContent?.includes('diem_2025.csv'));
      expect(await fileNames(s.page)).toEqual(after); // the fictional PAR data and units are gone; the real PAPI stays

      const expected = expectedIndices(2, 2);
      expect(await parMatrix(s.page)).toEqual(expected);
      await screenshot(s.page, 'batch-par');

      await s.page.reload();
      await waitReady(s.page);
      await openData(s.page);
      expect(await fileNames(s.page)).toEqual(after);
      expect(await parMatrix(s.page)).toEqual(expected);

      // "Khôi phục dữ liệu minh họa" brings back only what does not clash with the user's PAR data, and says what it left out.
      await openData(s.page);
      await s.page.click('[data-testid=restore-demo]');
      await s.page.waitForSelector('[data-testid=catalogue-note]', { timeout: 120_000 });
      const note = (await s.page.textContent('[data-testid=catalogue-note]'))!;
      expect(note).toContain('Đã khôi phục dữ liệu minh họa, trừ phần trùng loại với dữ liệu của bạn');
      for (const f of FICTIONAL_PAR) expect(note).toContain(`«${f}»`);
      expect(await fileNames(s.page)).toEqual(after);
      expect(await parMatrix(s.page)).toEqual(expected);
      await openData(s.page);
      await screenshot(s.page, 'batch-restored');

      expect(offOrigin(s.requests)).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
      await s.context.close();
    },
  );

  it(
    'over the user’s own earlier 2025: asks "replace", checks the scores against the new year’s criteria, re-checks them at once when the criteria are cancelled, lands both',
    { timeout: SLOW },
    async () => {
      const s = await openApp(browser, '#/data');
      await ready(s.page);
      // The user's first 2025 (1.1.1 worth 2), loaded together.
      await pick(s.page, [file('tieu_chi_2025_v1.csv', criteriaCsv(2)), file('diem_2025_v1.csv', scoresCsv(2))]);
      await s.page.click('[data-testid=import-commit-all]:not([disabled])');
      await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=import-done]').length === 2, null, { timeout: 120_000 });
      while (await s.page.locator('[data-testid=plan-remove]').count()) await s.page.locator('[data-testid=plan-remove]').first().click();
      expect(await parMatrix(s.page)).toEqual(expectedIndices(2, 2));
      await openData(s.page);

      // The province reissued its criteria: 1.1.1 is now worth 3, and units scored 3 on it.
      await pick(s.page, [file('tieu_chi_2025_v2.csv', criteriaCsv(3)), file('diem_2025_v2.csv', scoresCsv(3))]);
      const crit = card(s.page, 'tieu_chi_2025_v2.csv');
      const sc = card(s.page, 'diem_2025_v2.csv');
      await crit.locator('[data-testid=dup-replace]').waitFor({ timeout: 60_000 });
      await sc.locator('[data-testid=dup-replace]').waitFor({ timeout: 60_000 });
      expect(await crit.locator('legend').allTextContents()).toContainEqual('Đã có dữ liệu trùng: PAR 2025.');
      expect(await sc.locator('legend').allTextContents()).toContainEqual('Đã có dữ liệu trùng: 2025 · Y100, 2025 · Y100-KT, 2025 · Y100-VP.');
      // Checked against the batch's 2025 (3 points), not the loaded one it replaces (2 points).
      expect(await sc.locator('[data-testid=problem][data-severity=error]').count()).toBe(0);

      // "Hủy" on the criteria: the scores are checked again at once, now against the loaded 2025.
      await crit.locator('[data-testid=dup-cancel]').click();
      await crit.locator('[data-testid=import-cancelled]').waitFor();
      const above = sc.locator('[data-testid=problem][data-severity=error]', { hasText: '«3» lớn hơn điểm tối đa 2 của tiêu chí 1.1.1' });
      await above.first().waitFor({ timeout: 60_000 });
      expect(await sc.locator('[data-testid=import-commit]').isDisabled()).toBe(true);
      await crit.locator('[data-testid=plan-remove]').click();

      // The criteria picked again: the scores are fine again, at once.
      await pick(s.page, [file('tieu_chi_2025_v2.csv', criteriaCsv(3))]);
      await sc.locator('[data-testid=problem][data-severity=error]').first().waitFor({ state: 'detached', timeout: 60_000 });
      await card(s.page, 'tieu_chi_2025_v2.csv').locator('[data-testid=dup-replace]').click();
      await sc.locator('[data-testid=dup-replace]').click();
      await s.page.click('[data-testid=import-commit-all]:not([disabled])');
      await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=import-done]').length === 2, null, { timeout: 120_000 });
      await s.page.waitForFunction(() => document.querySelector('[data-testid=catalogue]')?.textContent?.includes('diem_2025_v2.csv'));
      const names = await fileNames(s.page);
      expect(names).toEqual(expect.arrayContaining(['tieu_chi_2025_v2.csv', 'diem_2025_v2.csv']));
      expect(names).not.toContain('tieu_chi_2025_v1.csv');
      expect(names).not.toContain('diem_2025_v1.csv');
      expect(await parMatrix(s.page)).toEqual(expectedIndices(3, 3));
      await s.page.reload();
      await waitReady(s.page);
      expect(await parMatrix(s.page)).toEqual(expectedIndices(3, 3));
      expect(s.consoleErrors).toEqual([]);
      await s.context.close();
    },
  );

  it(
    'refuses as a whole a batch whose scores are wrong against its own criteria: the catalogue and the figures stay, after a reload too',
    { timeout: SLOW },
    async () => {
      const s = await openApp(browser, '#/data');
      await ready(s.page);
      const before = await fileNames(s.page);
      const figures = await parMatrix(s.page); // the demo's PAR 2025
      expect(figures.size).toBeGreaterThan(10);
      await openData(s.page);

      // 1.1.1 worth 2 in the batch's criteria, scored 3.
      await pick(s.page, [file('tieu_chi_2025.csv', criteriaCsv(2)), file('diem_2025_sai.csv', scoresCsv(3))]);
      const sc = card(s.page, 'diem_2025_sai.csv');
      // Named against the batch's own criteria (the demo's 1.1.1 is worth 1).
      await sc
        .locator('[data-testid=problem][data-severity=error]', { hasText: '«3» lớn hơn điểm tối đa 2 của tiêu chí 1.1.1' })
        .first()
        .waitFor({ timeout: 60_000 });
      expect(await s.page.isDisabled('[data-testid=import-commit-all]')).toBe(true);
      expect(await s.page.textContent('[data-testid=commit-all-blocked]')).toContain('«diem_2025_sai.csv»');
      expect(await sc.locator('[data-testid=import-commit]').isDisabled()).toBe(true);
      await screenshot(s.page, 'batch-refused');

      expect(await fileNames(s.page)).toEqual(before);
      expect(await parMatrix(s.page)).toEqual(figures);
      await s.page.reload();
      await waitReady(s.page);
      await openData(s.page);
      expect(await fileNames(s.page)).toEqual(before);
      expect(await parMatrix(s.page)).toEqual(figures);
      expect(s.consoleErrors).toEqual([]);
      await s.context.close();
    },
  );
});
