// Hostile files picked through the real file input on Dữ liệu (issue 14): each refused in Vietnamese, naming the row
// and column, nothing loaded. In the browser DuckDB takes ownership of the file's bytes: what the page says after a
// refusal is worked out from what DuckDB was given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, screenshot, waitReady } from './browser';
import { pseudoRandomBytes, zipStored } from '../../src/ingest/__fixtures__/make';

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openData(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/data'));
  await page.waitForSelector('[data-testid=catalogue]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=catalogue][aria-busy="true"]'));
}

const fileNames = async (page: Page) => (await page.locator('[data-testid=catalogue] tbody tr td.file-name').allTextContents()).sort();

async function pick(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.setInputFiles('[data-testid=import-input]', [file]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-plan]:not([aria-busy="true"])').length >= 1, null, { timeout: 90_000 });
}

describe('hostile CSV files', () => {
  it('an unclosed quote is named at the row and column where it opens; nothing is loaded', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await openData(s.page);
    const before = await fileNames(s.page);

    const text = ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', 'Y1,Xã A,Xã,', 'Y2,"Xã B,Xã,', 'Y3,Xã C,Xã,', 'Y4,Xã D,Xã,'].join('\r\n') + '\r\n';
    await pick(s.page, csvFile('ngoac_mo.csv', text));
    await s.page.waitForSelector('[data-testid=import-problems] [data-testid=problem]');
    const problems = await s.page.locator('[data-testid=problem][data-severity=error]').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('ngoac_mo.csv');
    expect(problems[0]).toContain('Cột Tên đơn vị, dòng 3: dấu ngoặc kép (") mở ô ở đây nhưng không được đóng');
    expect(problems[0]).not.toMatch(/ô trống|Error|_stg_|_ingest_/);
    expect(await s.page.isDisabled('[data-testid=import-commit]')).toBe(true);
    await screenshot(s.page, 'hostile-unclosed-quote');

    expect(await fileNames(s.page)).toEqual(before);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('mixed line endings (CRLF, CR, LF) load as the rows Excel shows', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await openData(s.page);
    await pick(s.page, csvFile('dong_lan.csv', 'Tên,Số\r\nAn,1\rBình,2\nChâu,3\r\n'));
    const plan = s.page.locator('[data-testid=import-plan]');
    expect(await s.page.locator('[data-testid=problem][data-severity=error]').count()).toBe(0);
    expect(await plan.textContent()).toContain('UTF-8');
    await s.page.click('[data-testid=import-commit]');
    await s.page.waitForSelector('[data-testid=import-done]');
    const row = s.page.locator('[data-testid=catalogue] tbody tr', { hasText: 'dong_lan.csv' });
    expect(await row.locator('td').allTextContents()).toContain('3'); // rows
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});

describe('hostile spreadsheets and binary files', () => {
  it('random bytes named .xlsx are "không phải tệp Excel", a PNG named .csv is not text; nothing lands, even after a reload', async () => {
    const s = await openApp(browser, '#/data');
    await waitReady(s.page);
    await openData(s.page);
    const before = await fileNames(s.page);

    const xlsx = 'bang_diem.xlsx';
    await pick(s.page, {
      name: xlsx,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(pseudoRandomBytes(20_000)),
    });
    await s.page.waitForSelector('[data-testid=problem][data-severity=error]');
    let problems = await s.page.locator('[data-testid=problem][data-severity=error]').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(xlsx);
    expect(problems[0]).toContain('Đây không phải tệp Excel');
    expect(await s.page.isDisabled('[data-testid=import-commit]')).toBe(true);
    await screenshot(s.page, 'hostile-random-xlsx');

    // A PNG picked as CSV: named as what it is, never DuckDB's English or internal table names.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(pseudoRandomBytes(4000, 5))]);
    await s.page.setInputFiles('[data-testid=import-input]', [{ name: 'anh.csv', mimeType: 'text/csv', buffer: png }]);
    const card = s.page.locator('[data-testid=import-plan]', { has: s.page.locator('h3', { hasText: 'anh.csv' }) });
    await card.locator('[data-testid=problem][data-severity=error]').waitFor({ timeout: 90_000 });
    problems = await card.locator('[data-testid=problem][data-severity=error]').allTextContents();
    expect(problems[0]).toContain('anh.csv');
    expect(problems[0]).toContain('Đây không phải tệp văn bản CSV mà là tệp PNG');
    expect(problems.join(' ')).not.toMatch(/Invalid Input|Error:|_stg_|_imp_/);

    // A workbook whose parts are missing: translated, and the library's own words kept in a closed fold.
    await s.page.setInputFiles('[data-testid=import-input]', [
      {
        name: 'hong.xlsx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(zipStored({ 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets>' })),
      },
    ]);
    const broken = s.page.locator('[data-testid=import-plan]', { has: s.page.locator('h3', { hasText: 'hong.xlsx' }) });
    await broken.locator('[data-testid=problem][data-severity=error], [data-testid=import-failed]').first().waitFor({ timeout: 90_000 });
    const text = (await broken.textContent()) ?? '';
    expect(text).toContain('hong.xlsx');
    expect(text).toMatch(/tệp Excel/);
    const fold = broken.locator('details.technical');
    if (await fold.count()) expect(await fold.first().getAttribute('open')).toBeNull(); // closed until asked

    expect(await fileNames(s.page)).toEqual(before);
    await s.page.reload();
    await waitReady(s.page);
    await openData(s.page);
    expect(await fileNames(s.page)).toEqual(before);
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
