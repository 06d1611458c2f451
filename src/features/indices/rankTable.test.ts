import { describe, expect, it } from 'vitest';
import type { ViewTotal } from '../../domain/merger';
import type { RankRow } from '../../domain/standing';
import { fold, missingText, visibleRows } from './rankTable';

const row = (name: string, rank: number | null, total: number, extra: Partial<ViewTotal> = {}): RankRow<ViewTotal> => ({
  unit: {
    year: 2022,
    unitCode: name,
    unitName: name,
    total,
    nPresent: rank === null ? 13 : 28,
    nExpected: 28,
    derived: false,
    from: [],
    missing: rank === null ? [{ name, nPresent: 13, nExpected: 28 }] : [],
    ...extra,
  },
  complete: rank !== null,
  rank,
  of: 7,
  quartile: null,
  prevYear: null,
  prevScore: null,
  prevRank: null,
  deltaScore: rank === null ? null : rank - 3,
  deltaRank: null,
});
const rows = [
  row('Huế', 1, 48),
  row('Đà Nẵng', 2, 47),
  row('Hà Nội', 3, 46),
  row('Đắk Lắk', 4, 45),
  row('Cà Mau', 5, 44),
  row('An Giang', 6, 43),
  row('Bến Tre', 6, 43),
  row('Bắc Giang', null, 20),
];
const st = { sort: 'rank' as const, desc: false, search: '', show: 'all' as const };

describe('visibleRows', () => {
  it('keeps unranked units last whatever the sort', () => {
    expect(visibleRows(rows, st).at(-1)!.unit.unitName).toBe('Bắc Giang');
    expect(visibleRows(rows, { ...st, sort: 'score', desc: true }).at(-1)!.unit.unitName).toBe('Bắc Giang');
    expect(visibleRows(rows, { ...st, sort: 'score', desc: false })[0]!.unit.unitName).toBe('An Giang');
  });
  it('top 5 and bottom 5 are among ranked units; ties at the edge are kept', () => {
    expect(visibleRows(rows, { ...st, show: 'top5' }).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(visibleRows(rows, { ...st, show: 'bottom5' }).map((r) => r.unit.unitName)).toEqual(['Hà Nội', 'Đắk Lắk', 'Cà Mau', 'An Giang', 'Bến Tre']);
  });
  it('finds units without diacritics', () => {
    expect(fold('Đắk Lắk')).toBe('dak lak');
    expect(visibleRows(rows, { ...st, search: 'hue' }).map((r) => r.unit.unitName)).toEqual(['Huế']);
  });
});

describe('missingText', () => {
  it('says what is missing: 13/28 for a unit, each former province for a merged one', () => {
    expect(missingText(rows.at(-1)!, 'không có')).toBe('13/28');
    const merged = row('Bắc Ninh', null, NaN, {
      from: ['Bắc Giang', 'Bắc Ninh'],
      missing: [
        { name: 'Bắc Giang', nPresent: 13, nExpected: 28 },
        { name: 'Bắc Ninh', nPresent: 0, nExpected: 1 },
      ],
    });
    expect(missingText(merged, 'không có')).toBe('Bắc Giang 13/28; Bắc Ninh không có');
  });
});
