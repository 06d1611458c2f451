import { describe, expect, it } from 'vitest';
import { crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import type { Translate } from '../../i18n/i18n';
import { componentLabeller, indexModel, unitInView, withCommuneSeries, type IndexData } from './model';
import { INDICES } from '../../domain/indices';
import type { ComponentTotalRow } from './queries';

// Translations as their keys (and values), so the test reads which message the model picked.
const t: Translate = (key, vars) => (vars ? `${key}${JSON.stringify(vars)}` : key);
const cw = crosswalk([
  { oldProvince: 'Hải Dương', code: 'P19', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Hải Phòng', code: 'P20', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Thừa Thiên Huế', code: 'P31', newUnit: 'Huế', newType: 'thành phố' },
]);
const u = (year: number, unitCode: string, unitName: string, total: number): UnitTotal => ({ year, unitCode, unitName, total, nPresent: 1, nExpected: 1 });
const d1 = (unit_code: string, unit_name: string, total: number): ComponentTotalRow => ({
  year: 2024,
  unit_code,
  unit_name,
  component: 'D1',
  total,
  n_present: 2,
  n_expected: 2,
});
const papi: IndexData = {
  index: 'PAPI',
  cw,
  totals: [
    u(2023, 'P19', 'Hải Dương', 40),
    u(2023, 'P20', 'Hải Phòng', 44),
    u(2023, 'P31', 'Thừa Thiên Huế', 43),
    u(2024, 'P19', 'Hải Dương', 41),
    u(2024, 'P20', 'Hải Phòng', 45),
    u(2024, 'P31', 'Thừa Thiên Huế', 42),
  ],
  components: [
    { year: 2024, unit_code: 'P19', unit_name: 'Hải Dương', component: 'SC11', score: 4, max_score: null },
    { year: 2024, unit_code: 'P20', unit_name: 'Hải Phòng', component: 'SC11', score: 8, max_score: null },
    { year: 2024, unit_code: 'P31', unit_name: 'Thừa Thiên Huế', component: 'SC11', score: 5, max_score: null },
  ],
  summed: [d1('P19', 'Hải Dương', 4), d1('P20', 'Hải Phòng', 8), d1('P31', 'Thừa Thiên Huế', 5)],
  sources: { province: ['Dữ liệu minh họa', 'PAPI, UNDP & CECODES'], local: ['Sở Nội vụ'] },
  answerSources: [],
  fromAnswers: null,
  parFields: {},
  communes: null,
};
const mine = { commune: null, province: 'Thừa Thiên Huế', sipasTarget: () => 90 };

describe('indexModel', () => {
  it('PAPI for the user’s province on the 34 view: standings, rank table, map, components, source line', () => {
    const m = indexModel(papi, { view: '34', sub: false }, mine, t);
    expect([m.level, m.unit, m.unitName, m.own, m.years, m.year, m.from, m.to]).toEqual(['province', 'Huế', 'Huế', 'Huế', [2023, 2024], 2024, 2023, 2024]);
    // 2023: Huế 43 against Hải Phòng (40 + 44) / 2 = 42 → 1st; 2024: 42 against 43 → 2nd. Median of two: their mean.
    expect(m.standings.map((s) => [s.year, s.value, s.rank, s.of, s.median, s.best])).toEqual([
      [2023, 43, 1, 2, 42.5, 43],
      [2024, 42, 2, 2, 42.5, 43],
    ]);
    expect(m.points.map((p) => [p.year, p.unit, p.median, p.best, p.computed])).toEqual([
      [2023, 43, 42.5, 43, false],
      [2024, 42, 42.5, 43, false],
    ]);
    expect(m.rows.map((r) => [r.unit.unitName, r.rank, r.deltaRank])).toEqual([
      ['Hải Phòng', 1, 1],
      ['Huế', 2, -1],
    ]);
    expect(m.mapRows).toEqual([
      { province: 'Hải Phòng', value: 43 },
      { province: 'Huế', value: 42 },
    ]);
    expect(m.mapBands).toBeNull();
    // D1 in 2024: Huế 5; Hải Phòng = (4 + 8) / 2 = 6 → median 5.5, best 6.
    expect(m.bars).toEqual([{ code: 'D1', label: 'indices.papi.dim.1', unit: 5, median: 5.5, best: 6 }]);
    expect([m.components, m.parts, m.percentBars]).toEqual([
      [{ code: 'D1', label: 'indices.papi.dim.1' }],
      [{ code: 'SC11', label: 'indices.papi.sub.SC11' }],
      false,
    ]);
    expect([m.source, m.notes, m.target, m.context, m.derivedShown]).toEqual([
      'source.papi; Dữ liệu minh họa',
      ['note.papiBreak'],
      null,
      'Huế · 2023–2024',
      true,
    ]);
    expect(m.unitOptions).toEqual([
      ['Hải Phòng', 'Hải Phòng'],
      ['Huế', 'Huế'],
    ]);
  });

  it('a merged province: its former provinces beside it, its years before 2025 computed', () => {
    const m = indexModel(papi, { view: '34', unit: 'Hải Phòng', year: '2023', sub: false }, mine, t);
    expect([m.unit, m.year, [...m.computedYears]]).toEqual(['Hải Phòng', 2023, [2023, 2024]]);
    expect(m.formers).toEqual([
      { name: 'indices.formerLine{"name":"Hải Dương"}', values: [40, 41] },
      { name: 'indices.formerLine{"name":"Hải Phòng"}', values: [44, 45] },
    ]);
    // The same unit on the 63 view: the former province of its name.
    expect(unitInView(papi, 'province', 'Huế', '63')).toBe('Thừa Thiên Huế');
  });

  it('a component from the link: its own years and name; an unknown one falls back to the total', () => {
    const m = indexModel(papi, { view: '63', component: 'D1', from: '2024', sub: false }, mine, t);
    expect([m.component, m.metricName, m.years, m.unit, m.context]).toEqual([
      'D1',
      'indices.papi.dim.1',
      [2024],
      'Thừa Thiên Huế',
      'Thừa Thiên Huế · indices.papi.dim.1 · 2024–2024',
    ]);
    expect(m.rows.map((r) => [r.unit.unitName, r.unit.total, r.rank])).toEqual([
      ['Hải Phòng', 8, 1],
      ['Thừa Thiên Huế', 5, 2],
      ['Hải Dương', 4, 3],
    ]);
    expect(indexModel(papi, { view: '63', component: 'D9', sub: true }, mine, t).component).toBe('');
    expect(indexModel(papi, { view: '63', sub: true }, mine, t).bars.map((b) => [b.code, b.unit, b.median, b.best])).toEqual([['SC11', 5, 5, 8]]);
  });

  it('PAR: the commune by default, fields named from the criteria as % of max; provinces mapped in Nhóm A/B', () => {
    const par: IndexData = {
      ...papi,
      index: 'PAR',
      totals: [u(2025, 'X001', 'Xã Hòa An', 92.5), u(2025, 'X002', 'Xã B', 88), u(2025, 'P31', 'Thừa Thiên Huế', 85)],
      components: [
        { year: 2025, unit_code: 'X001', unit_name: 'Xã Hòa An', component: '1', score: 9, max_score: 10 },
        { year: 2025, unit_code: 'X002', unit_name: 'Xã B', component: '2', score: 7, max_score: 8 },
      ],
      summed: [],
      // A commune's figures name the communes' sources, not the provinces'.
      sources: { province: ['Dữ liệu minh họa'], local: ['Sở Nội vụ (thử nghiệm)'] },
      parFields: { '1': 'Chỉ đạo điều hành' },
    };
    const m = indexModel(par, { view: '34', sub: false }, { ...mine, commune: 'X001' }, t);
    expect([m.level, m.unit, m.own, m.rows.map((r) => r.unit.unitCode), m.percentBars]).toEqual(['local', 'X001', 'X001', ['X001', 'X002'], true]);
    expect(m.components).toEqual([
      { code: '1', label: '1. Chỉ đạo điều hành' },
      { code: '2', label: 'indices.parField{"code":"2"}' },
    ]);
    // 9 of 10 → 90; 7 of 8 → 87.5 (Xã B's field 2: the commune has none).
    expect(m.bars.map((b) => [b.code, b.unit, b.best])).toEqual([
      ['1', 90, 90],
      ['2', null, 87.5],
    ]);
    expect(m.mapBands).toBeNull(); // communes are not on the province map
    const p = indexModel(par, { view: '34', unit: 'Huế', sub: false }, mine, t);
    expect([m.source, p.source]).toEqual(['Sở Nội vụ (thử nghiệm)', 'Dữ liệu minh họa']);
    expect(p.mapBands).toEqual([
      { label: 'card.band.A{"min":90}', min: 90 },
      { label: 'card.band.B{"min":80,"next":90}', min: 80 },
      { label: 'card.band.below{"next":80}', min: -Infinity },
    ]);
  });

  it('SIPAS: the target of the year from the settings; the commune’s years from answers noted', () => {
    const sipas: IndexData = {
      ...papi,
      index: 'SIPAS',
      totals: [u(2025, 'X001', 'Xã Hòa An', 85)],
      components: [],
      summed: [],
      sources: { province: ['Dữ liệu minh họa'], local: [] },
      answerSources: ['sipas_2025.csv'],
      fromAnswers: { years: [2025], mixed: false },
    };
    const m = indexModel(sipas, { view: '34', sub: false }, { ...mine, commune: 'X001', sipasTarget: (y) => (y === 2025 ? 92.5 : 90) }, t);
    expect([m.unit, m.target, m.fromAnswers, m.source, m.notes]).toEqual(['X001', 92.5, { years: [2025], mixed: false }, 'sipas_2025.csv', []]);
  });

  it('SIPAS: the commune’s years from its own answers are shown, not ranked (as on the card); published years are', () => {
    const totals = [
      u(2024, 'X001', 'Xã Hòa An', 86),
      u(2024, 'X002', 'Xã Quảng Thái', 84),
      u(2025, 'X001', 'Xã Hòa An', 91),
      u(2025, 'X002', 'Xã Quảng Thái', 88),
    ];
    const sipas: IndexData = {
      ...papi,
      index: 'SIPAS',
      totals,
      components: [],
      summed: [],
      sources: { province: [], local: [] },
      fromAnswers: { years: [2025], mixed: true },
    };
    const m = indexModel(sipas, { view: '34', sub: false }, { ...mine, commune: 'X001' }, t);
    expect(m.standings.map((s) => [s.year, s.value, s.rank])).toEqual([
      [2024, 86, 1],
      [2025, 91, null],
    ]);
    expect(m.rows.map((r) => [r.unit.unitCode, r.rank, r.deltaRank])).toEqual([
      ['X001', null, null],
      ['X002', 2, 0],
    ]);
  });

  it('no data: no year', () => {
    const m = indexModel({ ...papi, totals: [], components: [], summed: [] }, { view: '34', sub: false }, mine, t);
    expect([m.years, m.year, m.rows]).toEqual([[], null, []]);
  });
});

describe('the commune’s series by the registry’s rule', () => {
  const pooled = [
    { year: 2024, satisfied: 40, answers: 50, rate: 80, last_quarter: 4 },
    { year: 2026, satisfied: 85, answers: 100, rate: 85, last_quarter: 3 },
  ];
  it('SIPAS: a published year wins, a year without takes the answers; other indices keep their rows', () => {
    const own = withCommuneSeries(INDICES.SIPAS, [u(2024, 'X001', 'Xã Hòa An', 86.2)], 'X001', 'Xã Hòa An', pooled);
    expect(own.totals.map((x) => [x.year, x.total])).toEqual([
      [2024, 86.2],
      [2026, 85],
    ]);
    expect(own.fromAnswers.map((r) => r.year)).toEqual([2026]);
    expect(withCommuneSeries(INDICES.PAR, [u(2024, 'X001', 'Xã Hòa An', 86.2)], 'X001', 'Xã Hòa An', pooled).totals).toHaveLength(1);
  });
  it('labels: an unknown PAPI code is its own name', () => {
    expect(componentLabeller(INDICES.PAPI, {}, t)('SC99')).toBe('SC99');
  });
});
