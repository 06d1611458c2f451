import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, offOrigin, openApp, screenshot, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) => page.locator('[data-testid=catalogue] tbody tr');
const fileNames = async (page: Page) => (await page.locator('[data-testid=catalogue] tbody tr td.file-name').allTextContents()).sort();

async function openData(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=catalogue][aria-busy="true"]'));
}

describe('persistence and the catalogue', () => {
  it('loads the demo once, keeps it across reloads, stays empty after "Xóa tất cả", restores the demo on request', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await openData(s.page);
    const demo = await fileNames(s.page);
    expect(demo.length).toBeGreaterThan(0);
    expect(await s.page.locator('[data-testid=catalogue] .tag').count()).toBe(demo.length); // every demo dataset is tagged

    // A reload restores the same datasets from IndexedDB (the demo is not loaded again: first start is over).
    await s.page.reload();
    await waitReady(s.page);
    await openData(s.page);
    expect(await fileNames(s.page)).toEqual(demo);
    const stored = await s.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('chiso');
          req.onsuccess = () => {
            const c = req.result.transaction('datasets').objectStore('datasets').count();
            c.onsuccess = () => resolve(c.result);
            c.onerror = () => reject(c.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(stored).toBe(demo.length);

    // Clear all (confirmed) → empty, and still empty after a reload.
    s.page.once('dialog', (d) => void d.accept());
    await s.page.click('[data-testid=clear-all]');
    await s.page.waitForSelector('[data-testid=catalogue-empty]');
    expect(await rows(s.page).count()).toBe(0);
    await s.page.reload();
    await waitReady(s.page);
    await openData(s.page);
    expect(await s.page.locator('[data-testid=catalogue-empty]').count()).toBe(1);
    expect(await s.page.locator('[data-testid=demo-badge]').count()).toBe(0);
    await screenshot(s.page, 'data-empty');

    // Restore the demo → back, tagged, and it survives a reload.
    await s.page.click('[data-testid=restore-demo]');
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=catalogue] tbody tr').length === n, demo.length, { timeout: 60_000 });
    expect(await fileNames(s.page)).toEqual(demo);
    await s.page.reload();
    await waitReady(s.page);
    await openData(s.page);
    expect(await fileNames(s.page)).toEqual(demo);
    await screenshot(s.page, 'data-catalogue');

    expect(offOrigin(s.requests)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('deletes one dataset after confirmation, and the deletion survives a reload', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await openData(s.page);
    const before = await fileNames(s.page);
    const first = rows(s.page).first();
    const victim = (await first.locator('td.file-name').textContent())!;

    s.page.once('dialog', (d) => void d.dismiss()); // "Hủy": nothing happens
    await first.locator('[data-testid=dataset-delete]').click();
    expect(await fileNames(s.page)).toEqual(before);

    s.page.once('dialog', (d) => void d.accept());
    await first.locator('[data-testid=dataset-delete]').click();
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=catalogue] tbody tr').length === n, before.length - 1);
    const after = before.filter((f) => f !== victim);
    expect(await fileNames(s.page)).toEqual(after);
    await s.page.reload();
    await waitReady(s.page);
    await openData(s.page);
    expect(await fileNames(s.page)).toEqual(after);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
