import { describe, expect, it } from 'vitest';
import { INDICES } from '../../domain/indices';
import { componentBarsOption, indexTrendOption } from './charts';

const labels = {
  unit: '<img src=x onerror=alert(1)>',
  median: 'M',
  best: 'B',
  target: 'T',
  breakLabel: (y: number) => `break ${y}`,
  yAxis: 'y',
  xAxis: 'x',
  formatValue: (v: number) => v.toFixed(2),
};
type Opt = { series: { name: string; data: (number | null)[]; markLine?: { data: { xAxis?: string; yAxis?: number }[] } }[]; tooltip: { formatter?: unknown } };

describe('indexTrendOption', () => {
  it('draws the unit, median and best, each split at the PAPI 2018 break with the break marked', () => {
    const pts = [
      { year: 2017, unit: 36, median: 35, best: 39 },
      { year: 2018, unit: 44, median: 43, best: 47 },
      { year: 2019, unit: 45, median: 43.5, best: 46 },
    ];
    const opt = indexTrendOption(pts, INDICES.PAPI, labels, null) as unknown as Opt;
    const unit = opt.series.filter((s) => s.name === labels.unit);
    expect(unit.map((s) => s.data)).toEqual([
      [36, null, null],
      [null, 44, 45],
    ]);
    expect(opt.series.filter((s) => s.name === 'M')).toHaveLength(2);
    expect(opt.series[0]!.markLine!.data).toEqual([expect.objectContaining({ xAxis: '2018' })]);
    expect(opt.tooltip.formatter).toBeUndefined(); // values as text: no HTML formatter
  });
  it('adds the target as a horizontal line, one series per line without a break', () => {
    const opt = indexTrendOption(
      [
        { year: 2024, unit: 85, median: 84, best: 92 },
        { year: 2025, unit: 88, median: 85, best: 93 },
      ],
      INDICES.SIPAS,
      labels,
      90,
    ) as unknown as Opt;
    expect(opt.series.map((s) => s.name)).toEqual([labels.unit, 'M', 'B']);
    expect(opt.series[0]!.markLine!.data).toEqual([expect.objectContaining({ yAxis: 90 })]);
  });
});

describe('former provinces beside a merged one', () => {
  it('adds one thin line per former province, with its own values', () => {
    const pts = [
      { year: 2020, unit: 43, median: 42, best: 47 },
      { year: 2021, unit: 43.5, median: 42, best: 48 },
    ];
    const opt = indexTrendOption(pts, INDICES.PCI, labels, null, [
      { name: 'Hải Dương', values: [42, 42.69] },
      { name: 'Hải Phòng', values: [44, null] },
    ]) as unknown as Opt;
    expect(opt.series.map((s) => s.name)).toEqual([labels.unit, 'M', 'B', 'Hải Dương', 'Hải Phòng']);
    expect(opt.series[4]!.data).toEqual([44, null]);
  });
  it('draws the merged unit’s computed years as hollow points on its own line', () => {
    const pts = [
      { year: 2024, unit: 43.5, median: 42, best: 48, computed: true },
      { year: 2025, unit: 44, median: 43, best: 49 },
    ];
    const opt = indexTrendOption(pts, INDICES.PCI, labels, null) as unknown as Opt;
    expect(opt.series[0]!.data).toEqual([{ value: 43.5, symbol: 'emptyCircle' }, 44]);
  });
});

describe('componentBarsOption', () => {
  it('lists components top-down and keeps missing values as gaps, never zeros', () => {
    const opt = componentBarsOption(
      [
        { label: 'A', unit: 5, median: 4, best: 6 },
        { label: 'B', unit: null, median: 3, best: 7 },
      ],
      labels,
    ) as unknown as { yAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(opt.yAxis.data).toEqual(['B', 'A']); // ECharts draws the first category at the bottom
    expect(opt.series[0]!.data).toEqual([null, 5]);
    expect(opt.series[2]!.data).toEqual([7, 6]);
  });
});
