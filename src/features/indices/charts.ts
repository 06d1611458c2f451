// Pure ECharts option builders for the index page: rows in, option out. Labels are plain text (no HTML formatter).
// Type, text colours and grid lines: the theme's (charts/theme.ts); series keep their role's colour on every chart.
import type { EChartsCoreOption } from 'echarts/core';
import { eraOf, type IndexMeta } from '../../domain/indices';
import { ROLE_COLOUR } from '../../charts/theme';

export interface TrendPoint {
  year: number;
  unit: number | null;
  median: number | null;
  best: number | null;
  /** The unit's value that year is computed (mean of former units across the 2025 merger), not published. */
  computed?: boolean;
}

interface IndexTrendLabels {
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
  legend: { top: 0 },
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
  const line = (
    name: string,
    pick: (p: TrendPoint) => number | null,
    colour: string,
    width: number,
    dashed: boolean,
    symbol: string,
    hollow?: (p: TrendPoint) => boolean,
  ) =>
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
    ...line(
      labels.unit,
      (p) => p.unit,
      ROLE_COLOUR.subject,
      4,
      false,
      'circle',
      (p) => p.computed === true,
    ),
    ...line(labels.median, (p) => p.median, ROLE_COLOUR.typical, 2.5, false, 'rect'),
    ...line(labels.best, (p) => p.best, ROLE_COLOUR.contrast, 2.5, true, 'triangle'),
    ...extra.flatMap((x, k) => {
      const at = new Map(points.map((p, i) => [p.year, x.values[i] ?? null]));
      return line(x.name, (p) => at.get(p.year) ?? null, ROLE_COLOUR.extra(k), 1.5, true, 'emptyCircle');
    }),
  ];
  const breaks = meta.breaks.filter((b) => years.includes(String(b)) && years[0] !== String(b));
  const marks: Record<string, unknown>[] = breaks.map((b) => ({
    xAxis: String(b),
    lineStyle: { color: ROLE_COLOUR.mark, type: 'dotted', width: 2 },
    label: { formatter: labels.breakLabel(b), position: 'end' },
  }));
  if (target !== null) {
    marks.push({
      yAxis: target,
      lineStyle: { color: ROLE_COLOUR.target, type: 'dashed', width: 2 },
      label: { formatter: labels.target, position: 'insideEndTop' },
    });
  }
  if (marks.length && series[0]) series[0].markLine = { symbol: 'none', silent: true, data: marks };
  return {
    ...base(labels),
    grid: { left: 72, right: 32, top: 64, bottom: 56 },
    xAxis: { type: 'category', data: years, name: labels.xAxis, nameLocation: 'middle', nameGap: 32 },
    yAxis: {
      type: 'value',
      scale: true,
      name: labels.yAxis,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => labels.formatValue(v) },
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

interface ComponentLabels {
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
    // The grid's box holds the long component names too (ECharts 6's form of containLabel).
    grid: { left: 16, right: 40, top: 40, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 300, overflow: 'truncate' } },
    xAxis: {
      type: 'value',
      name: labels.xAxis,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => labels.formatValue(v) },
    },
    series: [
      bar(labels.unit, (b) => b.unit, ROLE_COLOUR.subject),
      bar(labels.median, (b) => b.median, ROLE_COLOUR.typical),
      bar(labels.best, (b) => b.best, ROLE_COLOUR.contrast),
    ],
  };
}
