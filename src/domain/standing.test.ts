import { describe, expect, it } from 'vitest';
import { INDICES } from './indices';
import {
  groupOf,
  groupsOnCard,
  parProvinceGroup,
  parProvinceGroupLabel,
  previousComparableYear,
  quartileOf,
  rankRows,
  standingsFor,
  summarise,
} from './standing';
import type { UnitTotal } from './trend';

const u = (year: number, name: string, total: number, complete = true): UnitTotal => ({
  year,
  unitCode: name,
  unitName: name,
  total,
  nPresent: complete ? 2 : 1,
  nExpected: 2,
});

const data = [
  u(2016, 'A', 30),
  u(2016, 'B', 35),
  u(2017, 'A', 36),
  u(2017, 'B', 34),
  u(2017, 'C', 33),
  u(2018, 'A', 44),
  u(2018, 'B', 46),
  u(2018, 'C', 45),
  u(2018, 'D', 1, false),
  u(2019, 'A', 45.5),
  u(2019, 'B', 45),
  u(2019, 'C', 47),
  u(2019, 'D', 43),
];

describe('rankRows', () => {
  it('ranks complete units, lists incomplete ones unranked, and gives Δ score and Δ rank vs the previous comparable year', () => {
    const rows = rankRows(data, 2019, INDICES.PAPI);
    expect(rows.map((r) => [r.unit.unitName, r.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
      ['D', 4],
    ]);
    const a = rows.find((r) => r.unit.unitName === 'A')!;
    expect(a.prevYear).toBe(2018);
    expect(a.deltaScore).toBeCloseTo(1.5, 10); // 45.5 − 44
    expect(a.deltaRank).toBe(1); // 3rd → 2nd
    const d = rows.find((r) => r.unit.unitName === 'D')!;
    expect(d.deltaScore).toBeNull(); // incomplete in 2018
    expect(rows.every((r) => r.of === 4)).toBe(true);
  });
  it('never compares across the PAPI 2018 break', () => {
    const rows = rankRows(data, 2018, INDICES.PAPI);
    expect(rows.find((r) => r.unit.unitName === 'A')!.deltaScore).toBeNull();
    const d = rows.find((r) => r.unit.unitName === 'D')!;
    expect([d.rank, d.complete]).toEqual([null, false]);
    expect(rows.filter((r) => r.rank !== null)).toHaveLength(3);
  });
});

describe('standingsFor and summarise', () => {
  it('gives the unit value, rank x/N, median and best per year', () => {
    const s = standingsFor(data, 'A', 2);
    expect(s.map((x) => [x.year, x.value, x.rank, x.of, x.median, x.best])).toEqual([
      [2016, 30, 2, 2, 32.5, 35],
      [2017, 36, 1, 3, 34, 36],
      [2018, 44, 3, 3, 45, 46],
      [2019, 45.5, 2, 4, 45.25, 47],
    ]);
  });
  it('summarises the latest year against the previous one in the same era', () => {
    const c = summarise(standingsFor(data, 'A', 2), INDICES.PAPI)!;
    expect(c.latest.year).toBe(2019);
    expect(c.previous!.year).toBe(2018);
    expect(c.comparable).toBe(true);
    expect(c.deltaValue).toBeCloseTo(1.5, 10);
    expect(c.deltaRank).toBe(1);
  });
  it('shows no change across a break, and null when the unit has no value', () => {
    const onlyTo2018 = data.filter((x) => x.year <= 2018);
    const c = summarise(standingsFor(onlyTo2018, 'A', 2), INDICES.PAPI)!;
    expect([c.comparable, c.deltaValue, c.deltaRank]).toEqual([false, null, null]);
    expect(summarise(standingsFor(data, 'Z', 2), INDICES.PAPI)).toBeNull();
  });
});

describe('groups', () => {
  it('quartiles by rank: 63 provinces give groups of 16/16/16/15', () => {
    const groups = Array.from({ length: 63 }, (_, i) => quartileOf(i + 1, 63));
    expect([1, 2, 3, 4].map((g) => groups.filter((x) => x === g).length)).toEqual([16, 16, 16, 15]);
    expect(quartileOf(null, 63)).toBeNull();
  });
  it('PAR: Nhóm A ≥ 90, Nhóm B 80 – < 90 for provinces, on the value as published (two decimals)', () => {
    expect([90, 89.99, 80, 79.99].map(parProvinceGroup)).toEqual(['A', 'B', 'B', 'below']);
    // 89.996 is published as 90.00: Nhóm A, as the PAR page's bands (bandOf) round too.
    expect([parProvinceGroup(89.996), parProvinceGroup(89.994)]).toEqual(['A', 'B']);
    expect(['A', 'B', 'below'].map((g) => parProvinceGroupLabel(g as 'A').params)).toEqual([{ min: 90 }, { min: 80, next: 90 }, { next: 80 }]);
  });
  it('groupOf: PAR’s groups or the province’s bands for the total, else quartiles from 4 ranked units', () => {
    const cut = { excellent: 90, good: 80, fair: 70, average: 50 };
    const s = (value: number | null, quartile: 1 | 2 | 3 | 4 | null = 1, of = 10) => ({ value, quartile, of });
    expect([95, 85, 75, 55, 49.99].map((v) => groupOf(INDICES.PAR, s(v), 'local', cut)!.key)).toEqual([
      'card.band.excellent',
      'card.band.good',
      'card.band.fair',
      'card.band.average',
      'card.band.weak',
    ]);
    expect(groupOf(INDICES.PAR, s(85), 'province', cut)).toEqual({ key: 'card.band.B', params: { min: 80, next: 90 }, tone: 'mid' });
    // A PAR component (not the total) is grouped by quartile, like any other index.
    expect(groupOf(INDICES.PAR, s(85, 4), 'province', cut, false)).toEqual({ key: 'card.quartile.4', tone: 'bad' });
    expect([
      groupOf(INDICES.PAPI, s(40, 1, 4), 'province', cut),
      groupOf(INDICES.PAPI, s(40, 1, 3), 'province', cut),
      groupOf(INDICES.PAPI, s(null), 'province', cut),
    ]).toEqual([{ key: 'card.quartile.1', tone: 'good' }, null, null]);
    expect(['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'].map((c) => groupsOnCard(INDICES[c as 'PAR']))).toEqual([true, false, true, false, false]);
  });
  it('previous comparable year skips the break', () => {
    expect(previousComparableYear([2016, 2017, 2018], 2018, INDICES.PAPI)).toBeNull();
    expect(previousComparableYear([2016, 2018, 2020], 2020, INDICES.PAPI)).toBe(2018);
  });
});
