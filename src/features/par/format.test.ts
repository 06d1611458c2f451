import { describe, expect, it } from 'vitest';
import { fmtChange, fmtEditDate, fmtPoints } from './format';

describe('PAR number and date texts', () => {
  it('shows points as scored, with the locale decimal mark', () => {
    expect(fmtPoints(1.5, 'vi')).toBe('1,5');
    expect(fmtPoints(0.25, 'en')).toBe('0.25');
    expect(fmtPoints(12, 'vi')).toBe('12');
    expect(fmtPoints(null, 'vi')).toBe('–');
  });
  it('signs changes with a real minus', () => {
    expect(fmtChange(2.354, 'vi')).toBe('+2,35');
    expect(fmtChange(-1.2, 'vi')).toBe('−1,20');
    expect(fmtChange(0, 'en')).toBe('0.00');
  });
  it('reads the stored UTC stamp of an edit', () => {
    expect(fmtEditDate('2026-11-25T10:30:00', 'vi')).toMatch(/^2[56]\/11\/2026$/); // the day depends on the time zone
  });
});
