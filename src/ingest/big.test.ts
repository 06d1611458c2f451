// Opt-in (INGEST_BIG=1): a 1,000,000-row SIPAS file through importFile next to a plain read_csv of the same bytes.
// The real benchmark runs in Chromium (npm run bench); this one finds regressions in the SQL path without a browser.
import { expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import { importFile } from './importFile';
// @ts-expect-error plain JS module shared with the benchmark
import { sipasLines } from '../../bench/fixtures.mjs';

it.skipIf(!process.env.INGEST_BIG)('1M SIPAS rows import, validation included, within 1.5 × read_csv', async () => {
  const db = await createNodeDb();
  const rows = Number(process.env.INGEST_BIG_ROWS ?? 1_000_000);
  const bytes = new TextEncoder().encode([...(sipasLines(rows) as Iterable<string>)].join('\n') + '\n');
  await db.registerFile('b.csv', bytes);
  let t = performance.now();
  await db.exec(`CREATE OR REPLACE TABLE bench AS SELECT * FROM read_csv('b.csv')`);
  const base = performance.now() - t;
  await db.exec('DROP TABLE bench');
  t = performance.now();
  const o = await importFile(db, { name: 'sipas.csv', bytes });
  const app = performance.now() - t;
  console.log(`read_csv ${Math.round(base)} ms, importFile ${Math.round(app)} ms, ratio ${(app / base).toFixed(2)}`);
  expect(o.ok).toBe(true);
  const [r] = await db.query<{ n: number }>(`SELECT CAST(sum(respondents) AS INTEGER) AS n FROM sipas_sheets`);
  expect(r?.n).toBe(rows);
  expect(app / base).toBeLessThan(1.5);
}, 600_000);
