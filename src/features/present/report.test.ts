import { describe, expect, it } from 'vitest';
import { fitScale, isDemoLabel, parYearFor, reportCharts } from './report';
import { periodLabel } from '../sipas/labels';
import { translator } from '../../i18n/i18n';
import { pinKey, type Pin } from './pins';

const pin = (chartId: string, hash = '#/'): Pin => ({ chartId, hash, title: chartId });

describe("the period as the report names it (the SIPAS page's label)", () => {
  it('names quarters, halves and years in Vietnamese and English', () => {
    const vi = translator('vi');
    expect(periodLabel(vi, '2026-Q1')).toBe('Quý 1/2026');
    expect(periodLabel(translator('en'), '2026-Q1')).toBe('Q1 2026');
    expect(periodLabel(vi, '2025-H2')).toBe('6 tháng cuối năm 2025');
    expect(periodLabel(vi, '2025')).toBe('Năm 2025');
    expect(periodLabel(vi, 'odd')).toBe('odd');
  });
});

describe('reportCharts', () => {
  const pins = [pin('a'), pin('b'), pin('c', '#/sipas')];
  it('takes the first two pins by default', () => {
    expect(reportCharts(pins).map((p) => p?.chartId)).toEqual(['a', 'b']);
  });
  it('takes the chosen pins and fills the other place with one not shown yet', () => {
    expect(reportCharts(pins, pinKey(pins[2]!)).map((p) => p?.chartId)).toEqual(['c', 'a']);
    expect(reportCharts(pins, undefined, pinKey(pins[0]!)).map((p) => p?.chartId)).toEqual(['b', 'a']);
  });
  it('leaves a place empty when the user chose none, and ignores pins no longer pinned', () => {
    expect(reportCharts(pins, '-', '-')).toEqual([null, null]);
    expect(reportCharts(pins, 'gone@#/x').map((p) => p?.chartId)).toEqual(['a', 'b']);
    expect(reportCharts([pin('a')])).toEqual([pin('a'), null]);
  });
});

describe('fitScale', () => {
  it('shrinks only what is taller than the page', () => {
    expect(fitScale(900, 1000)).toBe(1);
    expect(fitScale(2000, 1000)).toBe(0.5);
    expect(fitScale(1100, 1000)).toBe(0.909);
    expect(fitScale(0, 1000)).toBe(1);
  });
});

describe('parYearFor', () => {
  it('takes the period year if scored, else the latest scored year before it', () => {
    expect(parYearFor('2025-Q2', [2024, 2025])).toBe(2025);
    expect(parYearFor('2026-Q3', [2024, 2025])).toBe(2025);
    expect(parYearFor('2023', [2024, 2025])).toBe(2025);
    expect(parYearFor('', [2024, 2025])).toBe(2025);
    expect(parYearFor('2026', [])).toBeUndefined();
  });
});

describe('isDemoLabel', () => {
  it('recognises the demo label in both spellings and English, not real sources', () => {
    expect(isDemoLabel('Dữ liệu minh họa')).toBe(true);
    expect(isDemoLabel('Dữ liệu minh hoạ')).toBe(true);
    expect(isDemoLabel('Demo data')).toBe(true);
    expect(isDemoLabel('PAPI, UNDP & CECODES')).toBe(false);
  });
});
