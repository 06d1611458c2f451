// `npm run snapshot`: writes what a first start of the app uses instead of waiting for the engine and the import:
// - data/demo-store.json: the demo as the store keeps it once imported (src/app/demoStore.ts), made here with
//   with the old data/demo-store.json withheld, so the app imports the demo files through the pipeline;
// - data/demo-view-snapshot.json: the demo's overview as the first visit draws it before DuckDB is ready
//   (src/app/viewSnapshot.ts).
// Run after changing the demo data, the import or what the overview queries: src/app/demoStore.test.ts and
// tests/e2e/snapshot.e2e.ts fail while a shipped file differs from what the app computes. Needs `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from './serve.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = path.join(root, 'data/demo-view-snapshot.json');
const storeOut = path.join(root, 'data/demo-store.json');

const server = createServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  await page.route('**/demo-store*.json', (route) => route.fulfill({ status: 404, body: 'withheld by npm run snapshot' }));
  await page.goto(`${base}?bench=1#/`);
  // The demo is stored, the views have answered again under its stored revision, and the snapshot's save has run.
  await page.waitForFunction(() => performance.getEntriesByName('chiso:demo-saved').length > 0 && window.__chiso !== undefined, null, { timeout: 180_000 });
  await page.waitForSelector('[data-chart]', { timeout: 60_000 });
  await page.waitForTimeout(2000);
  const text = await page.evaluate(() => window.__chiso.snapshot());
  if (!text) throw new Error('the app kept no snapshot');
  const { queries } = JSON.parse(text);
  if (!Object.keys(queries).length) throw new Error('the snapshot holds no query');
  fs.writeFileSync(out, `${text}\n`);
  // The store's records, as IndexedDB holds them; each table's gzip CSV as base64.
  const records = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('chiso');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('datasets', 'readonly').objectStore('datasets').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const b64 = (u8) => {
              let s = '';
              for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
              return btoa(s);
            };
            resolve(all.result.map((r) => ({ ...r, tables: r.tables.map((t) => ({ ...t, csv: b64(t.csv) })) })));
          };
        };
      }),
  );
  records.sort((a, b) => a.dataset.id.localeCompare(b.dataset.id));
  const storeText = JSON.stringify({ v: 1, records });
  fs.writeFileSync(storeOut, `${storeText}\n`);
  console.log(`wrote ${path.relative(root, storeOut)}: ${records.length} datasets, ${Buffer.byteLength(storeText)} bytes`);
  console.log(`wrote ${path.relative(root, out)}: ${Object.keys(queries).length} queries, ${Buffer.byteLength(text)} bytes`);
} finally {
  await browser.close();
  server.close();
}
