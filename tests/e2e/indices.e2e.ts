// The overview cards and the index page, checked against numbers this test computes itself from the
// product owner's files (../shared/data/papi, ../shared/data/merger) and the demo's CSV files, never from the app's code.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, recordDialogs, screenshot, waitReady } from './browser';
import { papiTotals } from './papi';
import { sharedPath } from '../helpers/shared';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const viNumber = (v: number, d = 2) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

// 63 → 34 crosswalk: PAPI code → new province.
const merger = fs
  .readFileSync(sharedPath('data/merger/provinces_63_to_34.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({ old: c[0]!, code: c[1]!, neu: c[3]! }));

/** New provinces' PAPI totals of a year: unweighted mean of the former ones, only when all are complete. */
function totals34(year: number): Map<string, number> {
  const byCode = new Map(papiTotals(year).map((t) => [t.code, t]));
  const out = new Map<string, number>();
  for (const neu of new Set(merger.map((m) => m.neu))) {
    const members = merger.filter((m) => m.neu === neu).map((m) => byCode.get(m.code));
    if (members.every((t) => t && t.complete)) out.set(neu, members.reduce((a, t) => a + t!.total, 0) / members.length);
  }
  return out;
}

/** Competition rank at `d` decimals (ties share a rank), higher is better. */
function rankOf(values: Map<string, number>, key: string, d = 2): number {
  const r = (v: number) => Math.round(v * 10 ** d);
  const own = r(values.get(key)!);
  return 1 + [...values.values()].filter((v) => r(v) > own).length;
}

// The demo's invented province series (data/demo/province_indices.csv): overall scores, 63 former provinces under
// their PAPI codes before 2025, the 34 provinces (code = name) from 2025.
const provinceDemo = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../data/demo/province_indices.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[4] === '')
  .map((c) => ({ index: c[0]!, year: Number(c[1]), code: c[2]!, name: c[3]!, score: Number(c[5]), source: c[9]! }));

/** An index's demo values of a year on the 34-province view: as given from 2025, else the mean of the former provinces. */
function demo34(index: string, year: number): Map<string, number> {
  const rows = provinceDemo.filter((r) => r.index === index && r.year === year);
  if (year >= 2025) return new Map(rows.map((r) => [r.name, r.score]));
  const byCode = new Map(rows.map((r) => [r.code, r.score]));
  const out = new Map<string, number>();
  for (const neu of new Set(merger.map((m) => m.neu))) {
    const members = merger.filter((m) => m.neu === neu).map((m) => byCode.get(m.code)!);
    out.set(neu, members.reduce((a, v) => a + v, 0) / members.length);
  }
  return out;
}

// The commune crosswalk of Huế, read here from the product owner's copy: new commune → its former communes' names.
const hueCommunes = (JSON.parse(fs.readFileSync(sharedPath('data/merger/communes_2025.json'), 'utf8')) as { columns: string[] }[])
  .map((r) => r.columns.map((c) => c.normalize('NFC')))
  .filter(([p]) => p === 'Huế')
  .map(([, neu, formers]) => ({ neu: neu!, formers: formers === 'Không sáp nhập' ? [neu!] : formers!.split(', ') }));

/**
 * A year before the merger on the "new communes" view, computed here: a new commune whose former communes are all in
 * `values` (by name) is their plain mean; a unit that is no former commune stays as it is.
 */
function newCommunesView(values: Map<string, { name: string; value: number }>): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<string>();
  for (const { neu, formers } of hueCommunes) {
    const found = [...values.entries()].filter(([, v]) => formers.includes(v.name));
    if (!found.length) continue;
    found.forEach(([code]) => used.add(code));
    if (found.length === formers.length) out.set(neu, found.reduce((a, [, v]) => a + v.value, 0) / formers.length);
  }
  for (const [code, v] of values) if (!used.has(code)) out.set(code, v.value);
  return out;
}

// A test fixture of real names (Huế, the demo's province): the six former phường that became Phú Xuân, one of them
// written with the old tone placement and decomposed; Phú Xuân as published in 2025; a name in no crosswalk.
const phuXuan = hueCommunes.find((c) => c.neu === 'Phú Xuân')!.formers;
const phuXuanValues = [81.25, 84.5, 79.75, 88, 86.25, 90.5];
const writtenAs = (name: string) => (name === 'Phường Thuận Hòa' ? 'Phường Thuận Hoà'.normalize('NFD') : name);
const phuXuanCsv = [
  'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn',
  ...phuXuan.flatMap((name, i) => [
    `PAR,2024,H0${i + 1},${writtenAs(name)},,${phuXuanValues[i]},100,,,Kiểm thử`,
    `PAR,2023,H0${i + 1},${writtenAs(name)},,${phuXuanValues[i]! - 1},100,,,Kiểm thử`,
  ]),
  'PAR,2024,H99,<img src=x onerror=alert(1)>,,70,100,,,Kiểm thử',
  'PAR,2025,H100,Phường Phú Xuân,,91.5,100,,,Kiểm thử',
].join('\r\n');

/** Imports one file through the Dữ liệu page's file input, as a user does; returns the plan card. */
async function importThroughPage(page: Page, name: string, text: string) {
  await page.setInputFiles('[data-testid=import-input]', {
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  const card = page.locator('[data-testid=import-plan]', { has: page.locator('h3.file-name', { hasText: name }) });
  await card.locator('[data-testid=import-commit]').waitFor({ timeout: 60_000 });
  return card;
}

async function cardText(page: Page, index: string, testid: string) {
  return (await page.locator(`[data-testid="card-${index}"] [data-testid="${testid}"]`).textContent())?.trim() ?? '';
}

describe('overview cards', () => {
  it('shows five cards; PAPI has the value and rank computed from the PAPI files, PCI and DTI those of the demo provinces', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="overview-cards"]');
    expect(await s.page.locator('[data-testid="overview-cards"] > [data-testid^="card-"]').count()).toBe(5);

    // Default: Thừa Thiên Huế on the 34-province view → Huế (one former province, renamed).
    const t2024 = totals34(2024);
    const t2023 = totals34(2023);
    const hue = t2024.get('Huế')!;
    expect(hue).toBeCloseTo(papiTotals(2024).find((t) => t.code === 'P31')!.total, 10);
    expect(await cardText(s.page, 'PAPI', 'card-value')).toContain(viNumber(hue));
    // Each card names where its numbers come from: the real PAPI publisher, the demo's label for invented series.
    expect(await cardText(s.page, 'PAPI', 'card-source')).toContain('PAPI, UNDP & CECODES');
    expect(await cardText(s.page, 'PCI', 'card-source')).toContain([...new Set(provinceDemo.filter((r) => r.index === 'PCI').map((r) => r.source))].join('; '));
    expect(await cardText(s.page, 'PAPI', 'card-rank')).toContain(`Hạng ${rankOf(t2024, 'Huế')}/${t2024.size}`);
    const delta = await cardText(s.page, 'PAPI', 'card-delta');
    const d = hue - t2023.get('Huế')!;
    expect(delta).toContain(`${d >= 0 ? '▲' : '▼'} ${viNumber(Math.abs(d))}`);
    expect(delta).toContain('so với 2023');

    // PCI and DTI: the demo's invented province series, for Huế in the latest year of the file, ranked among the 34.
    for (const [index, dec] of [
      ['PCI', 2],
      ['DTI', 4],
    ] as const) {
      const latest = Math.max(...provinceDemo.filter((r) => r.index === index).map((r) => r.year));
      const now = demo34(index, latest);
      const before = demo34(index, latest - 1);
      expect(now.size).toBe(34);
      await s.page.waitForSelector(`[data-testid="card-${index}"] [data-testid="card-value"]`);
      expect(await cardText(s.page, index, 'card-value')).toBe(viNumber(now.get('Huế')!, dec));
      expect(await cardText(s.page, index, 'card-rank')).toContain(`Hạng ${rankOf(now, 'Huế', dec)}/${now.size}`);
      const change = now.get('Huế')! - before.get('Huế')!;
      const dr = rankOf(before, 'Huế', dec) - rankOf(now, 'Huế', dec);
      const text = await cardText(s.page, index, 'card-delta');
      const same = Math.abs(change) < 10 ** -dec / 2;
      expect(text).toContain(`${same ? '=' : change > 0 ? '▲' : '▼'} ${viNumber(Math.abs(change), dec)}`);
      expect(text).toContain(dr > 0 ? `▲ ${dr} bậc` : dr < 0 ? `▼ ${-dr} bậc` : 'giữ hạng');
      expect(text).toContain(`so với ${latest - 1}`);
      expect(await s.page.locator(`[data-testid="card-${index}"]`).getAttribute('href')).toContain(`indices/${index}?`);
    }
    // Invented data: the app says so.
    expect(await s.page.locator('[data-testid="demo-badge"]').count()).toBe(1);
    await screenshot(s.page, 'indices-overview');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('the PAR card is about the demo commune: its 2025 value, rank among the communes and band, from the demo file', async () => {
    const rows = fs
      .readFileSync(path.resolve(import.meta.dirname, '../../data/demo/commune_indices.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c[0] === 'PAR' && c[4] === '');
    const of = (year: string) => new Map(rows.filter((c) => c[1] === year).map((c) => [c[2]!, { name: c[3]!.normalize('NFC'), value: Number(c[5]) }]));
    const y25 = new Map([...of('2025')].map(([k, v]) => [k, v.value]));
    // The demo's neighbours merged on 1/7/2025: the card compares 2025 with 2024 seen as the new communes.
    const y24 = newCommunesView(of('2024'));
    expect(y24.size).toBe(y25.size);
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="card-PAR"] [data-testid="card-value"]');
    expect(await cardText(s.page, 'PAR', 'card-value')).toBe(`${viNumber(y25.get('X001')!)}%`);
    const rank = await cardText(s.page, 'PAR', 'card-rank');
    expect(rank).toContain(`Hạng ${rankOf(y25, 'X001')}/${y25.size}`);
    expect(rank).toContain(y25.get('X001')! >= 90 ? 'Xuất sắc' : 'Tốt');
    const d = y25.get('X001')! - y24.get('X001')!;
    const dr = rankOf(y24, 'X001') - rankOf(y25, 'X001');
    const delta = await cardText(s.page, 'PAR', 'card-delta');
    expect(delta).toContain(`${d >= 0 ? '▲' : '▼'} ${viNumber(Math.abs(d))}`);
    expect(delta).toContain(dr > 0 ? `▲ ${dr} bậc` : dr < 0 ? `▼ ${-dr} bậc` : 'giữ hạng');
    await s.context.close();
  });

  it('on the 63-province view, shows Thừa Thiên Huế ranked among the 63', async () => {
    const s = await openApp(browser, '#/');
    await s.page.evaluate(() => localStorage.setItem('chiso.settings', JSON.stringify({ provinceView: '63' })));
    await s.page.reload();
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="card-PAPI"] [data-testid="card-value"]');
    const complete = new Map(
      papiTotals(2024)
        .filter((t) => t.complete)
        .map((t) => [t.code, t.total]),
    );
    expect(await cardText(s.page, 'PAPI', 'card-value')).toContain(viNumber(complete.get('P31')!));
    expect(await cardText(s.page, 'PAPI', 'card-rank')).toContain(`Hạng ${rankOf(complete, 'P31')}/${complete.size}`);
    await s.context.close();
  });

  it('clicking a card opens its index page with the same unit and year in the URL', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.click('[data-testid="card-PAPI"]');
    await s.page.waitForSelector('[data-testid="rank-table"]');
    const hash = decodeURIComponent(new URL(s.page.url()).hash);
    expect(hash.startsWith('#/indices/PAPI?')).toBe(true);
    expect(hash).toContain('unit=Huế');
    expect(hash).toContain('year=2024');
    expect(await s.page.inputValue('[data-testid="year-select"]')).toBe('2024');
    expect(await s.page.locator('[data-testid="rank-table"] tr.own td').nth(1).textContent()).toBe('Huế');
    await s.context.close();
  });
});

describe('index page', () => {
  it('the rank table downloads a CSV whose rows are exactly the rows shown', async () => {
    const s = await openApp(browser, '#/indices/PAPI?view=63&year=2022&show=top5');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="rank-table"]');
    const shown = await s.page
      .locator('[data-testid="rank-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(shown).toHaveLength(5);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid="rank-csv"]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
      .map((l) => l.split(','));
    expect(lines[0]!.slice(0, 2)).toEqual(['Hạng', 'Đơn vị']);
    expect(lines.slice(1).map((l) => [l[0], l[1], viNumber(Number(l[2]))])).toEqual(shown.map((r) => [r[0], r[1], r[2]]));
    // … and the top 5 are the 5 best complete provinces of 2022 by the test's own sums.
    const best = papiTotals(2022)
      .filter((t) => t.complete)
      .map((t) => t.total)
      .sort((a, b) => b - a)
      .slice(0, 5);
    expect(lines.slice(1).map((l) => Number(l[2]).toFixed(2))).toEqual(best.map((v) => v.toFixed(2)));
    await s.context.close();
  });

  it('on the 34 view, a merged province before 2025 is the mean of its former provinces, labelled as computed', async () => {
    const s = await openApp(browser, '#/indices/PAPI?view=34&year=2021&unit=Hải Phòng');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="rank-table"]');
    const byCode = new Map(papiTotals(2021).map((t) => [t.code, t]));
    const hd = byCode.get('P19')!;
    const hp = byCode.get('P20')!;
    expect(hd.complete && hp.complete).toBe(true);
    const row = await s.page.locator('[data-testid="rank-table"] tbody tr', { hasText: 'Hải Phòng' }).locator('td').allTextContents();
    expect(row[1]).toBe('Hải Phòng');
    expect(row[2]).toBe(viNumber((hd.total + hp.total) / 2));
    expect(row[6]).toContain('Hải Dương + Hải Phòng');
    expect(await s.page.textContent('[data-testid="derived-note"]')).toContain('trung bình cộng');
    await screenshot(s.page, 'indices-papi-34');
    // Switching to 63 provinces shows the former ones again, and is remembered.
    await s.page.click('[data-testid="view-63"]');
    await s.page.waitForFunction(() => location.hash.includes('view=63'));
    const hdRow = await s.page.locator('[data-testid="rank-table"] tbody tr', { hasText: 'Hải Dương' }).locator('td').allTextContents();
    expect(hdRow[2]).toBe(viNumber(hd.total));
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('PCI of the demo provinces: 34 ranked as in the file, its source named as illustrative; 63 before 2025', async () => {
    expect(new Set(provinceDemo.map((r) => r.source))).toEqual(new Set(['Dữ liệu minh họa']));
    const latest = Math.max(...provinceDemo.filter((r) => r.index === 'PCI').map((r) => r.year));
    const now = demo34('PCI', latest);
    const s = await openApp(browser, '#/indices/PCI');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="rank-table"] tr.own');
    expect(await s.page.inputValue('[data-testid="year-select"]')).toBe(String(latest));
    expect(await s.page.locator('[data-testid="rank-table"] tbody tr').count()).toBe(now.size);
    const own = await s.page.locator('[data-testid="rank-table"] tr.own td').allTextContents();
    expect(own.slice(0, 3)).toEqual([String(rankOf(now, 'Huế')), 'Huế', viNumber(now.get('Huế')!)]);
    // The change of rank joins the published year to the year before computed from the former provinces.
    const dr = rankOf(demo34('PCI', latest - 1), 'Huế') - rankOf(now, 'Huế');
    expect(own[4]).toBe(dr > 0 ? `▲ ${dr}` : dr < 0 ? `▼ ${-dr}` : '=');
    const sources = await s.page.locator('.chart-source').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    for (const t of sources) expect(t).toContain('Dữ liệu minh họa');
    expect(await s.page.locator('[data-testid="demo-badge"]').count()).toBe(1);
    await screenshot(s.page, 'indices-pci-demo');

    // The 63 former provinces: the latest year before the merger, Thừa Thiên Huế as in the file.
    const before = provinceDemo.filter((r) => r.index === 'PCI' && r.year < 2025);
    const y63 = Math.max(...before.map((r) => r.year));
    const of63 = new Map(before.filter((r) => r.year === y63).map((r) => [r.code, r.score]));
    await s.page.click('[data-testid="view-63"]');
    await s.page.waitForFunction(() => location.hash.includes('view=63'));
    await s.page.waitForFunction((y) => (document.querySelector('[data-testid="year-select"]') as HTMLSelectElement | null)?.value === y, String(y63));
    expect(await s.page.locator('[data-testid="rank-table"] tbody tr').count()).toBe(63);
    const tth = await s.page.locator('[data-testid="rank-table"] tr.own td').allTextContents();
    expect(tth.slice(0, 3)).toEqual([String(rankOf(of63, 'P31')), 'Thừa Thiên Huế', viNumber(of63.get('P31')!)]);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('lists PAPI 2022 Bắc Giang as incomplete (13/28), unranked', async () => {
    const s = await openApp(browser, '#/indices/PAPI?view=63&year=2022');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="rank-table"]');
    const bg = await s.page.locator('[data-testid="rank-table"] tbody tr', { hasText: 'Bắc Giang' }).locator('td').allTextContents();
    expect(bg[0]).toBe('–');
    expect(bg[2]).toContain('13/28');
    await s.context.close();
  });
});

describe('imported index scores', () => {
  it('a later year of PCI takes over the PCI card; a unit named like HTML shows as text', async () => {
    const s = await openApp(browser, '#/data');
    const dialogs = recordDialogs(s.page);
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid=import-input]', { state: 'attached' });
    // A test fixture, not shipped data: two of the 34 provinces' PCI in a year after the demo's last (so nothing is
    // replaced), and a commune whose name is HTML.
    const year = Math.max(...provinceDemo.filter((r) => r.index === 'PCI').map((r) => r.year)) + 1;
    const csv = [
      'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn',
      `PCI,${year},Huế,Huế,,70.5,100,,,Kiểm thử`,
      `PCI,${year},Quảng Ninh,Quảng Ninh,,72.95,100,,,Kiểm thử`,
      'PAR,2025,X999,<img src=x onerror=alert(1)>,,77.5,100,,,Kiểm thử',
    ].join('\r\n');
    await s.page.setInputFiles('[data-testid=import-input]', { name: 'kiem_thu_chi_so.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await s.page.waitForSelector('[data-testid=import-plan]:not([aria-busy="true"])', { timeout: 60_000 });
    await screenshot(s.page, 'indices-import-plan');
    await s.page.click('[data-testid=import-commit]', { timeout: 10_000 });
    await s.page.waitForSelector('[data-testid=import-done]');

    // The user's own index rows: the overview no longer assumes the demo's province, it asks.
    await s.page.evaluate(() => (location.hash = '#/'));
    await s.page.waitForSelector('[data-testid="choose-units"]');
    expect(await cardText(s.page, 'PCI', 'card-nodata')).toBe('Chưa chọn đơn vị của bạn.');
    await s.page.evaluate(() => (location.hash = '#/settings'));
    await s.page.selectOption('[data-testid="settings-province"]', 'Huế');
    await s.page.evaluate(() => (location.hash = '#/'));
    await s.page.waitForSelector('[data-testid="card-PCI"] [data-testid="card-value"]');
    // 34 view: Huế's imported year, 70,50, second of the two provinces loaded that year (the invented PCI of the
    // provinces stepped aside for the user's own).
    expect((await s.page.locator('[data-testid="card-PCI"] .ix-year').textContent())?.trim()).toBe(String(year));
    expect(await cardText(s.page, 'PCI', 'card-value')).toBe(viNumber(70.5));
    expect(await cardText(s.page, 'PCI', 'card-rank')).toContain('Hạng 2/2');

    await s.page.evaluate(() => (location.hash = '#/indices/PAR?year=2025&unit=X999'));
    await s.page.waitForSelector('[data-testid="rank-table"] tr.own');
    const xss = s.page.locator('[data-testid="rank-table"] tbody tr', { hasText: 'onerror' });
    expect(await xss.locator('td').nth(1).textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await xss.getAttribute('class')).toContain('own'); // the unit the page is about
    expect(await s.page.inputValue('[data-testid="unit-select"]')).toBe('X999');
    expect(await s.page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(s.page, 'indices-par-imported');
    await s.context.close();
  });

  it('commune-level data across the 2025 merger: a new commune before 2025 is the mean of its former ones; the old view shows them', async () => {
    const s = await openApp(browser, '#/data');
    const dialogs = recordDialogs(s.page);
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid=import-input]', { state: 'attached' });
    expect(phuXuan).toHaveLength(6);
    const values = phuXuanValues;
    const written = writtenAs;
    await (await importThroughPage(s.page, 'chi_so_phuong_hue.csv', phuXuanCsv)).locator('[data-testid=import-commit]').click();
    await s.page.waitForSelector('[data-testid=import-done]');

    await s.page.evaluate(() => (location.hash = '#/indices/PAR?unit=H100&year=2024'));
    await s.page.waitForSelector('[data-testid="rank-table"] tr.own');
    expect(await s.page.isChecked('[data-testid="view-34"]')).toBe(true);
    expect(await s.page.locator('[data-testid="view-switch"] legend').textContent()).toBe('Xã, phường theo');
    const own = await s.page.locator('[data-testid="rank-table"] tr.own', { hasText: 'Phú Xuân' }).locator('td').allTextContents();
    expect(own[1]).toBe('Phường Phú Xuân'); // named as published in 2025
    expect(own[2]).toBe(viNumber(values.reduce((a, v) => a + v, 0) / 6));
    expect(own.at(-1)).toBe(`tính toán: ${phuXuan.join(' + ')}`); // the crosswalk's names
    expect(own[3]).toBe(`+${viNumber(1)}`); // against 2023, the mean of the same six one point lower
    expect(await s.page.locator('[data-testid="derived-note"]').textContent()).toContain('trung bình cộng (không trọng số) của các xã, phường cũ');
    // the former phường drawn beside it (the chart's table has a column each, 2024 = its own value) …
    const trend = s.page.locator('figure[data-chart="index-trend"] details.chart-table');
    const head = await trend.locator('th').allTextContents();
    const row24 = await trend.locator('tbody tr', { hasText: '2024' }).locator('td').allTextContents();
    for (const [i, name] of phuXuan.entries()) expect(row24[head.indexOf(`${name} (trước sáp nhập)`)]).toBe(viNumber(values[i]!));
    // … and a name the crosswalk does not know listed for review, as text
    await s.page.click('[data-testid="name-review"] summary');
    expect(await s.page.locator('[data-testid="name-review"]').textContent()).toContain('<img src=x onerror=alert(1)>');
    await screenshot(s.page, 'indices-communes-new');

    // The old view: the unit becomes a former phường, 2025 is gone, each former phường ranked with its own value.
    await s.page.click('[data-testid="view-63"]');
    await s.page.waitForFunction(() => location.hash.includes('view=63'));
    await s.page.waitForSelector('[data-testid="rank-table"] tr.own');
    expect(await s.page.locator('[data-testid="year-select"] option').allTextContents()).not.toContain('2025');
    expect(await s.page.inputValue('[data-testid="unit-select"]')).toMatch(/^H0[1-6]$/);
    const shown = new Map(
      (
        await s.page
          .locator('[data-testid="rank-table"] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))
      ).map((c) => [c[1]!.normalize('NFC'), c[2]]),
    );
    for (const [i, name] of phuXuan.entries()) expect(shown.get(written(name).normalize('NFC'))).toBe(viNumber(values[i]!));
    expect(await s.page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(s.page, 'indices-communes-old');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('a commune crosswalk the user loads replaces the shipped one for its province; a bad one names row and column and changes nothing', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid=import-input]', { state: 'attached' });
    await (await importThroughPage(s.page, 'chi_so_phuong_hue.csv', phuXuanCsv)).locator('[data-testid=import-commit]').click();
    await s.page.waitForSelector('[data-testid=import-done]');
    const catalogue = async () => (await s.page.locator('[data-testid=catalogue] tbody tr td.file-name').allTextContents()).sort();
    // The catalogue refreshes a moment after "import-done": wait until it lists the file just imported.
    const listed = (name: string) =>
      s.page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=catalogue] tbody tr td.file-name')].some((td) => td.textContent === n), name, {
        timeout: 60_000,
      });
    await listed('chi_so_phuong_hue.csv');
    const before = await catalogue();

    // JSON shaped like communes_2025.json, with a former province merged into another in its second entry: refused, row 3.
    const bad = await importThroughPage(
      s.page,
      'sap_nhap_sai.json',
      JSON.stringify([
        { columns: ['Huế', 'Phú Xuân', 'Phường Gia Hội, Phường Phú Hậu, Phường Tây Lộc'] },
        { columns: ['Quảng Nam', 'Kim Long', 'Phường Long Hồ, Phường Kim Long'] },
      ]),
    );
    await bad.locator('[data-testid=problem][data-severity=error]').first().waitFor();
    const problem = await bad.locator('[data-testid=problem][data-severity=error]').allTextContents();
    expect(problem.join(' ')).toContain('Cột Tỉnh, dòng 3: «Quảng Nam» không phải là một trong 34 tỉnh, thành phố');
    expect(await bad.locator('[data-testid=import-commit]').isDisabled()).toBe(true);
    await bad.locator('[data-testid=plan-remove]').click();
    expect(await catalogue()).toEqual(before);

    // Phú Xuân from three of its six former phường (say, as the province's own list had it).
    const formers = phuXuan.slice(0, 3);
    const good = await importThroughPage(s.page, 'sap_nhap_hue.json', JSON.stringify([{ columns: ['Huế', 'Phú Xuân', formers.join(', ')] }]));
    expect(await good.locator('[data-testid=kind-select]').inputValue()).toBe('commune_merger');
    await good.locator('[data-testid=import-commit]').click();
    await good.locator('[data-testid=import-done]').waitFor();
    await listed('sap_nhap_hue.json');
    expect(await catalogue()).toEqual([...before, 'sap_nhap_hue.json'].sort());

    const check = async () => {
      await s.page.waitForSelector('[data-testid="rank-table"] tr.own');
      const own = await s.page.locator('[data-testid="rank-table"] tr.own', { hasText: 'Phú Xuân' }).locator('td').allTextContents();
      expect(own[2]).toBe(viNumber(phuXuanValues.slice(0, 3).reduce((a, v) => a + v, 0) / 3));
      expect(own.at(-1)).toBe(`tính toán: ${formers.join(' + ')}`);
      expect(await s.page.locator('figure[data-chart="index-trend"] .chart-source').textContent()).toContain('Bảng sáp nhập xã đã nạp: sap_nhap_hue.json');
    };
    await s.page.evaluate(() => (location.hash = '#/indices/PAR?unit=H100&year=2024'));
    await check();
    // The loaded crosswalk is kept in the browser like any data set: the same after a reload.
    await s.page.reload();
    await check();
    await screenshot(s.page, 'indices-communes-loaded-crosswalk');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
