import { describe, expect, it } from 'vitest';
import { comparePeriods, dateOrderOf, levelOf, parsePeriod, parsePeriodKey, periodLabel, previousPeriod, rollUp } from './periods';

describe('periods', () => {
  it('reads years, halves, quarters and dates', () => {
    expect(parsePeriod('2026')).toEqual({ year: 2026, half: null, quarter: null });
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, half: 2, quarter: 3 });
    expect(parsePeriod('Quý II/2026')).toEqual({ year: 2026, half: 1, quarter: 2 });
    for (const s of ['QUY 3 NAM 2026', 'Quý 3 năm 2026'.normalize('NFD'), 'quy III nam 2026'])
      expect(parsePeriod(s)).toEqual({ year: 2026, half: 2, quarter: 3 });
    expect(parsePeriod('Q4/2025')).toEqual({ year: 2025, half: 2, quarter: 4 });
    expect(parsePeriod('2026-H2')).toEqual({ year: 2026, half: 2, quarter: null });
    expect(parsePeriod('15/08/2026')).toEqual({ year: 2026, half: 2, quarter: 3 });
    expect(parsePeriod('2026-05-31')).toEqual({ year: 2026, half: 1, quarter: 2 });
  });
  it('refuses what is not a period', () => {
    for (const s of ['2026-Q5', '31/02/2026', '1999', 'quý', '', '2026-H3', '13/13/2026']) expect(parsePeriod(s)).toBeNull();
  });
  it('reads 03/04/2026 as 3 April (dd/mm) unless told mm/dd', () => {
    expect(parsePeriod('03/04/2026')?.quarter).toBe(2);
    expect(parsePeriod('03/04/2026', 'mdy')?.quarter).toBe(1);
  });
  it('knows when the order of a set of dates is ambiguous', () => {
    expect(dateOrderOf(['03/04/2026', '12/01/2026'])).toBe('ambiguous');
    expect(dateOrderOf(['03/04/2026', '25/01/2026'])).toBe('dmy');
    expect(dateOrderOf(['03/04/2026', '01/25/2026'])).toBe('mdy');
    expect(dateOrderOf(['2026-Q1'])).toBeNull();
  });
  it('labels', () => {
    expect(periodLabel({ year: 2026, half: 1, quarter: 2 })).toBe('2026-Q2');
    expect(periodLabel({ year: 2026, half: 2, quarter: null })).toBe('2026-H2');
    expect(periodLabel({ year: 2026, half: null, quarter: null })).toBe('2026');
  });
});

describe('reporting levels', () => {
  it('reads stored keys only, and knows their level', () => {
    expect(parsePeriodKey('2026-Q1')).toEqual({ year: 2026, half: 1, quarter: 1 });
    expect(parsePeriodKey('2026-H2')).toEqual({ year: 2026, half: 2, quarter: null });
    expect(parsePeriodKey('2026')).toEqual({ year: 2026, half: null, quarter: null });
    for (const k of ['2026-H3', '2026-Q5', 'Q1/2026', ' 2026-Q1', '2026-q1']) expect(parsePeriodKey(k)).toBeNull();
    expect(['2026-Q1', '2026-H2', '2026', 'Quý 3/2026'].map((k) => levelOf(parsePeriod(k)!))).toEqual(['quarter', 'half', 'year', 'quarter']);
  });
  it('rolls up quarter → half → year, never down', () => {
    expect(rollUp('2026-Q2', 'half')).toBe('2026-H1');
    expect(rollUp('2026-Q3', 'half')).toBe('2026-H2');
    expect(rollUp('2026-Q3', 'year')).toBe('2026');
    expect(rollUp('2026-H2', 'year')).toBe('2026');
    expect(rollUp('2026-H2', 'half')).toBe('2026-H2');
    expect(rollUp('2026-H2', 'quarter')).toBeNull();
    expect(rollUp('2026', 'half')).toBeNull();
    expect(rollUp('Quý 3/2026', 'half')).toBeNull(); // keys only, as periodLabel writes them
    expect(rollUp('2026-Q5', 'year')).toBeNull();
  });
  it('knows the previous period and the order', () => {
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026-H1')).toBe('2025-H2');
    expect(previousPeriod('2026')).toBe('2025');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(['2025-Q4', '2024-Q1', '2025-Q1'].sort(comparePeriods)).toEqual(['2024-Q1', '2025-Q1', '2025-Q4']);
    expect(['2025-H2', '2024-H2', '2025-H1'].sort(comparePeriods)).toEqual(['2024-H2', '2025-H1', '2025-H2']);
  });
});
