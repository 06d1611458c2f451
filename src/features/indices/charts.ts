// Pure ECharts option builders for the index page: rows in, option out. Labels are plain text (no HTML formatter).
import type { EChartsCoreOption } from 'echarts/core';
import { eraOf, type IndexMeta } from '../../domain/indices';
import { FONT_FAMILY, FONT_SIZE, GRID_COLOUR, PALETTE, TEXT_COLOUR } from '../../charts/theme';

export interface TrendPoint {
  year: number;
  unit: number | null;
  median: number | null;
  best: number | null;
  /** The unit's value that year is computed (mean of former units across the 2025 merger), not published. */
  computed?: boolean;
}

export interface IndexTrendLabels {
  unit: string;
  median: string;
  best: string;
  target: string;
  breakLabel: (year: number) => string;
  yAxis: string;
  xAxis: string;
  formatValue: (v: number) => string;
}

const base = (labels: { formatValue: (v: number) => string }) => ({
  animation: false,
  textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT_COLOUR },
  legend: { top: 0, textStyle: { fontSize: FONT_SIZE } },
  tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.formatValue(v) : '–') },
});

/**
 * The unit, the peers' median and the best peer by year, plus a target line. Each methodology era is its
 * own series (same name, one legend entry), so no line crosses a break; the break is marked on the axis.
 */
export function indexTrendOption(
  points: readonly TrendPoint[],
  meta: IndexMeta,
  labels: IndexTrendLabels,
  target: number | null,
  /** Extra thin lines, e.g. the former provinces of a merged one; values aligned with `points`. */
  extra: readonly { name: string; values: readonly (number | null)[] }[] = [],
): EChartsCoreOption {
  const years = points.map((p) => String(p.year));
  const eras = [...new Set(points.map((p) => eraOf(meta, p.year)))];
  const line = (name: string, pick: (p: TrendPoint) => number | null, colour: string, width: number, dashed: boolean, symbol: string, hollow?: (p: TrendPoint) => boolean) =>
    eras.map((era) => ({
      name,
      type: 'line',
      // A computed value is drawn as a hollow point on the same line, so the trend reads on across the merger.
      data: points.map((p) => (eraOf(meta, p.year) !== era ? null : hollow?.(p) && pick(p) !== null ? { value: pick(p), symbol: 'emptyCircle' } : pick(p))),
      connectNulls: false,
      symbol,
      symbolSize: width > 3 ? 11 : 8,
      lineStyle: { width, type: dashed ? 'dashed' : 'solid', color: colour },
      itemStyle: { color: colour },
    }));
  const series: Record<string, unknown>[] = [
    ...line(labels.unit, (p) => p.unit, PALETTE[0], 4, false, 'circle', (p) => p.computed === true),
    ...line(labels.median, (p) => p.median, PALETTE[2], 2.5, false, 'rect'),
    ...line(labels.best, (p) => p.best, PALETTE[1], 2.5, true, 'triangle'),
    ...extra.flatMap((x, k) => {
      const at = new Map(points.map((p, i) => [p.year, x.values[i] ?? null]));
      return line(x.name, (p) => at.get(p.year) ?? null, PALETTE[(4 + k) % PALETTE.length]!, 1.5, true, 'emptyCircle');
    }),
  ];
  const breaks = meta.breaks.filter((b) => years.includes(String(b)) && years[0] !== String(b));
  const marks: Record<string, unknown>[] = breaks.map((b) => ({
    xAxis: String(b),
    lineStyle: { color: '#57606a', type: 'dotted', width: 2 },
    label: { formatter: labels.breakLabel(b), fontSize: FONT_SIZE, color: TEXT_COLOUR, position: 'end' },
  }));
  if (target !== null) {
    marks.push({ yAxis: target, lineStyle: { color: PALETTE[3], type: 'dashed', width: 2 }, label: { formatter: labels.target, fontSize: FONT_SIZE, color: TEXT_COLOUR, position: 'insideEndTop' } });
  }
  if (marks.length && series[0]) series[0].markLine = { symbol: 'none', silent: true, data: marks };
  return {
    ...base(labels),
    grid: { left: 72, right: 32, top: 64, bottom: 56 },
    xAxis: { type: 'category', data: years, name: labels.xAxis, nameLocation: 'middle', nameGap: 32, axisLabel: { fontSize: FONT_SIZE } },
    yAxis: {
      type: 'value', scale: true, name: labels.yAxis, nameTextStyle: { fontSize: FONT_SIZE, align: 'left' },
      axisLabel: { fontSize: FONT_SIZE, formatter: (v: number) => labels.formatValue(v) }, splitLine: { lineStyle: { color: GRID_COLOUR } },
      ...(target !== null ? { max: (v: { max: number }) => Math.max(v.max, target) } : {}),
    },
    series,
  };
}

export interface ComponentBar {
  label: string;
  unit: number | null;
  median: number | null;
  best: number | null;
}

export interface ComponentLabels {
  unit: string;
  median: string;
  best: string;
  xAxis: string;
  formatValue: (v: number) => string;
}

/** Horizontal bars per component (long Vietnamese names read well on the y axis): unit, median, best. */
export function componentBarsOption(bars: readonly ComponentBar[], labels: ComponentLabels): EChartsCoreOption {
  // ECharts draws the first category at the bottom: reverse so the list reads top-down as given.
  const rows = [...bars].reverse();
  const bar = (name: string, pick: (b: ComponentBar) => number | null, colour: string) => ({
    name,
    type: 'bar',
    data: rows.map(pick),
    itemStyle: { color: colour },
    barMaxWidth: 18,
  });
  return {
    ...base(labels),
    grid: { left: 16, right: 40, top: 40, bottom: 48, containLabel: true },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { fontSize: FONT_SIZE, width: 300, overflow: 'truncate' } },
    xAxis: {
      type: 'value', name: labels.xAxis, nameLocation: 'middle', nameGap: 30, nameTextStyle: { fontSize: FONT_SIZE },
      axisLabel: { fontSize: FONT_SIZE, formatter: (v: number) => labels.formatValue(v) }, splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    series: [bar(labels.unit, (b) => b.unit, PALETTE[0]), bar(labels.median, (b) => b.median, PALETTE[2]), bar(labels.best, (b) => b.best, PALETTE[1])],
  };
}
