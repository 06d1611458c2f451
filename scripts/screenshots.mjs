// `node scripts/screenshots.mjs [out-dir]`: serves dist/ and saves a screenshot of every page with the demo data,
// for reviewing the app as a user sees it (and the README's picture: `--readme` writes docs/screenshot-overview.png).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from './serve.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const readme = args.includes('--readme');
const out = path.resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/chiso-shots');
const VIEWS = [
  ['overview', '#/'],
  ['indices-papi', '#/indices/PAPI'],
  ['indices-par', '#/indices/PAR'],
  ['indices-pci', '#/indices/PCI'],
  ['par', '#/par'],
  ['par-unit', '#/par?unit=X001-VP'],
  ['par-across', '#/par?view=across'],
  ['sipas', '#/sipas'],
  ['data', '#/data'],
  ['settings', '#/settings'],
  ['report', '#/report'],
];

const server = createServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
fs.mkdirSync(out, { recursive: true });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  for (const [name, hash] of VIEWS) {
    await page.goto(base + hash);
    await page.waitForSelector('main section', { timeout: 120_000 });
    await page.waitForTimeout(2500); // charts and lazy queries settle
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: !readme || name !== 'overview' });
    if (readme && name === 'overview') await page.screenshot({ path: path.join(root, 'docs/screenshot-overview.png') });
    console.log(name);
  }
  await page.keyboard.press('f');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(out, 'present.png') });
  await context.close();
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}`);
