// The shipped demo files go through the same pipeline as the users' files: they must import without a problem.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import { pctOfMax, round2, scoreUnit, type ParCriterion, type ParScore } from '../domain/parScoring';
import { importFiles } from './importFiles';

const dir = path.resolve(__dirname, '../../data/demo');

describe('demo files', () => {
  it('every data/demo/*.csv imports with no error, references first', async () => {
    const db = await createNodeDb();
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
    const out = await importFiles(db, files, {}, { isDemo: true, source: 'Dữ liệu minh họa' });
    for (const o of out) if (!o.ok) throw new Error(`${o.plan?.file}: ${JSON.stringify(o.problems.slice(0, 5))}`);
    const kinds = out.map((o) => o.plan?.kind);
    expect(kinds.indexOf('par_criteria')).toBeLessThan(kinds.indexOf('par_scores'));
    const [d] = await db.query<{ n: number; demo: number }>(`SELECT CAST(count(*) AS INTEGER) AS n, CAST(count_if(is_demo) AS INTEGER) AS demo FROM datasets`);
    expect(d).toEqual({ n: files.length, demo: files.length });
  }, 180_000);
});

describe("the demo commune's PAR Index", () => {
  const read = (name: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const criteria = read('par_criteria.csv');
  const scores = read('par_scores.csv');
  const indices = read('commune_indices.csv').filter((r) => r['Chỉ số'] === 'PAR' && r['Mã đơn vị'] === 'X001');
  const units = read('units.csv');
  const years = [...new Set(criteria.map((c) => Number(c['Năm'])))].sort();
  const NA = 'không áp dụng';
  const score = (v: string) => (v === '' ? null : Number(v));

  it('covers 2022–2025 and about fifteen units of the commune, every one in the units list', () => {
    expect(years).toEqual([2022, 2023, 2024, 2025]);
    const listed = new Set(units.map((u) => u['Mã đơn vị']));
    for (const y of years) {
      const scored = new Set(scores.filter((r) => Number(r['Năm']) === y).map((r) => r['Mã đơn vị']!));
      expect(scored.size).toBeGreaterThanOrEqual(13);
      for (const u of scored) expect(listed.has(u), u).toBe(true);
    }
  });

  it("in commune_indices.csv is, for every year of the PAR files, X001's appraised index of par_scores.csv, and so are its lĩnh vực", () => {
    for (const year of years) {
      const tree: ParCriterion[] = criteria
        .filter((c) => Number(c['Năm']) === year)
        .map((c) => ({ code: c['Mã tiêu chí']!, name: c['Tiêu chí']!, max: Number(c['Điểm tối đa']) }));
      const rows: ParScore[] = scores
        .filter((r) => Number(r['Năm']) === year && r['Mã đơn vị'] === 'X001')
        .map((r) => {
          const applicable = r['Điểm tự đánh giá'] !== NA;
          return {
            criterion: r['Mã tiêu chí']!,
            applicable,
            self: applicable ? score(r['Điểm tự đánh giá']!) : null,
            appraised: applicable ? score(r['Điểm thẩm định']!) : null,
          };
        });
      const u = scoreUnit(tree, rows);
      expect(u.appraisedIndex, String(year)).not.toBeNull();
      const of = (component: string) => indices.find((r) => Number(r['Năm']) === year && r['Thành phần'] === component);
      expect(Number(of('')!['Điểm']), String(year)).toBe(u.appraisedIndex);
      for (const d of tree.filter((c) => !c.code.includes('.'))) {
        const node = u.byCode.get(d.code)!;
        const row = of(d.code)!;
        expect(pctOfMax(Number(row['Điểm']), Number(row['Điểm tối đa'])), `${year} lĩnh vực ${d.code}`).toBe(pctOfMax(node.appraised, node.applicableMax));
        expect(Number(row['Điểm']), `${year} lĩnh vực ${d.code}`).toBe(round2(node.appraised!));
      }
    }
  });
});
