import { describe, expect, it } from 'vitest';
import { dateOrderOf, parsePeriod, periodLabel } from './periods';

describe('periods', () => {
  it('reads years, halves, quarters and dates', () => {
    expect(parsePeriod('2026')).toEqual({ year: 2026, half: null, quarter: null });
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, half: 2, quarter: 3 });
    expect(parsePeriod('Quý II/2026')).toEqual({ year: 2026, half: 1, quarter: 2 });
    for (const s of ['QUY 3 NAM 2026', 'Quý 3 năm 2026'.normalize('NFD'), 'quy III nam 2026']) expect(parsePeriod(s)).toEqual({ year: 2026, half: 2, quarter: 3 });
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
