import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from './types';

// Datasets as the app registers them: the fictional demo (source 'Dữ liệu minh họa'), the real PAPI shipped with it,
// and the user's own files.
async function dataset(db: Db, id: string, kind: string, demo: 'fiction' | 'papi' | 'user') {
  await db.query(`INSERT INTO datasets (id, kind, file_name, row_count, imported_at, is_demo, source) VALUES (?, ?, ?, 1, now(), ?, ?)`, [
    id,
    kind,
    `${id}.csv`,
    demo !== 'user',
    demo === 'fiction' ? 'Dữ liệu minh họa' : demo === 'papi' ? 'PAPI, UNDP & CECODES' : null,
  ]);
}
const answers = (db: Db, id: string, unit: string, n: number, answer: number) =>
  db.query(`INSERT INTO sipas_counts VALUES (?, 2026, 1, 1, ?, 'TC1.1', 1, ?, ?)`, [id, unit, answer, n]);
const indexRow = (db: Db, id: string, index: string, code: string, name: string, score: number) =>
  db.query(`INSERT INTO index_scores (dataset_id, index_code, year, unit_code, unit_name, component, score) VALUES (?, ?, 2024, ?, ?, '', ?)`, [
    id,
    index,
    code,
    name,
    score,
  ]);
const sum = async (db: Db, sql: string) => Number((await db.query<{ v: number }>(sql))[0]?.v ?? 0);

describe('shown: no figure pools fictional and real rows', () => {
  let db: Db;
  beforeEach(async () => {
    db = await createNodeDb();
    await db.exec(`INSERT INTO ref_provinces VALUES ('Hà Nội', 'P01', 'Hà Nội', 'Thành phố'), ('Hà Giang', 'P02', 'Tuyên Quang', 'Tỉnh')`);
  });

  it('counts the demo answers while they are alone, and only the user’s once theirs are loaded', async () => {
    await dataset(db, 'demo-s', 'sipas_responses', 'fiction');
    await answers(db, 'demo-s', 'X001', 90, 5);
    await answers(db, 'demo-s', 'X001', 10, 2);
    const rate = `SELECT 100.0 * sum(n) FILTER (WHERE answer >= 4) / sum(n) AS v FROM shown.sipas_counts`;
    expect(await sum(db, rate)).toBe(90);
    await dataset(db, 'mine', 'sipas_responses', 'user');
    await answers(db, 'mine', 'Y001', 3, 4);
    await answers(db, 'mine', 'Y001', 1, 1);
    expect(await sum(db, rate)).toBe(75); // 3 of 4, the demo's 100 answers left out
    expect(await sum(db, `SELECT sum(n) AS v FROM main.sipas_counts`)).toBe(104); // still stored, only not shown
    expect((await db.query(`SELECT id FROM shown.datasets ORDER BY id`)).map((r) => r.id)).toEqual(['mine']);
  });

  it('sets aside the demo PAR data and units for the user’s PAR scores; SIPAS answers stay', async () => {
    for (const [id, kind] of [
      ['d-crit', 'par_criteria'],
      ['d-units', 'units'],
      ['d-sipas', 'sipas_responses'],
    ] as const)
      await dataset(db, id, kind, 'fiction');
    await db.exec(`INSERT INTO units VALUES ('d-units', 'X001', 'Xã Hòa An', 'Xã', NULL)`);
    await answers(db, 'd-sipas', 'X001', 5, 5);
    await dataset(db, 'my-scores', 'par_scores', 'user');
    expect(await sum(db, `SELECT count(*) AS v FROM shown.units`)).toBe(0);
    expect(await sum(db, `SELECT sum(n) AS v FROM shown.sipas_counts`)).toBe(5);
  });

  it('sets index rows aside by index and level: the user’s PCI of provinces hides the invented PCI of provinces only', async () => {
    await dataset(db, 'demo-prov', 'index_scores', 'fiction');
    await dataset(db, 'demo-papi', 'index_scores', 'papi');
    await indexRow(db, 'demo-prov', 'PCI', 'P01', 'Hà Nội', 60);
    await indexRow(db, 'demo-prov', 'DTI', 'P01', 'Hà Nội', 0.5);
    await indexRow(db, 'demo-prov', 'PCI', 'X001', 'Xã Hòa An', 70); // a local row of the same index
    await indexRow(db, 'demo-papi', 'PAPI', 'P01', 'Hà Nội', 45);
    await dataset(db, 'my-pci', 'index_scores', 'user');
    await indexRow(db, 'my-pci', 'PCI', 'Hà Nội', 'Hà Nội', 66.5);
    const shown = await db.query(`SELECT index_code, unit_code, score FROM shown.index_scores ORDER BY index_code, unit_code`);
    expect(shown).toEqual([
      { index_code: 'DTI', unit_code: 'P01', score: 0.5 },
      { index_code: 'PAPI', unit_code: 'P01', score: 45 }, // real reference data stays
      { index_code: 'PCI', unit_code: 'Hà Nội', score: 66.5 },
      { index_code: 'PCI', unit_code: 'X001', score: 70 }, // another level
    ]);
  });

  it('sets the demo commune’s own PAR row aside when the user loads PAR scores', async () => {
    await dataset(db, 'demo-c', 'index_scores', 'fiction');
    await indexRow(db, 'demo-c', 'PAR', 'X001', 'Xã Hòa An', 81.5);
    await indexRow(db, 'demo-c', 'SIPAS', 'X001', 'Xã Hòa An', 88);
    expect(await sum(db, `SELECT count(*) AS v FROM shown.index_scores`)).toBe(2);
    await dataset(db, 'mine', 'par_scores', 'user');
    expect(await db.query(`SELECT index_code FROM shown.index_scores`)).toEqual([{ index_code: 'SIPAS' }]);
  });
});
