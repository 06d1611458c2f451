import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { bandClass, classify, classText, legendText, quartileClass, quartileCuts, tooltipText, type MapLabels } from './mapOption';

const labels: MapLabels = {
  formatValue: (v) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v),
  legendTitle: 'Tứ phân vị',
  count: (n) => `${n} tỉnh`,
  missing: 'Không có dữ liệu',
  highlight: (n) => `Viền cam: ${n}`,
  attribution: 'x',
  hoangSa: 'Hoàng Sa',
  truongSa: 'Trường Sa',
  className: (n) => `Nhóm ${n}/4`,
};

describe('quartiles', () => {
  it('cuts 1..9 at 3, 5 and 7 (linear interpolation, as Excel QUARTILE.INC)', () => {
    expect(quartileCuts([9, 1, 8, 2, 7, 3, 6, 4, 5])).toEqual([3, 5, 7]);
  });

  it('interpolates between values: 10, 20, 30, 40 → 17.5, 25, 32.5', () => {
    expect(quartileCuts([40, 10, 30, 20])).toEqual([17.5, 25, 32.5]);
  });

  it('puts a value on a cut point in the class below', () => {
    const cuts = [3, 5, 7] as const;
    expect([1, 3, 3.01, 5, 6, 7, 7.5, 9].map((v) => quartileClass(v, cuts))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('has no cuts without values', () => {
    expect(quartileCuts([])).toBeNull();
  });
});

describe('classify', () => {
  const features = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
  const rows = [
    { province: 'A', value: 10 },
    { province: 'B', value: 20 },
    { province: 'C', value: 30 },
    { province: 'D', value: 40 },
    { province: 'E', value: 50 },
    { province: 'F', value: 60 },
    { province: 'G', value: 70 },
    { province: 'H', value: 80 },
    { province: 'I', value: null },
    { province: 'Nowhere', value: 99 },
  ];
  const c = classify(features, rows);

  it('classes the 8 provinces with values in quarters (cuts 27.5, 45, 62.5) and the rest as missing', () => {
    expect(c.regions.map((r) => r.cls)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 'missing', 'missing']);
    expect(c.classes.map((k) => [k.key, k.count, k.min, k.max])).toEqual([
      [0, 2, 10, 20],
      [1, 2, 30, 40],
      [2, 2, 50, 60],
      [3, 2, 70, 80],
      ['missing', 2, null, null],
    ]);
  });

  it('ignores values of provinces not on the map for the cuts, and reports them', () => {
    expect(c.notOnMap).toEqual(['Nowhere']);
    expect(c.regions.some((r) => r.value === 99)).toBe(false);
  });

  it('matches rows to features on normalised names', () => {
    const k = classify(
      ['Khánh Hòa', 'Hồ Chí Minh'],
      [
        { province: 'Khánh Hoà', value: 1 },
        { province: 'TP. HCM', value: 2 },
      ],
    );
    expect(k.regions.map((r) => r.value)).toEqual([1, 2]);
    expect(k.notOnMap).toEqual([]);
  });

  it('shows the legend ranges and the missing entry in vi-VN numbers', () => {
    expect(legendText(c.classes[0]!, labels)).toBe('10,00 – 20,00 · 2 tỉnh');
    expect(legendText(c.classes[4]!, labels)).toBe('Không có dữ liệu · 2 tỉnh');
  });

  it('writes tooltips as plain text, names included literally', () => {
    const x = classify(['<img src=x onerror=alert(1)>'], [{ province: '<img src=x onerror=alert(1)>', value: 48.06 }]);
    expect(tooltipText(x.regions[0], x.regions[0]!.name, x.classes, labels)).toBe('<img src=x onerror=alert(1)>\n48,06 (Nhóm 1/4)');
    expect(tooltipText(undefined, 'Huế', x.classes, labels)).toBe('Huế\nKhông có dữ liệu');
  });
});

describe('bands named by the caller', () => {
  // PAR for provinces: Nhóm B 80 – < 90, Nhóm A ≥ 90; below 80 a third band.
  const bands = [
    { label: 'Nhóm A', min: 90 },
    { label: 'Dưới 80', min: -Infinity },
    { label: 'Nhóm B', min: 80 },
  ];

  it('puts a value in the last band whose minimum it reaches, whatever order the bands come in', () => {
    const sorted = [...bands].sort((a, b) => a.min - b.min);
    expect([79.99, 80, 89.99, 90, 100].map((v) => sorted[bandClass(v, sorted)]!.label)).toEqual(['Dưới 80', 'Nhóm B', 'Nhóm B', 'Nhóm A', 'Nhóm A']);
  });

  it('names the classes after the bands in the legend and the table, and keeps missing grey', () => {
    const c = classify(
      ['P', 'Q', 'R', 'S'],
      [
        { province: 'P', value: 92.5 },
        { province: 'Q', value: 85 },
        { province: 'R', value: 91 },
      ],
      bands,
    );
    expect(c.regions.map((r) => classText(r, c.classes, labels))).toEqual(['Nhóm A', 'Nhóm B', 'Nhóm A', '–']);
    expect(c.classes.map((k) => legendText(k, labels))).toEqual([
      'Dưới 80 · – · 0 tỉnh',
      'Nhóm B · 85,00 · 1 tỉnh',
      'Nhóm A · 91,00 – 92,50 · 2 tỉnh',
      'Không có dữ liệu · 1 tỉnh',
    ]);
    expect(new Set(c.classes.map((k) => k.colour)).size).toBe(4);
  });

  it('falls back to quartiles with more than 6 bands', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ label: `B${i}`, min: i * 10 }));
    const c = classify(['P'], [{ province: 'P', value: 5 }], many);
    expect(c.classes).toHaveLength(5);
    expect(classText(c.regions[0]!, c.classes, labels)).toBe('Nhóm 1/4');
  });
});

describe('the shipped maps', () => {
  const root = path.resolve(import.meta.dirname, '../../../..');
  const load = (v: string) =>
    JSON.parse(fs.readFileSync(path.join(root, `data/geo/provinces_${v}.json`), 'utf8')) as {
      features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[];
    };
  // Rings (first ring of each polygon) entirely east of 110.3°E: the islands of Hoàng Sa and Trường Sa.
  const offshore = (geo: ReturnType<typeof load>, name: string, test: (lon: number, lat: number) => boolean) => {
    const f = geo.features.find((x) => x.properties.name === name)!;
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
    return polys.filter((p) => p[0]!.every(([lon, lat]) => test(lon, lat))).length;
  };

  it.each(['34', '63'])('keeps Hoàng Sa (in Đà Nẵng) and Trường Sa (in Khánh Hòa) on the %s-province map, and stays small', (v) => {
    const geo = load(v);
    expect(offshore(geo, 'Đà Nẵng', (lon, lat) => lon > 111 && lat > 15.5 && lat < 17.5)).toBeGreaterThanOrEqual(20);
    // Trường Sa Lớn is at 8.6°N 111.9°E: the southern reefs must be there, not only a northern subset.
    expect(offshore(geo, 'Khánh Hòa', (lon, lat) => lon > 111.5 && lon < 112.5 && lat < 9)).toBeGreaterThan(0);
    expect(offshore(geo, 'Khánh Hòa', (lon) => lon > 110.3)).toBeGreaterThanOrEqual(300);
    expect(fs.statSync(path.join(root, `data/geo/provinces_${v}.json`)).size).toBeLessThan(300_000);
  });
});
