import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';

describe('snapshot codec', () => {
  it('round-trips what query results hold, which plain JSON would change', () => {
    const value = {
      byCode: new Map([
        ['D1', [{ year: 2024, total: 5.12, rank: null }]],
        ['D2', []],
      ]),
      years: new Set([2023, 2024]),
      at: new Date('2026-12-02T06:00:00.000Z'),
      count: 12n,
      missing: undefined,
      ratio: Number.NaN,
      list: [1, 'hai', null, { nested: new Map([[3, 'ba']]) }],
    };
    const back = decodeSnapshot(encodeSnapshot(value)) as typeof value;
    expect(back.byCode).toBeInstanceOf(Map);
    expect(back.byCode.get('D1')).toEqual([{ year: 2024, total: 5.12, rank: null }]);
    expect([...back.years]).toEqual([2023, 2024]);
    expect(back.at.toISOString()).toBe('2026-12-02T06:00:00.000Z');
    expect(back.count).toBe(12n);
    expect('missing' in back && back.missing === undefined).toBe(true);
    expect(back.ratio).toBeNaN();
    expect((back.list[3] as { nested: Map<number, string> }).nested.get(3)).toBe('ba');
  });

  it('keeps an object whose $t is not one of its tags as it is', () => {
    expect(decodeSnapshot(encodeSnapshot({ $t: 'text' }))).toEqual({ $t: 'text' });
  });
});
