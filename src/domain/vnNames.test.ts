import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../../tests/helpers/shared';
import {
  COMMUNE_TYPES,
  DISTRICT_TYPES,
  foldKey,
  foldText,
  joinProvinceNames,
  nameKey,
  PROVINCE_TYPES,
  provinceKey,
  provinceName,
  splitType,
  stripMarks,
} from './vnNames';

describe('diacritic-free folding (headers, labels)', () => {
  it('drops every mark, đ → d, in NFC and NFD alike', () => {
    expect(stripMarks('Đắk Lắk')).toBe('Dak Lak');
    expect(stripMarks('Rất không hài lòng'.normalize('NFD'))).toBe('Rat khong hai long');
    expect(foldText('  Rất  HÀI\tlòng ')).toBe('rat hai long');
    expect(foldText('Quý II năm 2026')).toBe('quy ii nam 2026');
  });
  it('header keys: case, marks, spaces, underscores and dashes do not count; letters and digits do', () => {
    expect(foldKey('Mã_đơn vị')).toBe('madonvi');
    expect(foldKey('MA DON VI')).toBe('madonvi');
    expect(foldKey('ma-don-vi')).toBe('madonvi');
    expect(foldKey('Mã đơn vị'.normalize('NFD'))).toBe('madonvi');
    // the header of 915_CTK-CSCL.csv, with and without its marks
    expect(foldKey('Tên 34 tỉnh sau sáp nhập')).toBe(foldKey('Ten 34 tinh sau sap nhap'));
    expect(foldKey('Mã số')).not.toBe(foldKey('Mã số 2'));
  });
});

describe('nameKey (place names keep their marks)', () => {
  it('old and new tone placement and Unicode forms are one name, read in the new style', () => {
    expect(nameKey('Khánh Hoà')).toBe('khánh hòa'); // the boundary files
    expect(nameKey('Khánh Hòa')).toBe('khánh hòa'); // the reference list
    expect(nameKey('Thanh Hoá')).toBe('thanh hóa');
    expect(nameKey('Xã Vĩnh Hoà Hiệp')).toBe(nameKey('Xã Vĩnh Hòa Hiệp'));
    expect(nameKey('Thuỷ Xuân'.normalize('NFD'))).toBe(nameKey('Thủy Xuân'));
    expect(nameKey('Thụy Hương')).toBe(nameKey('Thuỵ Hương'));
    expect(nameKey('Thừa Thiên Huế')).toBe('thừa thiên huế');
    expect(nameKey('Bà Rịa – Vũng Tàu')).toBe('bà rịa vũng tàu');
    expect(nameKey('Quý')).toBe('quý'); // the u of "qu" is no vowel: the tone stays on y
  });
  it('keeps different tones and different vowels apart', () => {
    expect(nameKey('Hòa An')).not.toBe(nameKey('Hóa An'));
    expect(nameKey('Hà Nam')).not.toBe(nameKey('Hà Nội'));
    expect(nameKey('Đông Hưng')).not.toBe(nameKey('Đông Hưng B'));
  });
  it('hyphens, dashes, dots and runs of spaces are one separator; typographic apostrophes are one', () => {
    expect(nameKey('Chân Mây - Lăng Cô')).toBe(nameKey('chân mây   lăng cô'));
    expect(nameKey('Ea H’leo')).toBe(nameKey("Ea H'leo"));
  });
  it('is its own key: a key keyed again is unchanged (every name in the commune crosswalk)', () => {
    const rows = (
      JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/ref/communes_2025.json'), 'utf8')) as { columns: string[] }[]
    ).flatMap((r) => r.columns);
    const moved = rows.map(nameKey).filter((k) => nameKey(k) !== k);
    expect(moved).toEqual([]);
  });
});

describe('type prefixes', () => {
  it('splits a commune, district or province type off a key, only when a name follows', () => {
    expect(splitType(nameKey('Thị trấn  Kiên Lương'), COMMUNE_TYPES)).toEqual({ type: 'thị trấn', rest: 'kiên lương' });
    expect(splitType(nameKey('Đặc khu Côn Đảo'), COMMUNE_TYPES)).toEqual({ type: 'đặc khu', rest: 'côn đảo' });
    expect(splitType(nameKey('TP. Thủ Đức'), DISTRICT_TYPES)).toEqual({ type: 'tp', rest: 'thủ đức' });
    expect(splitType(nameKey('Tỉnh Cao Bằng'), PROVINCE_TYPES)).toEqual({ type: 'tỉnh', rest: 'cao bằng' });
    expect(splitType(nameKey('Xã'), COMMUNE_TYPES)).toEqual({ type: null, rest: 'xã' });
    expect(splitType(nameKey('Xã Phước Hưng'), PROVINCE_TYPES)).toEqual({ type: null, rest: 'xã phước hưng' });
  });
});

describe('provinceKey and the alias table', () => {
  it('gives one key to the ways the shared files write one province', () => {
    for (const name of ['TP Hà Nội', 'Thành phố Hà Nội', 'Hà Nội']) expect(provinceKey(name)).toBe('hà nội');
    for (const name of ['TP HCM', 'TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TPHCM', 'Hồ Chí Minh']) expect(provinceKey(name)).toBe('hồ chí minh');
    for (const name of ['Thừa Thiên Huế', 'TP Huế', 'Thành phố Huế', 'Huế']) expect(provinceKey(name)).toBe('huế');
    for (const name of ['Tỉnh Khánh Hòa', 'Khánh Hoà']) expect(provinceKey(name)).toBe('khánh hòa');
    for (const name of ['Bà Rịa - Vũng Tàu', 'Bà Rịa–Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT']) expect(provinceKey(name)).toBe('bà rịa vũng tàu');
    for (const name of ['Đắk Lắk', 'Đắc Lắc', 'Đăk Lăk', 'Đắk Lắk'.normalize('NFD')]) expect(provinceKey(name)).toBe('đắk lắk');
    expect(provinceKey('Hoà Bình')).toBe(provinceKey('Hòa Bình'));
  });
  it('keeps different provinces apart', () => {
    expect(provinceKey('Hà Nam')).not.toBe(provinceKey('Hà Nội'));
    expect(provinceKey('Quảng Nam')).not.toBe(provinceKey('Quảng Ngãi'));
    expect(provinceKey('Bắc Ninh')).not.toBe(provinceKey('Bắc Giang'));
    expect(provinceKey('Đắk Nông')).not.toBe(provinceKey('Đắk Lắk'));
  });
  it('names a province as the app does when the alias table knows it, else as written', () => {
    expect(provinceName('TP HCM')).toBe('Hồ Chí Minh');
    expect(provinceName('Đắc Lắc')).toBe('Đắk Lắk');
    expect(provinceName(' Huế ')).toBe('Huế');
    expect(provinceName('Tỉnh Khánh Hoà')).toBe('Tỉnh Khánh Hoà');
  });
});

describe('joinProvinceNames', () => {
  it('pairs features with the data names and lists what is left on each side', () => {
    const j = joinProvinceNames(['TP HCM', 'Khánh Hoà', 'Côn Đảo'], ['Hồ Chí Minh', 'Khánh Hòa', 'Bình Dương']);
    expect([...j.pairs]).toEqual([
      ['TP HCM', 'Hồ Chí Minh'],
      ['Khánh Hoà', 'Khánh Hòa'],
    ]);
    expect(j.unmatchedFeatures).toEqual(['Côn Đảo']);
    expect(j.unmatchedData).toEqual(['Bình Dương']);
  });
  it('reports two names that collapse to one key', () => {
    expect(joinProvinceNames(['Thanh Hoá', 'Thanh Hóa'], []).duplicates).toEqual(['thanh hóa']);
  });

  // The product owner's boundary files and lists against the app's reference table (data/ref/provinces_63_to_34.csv).
  const ref = fs
    .readFileSync(path.resolve(import.meta.dirname, '../../data/ref/provinces_63_to_34.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  const names63 = [...new Set(ref.map((r) => r[0]!))];
  const names34 = [...new Set(ref.map((r) => r[3]!))];
  const topo = (file: string) => {
    const t = JSON.parse(fs.readFileSync(sharedPath('data/geo', file), 'utf8')) as {
      objects: Record<string, { geometries: { properties: { ten_tinh: string } }[] }>;
    };
    return Object.values(t.objects)[0]!.geometries.map((g) => g.properties.ten_tinh);
  };
  const csvColumn = (file: string, col: number) =>
    fs
      .readFileSync(sharedPath('data/geo', file), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',')[col]!);

  it.each([
    ['diaphantinh_63_fixednames.json (TP Huế, Hoà Bình, TP HCM)', () => topo('diaphantinh_63_fixednames.json'), names63],
    ['diaphantinhvn_merged_from_geojson.json (TP Hà Nội, Khánh Hoà)', () => topo('diaphantinhvn_merged_from_geojson.json'), names34],
    ['915_CTK-CSCL.csv (Thành phố Hà Nội)', () => csvColumn('915_CTK-CSCL.csv', 2), names34],
    ['provinces_34_merges.csv (Tỉnh Cao Bằng)', () => csvColumn('provinces_34_merges.csv', 1), names34],
  ])('every name of %s pairs with one province of the reference table', (_, names, expected) => {
    const j = joinProvinceNames(names(), expected);
    expect([j.unmatchedFeatures, j.unmatchedData, j.duplicates]).toEqual([[], [], []]);
    expect(j.pairs.size).toBe(expected.length);
  });
  it('geoBoundaries (TP. Hồ Chí Minh, Thừa Thiên Huế): all 63 pair; its separate Côn Đảo is left over', () => {
    const gb = JSON.parse(fs.readFileSync(sharedPath('data/geo/geoBoundaries-VNM-ADM1_simplified.geojson'), 'utf8')) as {
      features: { properties: { shapeName: string } }[];
    };
    const j = joinProvinceNames(
      gb.features.map((f) => f.properties.shapeName),
      names63,
    );
    expect([j.unmatchedFeatures, j.unmatchedData, j.duplicates]).toEqual([['Côn Đảo'], [], []]);
  });
  it('the commune crosswalk’s 34 provinces (TP HCM) are the 34 of the reference table', () => {
    const cw = JSON.parse(fs.readFileSync(sharedPath('data/merger/communes_2025.json'), 'utf8')) as { columns: string[] }[];
    const j = joinProvinceNames([...new Set(cw.map((r) => r.columns[0]!))], names34);
    expect([j.unmatchedFeatures, j.unmatchedData, j.duplicates, j.pairs.get('TP HCM')]).toEqual([[], [], [], 'Hồ Chí Minh']);
  });
});
