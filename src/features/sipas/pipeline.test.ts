// The page's SQL on what the real import pipeline loads from a responses file, checked against a tally made here.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import type { Db } from '../../db/types';
import { importFile } from '../../ingest/importFile';
import { fetchItems, fetchTrend, fetchUnitElements } from './queries';
import { itemFigures, periodFigures, unitFigures } from './model';

// Two points, quarters and a date; numbers, labels with and without diacritics, blanks, a form left blank.
const CSV = [
  'Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC2.1,TC5.1',
  '2026-Q1,P1,a1,5,4,',
  '2026-Q1,P1,a2,Hài lòng,Bình thường,Rất không hài lòng',
  '2026-Q1,P1,a3,3,rat hai long,',
  '2026-Q1,P1,a4,,,',
  '15/02/2026,P2,b1,2,5,5',
  '2026-Q2,P2,b2,4,4,khong hai long',
].join('\n');

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  const out = await importFile(db, { name: 'phieu.csv', bytes: new TextEncoder().encode(CSV) });
  if (!out.ok) throw new Error(JSON.stringify(out.problems.slice(0, 3)));
}, 60_000);

describe('SIPAS figures from an imported responses file', () => {
  it('counts 2026-Q1 (the dated form included) per element, pooled, with forms', async () => {
    const { rows, respondents } = await fetchTrend(db, 'quarter', null);
    const [q1, q2] = periodFigures(rows, respondents, () => 90);
    // Q1 answers: P1 → 5,4 | 4,3,1 | 3,5 ; P2 (15/02) → 2,5,5 : 10 valid, 6 satisfied; 5 forms (one all blank)
    expect(q1!.period).toBe('2026-Q1');
    expect(q1!.pooled).toMatchObject({ k: 6, n: 10, few: true });
    expect(q1!.respondents).toBe(5);
    // elements: 1 → 5,4,3,2 = 2/4; 2 → 4,3,5,5 = 3/4; 5 → 1,5 = 1/2 → mean (50 + 75 + 50) / 3
    expect(q1!.mean.elements).toBe(3);
    expect(q1!.mean.rate).toBeCloseTo(175 / 3, 10);
    // 6 + x ≥ 0.9 (10 + x) ⇔ x ≥ 30
    expect(q1!.pooled.needed).toBe(30);
    expect(q2!.pooled).toMatchObject({ k: 2, n: 3 });
  });

  it('rolls the quarter and the date up into the half-year', async () => {
    const { rows, respondents } = await fetchTrend(db, 'half', null);
    const [h1] = periodFigures(rows, respondents, () => 90);
    expect(h1!.pooled).toMatchObject({ k: 8, n: 13 });
    expect(h1!.respondents).toBe(6);
  });

  it('gives items and points for the quarter', async () => {
    const items = itemFigures(await fetchItems(db, '2026-Q1', null), 90);
    expect(items.find((i) => i.code === 'TC1.1')!.answers).toEqual([0, 1, 1, 1, 1]);
    const u = await fetchUnitElements(db, '2026-Q1');
    const units = unitFigures(u.rows, u.respondents, new Map(), 90);
    expect(units.map((x) => [x.code, x.pooled.k, x.pooled.n, x.respondents])).toEqual([
      ['P1', 4, 7, 4],
      ['P2', 2, 3, 1],
    ]);
  });
});
