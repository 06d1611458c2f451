import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import { drawnText } from '../../../tests/helpers/drawnText';
import type { Db } from '../../db/types';
import { DEFAULT_SETTINGS } from '../../app/settings';
import type { DatasetInfo } from '../../app/catalogue';
import { parseHash } from '../../app/route';
import { drawingOf, register, type ChartDrawing, type ChartLabels, type ChartView } from '../../charts/registry';
import { translator } from '../../i18n/i18n';
import { crosswalk } from '../../domain/merger';
import { periodFigures, itemFigures } from '../sipas/model';
import { sipasDistributionChart, sipasTrendChart, type SipasDistributionModel, type SipasTrendModel } from '../sipas/chartDefs';
import { parDomainsChart, parGapChart, parLostChart, type LostRow, type ParAcrossModel, type ParDomainsModel } from '../par/chartDefs';
import type { GapRow } from '../par/across';
import { papiTrendChart, type PapiTrendModel } from '../overview/chartDefs';
import { indexComponentsChart, indexTrendChart } from '../indices/chartDefs';
import { indexModel, type IndexData, type IndexModel } from '../indices/model';
import { chartById, chartIds, type ViewParams } from './chartRegistry';
import { workbenchChart } from '../workbench/chartDefs';
import { buildChart } from '../workbench/model';

const vi: ChartLabels = { t: translator('vi'), locale: 'vi' };

// ---- Hand-made models, one per chart ------------------------------------------------------------------------------
const sipasTrend: SipasTrendModel = {
  level: 'quarter',
  unitName: 'Bộ phận Một cửa',
  // 2025-Q4: 18 of 20 satisfied (90%); 2026-Q1: 45 of 50 in element 1, 6 of 10 in element 2 → 51 of 60 (85%)
  figures: periodFigures(
    [
      { period: '2025-Q4', element: 1, k: 18, n: 20 },
      { period: '2026-Q1', element: 1, k: 45, n: 50 },
      { period: '2026-Q1', element: 2, k: 6, n: 10 },
    ],
    new Map([['2026-Q1', 12]]),
    () => 90,
  ),
  source: 'Phiếu khảo sát 2026',
};
const sipasDist: SipasDistributionModel = {
  period: '2026-Q1',
  unitName: null,
  items: itemFigures([{ item_code: 'TC1.1', element: 1, a1: 1, a2: 1, a3: 2, a4: 10, a5: 6, text: 'Nơi ngồi chờ <b>đủ</b> chỗ' }], 90),
  source: undefined,
};
const lost: ParAcrossModel<LostRow> = {
  year: 2025,
  ownName: 'Xã Hòa An',
  rows: [{ code: '1.1', name: 'Ban hành kế hoạch', lost: 2.5, units: 3 }],
  source: 'Sở Nội vụ',
};
const gap: ParAcrossModel<GapRow> = {
  year: 2025,
  ownName: undefined,
  rows: [{ unitCode: 'A', unitName: 'Công an xã', selfIndex: 92.5, appraisedIndex: 85, gapPoints: 7.5 }],
  source: undefined,
};
const domains: ParDomainsModel = {
  year: 2025,
  unitName: 'Công an xã',
  rows: [
    { label: '1. Công tác chỉ đạo', self: 95, appraised: null },
    { label: '2. Thể chế', self: 80, appraised: 70 },
  ],
  source: undefined,
};
const papi: PapiTrendModel = {
  summaries: [2017, 2018, 2019].map((year, i) => ({ year, median: 36 + i * 4, best: 40 + i * 4, bestUnits: ['Bến Tre'], complete: 63, incomplete: 0 })),
};
const u = (year: number, unitCode: string, unitName: string, total: number) => ({ year, unitCode, unitName, total, nPresent: 1, nExpected: 1 });
const papiData: IndexData = {
  index: 'PAPI',
  cw: crosswalk([
    { oldProvince: 'Bến Tre', code: 'P83', newUnit: 'Vĩnh Long', newType: 'tỉnh' },
    { oldProvince: 'Thừa Thiên Huế', code: 'P31', newUnit: 'Huế', newType: 'thành phố' },
  ]),
  totals: [u(2017, 'P83', 'Bến Tre', 36), u(2017, 'P31', 'Thừa Thiên Huế', 37), u(2018, 'P83', 'Bến Tre', 44), u(2018, 'P31', 'Thừa Thiên Huế', 43)],
  components: [],
  summed: [],
  sources: { province: ['PAPI, UNDP & CECODES'], local: [] },
  answerSources: [],
  fromAnswers: null,
  parFields: {},
  communes: null,
};
const index: IndexModel = indexModel(
  papiData,
  { view: '63', unit: 'Thừa Thiên Huế', sub: false },
  { commune: null, province: 'Thừa Thiên Huế', sipasTarget: () => 90 },
  vi.t,
);

// The Phân tích page's chart of a query's result: satisfied share by quarter and service point.
const sqlColumns = [
  { name: 'kỳ', kind: 'text', scale: null },
  { name: 'điểm', kind: 'text', scale: null },
  { name: 'tỷ_lệ', kind: 'number', scale: 2 },
] as const;
const sqlValues = [
  ['2026-Q1', '2026-Q1', '2026-Q2'],
  ['Một cửa', 'Tư pháp', 'Một cửa'],
  [91.5, 88.25, 92],
];
const sqlChart = buildChart(
  { columns: sqlColumns, column: (i) => sqlValues[i]! },
  { type: 'bar', x: 'kỳ', y: 'tỷ_lệ', series: 'điểm' },
  'SELECT kỳ, điểm, tỷ_lệ FROM t',
  'vi',
  '(trống)',
);

const CASES: { view: ChartView<never>; model: unknown }[] = [
  { view: sipasTrendChart, model: sipasTrend },
  { view: sipasDistributionChart, model: sipasDist },
  { view: parLostChart, model: lost },
  { view: parGapChart, model: gap },
  { view: parDomainsChart, model: domains },
  { view: papiTrendChart, model: papi },
  { view: indexTrendChart, model: index },
  { view: indexComponentsChart, model: index },
  { view: workbenchChart, model: sqlChart },
] as { view: ChartView<never>; model: unknown }[];

const draw = (c: (typeof CASES)[number]): ChartDrawing => drawingOf(c.view as ChartView<unknown>, c.model, vi);

describe('charts by id', () => {
  it('has every chart once, each found by its id', () => {
    expect(new Set(chartIds()).size).toBe(chartIds().length);
    // Every chart a page draws can be pinned: the maps (drawn from loaded outlines, so not among the cases below) too.
    expect([...chartIds()].sort()).toEqual([...CASES.map((c) => c.view.id), 'province-map-34', 'province-map-63'].sort());
    for (const c of CASES) expect(chartById(c.view.id)?.id, c.view.id).toBe(c.view.id);
    expect(chartById('no-such-chart')).toBeUndefined();
  });

  it('draws every chart from a hand-made model with no text under 18 px on a slide (no builder sets a size)', () => {
    for (const c of CASES) {
      const texts = drawnText(draw(c).option, 'slide');
      expect(texts.length, c.view.id).toBeGreaterThan(3);
      expect(Math.min(...texts.map((t) => t.size)), c.view.id).toBeGreaterThanOrEqual(18);
    }
  });

  it('words a SIPAS trend from its model: title, unit, source, and the table of its numbers', () => {
    const d = draw(CASES[0]!);
    expect([d.id, d.title, d.context, d.source]).toEqual(['sipas-trend', 'Tỷ lệ hài lòng theo quý', 'Bộ phận Một cửa', 'Phiếu khảo sát 2026']);
    expect(d.table.rows).toEqual([
      ['Quý 4/2025', '90,00%', expect.stringMatching(/%$/), '90,00%', '20', '–', '90%'],
      ['Quý 1/2026', '85,00%', expect.stringMatching(/%$/), '75,00%', '60', '12', '90%'],
    ]);
    const texts = drawnText(d.option, 'screen').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Quý 4/2025', 'Quý 1/2026', '85,00']));
  });

  it('keeps item texts as text and sizes the distribution to its items', () => {
    const d = draw(CASES[1]!);
    expect(d.context).toBe('Tất cả điểm phục vụ · Quý 1/2026');
    expect(d.table.rows[0]).toEqual(['TC1.1', 'Nơi ngồi chờ <b>đủ</b> chỗ', '1', '1', '2', '10', '6', '20']);
    expect(d.height).toBe(320);
  });

  it('words the PAR charts with the year, the commune and the points', () => {
    expect(draw(CASES[2]!)).toMatchObject({
      id: 'par-lost',
      context: 'Xã Hòa An · Chỉ số CCHC năm 2025',
      table: { rows: [['1.1', 'Ban hành kế hoạch', '2,5', '3']] },
    });
    expect(draw(CASES[3]!).table.rows).toEqual([['Công an xã', '92,50', '85,00', '7,5']]);
    expect(draw(CASES[4]!).table.rows).toEqual([
      ['1. Công tác chỉ đạo', '95,0', 'Chưa thẩm định xong'],
      ['2. Thể chế', '80,0', '70,0'],
    ]);
  });

  it('words the PAPI trend with its years and the index charts with the unit', () => {
    expect(draw(CASES[5]!).title).toBe('Tổng điểm PAPI cấp tỉnh, 2017–2019');
    expect(draw(CASES[6]!).title).toContain('Thừa Thiên Huế');
    expect(draw(CASES[6]!).table.rows.map((r) => r[0])).toEqual(['2017', '2018']);
  });
});

describe('a pinned chart drawn alone', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
    // 2026-Q1, point A: 8 of 10 satisfied; point B: 9 of 10; 2025-Q4, point A: 3 of 4.
    await db.exec(`INSERT INTO sipas_counts VALUES
      ('d', 2026, 1, 1, 'A', 'TC1.1', 1, 5, 8), ('d', 2026, 1, 1, 'A', 'TC1.1', 1, 2, 2),
      ('d', 2026, 1, 1, 'B', 'TC1.1', 1, 4, 9), ('d', 2026, 1, 1, 'B', 'TC1.1', 1, 1, 1),
      ('d', 2025, 2, 4, 'A', 'TC1.1', 1, 4, 3), ('d', 2025, 2, 4, 'A', 'TC1.1', 1, 3, 1)`);
    await db.exec(`INSERT INTO units VALUES ('u', 'A', 'Bộ phận Một cửa', NULL, NULL)`);
  }, 60_000);

  const params = (hash: string): ViewParams => ({
    route: parseHash(hash),
    settings: DEFAULT_SETTINGS,
    units: { province: null, commune: null, view: '34', ready: true, ownData: true },
    datasets: [{ kind: 'sipas_responses', shown: true, source: 'Phiếu 2026', file_name: 'x.csv' } as DatasetInfo],
    labels: vi,
  });

  it('loads its own figures from the view’s link: the level, the service point and the period it names', async () => {
    const trend = (await chartById('sipas-trend')!.load(db, params('#/sipas?unit=A&level=quarter')))(vi);
    expect([trend.context, trend.source]).toEqual(['Bộ phận Một cửa', 'Phiếu 2026']);
    expect(trend.table.rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['Quý 4/2025', '75,00%', '4'],
      ['Quý 1/2026', '80,00%', '10'],
    ]);
    const all = (await register(sipasTrendChart).load(db, params('#/sipas')))(vi);
    expect(all.table.rows.map((r) => r[1])).toEqual(['75,00%', '85,00%']); // 17 of 20 in 2026-Q1
    const dist = (await chartById('sipas-distribution')!.load(db, params('#/sipas?period=2025-Q4')))(vi);
    expect([dist.title, dist.table.rows]).toEqual(['Phân bố câu trả lời theo câu hỏi, Quý 4/2025', [['TC1.1', 'TC1.1', '0', '0', '1', '3', '0', '4']]]);
  });
});
