import { describe, expect, it } from 'vitest';
import { buildChart, CHART_LIMITS, chartOption, chartTable, defaultSpec, specFromParams, specParams, type ChartSource } from './model';
import type { ResultColumn, Value } from './result';
import { translator } from '../../i18n/i18n';

const labels = { t: translator('vi'), locale: 'vi' as const };

/** A result as columns of values. */
function source(cols: Record<string, { kind: ResultColumn['kind']; scale?: number | null; values: Value[] }>): ChartSource {
  const entries = Object.entries(cols);
  return {
    columns: entries.map(([name, c]) => ({ name, kind: c.kind, scale: c.scale ?? (c.kind === 'number' ? 0 : null) })),
    column: (i) => entries[i]![1].values,
  };
}

type AnyOption = { xAxis: { type: string; data?: string[] }; series: { name: string; type: string; data: unknown[] }[]; legend?: unknown };

describe('the chart of a result', () => {
  // Rows as a GROUP BY returns them: period, point, rate; one row repeated on purpose (P1, 2026-Q2 twice).
  const period = ['2026-Q2', '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q3'];
  const point = ['P1', 'P1', 'P2', 'P1', 'P2', null];
  const rate = [80, 75.5, 90, 5, null, 60];
  const src = source({ kỳ: { kind: 'text', values: period }, điểm: { kind: 'text', values: point }, tỷ_lệ: { kind: 'number', scale: null, values: rate } });

  it('sums rows by category and series, categories in the order they came, and says it summed', () => {
    const m = buildChart(src, { type: 'bar', x: 'kỳ', y: 'tỷ_lệ', series: 'điểm' }, 'SELECT …', 'vi', '(trống)');
    expect(m.axis).toEqual({ type: 'category', labels: ['2026-Q2', '2026-Q1', '2026-Q3'] });
    // Expected from the rows above: per point, per period, the sum of the non-null rates.
    const expected = (p: string | null) =>
      ['2026-Q2', '2026-Q1', '2026-Q3'].map((q) => {
        const vals = rate.filter((r, i) => period[i] === q && point[i] === p && r !== null) as number[];
        return vals.length ? vals.reduce((a, v) => a + v, 0) : null;
      });
    expect(m.series).toEqual([
      { name: 'P1', data: expected('P1') },
      { name: 'P2', data: expected('P2') },
      { name: '(trống)', data: expected(null) },
    ]);
    expect(m.notes).toEqual([{ kind: 'summed' }]);
    const o = chartOption(m, labels) as unknown as AnyOption;
    expect(o.xAxis.data).toEqual(['2026-Q2', '2026-Q1', '2026-Q3']);
    expect(o.series.map((s) => [s.name, s.type])).toEqual([
      ['P1', 'bar'],
      ['P2', 'bar'],
      ['(trống)', 'bar'],
    ]);
    expect(o.legend).toBeDefined();
    const table = chartTable(m, labels);
    expect(table.columns).toEqual(['kỳ', 'P1', 'P2', '(trống)']);
    expect(table.rows[0]).toEqual(['2026-Q2', '85', '', '']);
  });

  it('puts numbers and dates on the axis in ascending order, years written plainly', () => {
    const years = [2023, 2021, 2022, 2021];
    const scores = [3, 1, 2, 4];
    const m = buildChart(
      source({ năm: { kind: 'number', values: years }, điểm: { kind: 'number', scale: null, values: scores } }),
      { type: 'line', x: 'năm', y: 'điểm', series: null },
      'q',
      'vi',
      '–',
    );
    expect(m.axis).toEqual({ type: 'category', labels: ['2021', '2022', '2023'] });
    expect(m.series).toEqual([{ name: 'điểm', data: [1 + 4, 2, 3] }]);
    const o = chartOption(m, labels) as unknown as AnyOption;
    expect(o.legend).toBeUndefined();
    expect(o.series[0]!.type).toBe('line');
  });

  it('draws a scatter of numbers against numbers, by series', () => {
    const m = buildChart(
      source({
        x: { kind: 'number', scale: null, values: [1.5, 2, null, 4] },
        y: { kind: 'number', scale: null, values: [10, null, 30, 40] },
        g: { kind: 'text', values: ['a', 'b', 'a', 'b'] },
      }),
      { type: 'scatter', x: 'x', y: 'y', series: 'g' },
      'q',
      'vi',
      '–',
    );
    expect(m.axis).toEqual({ type: 'value' });
    expect(m.series).toEqual([
      { name: 'a', data: [[1.5, 10]] },
      { name: 'b', data: [[4, 40]] },
    ]);
    expect(chartTable(m, labels)).toEqual({
      columns: ['g', 'x', 'y'],
      rows: [
        ['a', '1,5', '10'],
        ['b', '4', '40'],
      ],
    });
  });

  it('cuts categories, series and points at the limits and says so', () => {
    const n = CHART_LIMITS.categories + 5;
    const many = buildChart(
      source({ k: { kind: 'text', values: Array.from({ length: n }, (_, i) => `k${i}`) }, v: { kind: 'number', values: Array.from({ length: n }, () => 1) } }),
      { type: 'bar', x: 'k', y: 'v', series: null },
      'q',
      'vi',
      '–',
    );
    expect(many.axis.type === 'category' && many.axis.labels.length).toBe(CHART_LIMITS.categories);
    expect(many.notes).toEqual([{ kind: 'categoriesCut', n: CHART_LIMITS.categories }]);
    const s = CHART_LIMITS.series + 3;
    const groups = buildChart(
      source({
        k: { kind: 'text', values: Array.from({ length: s }, () => 'x') },
        v: { kind: 'number', values: Array.from({ length: s }, (_, i) => i) },
        g: { kind: 'text', values: Array.from({ length: s }, (_, i) => `g${i}`) },
      }),
      { type: 'line', x: 'k', y: 'v', series: 'g' },
      'q',
      'vi',
      '–',
    );
    expect(groups.series.length).toBe(CHART_LIMITS.series);
    expect(groups.notes).toEqual([{ kind: 'seriesCut', n: CHART_LIMITS.series }]);
    const p = CHART_LIMITS.points + 10;
    const points = buildChart(
      source({ x: { kind: 'number', values: Array.from({ length: p }, (_, i) => i) }, y: { kind: 'number', values: Array.from({ length: p }, (_, i) => i) } }),
      { type: 'scatter', x: 'x', y: 'y', series: null },
      'q',
      'vi',
      '–',
    );
    expect(points.series[0]!.data.length).toBe(CHART_LIMITS.points);
    expect(points.notes).toEqual([{ kind: 'pointsCut', n: CHART_LIMITS.points }]);
  });

  it('draws nothing from a value column that is not a number', () => {
    const m = buildChart(
      source({ a: { kind: 'text', values: ['x'] }, b: { kind: 'text', values: ['y'] } }),
      { type: 'bar', x: 'a', y: 'b', series: null },
      'q',
      'vi',
      '–',
    );
    expect(m.series).toEqual([]);
    expect(m.notes).toEqual([{ kind: 'noNumbers' }]);
  });
});

describe('the chart’s columns', () => {
  const cols: ResultColumn[] = [
    { name: 'kỳ', kind: 'text', scale: null },
    { name: 'điểm', kind: 'text', scale: null },
    { name: 'tỷ_lệ', kind: 'number', scale: null },
    { name: 'n', kind: 'number', scale: 0 },
  ];

  it('guesses x, y and series from the columns', () => {
    expect(defaultSpec(cols)).toEqual({ type: 'bar', x: 'kỳ', y: 'tỷ_lệ', series: 'điểm' });
    expect(
      defaultSpec([
        { name: 'năm', kind: 'number', scale: 0 },
        { name: 'v', kind: 'number', scale: null },
      ]),
    ).toEqual({ type: 'line', x: 'năm', y: 'v', series: null });
    expect(defaultSpec([{ name: 'a', kind: 'text', scale: null }])).toBeNull();
    expect(
      defaultSpec([
        { name: 'a', kind: 'text', scale: null },
        { name: 'b', kind: 'text', scale: null },
      ]),
    ).toBeNull();
  });

  it('keeps them in the link and reads them back only if the result has them', () => {
    const spec = { type: 'line' as const, x: 'kỳ', y: 'n', series: 'điểm' };
    const params = Object.fromEntries(Object.entries(specParams(spec)).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(params).toEqual({ chart: 'line', x: 'kỳ', y: 'n', s: 'điểm' });
    expect(specFromParams(params, cols)).toEqual(spec);
    expect(specFromParams({ ...params, y: 'điểm' }, cols)).toBeNull(); // not a number
    expect(specFromParams({ ...params, x: 'gone' }, cols)).toBeNull();
    expect(specFromParams({ ...params, chart: 'pie' }, cols)).toBeNull();
    expect(specFromParams({ ...params, s: 'gone' }, cols)).toEqual({ ...spec, series: null });
  });
});
