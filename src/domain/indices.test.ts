import { describe, expect, it } from 'vitest';
import { vi } from '../i18n/vi';
import { DEFAULT_PAR_BANDS, eraOf, INDEX_CODES, INDICES, LOCAL_INDICES, PAPI_SOURCE, PAR_PROVINCE_GROUPS, sourceParts } from './indices';
import { bandOf } from './parScoring';
import { parProvinceGroup } from './standing';

const YEARS = Array.from({ length: 20 }, (_, i) => 2011 + i);

describe('the index registry', () => {
  it('is consistent for every index: its code, decimals, bounds within the ceiling, breaks in order', () => {
    for (const code of INDEX_CODES) {
      const m = INDICES[code];
      expect(m.code).toBe(code);
      expect(Number.isInteger(m.decimals) && m.decimals >= 0).toBe(true);
      for (const y of YEARS) {
        const b = m.bounds(y);
        expect(b.min < b.max && b.max <= m.ceiling, `${code} ${y}`).toBe(true);
      }
      expect(
        YEARS.some((y) => m.bounds(y).max === m.ceiling),
        code,
      ).toBe(true);
      expect([...m.breaks].sort((a, b) => a - b)).toEqual(m.breaks);
      // A percentage is on 0–100; a ratio on 0–1.
      if (m.scale === 'percent') expect(m.ceiling).toBe(100);
      if (m.scale === 'ratio') expect(m.ceiling).toBe(1);
    }
  });

  it('PAPI: 6–60 until 2017, 8–80 from 2018, and no line across the break', () => {
    expect([INDICES.PAPI.bounds(2017), INDICES.PAPI.bounds(2018)]).toEqual([
      { min: 6, max: 60 },
      { min: 8, max: 80 },
    ]);
    expect([eraOf(INDICES.PAPI, 2017), eraOf(INDICES.PAPI, 2018), eraOf(INDICES.PCI, 2018)]).toEqual([0, 1, 0]);
    expect(INDICES.PAPI.notes).toEqual(['note.papiBreak']);
    expect([INDICES.DTI.decimals, INDICES.PAR.decimals]).toEqual([4, 2]);
  });

  it('PAR groups of provinces: 89.99 is Nhóm B, 90 Nhóm A, 80 Nhóm B, 79.99 below; thresholds highest first', () => {
    expect([89.99, 90, 80, 79.99].map(parProvinceGroup)).toEqual(['B', 'A', 'B', 'below']);
    const mins = PAR_PROVINCE_GROUPS.map((g) => g.min);
    expect(mins).toEqual([90, 80, -Infinity]);
    // The default commune bands start where the ministry's groups do: Xuất sắc ≥ 90, Tốt ≥ 80.
    expect([89.99, 90, 80, 79.99].map((v) => bandOf(v, DEFAULT_PAR_BANDS))).toEqual(['good', 'excellent', 'good', 'fair']);
    const d = DEFAULT_PAR_BANDS;
    expect(d.excellent > d.good && d.good > d.fair && d.fair > d.average).toBe(true);
  });

  it('SIPAS: a year’s published score wins over the rate from answers; a year without one takes the answers', () => {
    const rule = INDICES.SIPAS.fromAnswers!;
    const years = rule(
      [{ year: 2024, value: 86.2 }],
      [
        { year: 2024, rate: 80, answers: 50, lastQuarter: 4 },
        { year: 2025, rate: 70, answers: 10, lastQuarter: 2 },
      ],
    );
    expect(years.map((y) => [y.year, y.value, y.from])).toEqual([
      [2024, 86.2, 'published'],
      [2025, 70, 'answers'],
    ]);
    expect(INDEX_CODES.filter((c) => INDICES[c].fromAnswers)).toEqual(['SIPAS']);
    expect(INDEX_CODES.filter((c) => INDICES[c].target)).toEqual(['SIPAS']);
  });

  it('local indices score communes and units (PAR, SIPAS); the others provinces', () => {
    expect(LOCAL_INDICES).toEqual(['PAR', 'SIPAS']);
    expect(INDEX_CODES.filter((c) => INDICES[c].level === 'province')).toEqual(['PAPI', 'PCI', 'DTI']);
  });

  it('components: PAPI dimensions summed from sub-dimensions, PAR lĩnh vực as % of max and named from the criteria', () => {
    const re = new RegExp(INDICES.PAPI.components.summedFrom!.pattern, 'i');
    expect(['SC52', 'SC11', 'SC91', 'D5', 'SC5'].map((c) => re.exec(c)?.[1] ?? null)).toEqual(['5', '1', null, null, null]);
    expect(INDEX_CODES.filter((c) => INDICES[c].components.summedFrom)).toEqual(['PAPI']);
    expect(INDEX_CODES.filter((c) => INDICES[c].total === 'sumOfParts')).toEqual(['PAPI']);
    expect(INDEX_CODES.filter((c) => !INDICES[c].components.percentOfMax)).toEqual(['PAPI']);
    expect([INDICES.PAPI.components.label('D5'), INDICES.PAPI.components.label('SC52')]).toEqual([
      { key: 'indices.papi.dim.5' },
      { key: 'indices.papi.sub.SC52' },
    ]);
    expect([INDICES.PAR.components.label('3'), INDICES.PAR.components.label('3.1'), INDICES.PCI.components.label('A1')]).toEqual([
      { key: 'indices.parField', params: { code: '3' } },
      null,
      null,
    ]);
    expect(INDICES.PAR.components.namesFromParCriteria).toBe(true);
  });

  it('every label key the registry names is a message', () => {
    const keys = [
      ...INDEX_CODES.flatMap((c) => [...INDICES[c].notes, ...Object.values(INDICES[c].sourceLabels), `card.scale.${c}`]),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => INDICES.PAPI.components.label(`D${d}`)!.key),
      INDICES.PAR.components.label('1')!.key,
      ...PAR_PROVINCE_GROUPS.map((g) => `card.band.${g.id}`),
    ];
    expect(keys.filter((k) => !(k in vi))).toEqual([]);
  });

  it('sources: the PAPI rows’ source shows as its label, first; others as written', () => {
    expect(sourceParts(INDICES.PAPI, ['Dữ liệu minh họa', PAPI_SOURCE])).toEqual([{ key: 'source.papi' }, 'Dữ liệu minh họa']);
    expect(sourceParts(INDICES.PCI, [PAPI_SOURCE, 'VCCI'])).toEqual([PAPI_SOURCE, 'VCCI']);
  });
});
