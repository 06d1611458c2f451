import { describe, expect, it } from 'vitest';
import { INDICES } from '../../domain/indices';
import { crosswalk } from '../../domain/merger';
import { standingsFor } from '../../domain/standing';
import type { UnitTotal } from '../../domain/trend';
import { peersAt, withCommuneSeries } from '../indices/model';
import { buildCards, cardSources, type CardInput } from './cards';
import { sparkPaths } from './charts';

const cw = crosswalk([
  { oldProvince: 'Hải Dương', code: 'P19', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Hải Phòng', code: 'P20', newUnit: 'Hải Phòng', newType: 'thành phố' },
  { oldProvince: 'Thừa Thiên Huế', code: 'P31', newUnit: 'Huế', newType: 'thành phố' },
]);
const u = (year: number, code: string, unitName: string, total: number): UnitTotal => ({ year, unitCode: code, unitName, total, nPresent: 1, nExpected: 1 });
const input = (over: Partial<CardInput> = {}): CardInput => ({
  cw,
  communes: null,
  totals: {
    PAPI: [
      u(2023, 'P19', 'Hải Dương', 40),
      u(2023, 'P20', 'Hải Phòng', 44),
      u(2023, 'P31', 'Thừa Thiên Huế', 43),
      u(2024, 'P19', 'Hải Dương', 41),
      u(2024, 'P20', 'Hải Phòng', 45),
      u(2024, 'P31', 'Thừa Thiên Huế', 42),
    ],
    PAR: [u(2024, 'X001', 'Xã Hòa An', 88), u(2024, 'X002', 'Xã B', 91), u(2025, 'X001', 'Xã Hòa An', 92.5), u(2025, 'X002', 'Xã B', 90)],
    SIPAS: [],
    PCI: [],
    DTI: [],
  },
  sipas: [],
  sipasTarget: () => 90,
  parBands: () => ({ excellent: 90, good: 80, fair: 70, average: 50 }),
  ...over,
});

describe('buildCards', () => {
  it('PAPI on the 34 view: Huế vs the merged Hải Phòng (mean 43), rank and change', () => {
    const [, , papi] = buildCards(input(), { province: 'Thừa Thiên Huế', commune: null, view: '34' }, null);
    if (papi!.state !== 'ok') throw new Error('no card');
    expect([papi!.unitName, papi!.summary.latest.year, papi!.summary.latest.value, papi!.summary.latest.rank, papi!.summary.latest.of]).toEqual([
      'Huế',
      2024,
      42,
      2,
      2,
    ]);
    // 2023: Huế 43 vs Hải Phòng (40 + 44) / 2 = 42 → 1st; 2024: 42 vs 43 → 2nd.
    expect([papi!.summary.deltaValue, papi!.summary.deltaRank]).toEqual([-1, -1]);
    expect(papi!.unitKey).toBe('Huế');
  });
  it('PAR for the commune with its band; SIPAS from answers with target and gap; no data → a "none" card', () => {
    // As loadOverview hands them over: the commune's SIPAS series (here all from answers) in the totals.
    const own = withCommuneSeries(INDICES.SIPAS, [], 'X001', 'Xã Hòa An', [{ year: 2026, satisfied: 85, answers: 100, rate: 85, last_quarter: 3 }]);
    const cards = buildCards(
      input({ totals: { ...input().totals, SIPAS: own.totals }, sipas: own.fromAnswers }),
      { province: 'Thừa Thiên Huế', commune: 'X001', view: '34' },
      'Xã Hòa An',
    );
    const [par, sipas, , pci] = cards;
    if (par!.state !== 'ok' || sipas!.state !== 'ok') throw new Error('no card');
    expect([par!.unitKey, par!.summary.latest.value, par!.summary.latest.rank, par!.group!.key, par!.summary.deltaRank]).toEqual([
      'X001',
      92.5,
      1,
      'card.band.excellent',
      1,
    ]);
    expect([sipas!.summary.latest.value, sipas!.target, sipas!.answers, sipas!.untilQuarter, sipas!.summary.latest.rank]).toEqual([
      85,
      { value: 90, gap: -5 },
      100,
      3,
      null,
    ]);
    expect(pci).toEqual({ index: 'PCI', state: 'none', unitName: 'Huế' });
  });
  it('units the user’s data cannot tell: provincial cards ask for the province; SIPAS pools every point, named so', () => {
    const sipas = [{ year: 2026, satisfied: 80, answers: 100, rate: 80, last_quarter: 4 }];
    const [par, s, papi] = buildCards(input({ sipas }), { province: null, commune: null, view: '34' }, null, 'Tất cả điểm phục vụ');
    expect(papi).toEqual({ index: 'PAPI', state: 'none', unitName: null, chooseUnit: true });
    expect(par).toEqual({ index: 'PAR', state: 'none', unitName: null, chooseUnit: true }); // the demo's X001 is not the user's
    if (s!.state !== 'ok') throw new Error('no SIPAS card');
    expect([s!.unitName, s!.summary.latest.value, s!.answers]).toEqual(['Tất cả điểm phục vụ', 80, 100]);
  });
});

describe('groups and sources from the registry', () => {
  it('PAR of a province: Nhóm B (80 – < 90) with its bounds; PCI has no group on its card; PAPI quartiles need 4 ranked', () => {
    const totals = {
      ...input().totals,
      PAR: [u(2024, 'P31', 'Thừa Thiên Huế', 89.99), u(2024, 'P19', 'Hải Dương', 90)],
      PCI: [u(2024, 'P31', 'Thừa Thiên Huế', 70), u(2024, 'P19', 'Hải Dương', 60)],
    };
    const [par, , papi, pci] = buildCards(input({ totals }), { province: 'Thừa Thiên Huế', commune: null, view: '63' }, null);
    if (par!.state !== 'ok' || pci!.state !== 'ok' || papi!.state !== 'ok') throw new Error('no card');
    expect([par!.level, par!.group]).toEqual(['province', { key: 'card.band.B', params: { min: 80, next: 90 }, tone: 'mid' }]);
    expect([pci!.summary.latest.rank, pci!.group]).toEqual([1, null]);
    expect([papi!.summary.latest.of, papi!.group]).toEqual([3, null]);
  });
  it('a card names the PAPI rows’ source by its label; a rate from answers names the answers’ files; no data, no source', () => {
    const [par, sipas, papi] = buildCards(
      input({ sipas: [{ year: 2026, satisfied: 80, answers: 100, rate: 80, last_quarter: 4 }] }),
      { province: 'Thừa Thiên Huế', commune: null, view: '34' },
      null,
      'Tất cả',
    );
    const none = { province: [], local: [] };
    const sources = {
      PAR: { province: ['Dữ liệu minh họa'], local: [] },
      SIPAS: none,
      PAPI: { province: ['Dữ liệu minh họa', 'PAPI, UNDP & CECODES'], local: [] },
      PCI: none,
      DTI: none,
    };
    expect(cardSources(papi!, sources, ['sipas.csv'])).toEqual([{ key: 'source.papi' }, 'Dữ liệu minh họa']);
    expect(cardSources(sipas!, sources, ['sipas.csv'])).toEqual(['sipas.csv']);
    expect(par!.state).toBe('none'); // no PAR of Huế: no source either
    expect(cardSources(par!, sources, ['sipas.csv'])).toEqual([]);
    // A commune's card names the communes' rows' sources, not the provinces' (the demo's invented province series).
    const [own] = buildCards(
      input({ totals: { ...input().totals, PAR: [u(2025, 'X001', 'Xã Hòa An', 91)] } }),
      { province: 'Thừa Thiên Huế', commune: 'X001', view: '34' },
      'Xã Hòa An',
    );
    expect(cardSources(own!, { ...sources, PAR: { province: ['Dữ liệu minh họa'], local: ['Sở Nội vụ'] } }, [])).toEqual(['Sở Nội vụ']);
  });
});

describe('SIPAS of the commune: one rule for the card and the index page', () => {
  // Published: X001 2024 and 2025, another commune 2025. Answers: X001 2024, 2025 and 2026 (to quarter 3).
  const published = [u(2024, 'X001', 'Xã Hòa An', 86.2), u(2025, 'X001', 'Xã Hòa An', 90.5), u(2025, 'X002', 'Xã B', 92)];
  const pooled = [
    { year: 2024, satisfied: 40, answers: 50, rate: 80, last_quarter: 4 },
    { year: 2025, satisfied: 7, answers: 10, rate: 70, last_quarter: 4 },
    { year: 2026, satisfied: 85, answers: 100, rate: 85, last_quarter: 3 },
  ];
  const own = withCommuneSeries(INDICES.SIPAS, published, 'X001', 'Xã Hòa An', pooled);

  it('takes a published score where there is one, the answers for the other years', () => {
    expect(own.totals.filter((t) => t.unitCode === 'X001').map((t) => [t.year, t.total])).toEqual([
      [2024, 86.2],
      [2025, 90.5],
      [2026, 85],
    ]);
    expect(own.fromAnswers.map((r) => r.year)).toEqual([2026]);
  });

  it('the overview card and the index page show the same value each year', () => {
    const [, card] = buildCards(
      input({ totals: { ...input().totals, SIPAS: own.totals }, sipas: own.fromAnswers }),
      { province: 'Thừa Thiên Huế', commune: 'X001', view: '34' },
      'Xã Hòa An',
    );
    if (card!.state !== 'ok') throw new Error('no SIPAS card');
    // The index page (IndexPage's model): the commune among the local peers of the same totals.
    const page = standingsFor(peersAt(cw, own.totals, 'local', '34', null), 'X001', INDICES.SIPAS.decimals);
    expect(card!.summary.series).toEqual(page.map((s) => ({ year: s.year, value: s.value })));
    expect(card!.summary.series).toEqual([
      { year: 2024, value: 86.2 },
      { year: 2025, value: 90.5 },
      { year: 2026, value: 85 },
    ]);
    // 2026 from answers: with its answers and quarter, not ranked; 2025 published, ranked after Xã B (92).
    expect([card!.summary.latest.year, card!.answers, card!.untilQuarter, card!.summary.latest.rank]).toEqual([2026, 100, 3, null]);
    expect([card!.summary.previous!.value, card!.summary.previous!.rank, card!.summary.previous!.of]).toEqual([90.5, 2, 2]);
    expect(card!.summary.deltaValue).toBeCloseTo(85 - 90.5, 10);
  });
});

describe('sparkPaths', () => {
  it('scales values to the box and breaks the line at a gap and at a methodology break', () => {
    const series = [
      { year: 2016, value: 30 },
      { year: 2017, value: 40 },
      { year: 2018, value: 50 },
      { year: 2019, value: null },
      { year: 2020, value: 40 },
    ];
    const p = sparkPaths(series, (y) => (y >= 2018 ? 1 : 0), 108, 48);
    // x: 4 + i·25; y: 44 − (v − 30)·2
    expect(p.lines).toEqual(['M4,44 L29,24', 'M54,4', 'M104,24']);
    expect(p.last).toEqual({ x: 104, y: 24 });
    expect(sparkPaths([{ year: 2020, value: null }], () => 0, 100, 40)).toEqual({ lines: [], last: null });
  });
});
