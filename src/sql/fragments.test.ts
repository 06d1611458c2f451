// Each named fragment on real DuckDB (Node build), against numbers worked out by hand from the rows below.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { SATISFIED_MIN } from '../domain/sipas';
import { answered, communeScope, inPeriod, isSatisfied, periodKey, satisfactionRate, satisfied } from './fragments';
import { run, sql } from './sql';

// (year, half, quarter, unit, answer, n)
const COUNTS: [number, number | null, number | null, string, number, number][] = [
  [2026, 1, 1, 'C', 5, 6],
  [2026, 1, 1, 'C', 4, 2],
  [2026, 1, 1, 'C', 3, 2], //     C 2026-Q1: 8 of 10
  [2026, null, 2, 'C-A', 4, 3],
  [2026, null, 2, 'C-A', 1, 1], //                     a quarter without its half: H1
  [2026, 2, null, 'C-A-1', 5, 4],
  [2026, 2, null, 'C-A-1', 2, 4], //                 a half without its quarter
  [2026, null, null, 'C-A-1-x', 5, 10], //                                           three levels down: not C's
  [2026, 1, 2, 'D', 2, 5],
  [2026, 1, 2, 'D-1', 5, 5], //                             another commune and its unit
  [2026, 2, 4, 'Z', 4, 1],
  [2026, 2, 4, 'Z', 3, 1], //                               a point the units list does not know
  [2025, 2, 3, 'C', 3, 7],
];

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  const rows = COUNTS.map(([y, h, q, u, a, n]) => `('d', ${y}, ${h ?? 'NULL'}, ${q ?? 'NULL'}, '${u}', 'TC1.1', 1, ${a}, ${n})`).join(', ');
  await db.exec(`INSERT INTO sipas_counts VALUES ${rows}`);
  await db.exec(`INSERT INTO units VALUES ('u', 'C', 'Xã C', 'Xã', NULL), ('u', 'C-A', 'Trung tâm', NULL, 'C'), ('u', 'C-A-1', 'Điểm 1', NULL, 'C-A'),
    ('u', 'C-A-1-x', 'Tổ', NULL, 'C-A-1'), ('u', 'D', 'Xã D', 'Xã', NULL), ('u', 'D-1', 'Điểm D', NULL, 'D')`);
}, 60_000);

type Tally = { k: number; n: number; rate: number | null };
const tally = async (where: ReturnType<typeof sql>) =>
  (await run<Tally>(db, sql`SELECT ${satisfied()} AS k, ${answered()} AS n, ${satisfactionRate()} AS rate FROM shown.sipas_counts WHERE ${where}`))[0]!;

describe('satisfied answers: answer ≥ SATISFIED_MIN, written once', () => {
  it('counts 4 and 5, not 3', async () => {
    expect(SATISFIED_MIN).toBe(4);
    const levels = await run<{ a: number; ok: boolean }>(db, sql`SELECT a, ${isSatisfied(sql.ident('a'))} AS ok FROM (VALUES (3), (4), (5)) t(a) ORDER BY a`);
    expect(levels).toEqual([
      { a: 3, ok: false },
      { a: 4, ok: true },
      { a: 5, ok: true },
    ]);
  });
  it('tallies satisfied ÷ valid answers, the rate in %', async () => {
    // C 2026-Q1: 6 + 2 satisfied of 10
    expect(await tally(sql`unit_code = ${'C'} AND year = ${2026}`)).toEqual({ k: 8, n: 10, rate: 80 });
    // C-A-1: 4 of 8; D: none of 5 (k is 0, not NULL)
    expect(await tally(sql`unit_code = ${'C-A-1'}`)).toEqual({ k: 4, n: 8, rate: 50 });
    expect(await tally(sql`unit_code = ${'D'}`)).toEqual({ k: 0, n: 5, rate: 0 });
    // no answers: nothing to divide
    expect(await tally(sql`false`)).toEqual({ k: 0, n: null, rate: null });
  });
});

describe('periods', () => {
  const keys = async (level: 'quarter' | 'half' | 'year') =>
    (await run<{ p: string | null }>(db, sql`SELECT DISTINCT ${periodKey(level)} AS p FROM shown.sipas_counts ORDER BY p NULLS LAST`)).map((r) => r.p);
  it('names each row’s period; a row too coarse for a level has none', async () => {
    expect(await keys('quarter')).toEqual(['2025-Q3', '2026-Q1', '2026-Q2', '2026-Q4', null]);
    expect(await keys('half')).toEqual(['2025-H2', '2026-H1', '2026-H2', null]);
    expect(await keys('year')).toEqual(['2025', '2026']);
  });
  it('filters one period: a half takes its quarters and half-less quarters; a bad key nothing', async () => {
    const q2 = await tally(inPeriod('2026-Q2')); // C-A 3 of 4, D 0 of 5, D-1 5 of 5
    expect(q2).toMatchObject({ k: 8, n: 14 });
    expect(q2.rate).toBeCloseTo((8 / 14) * 100, 12);
    // 2026-H1: C 8/10 + C-A 3/4 + D 0/5 + D-1 5/5 = 16 of 24
    expect(await tally(inPeriod('2026-H1'))).toMatchObject({ k: 16, n: 24 });
    // 2026-H2: C-A-1 4/8 + Z 1/2 = 5 of 10
    expect(await tally(inPeriod('2026-H2'))).toEqual({ k: 5, n: 10, rate: 50 });
    // 2026: everything but 2025: 16 + 5 + C-A-1-x 10 = 31 of 44
    expect(await tally(inPeriod('2026'))).toMatchObject({ k: 31, n: 44 });
    expect(await tally(inPeriod('Q1/2026'))).toEqual({ k: 0, n: null, rate: null });
    expect(inPeriod('2026-Q1')).toMatchObject({ text: 'year = ? AND quarter = ?', params: [2026, 1] });
  });
});

describe('the commune’s scope', () => {
  const units = async (commune: string | null) =>
    (await run<{ unit_code: string }>(db, sql`SELECT DISTINCT unit_code FROM shown.sipas_counts WHERE ${communeScope(commune)} ORDER BY unit_code`)).map(
      (r) => r.unit_code,
    );
  it('is the commune, its units two levels down and points the units list does not know', async () => {
    expect(await units('C')).toEqual(['C', 'C-A', 'C-A-1', 'Z']);
    expect(await units('D')).toEqual(['D', 'D-1', 'Z']);
  });
  it('is every row for no commune', async () => {
    expect(await units(null)).toEqual(['C', 'C-A', 'C-A-1', 'C-A-1-x', 'D', 'D-1', 'Z']);
  });
  it('pools C’s 2026: 8/10 + 3/4 + 4/8 + Z 1/2 = 16 of 24', async () => {
    expect(await tally(sql`year = ${2026} AND ${communeScope('C')}`)).toMatchObject({ k: 16, n: 24 });
    expect((await tally(sql`year = ${2026} AND ${communeScope('C')}`)).rate).toBeCloseTo((16 / 24) * 100, 12);
  });
});
