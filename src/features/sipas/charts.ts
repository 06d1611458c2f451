// Pure ECharts option builders for SIPAS: figures in, option out. Labels and tooltips are canvas text
// formatted by valueFormatter, never HTML built from data. Type, text colours and grid lines: the theme's (charts/theme.ts).
import type { EChartsCoreOption } from 'echarts/core';
import { ROLE_COLOUR } from '../../charts/theme';
import type { ItemFigure, PeriodFigure } from './model';

const TARGET_COLOUR = '#C0392B';
const BAND_COLOUR = 'rgba(0, 96, 168, 0.16)';
/** Answers 1..5: diverging, red (very dissatisfied) to blue (very satisfied), grey in the middle. */
const ANSWER_COLOURS = ['#B2182B', '#EF8A62', '#BABABA', '#67A9CF', '#2166AC'] as const;

export interface TrendLabels {
  periodLabel: (key: string) => string;
  pooled: string;
  mean: string;
  ci: string;
  target: string;
  formatValue: (v: number) => string;
}

/** The lowest axis value that still shows every interval and the target, in steps of 5. */
export function axisFloor(figures: readonly PeriodFigure[]): number {
  const lows = figures.flatMap((f) => [f.pooled.lo, f.mean.rate, f.target]).filter((v): v is number => v !== null);
  if (!lows.length) return 0;
  return Math.max(0, Math.floor((Math.min(...lows) - 2) / 5) * 5);
}

/**
 * Rate by period: the pooled rate with its 95% interval as a band (two stacked series: the lower bound, then
 * the band's height), the mean of the five elements dashed, and the target as a red step line (targets may
 * differ by year).
 */
export function trendOption(figures: readonly PeriodFigure[], labels: TrendLabels): EChartsCoreOption {
  const x = figures.map((f) => labels.periodLabel(f.period));
  const lo = figures.map((f) => f.pooled.lo);
  const height = figures.map((f) => (f.pooled.lo !== null && f.pooled.hi !== null ? f.pooled.hi - f.pooled.lo : null));
  return {
    grid: { left: 56, right: 24, top: 64, bottom: 40 },
    legend: { top: 0, data: [labels.pooled, labels.mean, labels.ci, labels.target] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.formatValue(v) : '–') },
    xAxis: { type: 'category', data: x, boundaryGap: true, axisLabel: { interval: x.length <= 16 ? 0 : 'auto', hideOverlap: true } },
    yAxis: {
      // No axis name: the legend may wrap over it on narrow pages; the labels carry the unit.
      type: 'value',
      min: axisFloor(figures),
      max: 100,
      axisLabel: { formatter: (v: number) => `${Math.round(v)}%` },
    },
    series: [
      { name: 'ci-lower', type: 'line', stack: 'ci', data: lo, symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
      {
        name: labels.ci,
        type: 'line',
        stack: 'ci',
        data: height,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOUR },
        itemStyle: { color: BAND_COLOUR },
        tooltip: { show: false },
        silent: true,
      },
      {
        name: labels.pooled,
        type: 'line',
        data: figures.map((f) => f.pooled.rate),
        symbolSize: 9,
        lineStyle: { width: 3, color: ROLE_COLOUR.subject },
        itemStyle: { color: ROLE_COLOUR.subject },
        label: { show: true, position: 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? labels.formatValue(p.value) : '') },
      },
      {
        name: labels.mean,
        type: 'line',
        data: figures.map((f) => f.mean.rate),
        symbolSize: 6,
        lineStyle: { width: 2, type: 'dashed', color: ROLE_COLOUR.typical },
        itemStyle: { color: ROLE_COLOUR.typical },
      },
      {
        name: labels.target,
        type: 'line',
        step: 'middle',
        data: figures.map((f) => f.target),
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: TARGET_COLOUR },
        itemStyle: { color: TARGET_COLOUR },
      },
    ],
  };
}

export interface DistributionLabels {
  answer: (level: number) => string;
  formatValue: (v: number) => string;
}

/** Share of each answer (1–5) per item as 100% stacked horizontal bars, first item on top. */
export function distributionOption(items: readonly ItemFigure[], labels: DistributionLabels): EChartsCoreOption {
  const rows = [...items].reverse(); // ECharts draws the first category at the bottom
  const share = (it: ItemFigure, level: number) => (it.n > 0 ? (it.answers[level - 1]! / it.n) * 100 : null);
  return {
    grid: { left: 72, right: 24, top: 48, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.formatValue(v) : '–') },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
    yAxis: { type: 'category', data: rows.map((it) => it.code) },
    series: [1, 2, 3, 4, 5].map((level) => ({
      name: labels.answer(level),
      type: 'bar',
      stack: 'answers',
      barWidth: '70%',
      data: rows.map((it) => share(it, level)),
      itemStyle: { color: ANSWER_COLOURS[level - 1] },
    })),
  };
}
