// A new user's own files meet the demo: no figure pools the fictional commune with the user's rows.
// Expected numbers are computed here from the files the test writes, with the app's pure domain modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, screenshot, waitReady } from './browser';
import fs from 'node:fs';
import path from 'node:path';
import { satisfiedNeeded, wilsonInterval } from '../../src/domain/sipas';
import { INDICES } from '../../src/domain/indices';

const refCsv = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../data/ref/provinces_63_to_34.csv'), 'utf8')
  .trim()
  .split(/\r?\n/);
const newUnitCol = refCsv[0]!.split(',').indexOf('new_unit_2025');
const PROVINCES_34 = [...new Set(refCsv.slice(1).map((l) => l.split(',')[newUnitCol]!))].sort((a, b) => a.localeCompare(b, 'vi'));

const ITEMS = ['TC1.1', 'TC2.1', 'TC3.1', 'TC4.1', 'TC5.1'];
const POINTS = ['Y001-BP1', 'Y001-BP2'];
const PERIODS = ['2026-Q2', '2026-Q3']; // quarters the demo has too

/** A deterministic SIPAS file: answers 1–5 from a small LCG, some blank. */
function sipasFile(): { text: string; perPeriod: Map<string, { k: number; n: number; forms: number }> } {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows = [['Kỳ', 'Mã đơn vị', 'Mã phiếu', ...ITEMS].join(',')];
  const perPeriod = new Map<string, { k: number; n: number; forms: number }>();
  let id = 0;
  for (const period of PERIODS)
    for (const point of POINTS)
      for (let f = 0; f < 40; f++) {
        const t = perPeriod.get(period) ?? { k: 0, n: 0, forms: 0 };
        const answers = ITEMS.map(() => {
          const r = next();
          if (r < 0.05) return '';
          const a = r < 0.12 ? 2 : r < 0.22 ? 3 : r < 0.6 ? 4 : 5;
          t.n++;
          if (a >= 4) t.k++;
          return String(a);
        });
        t.forms++;
        perPeriod.set(period, t);
        rows.push([period, point, `P${++id}`, ...answers].join(','));
      }
  return { text: rows.join('\r\n') + '\r\n', perPeriod };
}

const viNumber = (v: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
// SIPAS rates at the registry's decimals, as every view writes them.
const viPct = (v: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: INDICES.SIPAS.decimals, maximumFractionDigits: INDICES.SIPAS.decimals }).format(v) + '%';
const viInt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(v);
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function importAndCommit(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]');
  await page.setInputFiles('[data-testid=import-input]', files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-plan]:not([aria-busy="true"])').length >= n, files.length, {
    timeout: 60_000,
  });
  const commitAll = page.locator('[data-testid=import-commit-all]');
  if (files.length > 1 && (await commitAll.count())) await commitAll.click();
  else await page.click('[data-testid=import-commit]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-done]').length >= n, files.length, { timeout: 90_000 });
}

async function sipasFigures(page: Page, period: string) {
  await page.evaluate((p) => (window.location.hash = `#/sipas?level=quarter&period=${p}`), period);
  await page.waitForSelector(`[data-testid="sipas-headline"][data-period="${period}"]`);
  return {
    rate: (await page.textContent('[data-testid="headline-rate"]'))!.trim(),
    n: Number(await page.getAttribute('[data-testid="headline-n"]', 'data-n')),
    nText: (await page.textContent('[data-testid="headline-n"]'))!,
    ci: (await page.textContent('[data-testid="headline-ci"]'))!,
    needed: await page.getAttribute('[data-testid="headline-needed"]', 'data-count'),
    periods: await page.locator('[data-testid="period-select"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    points: await page.locator('[data-testid="sipas-units"] tbody tr td:first-child').allTextContents(),
    sources: await page.locator('.chart-source').allTextContents(),
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the user’s own files over the demo', () => {
  it('SIPAS: the figures are those of the user’s file alone, before and after "Khôi phục dữ liệu minh họa"', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    const file = sipasFile();
    await importAndCommit(s.page, [csv('sipas_2026.csv', file.text)]);

    const check = async () => {
      for (const period of PERIODS) {
        const t = file.perPeriod.get(period)!;
        const f = await sipasFigures(s.page, period);
        expect(f.n).toBe(t.n);
        expect(f.rate).toBe(viPct((100 * t.k) / t.n));
        expect(f.nText).toContain(`${viInt(t.n)} câu trả lời hợp lệ · ${viInt(t.forms)} phiếu`);
        const ci = wilsonInterval(t.k, t.n)!;
        expect(f.ci).toContain(viPct(ci.lo));
        expect(f.ci).toContain(viPct(ci.hi));
        expect(f.needed).toBe(String(satisfiedNeeded(t.k, t.n, 90) ?? ''));
        expect([...f.periods].filter(Boolean).sort()).toEqual(PERIODS);
        expect(f.points.map((p) => p.trim()).sort()).toEqual(POINTS);
        for (const src of f.sources) expect(src).toBe('Nguồn: sipas_2026.csv');
      }
    };
    await check();
    await screenshot(s.page, 'own-sipas');

    // The overview no longer speaks for the fictional commune: the data does not tell the user's commune, so it asks,
    // and the SIPAS card pools the user's answers of the latest year (2026) alone.
    await s.page.evaluate(() => (window.location.hash = '#/'));
    await s.page.waitForSelector('[data-testid="choose-units"]');
    expect(await s.page.textContent('.overview-units')).toContain('Xã: chưa chọn');
    const year = [...file.perPeriod.values()].reduce((a, t) => ({ k: a.k + t.k, n: a.n + t.n }), { k: 0, n: 0 });
    await s.page.waitForSelector('[data-testid="card-SIPAS"] [data-testid="card-value"]');
    const dec = INDICES.SIPAS.decimals;
    const cardValue = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: dec, maximumFractionDigits: dec }).format((100 * year.k) / year.n) + '%';
    expect((await s.page.textContent('[data-testid="card-SIPAS"] [data-testid="card-value"]'))!.trim()).toBe(cardValue);
    expect(await s.page.textContent('[data-testid="card-SIPAS"] [data-testid="card-source"]')).toBe('Nguồn: sipas_2026.csv');
    expect(await s.page.textContent('[data-testid="card-SIPAS"]')).not.toContain('Hòa An');
    await screenshot(s.page, 'own-sipas-overview');

    await s.page.evaluate(() => (window.location.hash = '#/data'));
    await s.page.click('[data-testid=restore-demo]');
    await s.page.waitForSelector('[data-testid=catalogue-note]');
    await check();
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('PCI of the 34 provinces: the PCI card and page show only the file’s values; PAPI is untouched', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="card-PAPI"] [data-testid="card-value"]');
    const papiBefore = await s.page.textContent('[data-testid="card-PAPI"] [data-testid="card-value"]');
    // The 34 provinces as the reference list the app ships names them, each with a score of its own.
    const provinces = PROVINCES_34;
    const scores = new Map(provinces.map((p, i) => [p, Math.round((55 + ((i * 37) % 170) / 10) * 100) / 100]));
    const text = [
      'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn',
      ...provinces.map((p) => `PCI,2025,${p},${p},,${scores.get(p)},100,,,VCCI`),
    ].join('\r\n');
    await importAndCommit(s.page, [csv('pci_2025.csv', text)]);

    // Cài đặt: the user's province, then the card is the file's value for it.
    await s.page.evaluate(() => (window.location.hash = '#/settings'));
    await s.page.selectOption('[data-testid="settings-province"]', 'Huế');
    await s.page.evaluate(() => (window.location.hash = '#/'));
    await s.page.waitForSelector('[data-testid="card-PCI"] [data-testid="card-value"]');
    expect((await s.page.textContent('[data-testid="card-PCI"] [data-testid="card-value"]'))!.trim()).toBe(viNumber(scores.get('Huế')!));
    expect(await s.page.textContent('[data-testid="card-PCI"] [data-testid="card-source"]')).toBe('Nguồn: VCCI');
    expect(await s.page.textContent('[data-testid="card-PAPI"] [data-testid="card-value"]')).toBe(papiBefore);

    await s.page.evaluate(() => (window.location.hash = '#/indices/PCI'));
    await s.page.waitForSelector('[data-testid="rank-table"]');
    const years = await s.page.locator('[data-testid="year-select"] option').allTextContents();
    expect(years).toEqual(['2025']); // the invented 2018–2024 series stepped aside with the invented 2025
    const shown = await s.page
      .locator('[data-testid="rank-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(shown).toHaveLength(34);
    const best = [...scores].sort((a, b) => b[1] - a[1])[0]!;
    expect(shown[0]!.slice(1, 3)).toEqual([best[0], viNumber(best[1])]);
    for (const row of shown) expect(row[2]).toBe(viNumber(scores.get(row[1]!)!));
    await screenshot(s.page, 'own-pci');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
