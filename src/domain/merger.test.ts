import { describe, expect, it } from 'vitest';
import { crosswalk, mergerMean, provinceInView, provincesInView, publishedOn34 } from './merger';
import type { UnitTotal } from './trend';

// A small crosswalk: two provinces merged into one, one renamed, one unchanged.
const cw = crosswalk([
  { oldProvince: 'Hải Dương', code: 'P19', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Hải Phòng', code: 'P20', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Thừa Thiên Huế', code: 'P31', newUnit: 'Huế', newType: 'thành phố' },
  { oldProvince: 'Hà Nội', code: 'P01', newUnit: 'Hà Nội', newType: 'thành phố' },
]);
const u = (year: number, unitName: string, total: number, nPresent = 28, nExpected = 28): UnitTotal => ({
  year,
  unitCode: unitName,
  unitName,
  total,
  nPresent,
  nExpected,
});

describe('mergerMean (provinces and communes alike)', () => {
  it('is the unweighted mean of the former units: (60 + 70 + 95) / 3 = 75, whatever their sizes', () => {
    const m = mergerMean([
      { name: 'A', row: u(2023, 'A', 60) },
      { name: 'B', row: u(2023, 'B', 70) },
      { name: 'C', row: u(2023, 'C', 95) },
    ]);
    expect(m).toEqual({ total: 75, nPresent: 3, nExpected: 3, derived: true, from: ['A', 'B', 'C'], missing: [] });
  });
  it('needs every former unit complete: one missing or incomplete leaves NaN and says which, with how much is there', () => {
    const m = mergerMean([
      { name: 'A', row: u(2023, 'A', 60) },
      { name: 'B', row: u(2023, 'B', 70, 20, 28) },
      { name: 'C', row: undefined },
    ]);
    expect(Number.isNaN(m.total)).toBe(true);
    expect([m.nPresent, m.nExpected]).toEqual([1, 3]);
    expect(m.missing).toEqual([
      { name: 'B', nPresent: 20, nExpected: 28 },
      { name: 'C', nPresent: 0, nExpected: 1 },
    ]);
  });
  it('one former unit (renamed, not merged) is its own value, not derived; none is no value', () => {
    expect(mergerMean([{ name: 'Thừa Thiên Huế', row: u(2021, 'Thừa Thiên Huế', 48.06) }])).toMatchObject({
      total: 48.06,
      derived: false,
      from: ['Thừa Thiên Huế'],
    });
    expect(Number.isNaN(mergerMean([]).total)).toBe(true);
  });
});

describe('provincesInView', () => {
  it('shows a merged province before 2025 as the unweighted mean of its former provinces, flagged as derived', () => {
    const rows = provincesInView(cw, [u(2021, 'Hải Dương', 42.68), u(2021, 'Hải Phòng', 44.2), u(2021, 'Thừa Thiên Huế', 48.06), u(2021, 'Hà Nội', 40)], '34');
    const hp = rows.find((r) => r.unitName === 'Hải Phòng')!;
    expect(hp.total).toBeCloseTo((42.68 + 44.2) / 2, 10); // 43.44
    expect(hp.derived).toBe(true);
    expect(hp.from).toEqual(['Hải Dương', 'Hải Phòng']);
    const hue = rows.find((r) => r.unitName === 'Huế')!;
    expect(hue.total).toBe(48.06);
    expect(hue.derived).toBe(false); // renamed, not averaged
    expect(rows).toHaveLength(3);
  });
  it('lists a new province with no former province in the data as missing, never dropped', () => {
    const rows = provincesInView(cw, [u(2021, 'Hà Nội', 40)], '34');
    const hue = rows.find((r) => r.unitName === 'Huế')!;
    expect([hue.nPresent, hue.nExpected, hue.missing]).toEqual([0, 1, [{ name: 'Thừa Thiên Huế', nPresent: 0, nExpected: 1 }]]);
    expect(rows).toHaveLength(3);
  });
  it('leaves a merged province incomplete when a former one is incomplete or missing, naming it', () => {
    const rows = provincesInView(cw, [u(2022, 'Hải Dương', 20, 13, 28), u(2022, 'Thừa Thiên Huế', 45)], '34');
    const hp = rows.find((r) => r.unitName === 'Hải Phòng')!;
    expect(hp.nPresent).toBeLessThan(hp.nExpected);
    expect(Number.isNaN(hp.total)).toBe(true);
    expect(hp.missing).toEqual([
      { name: 'Hải Dương', nPresent: 13, nExpected: 28 },
      { name: 'Hải Phòng', nPresent: 0, nExpected: 1 },
    ]);
  });
  it('takes published values of the new provinces as they are (from 2025, or a year published on 34)', () => {
    const rows = provincesInView(cw, [u(2025, 'Hải Phòng', 0.71, 1, 1), u(2024, 'Huế', 0.69, 1, 1), u(2024, 'Hải Phòng', 0.7, 1, 1)], '34');
    expect(rows.map((r) => [r.year, r.unitName, r.total, r.derived])).toEqual([
      [2024, 'Huế', 0.69, false],
      [2024, 'Hải Phòng', 0.7, false],
      [2025, 'Hải Phòng', 0.71, false],
    ]);
  });
  it('on the 63 view keeps former provinces and leaves out years published on the 34', () => {
    const rows = provincesInView(cw, [u(2021, 'Hải Dương', 42.68), u(2025, 'Hải Phòng', 0.7, 1, 1)], '63');
    expect(rows.map((r) => [r.year, r.unitName, r.nPresent])).toEqual([
      [2021, 'Hải Dương', 28],
      [2021, 'Hải Phòng', 0],
      [2021, 'Thừa Thiên Huế', 0],
      [2021, 'Hà Nội', 0],
    ]);
  });
});

describe('publishedOn34', () => {
  it('recognises a pre-2025 year announced on the merged provinces only when a name exists only after the merger', () => {
    expect(publishedOn34(cw, 2024, [u(2024, 'Huế', 1), u(2024, 'Hải Phòng', 1)])).toBe(true);
    expect(publishedOn34(cw, 2024, [u(2024, 'Hải Phòng', 1), u(2024, 'Hà Nội', 1)])).toBe(false); // also former names: ambiguous → former
    expect(publishedOn34(cw, 2025, [])).toBe(true);
  });
});

describe('provinceInView', () => {
  it('maps the user’s province between views', () => {
    expect(provinceInView(cw, 'Thừa Thiên Huế', '34')).toBe('Huế');
    expect(provinceInView(cw, 'Huế', '63')).toBe('Thừa Thiên Huế');
    expect(provinceInView(cw, 'Hải Phòng', '63')).toBe('Hải Phòng');
    expect(provinceInView(cw, 'Hải Dương', '34')).toBe('Hải Phòng');
    expect(provinceInView(cw, null, '34')).toBeNull();
  });
});
