import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, offOrigin, openApp, screenshot, waitReady } from './browser';
import { medianOf, papiTotals } from './papi';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const viNumber = (v: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

describe('the app shell', () => {
  it('draws the PAPI overview from the real data, offline, with no request off origin', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-chart="papi-trend"] canvas');
    expect(await s.page.locator('[data-testid="demo-badge"]').count()).toBe(1);
    expect(await s.page.locator('[data-testid="demo-badge"]').textContent()).toBe('Dữ liệu minh họa');
    expect(await s.page.textContent('[data-chart="papi-trend"]')).toContain('PAPI, UNDP & CECODES');

    const complete2021 = papiTotals(2021)
      .filter((t) => t.complete)
      .map((t) => t.total);
    const row = s.page.locator('[data-chart="papi-trend"] tbody tr', { hasText: '2021' });
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe(viNumber(medianOf(complete2021)));
    expect(cells[2]).toBe(viNumber(Math.max(...complete2021)));
    expect(cells[2]).toBe('48,06');
    expect(cells[3]).toBe('Thừa Thiên Huế');
    await screenshot(s.page, 'overview');

    expect(offOrigin(s.requests)).toEqual([]);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('is served with its security headers, and nothing on the page breaks the policy (a chart tooltip included)', async () => {
    const res = await fetch(baseUrl());
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/connect-src[^;]*data:/);
    expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const s = await openApp(browser, '#/', { recordCspViolations: true });
    await waitReady(s.page);
    // The page carries the same policy for hosts that send no header (less frame-ancestors, which a <meta> cannot set).
    const meta = await s.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(meta).toBe(csp.replace("; frame-ancestors 'none'", ''));
    const chart = s.page.locator('[data-chart="papi-trend"] canvas').first();
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    await s.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await s.page.waitForSelector('[data-chart="papi-trend"] div[style*="z-index"]', { state: 'attached' });
    expect(await s.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('switches the labels to English and back, and remembers the choice', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    expect(await s.page.textContent('header nav')).toContain('Tổng quan');
    await s.page.click('button.lang');
    expect(await s.page.textContent('header nav')).toContain('Overview');
    expect(await s.page.textContent('[data-testid="demo-badge"]')).toBe('Demo data');
    await s.page.reload();
    await waitReady(s.page);
    expect(await s.page.textContent('header nav')).toContain('Overview');
    await s.page.click('button.lang');
    expect(await s.page.textContent('header nav')).toContain('Tổng quan');
    await s.context.close();
  });

  it('loads every route with no console error and no request off origin', async () => {
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    for (const hash of ['#/indices/PAPI', '#/indices/PCI', '#/indices/DTI', '#/indices/PAR', '#/indices/SIPAS', '#/par', '#/sipas', '#/data', '#/']) {
      await s.page.evaluate((h) => (window.location.hash = h), hash);
      await s.page.waitForSelector('main section h1');
      await s.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    }
    expect(await s.page.locator('[data-chart="papi-trend"]').count()).toBe(1); // back on the overview
    expect(s.consoleErrors).toEqual([]);
    expect(offOrigin(s.requests)).toEqual([]);
    await s.context.close();
  });

  it('restores a view from its link', async () => {
    // view=63: the former provinces as published (the default view is the 34 provinces from 1/7/2025).
    const s = await openApp(browser, '#/indices/PAPI?year=2021&view=63');
    await waitReady(s.page);
    await s.page.waitForSelector('[data-testid="rank-table"]');
    expect(await s.page.inputValue('[data-testid="year-select"]')).toBe('2021');
    const first = await s.page.locator('[data-testid="rank-table"] tbody tr').first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['1', 'Thừa Thiên Huế', '48,06']);
    // changing the year writes it to the URL
    await s.page.selectOption('[data-testid="year-select"]', '2022');
    expect(s.page.url()).toContain('year=2022');
    const bacGiang = await s.page.locator('[data-testid="rank-table"] tbody tr', { hasText: 'Bắc Giang' }).locator('td').allTextContents();
    expect(bacGiang[0]).toBe('–');
    expect(bacGiang[2]).toContain('13/28');
    await s.context.close();
  });
});
