import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatBytes } from './format';

describe('dates shown to users', () => {
  // A single-digit day and month: vi-VN's 'short' style would print 5/3/26.
  const d = new Date(2026, 2, 5, 8, 7);
  it('are dd/mm/yyyy on a single-digit day', () => {
    expect(formatDate(d, 'vi')).toBe('05/03/2026');
    expect(formatDate(d, 'en')).toBe('05/03/2026');
  });
  it('put the 24-hour time first in Vietnamese', () => {
    expect(formatDateTime(d, 'vi')).toBe('08:07 05/03/2026');
    expect(formatDateTime(new Date(2026, 11, 31, 23, 59), 'vi')).toBe('23:59 31/12/2026');
    expect(formatDateTime(d, 'en')).toBe('05/03/2026, 08:07');
  });
});

describe('numbers', () => {
  it('use vi-VN separators', () => {
    expect(formatNumber(1234.5, 'vi', 2)).toBe('1.234,50');
    expect(formatPercent(83.94, 'vi')).toBe('83,9%');
    expect(formatNumber(Number.NaN, 'vi')).toBe('–');
  });
  it('give sizes in bytes as people read them', () => {
    expect(formatBytes(850, 'vi')).toBe('850 B');
    expect(formatBytes(12.3 * 1024, 'vi')).toBe('12,3 KB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(300 * 1024 ** 3, 'vi')).toBe('300 GB');
  });
});
