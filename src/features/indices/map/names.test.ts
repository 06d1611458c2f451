import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { joinNames, provinceKey } from './names';

describe('provinceKey', () => {
  it('gives one key to the spellings of one province in the boundary files and in the data', () => {
    expect(provinceKey('TP HCM')).toBe(provinceKey('Hồ Chí Minh'));
    expect(provinceKey('TP. Hồ Chí Minh')).toBe(provinceKey('Hồ Chí Minh'));
    expect(provinceKey('Thành phố Hà Nội')).toBe(provinceKey('Hà Nội'));
    expect(provinceKey('Tỉnh Khánh Hòa')).toBe(provinceKey('Khánh Hòa'));
    expect(provinceKey('Khánh Hoà')).toBe('khánh hòa');
    expect(provinceKey('Thanh Hoá')).toBe('thanh hóa');
    expect(provinceKey('Hoà Bình')).toBe('hòa bình');
    expect(provinceKey('Bà Rịa–Vũng Tàu')).toBe(provinceKey('Bà Rịa - Vũng Tàu'));
    expect(provinceKey('TP Huế')).toBe(provinceKey('Thừa Thiên Huế'));
  });

  it('treats decomposed (NFD) text like composed text', () => {
    expect(provinceKey('Đắk Lắk'.normalize('NFD'))).toBe(provinceKey('Đắk Lắk'));
  });

  it('keeps different provinces apart', () => {
    expect(provinceKey('Hà Nam')).not.toBe(provinceKey('Hà Nội'));
    expect(provinceKey('Quảng Nam')).not.toBe(provinceKey('Quảng Ngãi'));
    expect(provinceKey('Bắc Ninh')).not.toBe(provinceKey('Bắc Giang'));
  });
});

describe('joinNames', () => {
  it('pairs features with the data names and lists what is left on each side', () => {
    const j = joinNames(['TP HCM', 'Khánh Hoà', 'Côn Đảo'], ['Hồ Chí Minh', 'Khánh Hòa', 'Bình Dương']);
    expect([...j.pairs]).toEqual([['TP HCM', 'Hồ Chí Minh'], ['Khánh Hoà', 'Khánh Hòa']]);
    expect(j.unmatchedFeatures).toEqual(['Côn Đảo']);
    expect(j.unmatchedData).toEqual(['Bình Dương']);
  });

  it('reports two names that collapse to one key', () => {
    expect(joinNames(['Thanh Hoá', 'Thanh Hóa'], []).duplicates).toEqual(['thanh hóa']);
  });

  // The shipped maps carry the app's own names: every province of the reference table is on its map, once.
  it.each(['34', '63'] as const)('the shipped %s-province map has exactly the provinces of the reference table', (view) => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const csv = fs.readFileSync(path.join(root, 'data/ref/provinces_63_to_34.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const expected = [...new Set(csv.map((r) => (view === '63' ? r[0]! : r[3]!)))].sort();
    const geo = JSON.parse(fs.readFileSync(path.join(root, `data/geo/provinces_${view}.json`), 'utf8')) as { features: { properties: { name: string } }[] };
    expect(geo.features.map((f) => f.properties.name).sort()).toEqual(expected);
    expect(expected).toHaveLength(Number(view));
  });
});
