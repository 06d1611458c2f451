import { describe, expect, it } from 'vitest';
import { axisFloor, distributionOption, trendOption } from './charts';
import { itemFigures, periodFigures, unitFigures, withPrevious } from './model';

type Series = { name: string; data: (number | null)[]; stack?: string; tooltip?: { show: boolean } };

const rows = [
  // 2026-Q1: element 1 45 of 50, element 2 8 of 10 → pooled 53/60, mean (90 + 80) / 2 = 85
  { period: '2026-Q1', element: 1, k: 45, n: 50 },
  { period: '2026-Q1', element: 2, k: 8, n: 10 },
  // 2025-Q4: element 1 19 of 20 → 95%
  { period: '2025-Q4', element: 1, k: 19, n: 20 },
];
const targetFor = (year: number) => (year === 2026 ? 92 : 90);

describe('period figures', () => {
  const figs = periodFigures(rows, new Map([['2026-Q1', 12]]), targetFor);
  it('orders periods, pools answers and averages elements, with the year’s own target', () => {
    expect(figs.map((f) => f.period)).toEqual(['2025-Q4', '2026-Q1']);
    const q1 = figs[1]!;
    expect(q1.pooled.k).toBe(53);
    expect(q1.pooled.n).toBe(60);
    expect(q1.pooled.rate).toBeCloseTo((53 / 60) * 100, 10);
    expect(q1.mean).toEqual({ rate: 85, elements: 2 });
    expect(q1.target).toBe(92);
    expect(figs[0]!.target).toBe(90);
    // 53 + x ≥ 0.92 (60 + x) ⇔ 0.08x ≥ 2.2 ⇔ x ≥ 27.5 → 28
    expect(q1.pooled.needed).toBe(28);
    expect(q1.pooled.few).toBe(true); // 12 forms
    expect(figs[0]!.pooled.few).toBe(true); // no form count: 20 answers
  });
  it('finds the previous period', () => {
    const { current, previous, previousKey } = withPrevious(figs, '2026-Q1');
    expect(previousKey).toBe('2025-Q4');
    expect(current!.pooled.n).toBe(60);
    expect(previous!.pooled.rate).toBeCloseTo(95, 10);
    expect(withPrevious(figs, '2025-Q4').previous).toBeNull();
  });

  it('draws the interval as a band (lower bound + height), both rates and the target per period', () => {
    const opt = trendOption(figs, { periodLabel: (k) => `<${k}>`, pooled: 'P', mean: 'M', ci: 'CI', target: 'T', formatValue: String }) as {
      series: Series[];
      xAxis: { data: string[] };
      yAxis: { min: number };
    };
    expect(opt.xAxis.data).toEqual(['<2025-Q4>', '<2026-Q1>']);
    const [lower, band, pooledS, meanS, target] = opt.series;
    expect(lower!.stack).toBe('ci');
    expect(band!.stack).toBe('ci');
    expect(lower!.data[1]! + band!.data[1]!).toBeCloseTo(figs[1]!.pooled.hi!, 10);
    expect(pooledS!.data[1]).toBeCloseTo((53 / 60) * 100, 10);
    expect(meanS!.data).toEqual([95, 85]);
    expect(target!.data).toEqual([90, 92]);
    expect(lower!.tooltip?.show).toBe(false);
    expect(opt.yAxis.min).toBe(axisFloor(figs));
    expect(opt.yAxis.min % 5).toBe(0);
    expect(opt.yAxis.min).toBeLessThanOrEqual(figs[1]!.pooled.lo!);
  });
});

describe('items and service points', () => {
  const items = itemFigures(
    [
      { item_code: 'TC1.1', element: 1, a1: 0, a2: 1, a3: 1, a4: 4, a5: 4, text: 'Chỗ ngồi' }, //  8/10 = 80%
      { item_code: 'TC2.1', element: 2, a1: 0, a2: 0, a3: 1, a4: 5, a5: 14, text: null }, //       19/20 = 95%
      { item_code: 'TC3.1', element: 3, a1: 2, a2: 0, a3: 1, a4: 2, a5: 5, text: null }, //        7/10 = 70%
    ],
    90,
  );
  it('puts items below target first, lowest first', () => {
    expect(items.map((i) => i.code)).toEqual(['TC3.1', 'TC1.1', 'TC2.1']);
    expect(items.map((i) => i.below)).toEqual([true, true, false]);
    expect(items[0]!.n).toBe(10);
  });
  it('stacks answer shares per item to 100%, first item on top', () => {
    const opt = distributionOption(items, { answer: (l) => `A${l}`, formatValue: String }) as { series: Series[]; yAxis: { data: string[] } };
    expect(opt.yAxis.data).toEqual(['TC2.1', 'TC1.1', 'TC3.1']);
    expect(opt.series.map((s) => s.name)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    // TC3.1 (last category): 2, 0, 1, 2, 5 of 10
    expect(opt.series.map((s) => s.data[2])).toEqual([20, 0, 10, 20, 50]);
  });
  it('gives each unit pooled and mean figures with its name', () => {
    const units = unitFigures(
      [
        { unit_code: 'A', element: 1, k: 27, n: 30 },
        { unit_code: 'A', element: 2, k: 5, n: 10 },
        { unit_code: 'B', element: 1, k: 3, n: 3 },
      ],
      new Map([['A', 40]]),
      new Map([
        ['A', 'Trung tâm'],
        ['B', null],
      ]),
      90,
    );
    expect(units.map((u) => [u.code, u.name, u.pooled.k, u.pooled.n, u.mean.rate, u.pooled.few])).toEqual([
      ['A', 'Trung tâm', 32, 40, 70, false],
      ['B', 'B', 3, 3, 100, true],
    ]);
  });
});
