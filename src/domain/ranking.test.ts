import { describe, expect, it } from 'vitest';
import { rankYear } from './ranking';
import type { UnitTotal } from './trend';

const u = (unitName: string, total: number, nPresent = 28): UnitTotal => ({ year: 2022, unitCode: unitName, unitName, total, nPresent, nExpected: 28 });

describe('rankYear', () => {
  it('ranks complete units, shares ties, and lists incomplete ones unranked at the end', () => {
    const r = rankYear([u('B', 40), u('A', 45), u('Bắc Giang', 20, 13), u('C', 40)]);
    expect(r.map((x) => [x.unitName, x.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['Bắc Giang', null],
    ]);
  });
});
