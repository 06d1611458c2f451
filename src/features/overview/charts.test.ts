import { describe, expect, it } from 'vitest';
import { trendOption } from './charts';
import { INDICES } from '../../domain/indices';
import type { YearSummary } from '../../domain/trend';

const s = (year: number, median: number, best: number): YearSummary => ({ year, median, best, bestUnits: [], complete: 1, incomplete: 0 });
const labels = { median: 'M', best: 'B', breakLabel: (y: number) => `break ${y}`, yAxis: 'y', xAxis: 'x', formatValue: (v: number) => v.toFixed(2) };

describe('trendOption', () => {
  it('never joins the line across the PAPI 2018 break', () => {
    const opt = trendOption([s(2016, 36, 40), s(2017, 36.5, 39.5), s(2018, 44, 47), s(2019, 43.6, 46.7)], INDICES.PAPI, labels) as {
      series: { name: string; data: (number | null)[] }[];
    };
    const medians = opt.series.filter((x) => x.name === 'M');
    expect(medians).toHaveLength(2);
    expect(medians[0]!.data).toEqual([36, 36.5, null, null]);
    expect(medians[1]!.data).toEqual([null, null, 44, 43.6]);
  });
  it('draws one series per line when there is no break', () => {
    const opt = trendOption([s(2020, 80, 90), s(2021, 81, 92)], INDICES.PCI, labels) as { series: { name: string }[] };
    expect(opt.series.map((x) => x.name)).toEqual(['M', 'B']);
  });
});
