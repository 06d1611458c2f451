// The shipped demo files go through the same pipeline as the users' files: they must import without a problem.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import { importFiles } from './importFiles';

const dir = path.resolve(__dirname, '../../data/demo');

describe('demo files', () => {
  it('every data/demo/*.csv imports with no error, references first', async () => {
    const db = await createNodeDb();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
    const out = await importFiles(db, files, {}, { isDemo: true, source: 'Dữ liệu minh họa' });
    for (const o of out) if (!o.ok) throw new Error(`${o.plan?.file}: ${JSON.stringify(o.problems.slice(0, 5))}`);
    const kinds = out.map((o) => o.plan?.kind);
    expect(kinds.indexOf('par_criteria')).toBeLessThan(kinds.indexOf('par_scores'));
    const [d] = await db.query<{ n: number; demo: number }>(`SELECT CAST(count(*) AS INTEGER) AS n, CAST(count_if(is_demo) AS INTEGER) AS demo FROM datasets`);
    expect(d).toEqual({ n: files.length, demo: files.length });
  }, 180_000);
});
