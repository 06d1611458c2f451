// Meetings: the presentation deck, the one-page A4 report, chart pictures and shareable links, in Chromium.
// One app session is shared by the tests below (in order): pins made in the first are used by the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { baseUrl, launch, openApp, screenshot, waitReady, type AppSession } from './browser';

let browser: Browser;
let s: AppSession;
beforeAll(async () => {
  browser = await launch();
  s = await openApp(browser, '#/');
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
  await waitReady(s.page);
});
afterAll(async () => {
  await s?.context.close();
  await browser?.close();
});

const SLOW = { timeout: 180_000 };

async function go(page: Page, hash: string) {
  await page.goto(baseUrl() + hash);
  await waitReady(page);
}

async function pinChart(page: Page, chartId: string) {
  const pin = page.locator(`[data-chart="${chartId}"] [data-testid="chart-pin"]`);
  await pin.waitFor({ timeout: 60_000 });
  if ((await pin.getAttribute('aria-pressed')) !== 'true') await pin.click();
  expect(await pin.getAttribute('aria-pressed')).toBe('true');
}

/** Moves the mouse, as a user does before clicking: the deck's controls hide while the mouse rests. */
async function wake(page: Page) {
  await page.mouse.move(200 + Math.random() * 50, 200);
  await page.mouse.move(260, 220);
}

const position = (page: Page) => page.textContent('[data-testid="deck-position"]');
const storedPins = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('chiso.pins') ?? '[]') as { chartId: string }[]).map((p) => p.chartId));

/** The deck fills the window with nothing to scroll, at the current viewport. */
async function assertFits(page: Page) {
  const boxes = await page.evaluate(() =>
    ['html', '[data-testid="deck"]', '[data-testid="deck-slide"]', '.slide-cards > div'].map((sel) => {
      const el = document.querySelector(sel) as HTMLElement | null;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return {
        sel,
        sw: el.scrollWidth,
        sh: el.scrollHeight,
        cw: el.clientWidth,
        ch: el.clientHeight,
        bottom: r.bottom,
        right: r.right,
        vw: innerWidth,
        vh: innerHeight,
      };
    }),
  );
  for (const b of boxes) {
    if (!b) continue;
    expect(b.sw, b.sel).toBeLessThanOrEqual(b.cw + 1);
    expect(b.sh, b.sel).toBeLessThanOrEqual(b.ch + 1);
    expect(b.bottom, b.sel).toBeLessThanOrEqual(b.vh + 1);
    expect(b.right, b.sel).toBeLessThanOrEqual(b.vw + 1);
  }
}

// ---- PDF reading, enough for Chromium's output: pages, and the text through each font's ToUnicode map. ----
function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function pdfText(bytes: Buffer): string {
  const src = bytes.toString('latin1');
  const objs = new Map<string, { dict: string; data: string | null }>();
  for (const m of src.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objs.set(m[1]!, { dict: body, data: null });
      continue;
    }
    let start = at + 6;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    let raw: Buffer | null = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    if (/\/FlateDecode/.test(body.slice(0, at))) {
      try {
        raw = zlib.inflateSync(raw);
      } catch {
        raw = null;
      }
    }
    objs.set(m[1]!, { dict: body.slice(0, at), data: raw ? raw.toString('latin1') : null });
  }
  const utf16 = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  const cmap = (text: string) => {
    const map = new Map<number, string>();
    for (const b of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const p of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(p[1]!, 16), utf16(p[2]!));
    for (const b of bfRanges(text)) for (let c = b.lo; c <= b.hi; c++) map.set(c, b.at(c));
    return map;
  };
  function bfRanges(text: string) {
    const out: { lo: number; hi: number; at(c: number): string }[] = [];
    for (const b of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
        const lo = parseInt(r[1]!, 16);
        const hi = parseInt(r[2]!, 16);
        const dst = r[3]!;
        if (dst.startsWith('[')) {
          const list = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => utf16(d[1]!));
          out.push({ lo, hi, at: (c) => list[c - lo] ?? '' });
        } else {
          const base = utf16(dst.slice(1, -1));
          out.push({ lo, hi, at: (c) => base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + c - lo) });
        }
      }
    }
    return out;
  }
  const fonts = new Map<string, Map<number, string>>();
  for (const [num, o] of objs) {
    const tu = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    if (/\/Type\s*\/Font/.test(o.dict) && tu) fonts.set(num, cmap(objs.get(tu[1]!)?.data ?? ''));
  }
  const byName = new Map<string, Map<number, string>>();
  for (const o of objs.values()) for (const r of o.dict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) if (fonts.has(r[2]!)) byName.set(r[1]!, fonts.get(r[2]!)!);
  let text = '';
  for (const o of objs.values()) {
    if (!o.data || !/\bTf\b/.test(o.data)) continue;
    let font = new Map<number, string>();
    for (const t of o.data.matchAll(/\/([\w.+-]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      if (t[1]) {
        font = byName.get(t[1]) ?? new Map();
        continue;
      }
      const hexes = t[2] !== undefined ? [t[2]] : [...t[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!);
      for (const h of hexes) for (let i = 0; i + 4 <= h.length; i += 4) text += font.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
      text += ' ';
    }
  }
  return text;
}
const squash = (t: string) => t.replace(/\s+/g, '');

describe('presentation mode', () => {
  it('pins charts, opens the deck with F after a reload, steps with the keyboard, fits 16:9 and 4:3, leaves with Esc', SLOW, async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await pinChart(page, 'papi-trend');
    await go(page, '#/sipas');
    await pinChart(page, 'sipas-trend');
    expect(await storedPins(page)).toEqual(['papi-trend', 'sipas-trend']);

    // F while typing in a field types an "f"; it does not open the deck
    await go(page, '#/indices/PAPI?year=2021');
    await page.fill('[data-testid="rank-search"]', '');
    await page.focus('[data-testid="rank-search"]');
    await page.keyboard.press('f');
    expect(await page.inputValue('[data-testid="rank-search"]')).toBe('f');
    expect(await page.locator('[data-testid="deck"]').count()).toBe(0);
    await page.fill('[data-testid="rank-search"]', '');

    await go(page, '#/sipas');
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('[data-chart="sipas-trend"]');
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('f');
    await page.waitForSelector('[data-testid="deck"]');
    // Nothing arranged: the giao ban sequence (8 slides, sipas-trend of #/sipas among them), then the PAPI chart pinned.
    expect(await position(page)).toBe('Trang 1/9');
    expect(await page.getAttribute('[data-testid="deck-slide"]', 'data-kind')).toBe('overview');
    await page.waitForSelector('[data-testid="deck-slide"] [data-testid="card-PAPI"] [data-testid="card-value"]');
    await page.waitForTimeout(600);
    await assertFits(page);
    await screenshot(page, 'present-deck-overview-1920');

    await page.keyboard.press('End');
    expect(await position(page)).toBe('Trang 9/9');
    await page.waitForSelector('[data-slide-chart="papi-trend"] canvas');
    const sizes = await page.$eval('[data-slide-chart="papi-trend"]', (el) => ({
      title: parseFloat(getComputedStyle(el.querySelector('.slide-title')!).fontSize),
      foot: parseFloat(getComputedStyle(el.querySelector('.slide-foot')!).fontSize),
    }));
    expect(sizes.title).toBeGreaterThanOrEqual(28);
    expect(sizes.foot).toBeGreaterThanOrEqual(18);
    const foot = await page.textContent('[data-slide-chart="papi-trend"] .slide-foot');
    expect(foot).toContain('PAPI, UNDP & CECODES');
    expect(foot).toContain('Dữ liệu minh họa');
    await page.waitForTimeout(600);
    await assertFits(page);
    await screenshot(page, 'present-deck-papi-1920');

    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    expect(await position(page)).toBe('Trang 4/9');
    await page.waitForSelector('[data-slide-chart="sipas-trend"] canvas');
    expect((await page.textContent('[data-slide-chart="sipas-trend"] [data-testid="slide-context"]'))?.trim()).not.toBe('');
    await page.waitForTimeout(600);
    await assertFits(page);
    await screenshot(page, 'present-deck-sipas-1920');

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(800);
    await assertFits(page);
    await screenshot(page, 'present-deck-sipas-1024');

    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight'); // the last slide stays
    expect(await position(page)).toBe('Trang 9/9');
    await page.keyboard.press('ArrowLeft');
    expect(await position(page)).toBe('Trang 8/9');
    await page.keyboard.press('Home');
    expect(await position(page)).toBe('Trang 1/9');
    await page.waitForSelector('[data-testid="deck-slide"] [data-testid="card-PAPI"] [data-testid="card-value"]');
    await page.waitForTimeout(600);
    await assertFits(page);
    await screenshot(page, 'present-deck-overview-1024');

    // the cursor and the controls hide when the mouse rests, and come back when it moves
    await page.waitForFunction(() => document.querySelector('[data-testid="deck"]')!.classList.contains('idle'), null, { timeout: 6000 });
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    expect(await page.$eval('[data-testid="deck"]', (e) => e.classList.contains('idle'))).toBe(false);

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#/sipas');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('reorders the pinned slides by drag and drop, and the order survives a reload', SLOW, async () => {
    const { page } = s;
    await page.click('[data-testid="present-open"]');
    await page.waitForSelector('[data-testid="deck"]');
    await wake(page);
    await page.click('[data-testid="deck-order-open"]');
    const items = page.locator('[data-testid="deck-order-item"]');
    // The giao ban sequence, then the chart pinned (the sipas-trend pin of #/sipas is the sequence's own SIPAS slide).
    expect(await items.count()).toBe(9);
    expect(await items.nth(3).textContent()).toContain('hài lòng');
    expect(await items.nth(8).textContent()).toContain('PAPI');
    await items.nth(8).dragTo(items.nth(1));
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('chiso.pins') ?? '[]')[1]?.chartId === 'papi-trend');
    expect(await storedPins(page)).toEqual([
      'deck-overview',
      'papi-trend',
      'deck-targets',
      'par-lost',
      'sipas-trend',
      'index-trend',
      'index-trend',
      'index-trend',
      'deck-overdue',
    ]);
    await screenshot(page, 'present-deck-order');
    await page.click('[data-testid="deck-order-close"]');

    await page.reload();
    await page.waitForSelector('[data-testid="deck"]', { timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-slide-chart="papi-trend"] canvas');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-slide-plan="targets"]');
    await wake(page);
    await page.click('[data-testid="deck-exit"]');
    await page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
  });

  it('goes full screen from the button, and leaving full screen (Esc in the browser) leaves the deck', SLOW, async () => {
    const { page } = s;
    await go(page, '#/sipas');
    await page.click('[data-testid="present-open"]');
    await page.waitForSelector('[data-testid="deck"]');
    await page.waitForFunction(() => !!document.fullscreenElement);
    await page.evaluate(() => document.exitFullscreen()); // what the browser does on Esc in full screen
    await page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#/sipas');
  });

  it('advances by itself at the interval in the link, looping to the first slide', SLOW, async () => {
    const { page } = s;
    await page.evaluate(() => (window.location.hash = '#/present?auto=2&slide=8'));
    await page.waitForSelector('[data-testid="deck"]');
    expect(await position(page)).toBe('Trang 8/9');
    await page.waitForFunction(() => document.querySelector('[data-testid="deck-position"]')?.textContent === 'Trang 9/9', null, { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="deck-position"]')?.textContent === 'Trang 1/9', null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
  });
});

describe('the one-page report', () => {
  it('prints on ONE A4 page with the unit, the period, the SIPAS rate and the two pinned charts', SLOW, async () => {
    const { page } = s;
    await go(page, '#/sipas');
    await page.click('[data-testid="report-open"]');
    await page.waitForSelector('[data-testid="report-sheet"]');
    await page.waitForSelector('[data-testid="report-sheet"] [data-testid="headline-rate"]');
    await page.waitForSelector('[data-testid="report-sheet"] [data-testid="par-band-counts"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="report-chart-img"]').length === 2 &&
        [...document.querySelectorAll<HTMLImageElement>('[data-testid="report-chart-img"]')].every((i) => i.complete && i.naturalWidth > 0),
    );
    const imgs = await page.$$eval('[data-testid="report-chart-img"]', (list) => list.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(imgs).toEqual([960, 960]); // re-drawn at the print size (480 CSS px) at 2×, not a copy of a screen canvas
    const unit = (await page.textContent('[data-testid="report-unit"]'))!.trim();
    expect(unit).toBe('Xã Hòa An');
    const rate = (await page.textContent('[data-testid="report-sheet"] [data-testid="headline-rate"]'))!.trim();
    expect(rate).toMatch(/^\d{1,3},\d\d%$/);
    const period = (await page.textContent('[data-testid="report-period-label"]'))!.trim();
    expect(period).toMatch(/^Quý [1-4]\/20\d\d$/);
    await screenshot(page, 'present-report');

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
    fs.writeFileSync(new URL('./artifacts/present-report.pdf', import.meta.url), pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(1.5); // A4: 210 × 297 mm in points
    expect(Math.abs(Number(box![2]) - 841.89)).toBeLessThan(1.5);
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(unit));
    expect(text).toContain(squash(rate));
    expect(text).toContain(squash(period));
    expect(text).toContain(squash('Tổng điểm PAPI cấp tỉnh'));
    expect(text).not.toContain(squash('Trình chiếu')); // no navigation on paper

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'present-report-print');
    await page.emulateMedia({ media: 'screen' });

    // the user chooses the charts: none in the second place leaves one, and the choice is in the link
    await page.selectOption('[data-testid="report-c2"]', '-');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-chart-img"]').length === 1);
    expect(decodeURIComponent(page.url())).toContain('c2=-');
    // The first chart of the deck as arranged above (the built-in slides are not charts to print).
    expect(await page.locator('[data-report-chart]').getAttribute('data-report-chart')).toBe('papi-trend');
  });
});

describe('chart pictures', () => {
  it('downloads a PNG at 2× that decodes and is not blank', SLOW, async () => {
    const { page } = s;
    await go(page, '#/');
    await page.waitForSelector('[data-chart="papi-trend"] canvas');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="papi-trend"] [data-testid="chart-png"]')]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decode it in the browser and look at the pixels.
    const img = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/png' }); // no fetch(data:): the CSP forbids it
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      let ink = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) ink++;
        if (i % 64 === 0) colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      }
      return { w: bmp.width, h: bmp.height, ink: ink / (d.length / 4), colours: colours.size, corner: [d[0], d[1], d[2], d[3]] };
    }, bytes.toString('base64'));
    expect(img.w).toBe(2 * 1200); // drawn 1200 px wide at pixel ratio 2
    expect(img.h).toBeGreaterThan(2 * 560); // chart area 560 px plus title and source lines, at 2×
    expect(img.corner).toEqual([255, 255, 255, 255]); // white background, not transparent
    expect(img.ink).toBeGreaterThan(0.01); // lines, axes and text drawn
    expect(img.colours).toBeGreaterThan(8);
  });
});

describe('shareable links', () => {
  it('copies the link of the current view; opened in a new page it restores the same view', SLOW, async () => {
    const { page } = s;
    await go(page, '#/indices/PAPI?year=2021');
    await page.waitForSelector('[data-testid="rank-table"]');
    await page.selectOption('[data-testid="year-select"]', '2019');
    await page.waitForFunction(() => window.location.hash.includes('year=2019'));
    const firstRow = await page.locator('[data-testid="rank-table"] tbody tr').first().locator('td').allTextContents();
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="copy-link-done"]');
    expect(await page.textContent('[data-testid="copy-link-done"]')).toContain('Đã sao chép liên kết');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const other = await s.context.newPage();
    await other.goto(copied);
    await waitReady(other);
    await other.waitForSelector('[data-testid="rank-table"]');
    expect(await other.inputValue('[data-testid="year-select"]')).toBe('2019');
    expect(await other.locator('[data-testid="rank-table"] tbody tr').first().locator('td').allTextContents()).toEqual(firstRow);
    await other.close();
  });

  it('shows the link selected in a field when the clipboard refuses', SLOW, async () => {
    const { page } = s;
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    });
    await page.click('[data-testid="copy-link"]');
    const field = page.locator('[data-testid="copy-link-field"]');
    await field.waitFor();
    expect(await field.inputValue()).toBe(page.url());
    const sel = await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length, document.activeElement === el]);
    expect(sel).toEqual([0, sel[2], sel[2], true]);
    await screenshot(page, 'present-copy-fallback');
    expect(s.consoleErrors).toEqual([]);
  });
});
