import { it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { importFile } from './importFile';
// @ts-expect-error plain JS helper
import { sipasLines } from '../../bench/fixtures.mjs';
it('1M', async () => {
  const raw = await createNodeDb();
  const log: [number, string][] = [];
  const db: Db = { ...raw, async query(sql, p) { const t = performance.now(); const r = await raw.query(sql, p); log.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 90)]); return r as never; },
    async exec(sql) { const t = performance.now(); await raw.exec(sql); log.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 90)]); } };
  const bytes = new TextEncoder().encode([...(sipasLines(Number(process.env.N ?? 1000000)) as Iterable<string>)].join('\n') + '\n');
  for (let k = 0; k < 2; k++) {
    await raw.registerFile('b.csv', bytes);
    let t = performance.now();
    await raw.exec(`CREATE OR REPLACE TABLE bench AS SELECT * FROM read_csv('b.csv')`);
    const base = performance.now() - t;
    await raw.exec('DROP TABLE bench');
    log.length = 0;
    t = performance.now();
    const o = await importFile(db, { name: `s${k}.csv`, bytes }, { onDuplicate: 'replace' });
    const app = performance.now() - t;
    console.log('ok', o.ok, 'read_csv', Math.round(base), 'import', Math.round(app), 'ratio', (app / base).toFixed(2));
    log.sort((a, b) => b[0] - a[0]);
    console.log(log.slice(0, 8).map(([t, s]) => `${Math.round(t)} ${s}`).join('\n'));
  }
}, 600000);
