import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { launch, offOrigin, openApp, recordDialogs, screenshot, waitReady } from './browser';

// The expected numbers are computed here from the demo CSV itself, independently of the app's code.
const LABELS: Record<string, number> = { 'Rất hài lòng': 5, 'Hài lòng': 4, 'Bình thường': 3, 'Không hài lòng': 2, 'Rất không hài lòng': 1 };

interface Tally {
  k: number;
  n: number;
  forms: number;
}

function tallyCsv(text: string, keep: (period: string, unit: string) => boolean): Tally {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const t = { k: 0, n: 0, forms: 0 };
  for (const line of lines.slice(1)) {
    const [period, unit, , ...answers] = line.split(',');
    if (!keep(period!, unit!)) continue;
    t.forms++;
    for (const cell of answers) {
      const v = cell.trim();
      if (!v) continue;
      const a = LABELS[v] ?? Number(v);
      t.n++;
      if (a >= 4) t.k++;
    }
  }
  return t;
}

/** One item's answers at levels 1..5 in the rows kept. */
function itemAnswers(text: string, keep: (period: string) => boolean, item: string): number[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const col = lines[0]!.split(',').indexOf(item);
  const counts = [0, 0, 0, 0, 0];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const v = cells[col]!.trim();
    if (!keep(cells[0]!) || !v) continue;
    counts[(LABELS[v] ?? Number(v)) - 1]!++;
  }
  return counts;
}

/** Smallest x with (k + x) / (n + x) ≥ target%, by counting up in integers. */
function needed(k: number, n: number, targetPct: number): number {
  let x = 0;
  while ((k + x) * 100 < targetPct * (n + x)) x++;
  return x;
}

// Rates at the registry's decimals for SIPAS (2), as the overview card and the index page write them.
const viPct = (v: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) + '%';
const viInt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(v);

const demoCsv = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/sipas_responses.csv'), 'utf8');

async function headline(page: Page) {
  const h = page.locator('[data-testid="sipas-headline"]');
  await h.waitFor();
  return {
    period: await h.getAttribute('data-period'),
    rate: (await page.textContent('[data-testid="headline-rate"]'))!.trim(),
    n: Number(await page.getAttribute('[data-testid="headline-n"]', 'data-n')),
    nText: (await page.textContent('[data-testid="headline-n"]'))!,
    needed: await page.getAttribute('[data-testid="headline-needed"]', 'data-count'),
    neededText: (await page.textContent('[data-testid="headline-needed"]'))!,
    text: (await h.textContent())!,
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('SIPAS page on the demo data', () => {
  it('shows the picked quarter’s rate, n and gap to 90% as computed from the CSV', async () => {
    const s = await openApp(browser, '#/sipas');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="period-select"]');
    await s.page.selectOption('[data-testid="period-select"]', '2026-Q1');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2026-Q1"]');
    expect(s.page.url()).toContain('period=2026-Q1');

    const exp = tallyCsv(demoCsv, (p) => p === '2026-Q1');
    const h = await headline(s.page);
    expect(h.rate).toBe(viPct((exp.k / exp.n) * 100));
    expect(h.n).toBe(exp.n);
    expect(h.nText).toContain(`${viInt(exp.n)} câu trả lời hợp lệ · ${viInt(exp.forms)} phiếu`);
    const gap = needed(exp.k, exp.n, 90);
    expect(gap).toBeGreaterThan(0); // the demo quarter misses 90%
    expect(h.needed).toBe(String(gap));
    expect(h.neededText).toContain(`Cần thêm ${viInt(gap)} câu trả lời hài lòng để đạt 90%`);
    // change from the previous quarter, in percentage points
    const prev = tallyCsv(demoCsv, (p) => p === '2025-Q4');
    const delta = (exp.k / exp.n - prev.k / prev.n) * 100;
    expect(await s.page.textContent('[data-testid="headline-delta"]')).toContain(
      new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(delta),
    );
    expect(h.text).toContain('gộp tất cả câu trả lời');

    await s.page.waitForSelector('[data-chart="sipas-trend"] canvas');
    await s.page.waitForSelector('[data-chart="sipas-distribution"] canvas');
    await screenshot(s.page, 'sipas-quarter');
    expect(s.consoleErrors).toEqual([]);
    expect(offOrigin(s.requests)).toEqual([]);
    await s.context.close();
  });

  it('filters to one service point, flags few forms, and restores the view from its link', async () => {
    const s = await openApp(browser, '#/sipas?level=quarter&period=2025-Q3&unit=X001-DTN2');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025-Q3"]');
    expect(await s.page.inputValue('[data-testid="unit-select"]')).toBe('X001-DTN2');
    const exp = tallyCsv(demoCsv, (p, u) => p === '2025-Q3' && u === 'X001-DTN2');
    expect(exp.forms).toBeLessThan(30);
    const h = await headline(s.page);
    expect(h.n).toBe(exp.n);
    expect(h.rate).toBe(viPct((exp.k / exp.n) * 100));
    expect(h.text).toContain('ít phiếu');
    // the service-point table still lists every point, the chosen one outlined
    const rows = s.page.locator('[data-testid="sipas-units"] tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await s.page.locator('[data-testid="sipas-units"] tr.sipas-row-own').textContent()).toContain('Điểm tiếp nhận thôn Tây');
    await screenshot(s.page, 'sipas-point-few');
    await s.context.close();
  });

  it('rolls quarters up into half-years and years', async () => {
    const s = await openApp(browser, '#/sipas');
    await waitReady(s.page);
    await s.page.click('[data-testid="level-half"]');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2026-H2"]');
    await s.page.selectOption('[data-testid="period-select"]', '2025-H1');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025-H1"]');
    const h1 = tallyCsv(demoCsv, (p) => p === '2025-Q1' || p === '2025-Q2');
    let h = await headline(s.page);
    expect(h.n).toBe(h1.n);
    expect(h.rate).toBe(viPct((h1.k / h1.n) * 100));

    await s.page.click('[data-testid="level-year"]'); // keeps the year that contains the half
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025"]');
    await s.page.selectOption('[data-testid="period-select"]', '2024');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2024"]');
    const y = tallyCsv(demoCsv, (p) => p.startsWith('2024-'));
    h = await headline(s.page);
    expect(h.n).toBe(y.n);
    expect(h.needed).toBe(String(needed(y.k, y.n, 90)));
    expect(s.page.url()).toContain('level=year');
    await s.context.close();
  });

  it('lists items below target first with their texts, sorts and downloads the service points', async () => {
    const s = await openApp(browser, '#/sipas?period=2026-Q1');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="sipas-items"] tbody tr');
    const first = await s.page.locator('[data-testid="sipas-items"] tbody tr').first().textContent();
    expect(first).toContain('dưới mục tiêu');
    expect(await s.page.textContent('[data-testid="sipas-items"]')).toContain('Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi');
    // elements table offers both overall figures, labelled
    const elements = (await s.page.textContent('[data-testid="sipas-elements"]'))!;
    expect(elements).toContain('Chung (gộp tất cả câu trả lời)');
    expect(elements).toContain('Chung (trung bình 5 yếu tố)');

    // sort service points by pooled rate, highest first
    await s.page.click('[data-testid="sipas-units"] th:nth-child(3) button');
    const rates = await s.page.locator('[data-testid="sipas-units"] tbody tr td:nth-child(3)').allTextContents();
    const units = ['X001-TTPV', 'X001-DTN1', 'X001-DTN2'].map((u) => ({ u, r: tallyCsv(demoCsv, (p, x) => p === '2026-Q1' && x === u) }));
    const expected = units
      .map(({ r }) => (r.k / r.n) * 100)
      .sort((a, b) => b - a)
      .map(viPct);
    expect(rates).toEqual(expected);

    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="sipas-units-csv"]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const tt = units.find((x) => x.u === 'X001-TTPV')!.r;
    const line = csv.split('\r\n').find((l) => l.startsWith('X001-TTPV'))!;
    expect(line).toContain(`,${tt.n},`);
    expect(line).toContain(String(Math.round((tt.k / tt.n) * 1000) / 10));

    // the items table as Excel: TC1.1's n and rate as numbers
    const [xdl] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="sipas-items-xlsx"]')]);
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(fs.readFileSync((await xdl.path())!), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    const head = sheet[0] as string[];
    const tc11 = sheet.find((r) => r[0] === 'TC1.1')!;
    const a = itemAnswers(demoCsv, (p) => p === '2026-Q1', 'TC1.1');
    const n = a.reduce((x, y) => x + y, 0);
    expect(tc11[head.indexOf('Số câu trả lời (n)')]).toBe(n);
    expect(tc11[head.indexOf('Tỷ lệ hài lòng')]).toBe(Math.round(((a[3]! + a[4]!) / n) * 1000) / 10);
    expect(tc11[head.indexOf('Câu hỏi')]).toBe('Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi');
    await s.context.close();
  });

  it('follows the target set in Cài đặt', async () => {
    const s = await openApp(browser, '#/settings');
    await waitReady(s.page);
    await s.page.fill('[data-testid="sipas-target"]', '85');
    await s.page.fill('[data-testid="sipas-target-new-year"]', '2025');
    await s.page.click('[data-testid="sipas-target-add"]');
    await s.page.fill('[data-testid="sipas-target-2025"]', '95');
    await screenshot(s.page, 'sipas-settings');
    await s.page.evaluate(() => (window.location.hash = '#/sipas?period=2026-Q1'));
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2026-Q1"]');
    const exp = tallyCsv(demoCsv, (p) => p === '2026-Q1');
    const h = await headline(s.page);
    expect(h.needed).toBe(String(needed(exp.k, exp.n, 85)));
    expect(await s.page.textContent('[data-testid="headline-status"]')).toContain('85%');
    // 2025 has its own target: 95%
    await s.page.selectOption('[data-testid="period-select"]', '2025-Q4');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2025-Q4"]');
    const q4 = tallyCsv(demoCsv, (p) => p === '2025-Q4');
    expect((await headline(s.page)).needed).toBe(String(needed(q4.k, q4.n, 95)));
    expect(await s.page.textContent('[data-testid="headline-status"]')).toContain('95%');
    await s.context.close();
  });

  it('imports a responses file on the Dữ liệu page and shows its quarter as computed from the same file', async () => {
    // A quarter the demo does not have, a dated form (20/11/2026 → 2026-Q4), labels, blanks, and a unit named like HTML.
    const file = [
      'Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC2.1,TC3.1,TC4.1,TC5.1',
      '2026-Q4,X001-TTPV,n1,5,4,Hài lòng,3,',
      '2026-Q4,X001-TTPV,n2,Rất hài lòng,2,4,4,1',
      '20/11/2026,<img src=x onerror=alert(1)>,n3,4,,5,Bình thường,5',
      '2026-Q4,X001-DTN1,n4,,,,,',
      '2026-Q4,X001-DTN1,n5,1,2,3,Không hài lòng,Rất không hài lòng',
    ].join('\n');
    const exp = tallyCsv(file.replace('20/11/2026', '2026-Q4'), (p) => p === '2026-Q4');
    const s = await openApp(browser, '#/data');
    const dialogs = recordDialogs(s.page);
    await waitReady(s.page);
    await s.page.setInputFiles('[data-testid=import-input]', { name: 'phieu_quy4.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await s.page.waitForSelector('[data-testid=import-commit]:not([disabled])');
    await s.page.click('[data-testid=import-commit]');
    await s.page.waitForSelector('[data-testid=import-done]');

    await s.page.evaluate(() => (window.location.hash = '#/sipas?level=quarter&period=2026-Q4'));
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2026-Q4"]');
    const h = await headline(s.page);
    expect(h.n).toBe(exp.n);
    expect(h.rate).toBe(viPct((exp.k / exp.n) * 100));
    expect(h.needed).toBe(String(needed(exp.k, exp.n, 90)));
    expect(h.nText).toContain(`${viInt(exp.n)} câu trả lời hợp lệ · ${viInt(exp.forms)} phiếu`);
    expect(h.text).toContain('ít phiếu');
    // the HTML-like unit code is text in the table and the picker, never markup
    expect(await s.page.textContent('[data-testid="sipas-units"]')).toContain('<img src=x onerror=alert(1)>');
    expect(await s.page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(s.page, 'sipas-imported');
    await s.context.close();
  });

  it('speaks English when asked: labels, periods and numbers', async () => {
    const s = await openApp(browser, '#/sipas?period=2026-Q1');
    await waitReady(s.page);
    await s.page.click('button.lang');
    await s.page.waitForSelector('[data-testid="sipas-headline"][data-period="2026-Q1"]');
    const exp = tallyCsv(demoCsv, (p) => p === '2026-Q1');
    const text = (await s.page.textContent('[data-testid="sipas-headline"]'))!;
    expect(text).toContain('Satisfaction, Q1 2026');
    expect(text).toContain('all answers pooled');
    expect(await s.page.textContent('[data-testid="headline-rate"]')).toBe(
      new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((exp.k / exp.n) * 100) + '%',
    );
    expect(await s.page.textContent('[data-testid="headline-needed"]')).toContain(
      `${new Intl.NumberFormat('en-GB').format(needed(exp.k, exp.n, 90))} more satisfied answers`,
    );
    await s.page.waitForSelector('[data-chart="sipas-trend"] canvas');
    await screenshot(s.page, 'sipas-english');
    await s.context.close();
  });
});
