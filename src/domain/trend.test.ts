import { describe, expect, it } from 'vitest';
import { summariseByYear, type UnitTotal } from './trend';

const u = (year: number, unitName: string, total: number, nPresent = 3, nExpected = 3): UnitTotal => ({
  year,
  unitCode: unitName,
  unitName,
  total,
  nPresent,
  nExpected,
});

describe('summariseByYear', () => {
  it('takes the median and best of complete units only', () => {
    const s = summariseByYear([u(2021, 'A', 40), u(2021, 'B', 44), u(2021, 'C', 41), u(2021, 'D', 99, 2), u(2020, 'A', 30), u(2020, 'B', 32)]);
    expect(s.map((y) => y.year)).toEqual([2020, 2021]);
    expect(s[1]).toEqual({ year: 2021, median: 41, best: 44, bestUnits: ['B'], complete: 3, incomplete: 1 });
    expect(s[0]!.median).toBe(31);
  });
  it('has no median when no unit is complete', () => {
    expect(summariseByYear([u(2022, 'A', 10, 1)])[0]).toMatchObject({ median: null, best: null, complete: 0, incomplete: 1 });
  });
});
