// Issue 20, the dossier: evidence documents on criteria (a real PDF and PNG made here), readiness and explanations,
// and the package — downloaded, checked, imported into a cleared app with the same indices and byte-equal files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, JSHandle, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { launch, offOrigin, openApp, screenshot, screenshotOf, waitStored, type AppSession } from './browser';

const SLOW = 300_000;
let browser: Browser;
let s: AppSession;
let PDF: Buffer;
let PNG: Buffer;

beforeAll(async () => {
  browser = await launch();
  // A real PDF and a real PNG, made by the browser itself from a page with Vietnamese text.
  const maker = await browser.newPage();
  await maker.setContent(
    '<main style="font:24px serif;padding:2rem"><h1>UBND XÃ HÒA AN</h1><p>Kế hoạch số 12/KH-UBND ngày 15/3/2025 về cải cách hành chính</p></main>',
  );
  PDF = await maker.pdf({ format: 'A4' });
  await maker.setViewportSize({ width: 320, height: 200 });
  PNG = await maker.screenshot({ type: 'png' });
  await maker.close();
  s = await openApp(browser, '#/par');
  await waitStored(s.page);
}, SLOW);
afterAll(async () => {
  await s?.context.close();
  await browser?.close();
});

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.waitForSelector('main section');
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), null, { timeout: 60_000 });
}

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

// ---- The expected numbers, from the demo CSVs themselves ----
const DEMO = path.resolve(import.meta.dirname, '../../data/demo');
const readCsv = (name: string) =>
  Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DEMO, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const criteria = readCsv('par_criteria.csv').filter((c) => c['Năm'] === '2025');
const scores = readCsv('par_scores.csv').filter((r) => r['Năm'] === '2025');
const NA = 'không áp dụng';
const leafMax = new Map(
  criteria.filter((c) => !criteria.some((o) => o['Mã tiêu chí']!.startsWith(c['Mã tiêu chí'] + '.'))).map((c) => [c['Mã tiêu chí']!, Number(c['Điểm tối đa'])]),
);
const vi2 = (v: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
/** Self and appraised index of a unit in 2025 as the matrix shows them ("Chưa thẩm định xong (còn n tiêu chí)" when not finished). */
function indices(unit: string): [string, string] {
  let m = 0,
    a = 0,
    sf = 0,
    missing = 0;
  for (const r of scores) {
    if (r['Mã đơn vị'] !== unit || r['Điểm tự đánh giá'] === NA) continue;
    m += leafMax.get(r['Mã tiêu chí']!)!;
    sf += Number(r['Điểm tự đánh giá'] || 0);
    if (r['Điểm thẩm định'] === '') missing++;
    else a += Number(r['Điểm thẩm định']);
  }
  const idx = (p: number) => Math.round((p / m) * 100 * 100 + 1e-7) / 100;
  return [vi2(idx(sf)), missing ? `Chưa thẩm định xong (còn ${missing} tiêu chí)` : vi2(idx(a))];
}
const units = [...new Set(scores.map((r) => r['Mã đơn vị']!))];
const A = '1.1.1';
const B = '1.3'; // appraised (1.5) below the self-score (2): the unit owes an answer
expect(scores.find((r) => r['Mã đơn vị'] === 'X001' && r['Mã tiêu chí'] === B)).toMatchObject({ 'Điểm tự đánh giá': '2', 'Điểm thẩm định': '1.5' });

/** A DataTransfer holding one file, built in the page (what a drop from the file manager carries). */
function transfer(page: Page, name: string, mime: string, bytes: Buffer): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(
    ({ name, mime, b64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: mime }));
      return dt;
    },
    { name, mime, b64: bytes.toString('base64') },
  );
}

/** The bytes behind the preview's blob: URL (iframe or img). */
const previewBytes = (page: Page, selector: string) =>
  page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLIFrameElement | HTMLImageElement;
    return [...new Uint8Array(await (await fetch(el.src)).arrayBuffer())];
  }, selector);

const chips = (page: Page, code: string) => page.locator(`[data-testid="docs-${code}"] [data-testid=doc-chip]`);

describe('evidence documents', () => {
  it(
    'attaches a PDF (dropped on a row) to two criteria and a PNG (picked) to one; after a reload both are there, previewed, listed once',
    { timeout: SLOW },
    async () => {
      const page = s.page;
      await go(page, '#/par?year=2025&view=unit&unit=X001');
      await page.waitForSelector('[data-testid=par-tree]');
      expect(await page.textContent('[data-testid=unit-ready]')).toBe('Chưa sẵn sàng');

      // The PDF, dropped on the row of 1.1.1: the dialog opens with it; it also backs 1.3 (chosen in the dialog).
      await page.dispatchEvent(`tr[data-code="${A}"]`, 'drop', { dataTransfer: await transfer(page, 'Kế hoạch 12.pdf', 'application/pdf', PDF) });
      const dlg = page.locator('[data-testid=attach-dialog]');
      await dlg.locator('[data-testid=attach-file]').waitFor();
      await dlg.locator('[data-testid=attach-number]').fill('12/KH-UBND');
      await dlg.locator('[data-testid=attach-date]').fill('31/02/2025');
      expect(await dlg.locator('.field-error').textContent()).toBe('Ngày không hợp lệ: gõ ngày/tháng/năm, ví dụ 15/03/2025');
      expect(await dlg.locator('[data-testid=attach-save]').isDisabled()).toBe(true);
      await dlg.locator('[data-testid=attach-date]').fill('15/3/2025');
      await dlg.locator('[data-testid=attach-issuer]').fill('UBND xã Hòa An');
      await dlg.locator('[data-testid=attach-title]').fill('Kế hoạch cải cách hành chính năm 2025');
      await dlg.locator('[data-testid=attach-section]').fill('Mục II');
      await dlg.locator('details.also summary').first().click();
      await dlg.locator(`[data-testid=attach-criteria] input[data-code="${B}"]`).check();
      await screenshotOf(page, 'dossier-attach-dialog', '[data-testid=attach-dialog]');
      await dlg.locator('[data-testid=attach-save]').click();
      await dlg.waitFor({ state: 'detached' });

      // The PNG, through the row's button and the file picker, on 1.3.
      await page.click(`[data-testid="attach-${B}"]`);
      await dlg.locator('[data-testid=attach-input]').setInputFiles({ name: 'Ảnh niêm yết TTHC.png', mimeType: 'image/png', buffer: PNG });
      await dlg.locator('[data-testid=attach-file]').waitFor();
      await dlg.locator('[data-testid=attach-number]').fill('Ảnh 01');
      await dlg.locator('[data-testid=attach-save]').click();
      await dlg.waitFor({ state: 'detached' });

      // A file that is no PDF, image, Word or Excel is refused, by its bytes (an .exe named .pdf).
      await page.click(`[data-testid="attach-${A}"]`);
      await dlg
        .locator('[data-testid=attach-input]')
        .setInputFiles({ name: 'giấy tờ.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this program cannot be run') });
      expect(await dlg.locator('[data-testid=attach-refused]').textContent()).toContain('«giấy tờ.pdf»: không phải PDF, ảnh');
      expect(await dlg.locator('[data-testid=attach-save]').isDisabled()).toBe(true);
      await dlg.locator('[data-testid=attach-dialog-close]').click();

      // Reload: both there.
      await page.reload();
      await waitStored(page);
      await page.waitForSelector('[data-testid=par-tree]');
      await page.waitForFunction((code) => document.querySelectorAll(`[data-testid="docs-${code}"] [data-testid=doc-chip]`).length === 2, B);
      expect(await chips(page, A).allTextContents()).toEqual(['12/KH-UBND']);
      expect(await chips(page, B).allTextContents()).toEqual(['12/KH-UBND', 'Ảnh 01']);
      await screenshotOf(page, 'dossier-unit-top', '[data-testid=unit-readiness]');
      await screenshotOf(page, 'dossier-unit-rows', `tr[data-code="${B}"]`);

      // Previewed: the PDF in the browser's viewer, from the very bytes attached; the image drawn.
      await chips(page, A).first().click();
      const pv = page.locator('[data-testid=doc-preview]');
      await pv.locator('[data-testid=preview-pdf]').waitFor();
      expect(sha(Uint8Array.from(await previewBytes(page, '[data-testid=preview-pdf]')))).toBe(sha(PDF));
      expect(await pv.locator('[data-testid=preview-links]').textContent()).toBe(`Xã Hòa An: ${A} (Mục II), ${B}`);
      await page.waitForTimeout(1500); // the viewer draws the page (for the screenshot only)
      await screenshotOf(page, 'dossier-preview-pdf', '[data-testid=doc-preview]');
      await pv.locator('[data-testid=doc-preview-close]').click();
      await chips(page, B).nth(1).click();
      await pv.locator('[data-testid=preview-image]').waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid=preview-image]') as HTMLImageElement).naturalWidth > 0);
      const size = await pv.locator('[data-testid=preview-image]').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
      expect(size).toEqual([PNG.readUInt32BE(16), PNG.readUInt32BE(20)]); // the PNG's own IHDR width and height
      expect(sha(Uint8Array.from(await previewBytes(page, '[data-testid=preview-image]')))).toBe(sha(PNG));
      await screenshotOf(page, 'dossier-preview-png', '[data-testid=doc-preview]');
      await pv.locator('[data-testid=doc-preview-close]').click();

      // Listed once each, the PDF with both criteria: on the unit and for the commune.
      const unitList = page.locator('[data-testid=unit-doc-list] tbody tr');
      expect(await unitList.count()).toBe(2);
      expect(await unitList.first().locator('.link-list').textContent()).toBe(`${A} (Mục II), ${B}`);
      expect(await unitList.first().locator('td').nth(2).textContent()).toBe('15/03/2025');
      await go(page, '#/dossier?year=2025');
      const list = page.locator('[data-testid=commune-doc-list] tbody tr');
      await list.first().waitFor();
      expect(await list.count()).toBe(2);
      expect(await list.first().locator('.link-list').textContent()).toBe(`Xã Hòa An: ${A} (Mục II), ${B}`);
      expect(await page.locator('[data-testid=readiness-table] tr[data-unit="X001"] [data-testid=r-backed]').textContent()).toBe('2');
      await screenshot(page, 'dossier-page');
      // The browser's own PDF viewer loads its parts from chrome:// and its built-in extension: nothing leaves the machine.
      expect(offOrigin(s.requests).filter((u) => !/^chrome(-extension)?:\/\//.test(u))).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    },
  );
});

describe('the package', () => {
  it(
    'holds the workbook, criterion folders and the list; imported into a cleared app it restores the same indices and byte-equal files',
    { timeout: SLOW },
    async () => {
      const page = s.page;
      await go(page, '#/dossier?year=2025');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=dossier-package]')]);
      expect(download.suggestedFilename()).toBe('Ho_so_CCHC_Xã_Hòa_An_2025.zip');
      const zip = fs.readFileSync(await download.path());
      const files = unzipSync(new Uint8Array(zip));
      const names = Object.keys(files);
      expect(names).toContain('Chi_so_CCHC_2025.xlsx');
      expect(names).toContain('Danh_muc_tai_lieu_kiem_chung.xlsx');
      expect(names).toContain('Bao_cao_tu_danh_gia_CCHC_2025.docx');
      expect(sha(files[`${A}/Kế_hoạch_12.pdf`]!)).toBe(sha(PDF));
      expect(sha(files[`${B}/Kế_hoạch_12.pdf`]!)).toBe(sha(PDF));
      expect(sha(files[`${B}/Ảnh_niêm_yết_TTHC.png`]!)).toBe(sha(PNG));
      const XLSX = await import('@e965/xlsx');
      const list = XLSX.utils.sheet_to_json<Record<string, unknown>>(
        XLSX.read(files['Danh_muc_tai_lieu_kiem_chung.xlsx'], { type: 'array' }).Sheets['Danh mục TLKC']!,
      );
      expect(list.map((r) => [r['Mã tiêu chí'], r['Số, ký hiệu'], r['Tệp trong gói']])).toEqual([
        [A, '12/KH-UBND', `${A}/Kế_hoạch_12.pdf`],
        [B, '12/KH-UBND', `${B}/Kế_hoạch_12.pdf`],
        [B, 'Ảnh 01', `${B}/Ảnh_niêm_yết_TTHC.png`],
      ]);
      const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(files['Chi_so_CCHC_2025.xlsx'], { type: 'array' }).Sheets['Tổng hợp']!);
      expect(summary.map((r) => r['Mã đơn vị']).sort()).toEqual([...units].sort());

      // "Xóa tất cả": nothing left, documents included.
      await go(page, '#/data');
      page.once('dialog', (d) => void d.accept());
      await page.click('[data-testid=clear-all]');
      await page.waitForSelector('[data-testid=catalogue-empty]');
      await go(page, '#/dossier');
      await page.waitForSelector('[data-testid=dossier-empty]');

      // A package cut short is refused and changes nothing.
      await page.setInputFiles('[data-testid=dossier-import-input]', {
        name: 'hong.zip',
        mimeType: 'application/zip',
        buffer: zip.subarray(0, zip.length - 200),
      });
      await page.waitForSelector('[data-testid=dossier-note]');
      expect(await page.textContent('[data-testid=dossier-note]')).toBe(
        'Không nhập được gói «hong.zip»: tệp không đọc được như ZIP (hỏng hoặc tải chưa hết). Dữ liệu không thay đổi.',
      );
      expect(await page.locator('[data-testid=dossier-empty]').count()).toBe(1);

      // The package itself: confirmed, then the same indices for every unit, computed here from the demo files.
      page.once('dialog', (d) => {
        expect(d.message()).toContain('Gói hồ sơ năm 2025 của Xã Hòa An');
        void d.accept();
      });
      await page.setInputFiles('[data-testid=dossier-import-input]', { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: zip });
      await page.waitForSelector('[data-testid=dossier-note].note-ok', { timeout: 120_000 });
      expect(await page.textContent('[data-testid=dossier-note]')).toBe(`Đã nhập gói hồ sơ năm 2025: ${units.length} đơn vị, 2 tài liệu, 0 giải trình.`);
      await go(page, '#/par?year=2025');
      await page.waitForSelector('[data-testid=par-matrix]');
      const shown = Object.fromEntries(
        await page
          .locator('[data-testid=par-matrix] tbody tr[data-unit]')
          .evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute('data-unit'),
              [tr.querySelector('[data-testid=self-index]')?.textContent, tr.querySelector('[data-testid=appraised-index]')?.textContent],
            ]),
          ),
      );
      expect(shown).toEqual(Object.fromEntries(units.map((u) => [u, indices(u)])));

      // And the same files, byte for byte.
      await go(page, '#/par?year=2025&view=unit&unit=X001');
      await page.waitForSelector('[data-testid=par-tree]');
      expect(await chips(page, B).allTextContents()).toEqual(['12/KH-UBND', 'Ảnh 01']);
      await chips(page, B).first().click();
      await page.locator('[data-testid=preview-pdf]').waitFor();
      expect(sha(Uint8Array.from(await previewBytes(page, '[data-testid=preview-pdf]')))).toBe(sha(PDF));
      await page.click('[data-testid=doc-preview-close]');
      await chips(page, B).nth(1).click();
      await page.locator('[data-testid=preview-image]').waitFor();
      expect(sha(Uint8Array.from(await previewBytes(page, '[data-testid=preview-image]')))).toBe(sha(PNG));
      await page.click('[data-testid=doc-preview-close]');
      expect(s.consoleErrors).toEqual([]);
    },
  );
});

describe('readiness', () => {
  it('a self-score without evidence and without explanation blocks "ready"; an explanation or a document clears it', { timeout: SLOW }, async () => {
    const page = s.page;
    // A small year of the user's own: 1.1 scored 2, 1.2 scored 0, 2.1 scored 1 — 1.1 and 2.1 need evidence or an explanation.
    const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') });
    await go(page, '#/data');
    for (const file of [
      csv('tieu_chi_2031.csv', [
        'Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa',
        '2031,1,Chỉ đạo,5',
        '2031,1.1,Kế hoạch,2',
        '2031,1.2,Báo cáo,3',
        '2031,2,Thể chế,5',
        '2031,2.1,Văn bản,5',
      ]),
      csv('diem_2031.csv', [
        'Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú',
        '2031,T01,Tổ thử,1.1,2,,,',
        '2031,T01,Tổ thử,1.2,0,,,',
        '2031,T01,Tổ thử,2.1,1,,,',
      ]),
    ]) {
      await page.setInputFiles('[data-testid=import-input]', file);
      const card = page.locator('[data-testid=import-plan]', { hasText: file.name }).last();
      await card.locator('[data-testid=import-commit]:not([disabled])').click({ timeout: 120_000 });
      await card.locator('[data-testid=import-done]').waitFor({ timeout: 120_000 });
    }

    await go(page, '#/par?year=2031&view=unit&unit=T01&edit=1');
    await page.waitForSelector('[data-testid=par-tree]');
    const status = () => page.textContent('[data-testid=unit-ready]');
    const blocking = () => page.textContent('[data-testid=unit-blocking]');
    expect(await status()).toBe('Chưa sẵn sàng');
    expect(await blocking()).toBe('Còn thiếu (chưa chấm, hoặc chưa có tài liệu và chưa giải trình): 1.1, 2.1');
    expect(await page.locator('tr[data-code="1.2"] [data-testid=flag-explain]').count()).toBe(0); // a zero needs nothing

    // An explanation on 2.1 clears it; a document on 1.1 clears that one: ready.
    await page.fill('[data-testid="explain-2.1"]', 'Văn bản đang trình ký, sẽ bổ sung');
    await page.press('[data-testid="explain-2.1"]', 'Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=unit-blocking]')?.textContent?.endsWith(': 1.1'));
    await page.click('[data-testid="attach-1.1"]');
    await page.locator('[data-testid=attach-input]').setInputFiles({ name: 'ke_hoach.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('[data-testid=attach-save]:not([disabled])').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=unit-ready]')?.textContent === 'Sẵn sàng');
    expect(await page.locator('[data-testid=unit-blocking]').count()).toBe(0);
    expect(await page.textContent('[data-testid=unit-readiness-line]')).toBe('Đã tự chấm 3/3 tiêu chí · có tài liệu 1 · giải trình 1/1');
    await screenshotOf(page, 'dossier-ready', '.par-unit');

    // The explanation taken away: not ready again, until the document is attached to 2.1 too (an existing one, linked).
    await page.fill('[data-testid="explain-2.1"]', '');
    await page.press('[data-testid="explain-2.1"]', 'Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=unit-ready]')?.textContent === 'Chưa sẵn sàng');
    await page.click('[data-testid="attach-2.1"]');
    const existing = page.locator('[data-testid=attach-existing]');
    await existing.selectOption({ index: 1 });
    await page.click('[data-testid=attach-link]');
    await page.waitForFunction(() => document.querySelector('[data-testid=unit-ready]')?.textContent === 'Sẵn sàng');
    await go(page, '#/dossier?year=2031');
    expect(await page.textContent('[data-testid=readiness-table] tr[data-unit="T01"] [data-testid=r-status]')).toBe('Sẵn sàng');
    expect(await page.textContent('[data-testid=readiness-units]')).toBe('1/1 đơn vị sẵn sàng');
    expect(await page.locator('[data-testid=commune-doc-list] tbody tr').count()).toBe(1); // one document, two criteria

    // Its details corrected in the preview; then taken off 2.1: not ready again, and it still backs 1.1.
    await go(page, '#/par?year=2031&view=unit&unit=T01');
    await page.locator('[data-testid="docs-2.1"] [data-testid=doc-chip]').click();
    await page.fill('[data-testid=preview-number]', '07/KH-UBND');
    await page.fill('[data-testid=preview-date]', '2/1/2031');
    await page.click('[data-testid=preview-save]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=doc-chip]')].every((c) => c.textContent === '07/KH-UBND'));
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=preview-unlink]');
    await page.locator('[data-testid=doc-preview]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid=unit-ready]')?.textContent === 'Chưa sẵn sàng');
    expect(await chips(page, '1.1').allTextContents()).toEqual(['07/KH-UBND']);
    expect(await chips(page, '2.1').count()).toBe(0);
    expect(await page.textContent('[data-testid=unit-doc-list] tbody tr td:nth-child(3)')).toBe('02/01/2031');
    expect(s.consoleErrors).toEqual([]);
  });
});
