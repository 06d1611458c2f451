// A chart from a query's result: which columns go where (the spec, kept in the link), the figures drawn (the model),
// and the ECharts option. Pure: columns in, option out. Labels are canvas text formatted here, never HTML.
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartLabels, ChartTable } from '../../charts/registry';
import { numberFormatter } from '../../i18n/format';
import { cellText, type ColumnKind, type ResultColumn, type Value } from './result';

export const CHART_TYPES = ['bar', 'line', 'scatter'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartSpec {
  type: ChartType;
  x: string;
  y: string;
  /** A column whose values split the rows into series (one line or bar colour each). */
  series: string | null;
}

/** What a chart reads of a result: its columns and a column's values by position. */
export interface ChartSource {
  columns: readonly ResultColumn[];
  column(index: number): readonly Value[];
}

/** Drawn at most: more categories, series or points would not be read anyway, and would slow the page. */
export const CHART_LIMITS = { categories: 1000, series: 20, points: 20_000 } as const;

export type ChartNote =
  { kind: 'summed' } | { kind: 'categoriesCut'; n: number } | { kind: 'seriesCut'; n: number } | { kind: 'pointsCut'; n: number } | { kind: 'noNumbers' };

export interface ChartSeries {
  name: string;
  /** Line and bar: one value per category (null: no row). Scatter: [x, y] points. */
  data: (number | null)[] | [number | string, number][];
}

export interface ChartModel {
  spec: ChartSpec;
  /** The query, shown under the title and drawn into the PNG. */
  query: string;
  xName: string;
  yName: string;
  xKind: ColumnKind;
  /** The x axis: category labels (line, bar, scatter over text) or a value or time axis (scatter). */
  axis: { type: 'category'; labels: string[] } | { type: 'value' | 'time' };
  series: ChartSeries[];
  notes: ChartNote[];
  /** Values and labels were written in this language (the model is rebuilt when it changes). */
  locale: ChartLabels['locale'];
}

const isNumeric = (c: ResultColumn) => c.kind === 'number';
const isOrdered = (k: ColumnKind) => k === 'number' || k === 'date' || k === 'timestamp';

/** A first chart for a result: x the first column that is not a number (else the first), y the first number after it. */
export function defaultSpec(columns: readonly ResultColumn[]): ChartSpec | null {
  const ys = columns.filter(isNumeric);
  if (!ys.length || columns.length < 2) return null;
  const x = columns.find((c) => !isNumeric(c)) ?? columns[0]!;
  const y = ys.find((c) => c !== x);
  if (!y) return null;
  const rest = columns.filter((c) => c !== x && c !== y && !isNumeric(c));
  return { type: isOrdered(x.kind) ? 'line' : 'bar', x: x.name, y: y.name, series: rest[0]?.name ?? null };
}

/** The spec in a link's parameters, if it names columns the result has; else null. */
export function specFromParams(params: Record<string, string>, columns: readonly ResultColumn[]): ChartSpec | null {
  const type = CHART_TYPES.find((t) => t === params.chart);
  const has = (name: string | undefined) => name !== undefined && columns.some((c) => c.name === name);
  if (!type || !has(params.x) || !has(params.y) || !isNumeric(columns.find((c) => c.name === params.y)!)) return null;
  return { type, x: params.x!, y: params.y!, series: has(params.s) ? params.s! : null };
}

export const specParams = (spec: ChartSpec | null) => ({ chart: spec?.type, x: spec?.x, y: spec?.y, s: spec?.series ?? undefined });

/** Text of a category or series value: as the grid writes it, a blank as `blank`. */
const labelOf = (v: Value, col: ResultColumn, locale: ChartLabels['locale'], blank: string) => (v === null ? blank : cellText(v, col, locale) || blank);

export function buildChart(src: ChartSource, spec: ChartSpec, query: string, locale: ChartLabels['locale'], blank: string): ChartModel {
  const xi = src.columns.findIndex((c) => c.name === spec.x);
  const yi = src.columns.findIndex((c) => c.name === spec.y);
  const si = spec.series === null ? -1 : src.columns.findIndex((c) => c.name === spec.series);
  const xCol = src.columns[xi]!;
  const yCol = src.columns[yi]!;
  const base = { spec, query, xName: xCol.name, yName: yCol.name, xKind: xCol.kind, locale };
  const notes: ChartNote[] = [];
  if (!isNumeric(yCol)) return { ...base, axis: { type: 'category', labels: [] }, series: [], notes: [{ kind: 'noNumbers' }] };
  const xs = src.column(xi);
  const ys = src.column(yi);
  const ss = si >= 0 ? src.column(si) : null;
  const sCol = si >= 0 ? src.columns[si]! : null;

  // Series in the order they first appear; the rows of a series past the limit are left out.
  const seriesIndex = new Map<string, number>();
  const seriesNames: string[] = [];
  let seriesCut = false;
  const seriesOf = (r: number): number => {
    const name = ss ? labelOf(ss[r] ?? null, sCol!, locale, blank) : yCol.name;
    let k = seriesIndex.get(name);
    if (k === undefined) {
      if (seriesNames.length >= CHART_LIMITS.series) {
        seriesCut = true;
        return -1;
      }
      seriesIndex.set(name, (k = seriesNames.length));
      seriesNames.push(name);
    }
    return k;
  };

  if (spec.type === 'scatter') {
    const axisType = xCol.kind === 'number' ? 'value' : xCol.kind === 'date' || xCol.kind === 'timestamp' ? 'time' : 'category';
    const points: [number | string, number][][] = [];
    const labels: string[] = [];
    const labelIndex = new Map<string, number>();
    let n = 0;
    for (let r = 0; r < ys.length; r++) {
      const y = ys[r];
      const x = xs[r] ?? null;
      if (typeof y !== 'number' || !Number.isFinite(y) || x === null) continue;
      if (n >= CHART_LIMITS.points) {
        notes.push({ kind: 'pointsCut', n: CHART_LIMITS.points });
        break;
      }
      const k = seriesOf(r);
      if (k < 0) continue;
      let px: number | string;
      if (axisType === 'category') {
        const label = labelOf(x, xCol, locale, blank);
        if (!labelIndex.has(label)) {
          labelIndex.set(label, labels.length);
          labels.push(label);
        }
        px = label;
      } else px = Number(x);
      (points[k] ??= []).push([px, y]);
      n++;
    }
    if (seriesCut) notes.push({ kind: 'seriesCut', n: CHART_LIMITS.series });
    return {
      ...base,
      axis: axisType === 'category' ? { type: 'category', labels } : { type: axisType },
      series: seriesNames.map((name, k) => ({ name, data: points[k] ?? [] })),
      notes,
    };
  }

  // Line and bar: one value per category and series. Numbers and dates go in ascending order; text as it came (the
  // query's ORDER BY). Rows sharing a category and series are added up, and the chart says so.
  const keyOf = (v: Value) => (v === null ? '\u0000' : isOrdered(xCol.kind) ? Number(v) : labelOf(v, xCol, locale, blank));
  const cats = new Map<string | number, number>();
  const catValues: Value[] = [];
  for (let r = 0; r < xs.length; r++) {
    const key = keyOf(xs[r] ?? null);
    if (!cats.has(key)) {
      cats.set(key, catValues.length);
      catValues.push(xs[r] ?? null);
    }
  }
  let order = catValues.map((_, i) => i);
  if (isOrdered(xCol.kind)) order.sort((a, b) => (catValues[a] === null ? 1 : catValues[b] === null ? -1 : Number(catValues[a]) - Number(catValues[b])));
  if (order.length > CHART_LIMITS.categories) {
    notes.push({ kind: 'categoriesCut', n: CHART_LIMITS.categories });
    order = order.slice(0, CHART_LIMITS.categories);
  }
  const position = new Map(order.map((c, p) => [c, p]));
  const sums: (number | null)[][] = [];
  const seen: Uint8Array[] = [];
  let summed = false;
  for (let r = 0; r < ys.length; r++) {
    const y = ys[r];
    if (typeof y !== 'number' || !Number.isFinite(y)) continue;
    const p = position.get(cats.get(keyOf(xs[r] ?? null))!);
    if (p === undefined) continue;
    const k = seriesOf(r);
    if (k < 0) continue;
    const row = (sums[k] ??= new Array<number | null>(order.length).fill(null));
    const marks = (seen[k] ??= new Uint8Array(order.length));
    if (marks[p]) summed = true;
    marks[p] = 1;
    row[p] = (row[p] ?? 0) + y;
  }
  if (summed) notes.push({ kind: 'summed' });
  if (seriesCut) notes.push({ kind: 'seriesCut', n: CHART_LIMITS.series });
  return {
    ...base,
    axis: { type: 'category', labels: order.map((c) => labelOf(catValues[c] ?? null, xCol, locale, blank)) },
    series: seriesNames.map((name, k) => ({ name, data: sums[k] ?? new Array<number | null>(order.length).fill(null) })),
    notes,
  };
}

/** Values on the axis and in tooltips: vi-VN or en-GB, up to two decimals. */
const valueFormat = (locale: ChartLabels['locale']) => {
  const f = numberFormatter(locale, 0, 2);
  return (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? f.format(v) : '–');
};

export function chartOption(m: ChartModel, labels: ChartLabels): EChartsCoreOption {
  const fmt = valueFormat(labels.locale);
  const legend = m.series.length > 1;
  const labelsOfAxis = m.axis.type === 'category' ? m.axis.labels : null;
  const many = labelsOfAxis !== null && labelsOfAxis.length > 40;
  const dayFormat = (v: number) => {
    const d = new Date(v);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  return {
    grid: { left: 16, right: 24, top: legend ? 56 : 24, bottom: 48, containLabel: true },
    legend: legend ? { top: 0, type: 'scroll' } : undefined,
    tooltip: m.spec.type === 'scatter' ? { trigger: 'item' } : { trigger: 'axis', valueFormatter: fmt },
    xAxis: labelsOfAxis
      ? { type: 'category', data: labelsOfAxis, name: m.xName, nameLocation: 'middle', nameGap: 32, axisLabel: { hideOverlap: true } }
      : {
          type: m.axis.type,
          name: m.xName,
          nameLocation: 'middle',
          nameGap: 32,
          scale: true,
          axisLabel: { formatter: m.axis.type === 'time' ? dayFormat : fmt },
        },
    yAxis: { type: 'value', name: m.yName, scale: m.spec.type === 'scatter', axisLabel: { formatter: fmt } },
    series: m.series.map((s) => ({
      name: s.name,
      type: m.spec.type,
      data: s.data,
      ...(m.spec.type === 'line' ? { showSymbol: !many, connectNulls: false } : {}),
      ...(m.spec.type === 'scatter' ? { symbolSize: 7, large: s.data.length > 2000 } : {}),
    })),
  };
}

/** The figures as a table (the chart's "Bảng số liệu"): categories by series, or the points. */
export function chartTable(m: ChartModel, labels: ChartLabels, max = 1000): ChartTable {
  const fmt = numberFormatter(labels.locale, 0, 6);
  const num = (v: number | null) => (v === null ? '' : fmt.format(v));
  if (m.spec.type === 'scatter') {
    const rows = m.series.flatMap((s) =>
      (s.data as [number | string, number][]).map(([x, y]) => {
        const xText = typeof x === 'string' ? x : m.axis.type === 'time' ? new Date(x).toISOString().slice(0, 10) : num(x);
        return m.series.length > 1 ? [s.name, xText, num(y)] : [xText, num(y)];
      }),
    );
    return { columns: m.series.length > 1 ? [m.spec.series ?? '', m.xName, m.yName] : [m.xName, m.yName], rows: rows.slice(0, max) };
  }
  const cats = m.axis.type === 'category' ? m.axis.labels : [];
  return {
    columns: [m.xName, ...m.series.map((s) => s.name)],
    rows: cats.slice(0, max).map((c, i) => [c, ...m.series.map((s) => num((s.data as (number | null)[])[i] ?? null))]),
  };
}
