// Pure ECharts option builders for the PAR workspace: rows in, option out (no HTML in tooltips). Type, text colours
// and grid lines: the theme's (charts/theme.ts).
import type { EChartsCoreOption } from 'echarts/core';
import { ROLE_COLOUR } from '../../charts/theme';

export interface BarRow {
  label: string;
  value: number;
  highlight?: boolean;
}

/** Horizontal bars, largest at the top; the highlighted row (the user's own unit) in the accent colour. */
export function horizontalBarOption(
  rows: readonly BarRow[],
  o: { axis: string; series: string; format: (v: number) => string; colour?: string },
): EChartsCoreOption {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  const colour = o.colour ?? ROLE_COLOUR.contrast;
  return {
    // The grid's box holds the long category labels too (ECharts 6's form of containLabel).
    grid: { left: 8, right: 64, top: 16, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? o.format(v) : '–') },
    xAxis: { type: 'value', name: o.axis, nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (v: number) => o.format(v) } },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { width: 300, overflow: 'truncate' } },
    series: [
      {
        name: o.series,
        type: 'bar',
        data: ordered.map((r) => ({ value: r.value, itemStyle: { color: r.highlight ? ROLE_COLOUR.subject : colour } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => o.format(p.value) },
        barMaxWidth: 28,
      },
    ],
  };
}

/** Self vs appraised index by unit, side by side: who over-scores shows as the orange bar running past the blue. */
export function selfVsAppraisedOption(
  rows: readonly { label: string; self: number | null; appraised: number | null }[],
  o: { self: string; appraised: string; axis: string; format: (v: number) => string },
): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 64, top: 40, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? o.format(v) : '–') },
    xAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10),
      max: 100,
      name: o.axis,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      { name: o.self, type: 'bar', data: ordered.map((r) => r.self), itemStyle: { color: ROLE_COLOUR.contrast }, barMaxWidth: 16 },
      { name: o.appraised, type: 'bar', data: ordered.map((r) => r.appraised), itemStyle: { color: ROLE_COLOUR.subject }, barMaxWidth: 16 },
    ],
  };
}
