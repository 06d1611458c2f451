import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../../tests/helpers/shared';
import {
  communeIndex,
  communeKeyInView,
  communesInView,
  formerLines,
  matchName,
  parseCrosswalk,
  parseUnitName,
  pickCommuneIndex,
  reviewNames,
  type CrosswalkRow,
} from './communeMerger';
import { nameKey } from './vnNames';
import type { UnitTotal } from './trend';

// A small province in the crosswalk's own wording: two merged communes, one split commune, one name shared by two
// former districts, one commune not merged.
const rows: CrosswalkRow[] = [
  ['Tỉnh A', 'Bình An', 'Xã Bình An (huyện Châu Thành), Xã Vĩnh Hòa Hiệp, Xã Vĩnh Hòa Phú'],
  ['Tỉnh A', 'Kiên Lương', 'Thị trấn Kiên Lương, Xã Bình An (huyện Kiên Lương)'],
  ['Tỉnh A', 'Phú Hữu', 'Xã Phú Hữu, Xã Phước Hưng (phần còn lại sau khi sáp nhập vào xã An Phú)'],
  ['Tỉnh A', 'An Phú', 'Thị trấn An Phú, Xã Phước Hưng (một phần)'],
  ['Tỉnh A', 'Dương Nỗ', 'Không sáp nhập'],
  ['Tỉnh B', 'Vĩnh Hoà Hiệp', 'Xã Vĩnh Hòa Hiệp'],
];
const ix = communeIndex('Tỉnh A', parseCrosswalk(rows));
const u = (year: number, unitCode: string, unitName: string, total: number, nPresent = 1, nExpected = 1): UnitTotal => ({
  year,
  unitCode,
  unitName,
  total,
  nPresent,
  nExpected,
});

describe('names', () => {
  it('compares tone placement and Unicode forms equal, different tones not', () => {
    expect(nameKey('Hoà Hiệp')).toBe(nameKey('Hòa Hiệp'));
    expect(nameKey('Thuỷ Xuân'.normalize('NFD'))).toBe(nameKey('Thủy Xuân'));
    expect(nameKey('Hòa An')).not.toBe(nameKey('Hóa An'));
    expect(nameKey('Chân Mây - Lăng Cô')).toBe(nameKey('chân mây lăng cô'));
  });
  it('reads type, district in brackets and partial notes', () => {
    expect(parseUnitName('Xã Bình An (huyện Châu Thành)')).toEqual({ type: 'xã', base: nameKey('Bình An'), district: nameKey('Châu Thành'), partial: false });
    expect(parseUnitName('Thị trấn  Kiên Lương')).toMatchObject({ type: 'thị trấn', base: nameKey('Kiên Lương'), district: null });
    expect(parseUnitName('Xã Phước Hưng (một phần)')).toMatchObject({ district: null, partial: true });
    expect(parseUnitName('Phường Phong Phú (cũ)')).toMatchObject({ type: 'phường', district: null, partial: false });
  });
  it('splits former lists on commas outside brackets only', () => {
    const [c] = parseCrosswalk([['Hà Nội', 'Tây Mỗ', 'Xã Tây Mỗ (phần còn lại của phường Đại Mỗ, phường Tây Mỗ), Xã Dương Nội']]);
    expect(c!.formers.map((f) => f.label)).toEqual(['Xã Tây Mỗ (phần còn lại của phường Đại Mỗ, phường Tây Mỗ)', 'Xã Dương Nội']);
  });
});

describe('matchName', () => {
  it('matches a former commune before 2025 and a new one from 2025, within the province only', () => {
    expect(matchName(ix, 'Xã Vĩnh Hoà Hiệp', 2024)).toMatchObject({ kind: 'former', of: [{ name: 'Bình An' }] });
    expect(matchName(ix, 'Xã Bình An', 2025)).toMatchObject({ kind: 'new', commune: { name: 'Bình An' } });
    expect(matchName(ix, 'Xã Vĩnh Hòa Hiệp', 2025).kind).toBe('none'); // Tỉnh B's new commune, not Tỉnh A's
  });
  it('never guesses between two former communes of one name; the district in brackets decides', () => {
    const m = matchName(ix, 'Xã Bình An', 2023);
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates).toEqual(['Xã Bình An (huyện Châu Thành) → Bình An', 'Xã Bình An (huyện Kiên Lương) → Kiên Lương']);
    expect(matchName(ix, 'Xã Bình An (Kiên Lương)', 2023)).toMatchObject({ kind: 'former', of: [{ name: 'Kiên Lương' }] });
  });
  it('a type that differs is another unit; a split commune is a former of each new one', () => {
    expect(matchName(ix, 'Phường Phú Hữu', 2023).kind).toBe('none');
    expect(matchName(ix, 'Xã Phước Hưng', 2023)).toMatchObject({ kind: 'former', of: [{ name: 'Phú Hữu' }, { name: 'An Phú' }] });
  });
});

describe('communesInView', () => {
  const data = [
    u(2024, 'C1', 'Xã Phú Hữu', 80),
    u(2024, 'C2', 'Xã Phước Hưng', 90),
    u(2024, 'C3', 'Thị trấn An Phú', 70),
    u(2024, 'C4', 'Xã Dương Nỗ', 85),
    u(2024, 'C5', 'Xã Hòa An', 88),
    u(2024, 'C6', 'Xã Bình An', 60),
    u(2025, 'N1', 'Xã Phú Hữu', 86),
    u(2025, 'N4', 'Xã Dương Nỗ', 87),
  ];
  it('new view: before 2025 a merged commune is the unweighted mean of its former ones, under its 2025 code and name', () => {
    const v = communesInView(ix, data, '34');
    const phuHuu = v.find((x) => x.year === 2024 && x.unitCode === 'N1')!;
    expect(phuHuu).toMatchObject({ unitName: 'Xã Phú Hữu', total: (80 + 90) / 2, derived: true, nPresent: 2, nExpected: 2 });
    // not published in 2025: named as in the crosswalk
    expect(v.find((x) => x.year === 2024 && x.unitCode === 'An Phú')!.total).toBe((70 + 90) / 2);
    // not merged: its own value, not "computed"
    expect(v.find((x) => x.year === 2024 && x.unitCode === 'N4')).toMatchObject({ total: 85, derived: false });
    // not in the crosswalk, or ambiguous: as it is
    expect(v.filter((x) => x.year === 2024 && ['C5', 'C6'].includes(x.unitCode)).map((x) => x.total)).toEqual([88, 60]);
    // 2025 as published
    expect(v.filter((x) => x.year === 2025).map((x) => [x.unitCode, x.total, x.derived])).toEqual([
      ['N1', 86, false],
      ['N4', 87, false],
    ]);
    // Bình An: one of its three former communes is ambiguous, two are absent → not listed (no former found)
    expect(v.some((x) => x.unitName === 'Bình An')).toBe(false);
  });
  it('new view: a merged commune with a former one missing or incomplete is incomplete and says which', () => {
    const v = communesInView(ix, [u(2023, 'a', 'Xã Vĩnh Hòa Hiệp', 80), u(2023, 'b', 'Xã Vĩnh Hòa Phú', 70, 7, 8)], '34');
    const b = v.find((x) => x.unitName === 'Bình An')!;
    expect(Number.isNaN(b.total)).toBe(true);
    expect(b.missing).toEqual([
      { name: 'Xã Bình An (huyện Châu Thành)', nPresent: 0, nExpected: 1 },
      { name: 'Xã Vĩnh Hòa Phú', nPresent: 7, nExpected: 8 },
    ]);
  });
  it('old view: the years before 2025 as published, later years left out', () => {
    expect(communesInView(ix, data, '63').map((x) => x.unitCode)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
  });
  it('names what it could not place', () => {
    expect(reviewNames(ix, data)).toEqual({
      unmatched: ['Xã Hòa An'],
      ambiguous: [{ name: 'Xã Bình An', candidates: ['Xã Bình An (huyện Châu Thành) → Bình An', 'Xã Bình An (huyện Kiên Lương) → Kiên Lương'] }],
    });
  });
  it('maps the unit between views and draws the former communes beside a merged one', () => {
    expect(communeKeyInView(ix, data, 'N1', '63')).toBe('C1'); // the former commune of the same name
    expect(communeKeyInView(ix, data, 'C2', '34')).toBe('N1'); // Phước Hưng → Phú Hữu (first of its new communes)
    expect(communeKeyInView(ix, data, 'C5', '34')).toBe('C5');
    expect(formerLines(ix, data, 'N1').map((l) => [l.name, l.byYear.get(2024)])).toEqual([
      ['Xã Phú Hữu', 80],
      ['Xã Phước Hưng (phần còn lại sau khi sáp nhập vào xã An Phú)', 90],
    ]);
    expect(formerLines(ix, data, 'N4')).toEqual([]);
  });
});

describe('pickCommuneIndex', () => {
  const all = parseCrosswalk(rows);
  it('takes the user’s province when it knows a name, else the province that knows most names (two at least)', () => {
    expect(pickCommuneIndex(all, 'Tỉnh A', [u(2024, 'a', 'Xã Phú Hữu', 80)])?.province).toBe('Tỉnh A');
    const fromB = [u(2024, 'a', 'Xã Vĩnh Hòa Hiệp', 80), u(2025, 'b', 'Xã Vĩnh Hoà Hiệp', 82)];
    expect(pickCommuneIndex(all, 'Tỉnh C', fromB)?.province).toBe('Tỉnh B');
    expect(pickCommuneIndex(all, null, fromB.slice(0, 1))).toBeNull(); // one name is no evidence
    expect(pickCommuneIndex(all, 'Tỉnh A', [u(2024, 'x', 'Xã Hòa An', 88)])).toBeNull();
    // one name in common with the user's province does not outweigh two of another
    expect(pickCommuneIndex(all, 'Tỉnh A', fromB)?.province).toBe('Tỉnh B');
    expect(pickCommuneIndex(all, 'Tỉnh A', [...fromB, u(2024, 'c', 'Xã Phú Hữu', 80)])?.province).toBe('Tỉnh A'); // a tie
  });
});

describe('the shipped crosswalk (data/ref/communes_2025.json) against the product owner’s copy', () => {
  const load = (p: string) => (JSON.parse(fs.readFileSync(p, 'utf8')) as { columns: CrosswalkRow }[]).map((r) => r.columns);
  const shipped = load(path.resolve(__dirname, '../../data/ref/communes_2025.json'));
  it('is the same file, 3,321 new communes in 34 provinces', () => {
    expect(shipped).toEqual(load(path.join(SHARED_DIR, 'data/merger/communes_2025.json')));
    const all = parseCrosswalk(shipped);
    expect(all).toHaveLength(3321);
    expect(new Set(all.map((c) => c.province)).size).toBe(34);
  });
  it('Huế: 40 new communes; Đan Điền from four former ones, all matched by name', () => {
    const hue = communeIndex('Huế', parseCrosswalk(shipped));
    expect(hue.communes).toHaveLength(40);
    for (const n of ['Xã Quảng Thái', 'Xã Quảng Lợi', 'Xã Quảng Vinh', 'Xã Quảng Phú'])
      expect(matchName(hue, n, 2024)).toMatchObject({ kind: 'former', of: [{ name: 'Đan Điền' }] });
    expect(matchName(hue, 'Xã Dương Nỗ', 2024)).toMatchObject({ kind: 'former', of: [{ name: 'Dương Nỗ', unchanged: true }] });
  });
});
