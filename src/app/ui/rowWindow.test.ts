import { describe, expect, it } from 'vitest';
import { rowWindow } from './rowWindow';

const at = (top: number, count = 10_000) => ({ count, top, viewport: 900, rowHeight: 30, overscan: 20 });

describe('rowWindow: the rows of a long table drawn', () => {
  it('draws the rows on screen and a margin below when the table starts on screen', () => {
    // 900 px from 300 px down: rows 0–19 on screen
    expect(rowWindow({ start: 0, end: 0 }, at(300))).toEqual({ start: 0, end: 40 });
  });

  it('follows a scroll: the rows then on screen, a margin either side', () => {
    // scrolled 30 000 px into the rows: rows 1000–1029 on screen
    expect(rowWindow({ start: 0, end: 40 }, at(-30_000))).toEqual({ start: 980, end: 1050 });
  });

  it('keeps the same window (nothing redrawn) while a small scroll stays within the margin', () => {
    const w = { start: 980, end: 1050 };
    expect(rowWindow(w, at(-30_300))).toBe(w); // 10 rows further
  });

  it('draws a few rows at the top while the table is still below the screen', () => {
    expect(rowWindow({ start: 500, end: 600 }, at(5000))).toEqual({ start: 0, end: 20 });
  });

  it('draws rows once they arrive in a table first drawn empty', () => {
    expect(rowWindow({ start: 0, end: 0 }, at(5000))).toEqual({ start: 0, end: 20 });
  });

  it('ends at the last row, and shrinks with the rows', () => {
    expect(rowWindow({ start: 0, end: 40 }, at(-300_000))).toEqual({ start: 9980, end: 10_000 });
    expect(rowWindow({ start: 980, end: 1050 }, at(-30_000, 100))).toEqual({ start: 80, end: 100 });
  });
});
