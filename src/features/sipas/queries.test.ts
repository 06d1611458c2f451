import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import type { Db } from '../../db/types';
import { fetchItems, fetchItemsByPeriod, fetchPeriods, fetchTrend, fetchUnitElements, fetchUnitElementsByPeriod, fetchUnits } from './queries';

// Hand-made counts: (year, half, quarter, unit, item, element, answer, n)
const COUNTS: [number, number | null, number | null, string, string, number, number, number][] = [
  [2026, 1, 1, 'A', 'TC1.1', 1, 5, 10],
  [2026, 1, 1, 'A', 'TC1.1', 1, 4, 5],
  [2026, 1, 1, 'A', 'TC1.1', 1, 3, 3],
  [2026, 1, 1, 'A', 'TC1.1', 1, 1, 2],
  [2026, 1, 1, 'A', 'TC2.1', 2, 4, 8],
  [2026, 1, 1, 'A', 'TC2.1', 2, 2, 2],
  [2026, 1, 2, 'B', 'TC1.1', 1, 5, 9],
  [2026, 1, 2, 'B', 'TC1.1', 1, 3, 1],
  [2026, 2, 3, 'A', 'TC1.1', 1, 4, 3],
  [2026, 2, 3, 'A', 'TC1.1', 1, 2, 1],
  [2026, 1, null, 'B', 'TC1.1', 1, 5, 4], //        a response that names only the half
  [2026, null, null, 'A', 'TC2.1', 2, 3, 6], //     … only the year
  [2026, null, 2, 'A', 'TC2.1', 2, 5, 1], //        a quarter whose half was left empty: still H1
  [2025, 2, 4, 'A', 'TC1.1', 1, 4, 7],
  [2025, 2, 4, 'A', 'TC1.1', 1, 3, 3],
];

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  const values = COUNTS.map(([y, h, q, u, i, e, a, n]) => `('d1', ${y}, ${h ?? 'NULL'}, ${q ?? 'NULL'}, '${u}', '${i}', ${e}, ${a}, ${n})`).join(',');
  await db.exec(`INSERT INTO sipas_counts VALUES ${values}`);
  await db.exec(`INSERT INTO sipas_sheets VALUES ('d1', 2026, 1, 1, 'A', 25), ('d1', 2026, 1, 2, 'B', 12), ('d1', 2025, 2, 4, 'A', 10)`);
  await db.exec(`INSERT INTO sipas_items VALUES ('i1', 'TC1.1', 1, 'Nơi ngồi chờ có đủ chỗ ngồi'), ('i1', 'TC2.1', 2, '')`);
  await db.exec(`INSERT INTO units VALUES ('u1', 'A', 'Trung tâm <b>Phục vụ</b>', NULL, NULL)`);
}, 30_000);

const byKey = <T extends { period: string; element: number }>(rows: T[]) => Object.fromEntries(rows.map((r) => [`${r.period}/${r.element}`, r]));

describe('SIPAS queries', () => {
  it('lists the periods of each level, rows too coarse for a level left out', async () => {
    expect((await fetchPeriods(db, 'quarter')).sort()).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect((await fetchPeriods(db, 'half')).sort()).toEqual(['2025-H2', '2026-H1', '2026-H2']);
    expect((await fetchPeriods(db, 'year')).sort()).toEqual(['2025', '2026']);
  });

  it('rolls quarters, half-only rows and half-less quarters up into the half', async () => {
    const { rows, respondents } = await fetchTrend(db, 'half', null);
    const t = byKey(rows);
    // element 1 in 2026-H1: A Q1 (15 of 20) + B Q2 (9 of 10) + B half-only (4 of 4)
    expect(t['2026-H1/1']).toMatchObject({ k: 28, n: 34 });
    // element 2 in 2026-H1: A Q1 (8 of 10) + A Q2 without half (1 of 1)
    expect(t['2026-H1/2']).toMatchObject({ k: 9, n: 11 });
    expect(t['2026-H2/1']).toMatchObject({ k: 3, n: 4 });
    expect(respondents.get('2026-H1')).toBe(37);
  });

  it('counts a year from every row of that year', async () => {
    const t = byKey((await fetchTrend(db, 'year', null)).rows);
    expect(t['2026/2']).toMatchObject({ k: 9, n: 17 }); // 8/10 + 1/1 + 0/6
    expect(t['2026/1']).toMatchObject({ k: 31, n: 38 });
  });

  it('filters by unit', async () => {
    const { rows } = await fetchTrend(db, 'quarter', 'B');
    expect(rows.map((r) => [r.period, r.element, r.k, r.n])).toEqual([['2026-Q2', 1, 9, 10]]);
  });

  it('gives each item its answers 1–5 and its text, or none when sipas_items has none', async () => {
    const items = await fetchItems(db, '2026-Q1', 'A');
    expect(items).toEqual([
      { period: '2026-Q1', item_code: 'TC1.1', element: 1, a1: 2, a2: 0, a3: 3, a4: 5, a5: 10, text: 'Nơi ngồi chờ có đủ chỗ ngồi' },
      { period: '2026-Q1', item_code: 'TC2.1', element: 2, a1: 0, a2: 2, a3: 0, a4: 8, a5: 0, text: null },
    ]);
  });

  it('gives every unit its elements and respondents for the period, named from units', async () => {
    const { rows, respondents } = await fetchUnitElements(db, '2026-H1');
    expect(rows.map((r) => [r.unit_code, r.element, r.k, r.n])).toEqual([
      ['A', 1, 15, 20],
      ['A', 2, 9, 11],
      ['B', 1, 13, 14],
    ]);
    expect(respondents.get('A')).toBe(25);
    expect(respondents.get('B')).toBe(12);
    expect(await fetchUnits(db)).toEqual([
      { unit_code: 'A', unit_name: 'Trung tâm <b>Phục vụ</b>' },
      { unit_code: 'B', unit_name: null },
    ]);
  });

  it('gives every period of a level at once the same figures as asking for each period', async () => {
    for (const level of ['quarter', 'half', 'year'] as const) {
      const periods = await fetchPeriods(db, level);
      const items = await fetchItemsByPeriod(db, level, 'A');
      const units = await fetchUnitElementsByPeriod(db, level);
      for (const p of periods) {
        expect(items.get(p) ?? []).toEqual(await fetchItems(db, p, 'A'));
        expect(units.get(p) ?? { rows: [], respondents: new Map() }).toEqual(await fetchUnitElements(db, p));
      }
    }
    // 2026-H1 takes the half-only row and the half-less quarter: B answered TC1.1 in Q2 and in H1 alone.
    expect((await fetchItemsByPeriod(db, 'half', 'B')).get('2026-H1')?.map((r) => [r.item_code, r.a3, r.a5])).toEqual([['TC1.1', 1, 13]]);
  });

  it('matches nothing for a period that does not parse', async () => {
    expect(await fetchItems(db, 'Q5/2026', null)).toEqual([]);
  });
});
