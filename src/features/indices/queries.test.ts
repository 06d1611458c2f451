// The SQL against real DuckDB (Node build), with the real PAPI files and small hand-made fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import type { Db } from '../../db/types';
import { insertPapiWideSql, loadRefProvincesSql } from '../../ingest/formats/papiWide';
import { INDICES } from '../../domain/indices';
import { rankYear } from '../../domain/ranking';
import { componentTotals, peersAt } from './model';
import { fetchComponents, fetchCrosswalk, fetchSipasPooled, fetchSummedComponents, fetchUnitTotals } from './unitTotals';
import { run } from '../../sql/sql';
import { communesQuery } from './queries';

const root = path.resolve(import.meta.dirname, '../../..');
let db: Db;

beforeAll(async () => {
  db = await createNodeDb();
  await db.registerFile('ref.csv', fs.readFileSync(path.join(root, 'data/ref/provinces_63_to_34.csv')));
  await db.exec(loadRefProvincesSql('ref.csv'));
  for (const year of [2020, 2021, 2022]) {
    await db.registerFile(`p${year}.csv`, fs.readFileSync(path.join(root, `data/papi/csv/${year}.csv`)));
    await db.exec(insertPapiWideSql(`p${year}.csv`, 'papi', year));
  }
  // PAR: a published overall row and components (never summed); PCI overall rows only.
  await db.exec(`INSERT INTO index_scores VALUES
    ('d','PAR',2024,'X001','Xã Hòa An','',91.5,100,NULL,NULL,NULL),
    ('d','PAR',2024,'X001','Xã Hòa An','1',9,10,NULL,NULL,NULL),
    ('d','PAR',2024,'X001','Xã Hòa An','2',7,8,NULL,NULL,NULL),
    ('d','PAR',2024,'X002','Xã Tân Lập','',88.25,100,NULL,NULL,NULL),
    ('d','PCI',2022,'QN','Quảng Ninh','',72.95,100,1,63,NULL),
    ('d','PCI',2022,'QN','Quảng Ninh','A1',7.1,10,NULL,NULL,NULL)`);
  // PAPI by hand, 2030: parts anyone has = SC11, SC12, SC21. A has all (SC21 loaded twice: 3 and 5, averaged to 4);
  // B lacks SC12; C has a published overall row, which wins over its parts.
  await db.exec(`INSERT INTO index_scores VALUES
    ('h','PAPI',2030,'A','A','SC11',1,NULL,NULL,NULL,NULL), ('h','PAPI',2030,'A','A','SC12',2,NULL,NULL,NULL,NULL),
    ('h','PAPI',2030,'A','A','SC21',3,NULL,NULL,NULL,NULL), ('h2','PAPI',2030,'A','A','SC21',5,NULL,NULL,NULL,NULL),
    ('h','PAPI',2030,'B','B','SC11',4,NULL,NULL,NULL,NULL), ('h','PAPI',2030,'B','B','sc21 ',5,NULL,NULL,NULL,NULL),
    ('h','PAPI',2030,'C','C','',50,NULL,NULL,NULL,NULL), ('h','PAPI',2030,'C','C','SC11',1,NULL,NULL,NULL,NULL)`);
  await db.exec(`INSERT INTO units VALUES ('u','X001','Xã Hòa An','Xã',NULL), ('u','X001-TTPV','Trung tâm','Đơn vị trực thuộc','X001'),
    ('u','X001-DTN1','Điểm thôn Đông','Điểm phục vụ','X001-TTPV'), ('u','X009','Xã khác','Xã',NULL)`);
  // SIPAS: 2025 at two service points of X001 (4+5 = satisfied), one answer of another commune that must not count.
  await db.exec(`INSERT INTO sipas_counts VALUES
    ('s',2025,NULL,NULL,'X001-TTPV','TC1.1',1,5,6), ('s',2025,NULL,NULL,'X001-TTPV','TC1.1',1,3,2),
    ('s',2025,NULL,NULL,'X001-DTN1','TC2.1',2,4,1), ('s',2025,NULL,NULL,'X001-DTN1','TC2.1',2,1,1),
    ('s',2025,NULL,NULL,'X009','TC1.1',1,1,50)`);
}, 60_000);

describe('unit totals', () => {
  it('PAPI 2021: rank 1 is Thừa Thiên Huế with 48.06, the lowest ranked is Điện Biên with 37.22', async () => {
    const ranked = rankYear((await fetchUnitTotals(db, 'PAPI')).filter((u) => u.year === 2021));
    expect([ranked[0]!.unitName, ranked[0]!.total.toFixed(2), ranked[0]!.rank]).toEqual(['Thừa Thiên Huế', '48.06', 1]);
    const last = ranked.filter((r) => r.rank !== null).at(-1)!;
    expect([last.unitName, last.total.toFixed(2)]).toEqual(['Điện Biên', '37.22']);
  });
  it('PAPI 2022: Bắc Giang has 13 of 28 sub-dimensions and is not ranked', async () => {
    const ranked = rankYear((await fetchUnitTotals(db, 'PAPI')).filter((u) => u.year === 2022));
    const bg = ranked.find((r) => r.unitName === 'Bắc Giang')!;
    expect([bg.nPresent, bg.nExpected, bg.rank]).toEqual([13, 28, null]);
  });
  it('34-province view: Hải Phòng 2021 is the mean of former Hải Phòng and Hải Dương', async () => {
    const cw = await fetchCrosswalk(db);
    const totals = (await fetchUnitTotals(db, 'PAPI')).filter((u) => u.year === 2021);
    const hd = totals.find((u) => u.unitName === 'Hải Dương')!;
    const hp = totals.find((u) => u.unitName === 'Hải Phòng')!;
    expect(hd.nPresent).toBe(hd.nExpected);
    expect(hd.total).toBeCloseTo(42.69, 2); // domain.md: sums to 42.69 (published 42.68)
    const merged = peersAt(cw, totals, 'province', '34').find((u) => u.unitName === 'Hải Phòng')!;
    expect(merged.total).toBeCloseTo((hd.total + hp.total) / 2, 10);
    expect(merged.derived).toBe(true);
    const names = peersAt(cw, totals, 'province', '34').map((u) => u.unitName);
    expect(new Set(names).size, names.join()).toBe(34);
  });
  it('takes published overall rows as they are and never sums other indices’ components', async () => {
    const par = await fetchUnitTotals(db, 'PAR');
    expect(par.map((u) => [u.unitCode, u.total, u.nPresent, u.nExpected])).toEqual([
      ['X001', 91.5, 1, 1],
      ['X002', 88.25, 1, 1],
    ]);
    const pci = await fetchUnitTotals(db, 'PCI');
    expect(pci.map((u) => u.total)).toEqual([72.95]);
    expect(await fetchUnitTotals(db, 'DTI')).toEqual([]);
  });
});

describe('sum of parts (the registry: PAPI total and dimensions)', () => {
  const of2030 = <T extends { year: number; unit_code?: string; unitCode?: string }>(rows: T[]) => rows.filter((r) => r.year === 2030);
  it('a total sums the parts a unit has, complete with every part anyone has that year; a published row wins', async () => {
    const totals = of2030(await fetchUnitTotals(db, 'PAPI'));
    // A: 1 + 2 + (3 + 5) / 2 = 7, 3 of 3; B: 4 + 5 = 9, 2 of 3 (no SC12); C: its published 50.
    expect(totals.map((u) => [u.unitCode, u.total, u.nPresent, u.nExpected])).toEqual([
      ['A', 7, 3, 3],
      ['B', 9, 2, 3],
      ['C', 50, 1, 1],
    ]);
  });
  it('a dimension sums its sub-dimensions the same way: D1 = SC11 + SC12, D2 = SC21', async () => {
    const rows = of2030(await fetchSummedComponents(db, 'PAPI'));
    expect(rows.map((r) => [r.component, r.unit_code, r.total, r.n_present, r.n_expected])).toEqual([
      ['D1', 'A', 3, 2, 2],
      ['D1', 'B', 4, 1, 2],
      ['D1', 'C', 1, 1, 2],
      ['D2', 'A', 4, 1, 1],
      ['D2', 'B', 5, 1, 1],
    ]);
    expect(await fetchSummedComponents(db, 'PAR')).toEqual([]);
  });
  it('real PAPI 2021: D5 of Hà Nội is the sum of its three sub-dimensions (SC52 dropped for everyone)', async () => {
    const rows = await fetchComponents(db, 'PAPI');
    const { top, sub } = componentTotals(INDICES.PAPI, rows, await fetchSummedComponents(db, 'PAPI'));
    const d5 = top.get('D5')!.find((u) => u.year === 2021 && u.unitName === 'Hà Nội')!;
    const subs = rows.filter((r) => r.year === 2021 && r.unit_name === 'Hà Nội' && r.component.startsWith('SC5'));
    expect(subs).toHaveLength(3);
    expect(d5.total).toBeCloseTo(
      subs.reduce((a, r) => a + r.score, 0),
      10,
    );
    expect([d5.nPresent, d5.nExpected]).toEqual([3, 3]);
    expect([...top.keys()]).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8']);
    expect(sub.get('SC51')!.find((u) => u.year === 2021 && u.unitName === 'Hà Nội')!.total).toBe(subs.find((r) => r.component === 'SC51')!.score);
  });
  it('PAR fields as % of their maximum (9 of 10 → 90, 7 of 8 → 87.5), no parts', async () => {
    const { top, sub } = componentTotals(INDICES.PAR, await fetchComponents(db, 'PAR'), []);
    expect([top.get('1')![0]!.total, top.get('2')![0]!.total, sub.size]).toEqual([90, 87.5, 0]);
  });
});

describe('SIPAS pooled', () => {
  it('pools the commune and its service points: satisfied (4–5) ÷ valid answers', async () => {
    const rows = await fetchSipasPooled(db, 'X001');
    expect(rows).toHaveLength(1);
    expect([rows[0]!.year, rows[0]!.satisfied, rows[0]!.answers]).toEqual([2025, 7, 10]);
    expect(rows[0]!.rate).toBeCloseTo(70, 10);
    expect(rows[0]!.last_quarter).toBe(4); // answers named only the year: the whole year
  });
});

describe('communes', () => {
  it('lists communes from the catalogue and local units with scores, not provinces', async () => {
    const rows = await run<{ unit_code: string }>(db, communesQuery);
    expect(rows.map((r) => r.unit_code)).toEqual(['X001', 'X002', 'X009']);
  });
});
