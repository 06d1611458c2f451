import { describe, expect, it } from 'vitest';
import { drawsDifferently } from './sameDrawing';

const option = (data: number[], digits = 1) => ({
  series: [{ type: 'line', data }],
  tooltip: { valueFormatter: (v: number) => v.toFixed(digits) },
});

describe('drawsDifferently', () => {
  it('is false for a rebuilt option with the same data and a new formatter closure', () => {
    expect(drawsDifferently({ option: option([1, 2]), style: { height: 300 } }, { option: option([1, 2]), style: { height: 300 } })).toBe(false);
  });
  it('is true when the data, a formatter or the height change', () => {
    expect(drawsDifferently({ option: option([1, 2]) }, { option: option([1, 3]) })).toBe(true);
    expect(drawsDifferently({ option: { f: (v: number) => v } }, { option: { f: (v: number) => -v } })).toBe(true);
    expect(drawsDifferently({ option: option([1]), style: { height: 300 } }, { option: option([1]), style: { height: 320 } })).toBe(true);
  });
});
