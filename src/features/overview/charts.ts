// Pure ECharts option builders for the overview: query rows in, option out. Type, colours of text and lines, the
// palette: the theme's (charts/theme.ts).
import type { EChartsCoreOption } from 'echarts/core';
import type { YearSummary } from '../../domain/trend';
import { eraOf, type IndexMeta } from '../../domain/indices';
import { ROLE_COLOUR } from '../../charts/theme';

interface TrendLabels {
  median: string;
  best: string;
  breakLabel: (year: number) => string;
  yAxis: string;
  xAxis: string;
  formatValue: (v: number) => string;
}

/**
 * Median and best by year. Each methodology era gets its own series (same name, so the legend treats them
 * as one line and the palette gives them one colour) and the line never joins across a break.
 */
export function trendOption(summaries: readonly YearSummary[], meta: IndexMeta, labels: TrendLabels): EChartsCoreOption {
  const years = summaries.map((s) => String(s.year));
  const eras = [...new Set(summaries.map((s) => eraOf(meta, s.year)))];
  // Median first and best second: the palette's first two colours, in that order.
  const line = (name: string, pick: (s: YearSummary) => number | null, dashed: boolean) =>
    eras.map((era) => ({
      name,
      type: 'line',
      data: summaries.map((s) => (eraOf(meta, s.year) === era ? pick(s) : null)),
      connectNulls: false,
      symbolSize: 8,
      lineStyle: { width: 3, type: dashed ? 'dashed' : 'solid' },
    }));
  const breakLines = meta.breaks.filter((b) => years.includes(String(b))).map((b) => ({ xAxis: String(b), label: { formatter: labels.breakLabel(b) } }));
  const series = [...line(labels.median, (s) => s.median, false), ...line(labels.best, (s) => s.best, true)];
  if (breakLines.length && series[0]) {
    Object.assign(series[0], {
      markLine: { symbol: 'none', silent: true, lineStyle: { color: ROLE_COLOUR.mark, type: 'dotted', width: 2 }, data: breakLines },
    });
  }
  return {
    grid: { left: 64, right: 24, top: 56, bottom: 56 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.formatValue(v) : '–') },
    xAxis: { type: 'category', data: years, name: labels.xAxis, nameLocation: 'middle', nameGap: 32 },
    yAxis: {
      type: 'value',
      scale: true,
      name: labels.yAxis,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => labels.formatValue(v) },
    },
    series,
  };
}

interface SparkPaths {
  /** SVG path data, one per run of consecutive values in one methodology era. */
  lines: string[];
  last: { x: number; y: number } | null;
}

/**
 * A sparkline from numbers: x by position in the series, y scaled to the values' own range (2 px margin).
 * A missing value or a methodology break ends the line; the next values start a new one.
 */
export function sparkPaths(
  series: readonly { year: number; value: number | null }[],
  era: (year: number) => number,
  width: number,
  height: number,
): SparkPaths {
  const vals = series.map((s) => s.value).filter((v): v is number => v !== null);
  if (!vals.length) return { lines: [], last: null };
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const m = 4;
  const x = (i: number) => (series.length === 1 ? width / 2 : m + (i * (width - 2 * m)) / (series.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : height - m - ((v - lo) * (height - 2 * m)) / (hi - lo));
  const lines: string[] = [];
  let cur: string[] = [];
  let last: { x: number; y: number } | null = null;
  series.forEach((s, i) => {
    const prev = series[i - 1];
    if (s.value === null || (prev && era(prev.year) !== era(s.year))) {
      if (cur.length) lines.push(cur.join(' '));
      cur = [];
    }
    if (s.value === null) return;
    const p = { x: Math.round(x(i) * 10) / 10, y: Math.round(y(s.value) * 10) / 10 };
    cur.push(`${cur.length ? 'L' : 'M'}${p.x},${p.y}`);
    last = p;
  });
  if (cur.length) lines.push(cur.join(' '));
  return { lines, last };
}
