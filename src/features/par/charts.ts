// Pure ECharts option builders for the PAR workspace: rows in, option out (no HTML in tooltips).
import type { EChartsCoreOption } from 'echarts/core';
import { FONT_FAMILY, FONT_SIZE, GRID_COLOUR, PALETTE, TEXT_COLOUR } from '../../charts/theme';

export interface BarRow {
  label: string;
  value: number;
  highlight?: boolean;
}

/** Horizontal bars, largest at the top; the highlighted row (the user's own unit) in the accent colour. */
export function horizontalBarOption(rows: readonly BarRow[], o: { axis: string; series: string; format: (v: number) => string; colour?: string }): EChartsCoreOption {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  const colour = o.colour ?? PALETTE[1];
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT_COLOUR },
    grid: { left: 8, right: 64, top: 16, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? o.format(v) : '–') },
    xAxis: { type: 'value', name: o.axis, nameLocation: 'middle', nameGap: 28, axisLabel: { fontSize: FONT_SIZE, formatter: (v: number) => o.format(v) }, splitLine: { lineStyle: { color: GRID_COLOUR } } },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { fontSize: FONT_SIZE, width: 300, overflow: 'truncate' } },
    series: [{
      name: o.series,
      type: 'bar',
      data: ordered.map((r) => ({ value: r.value, itemStyle: { color: r.highlight ? PALETTE[0] : colour } })),
      label: { show: true, position: 'right', fontSize: FONT_SIZE, formatter: (p: { value: number }) => o.format(p.value) },
      barMaxWidth: 28,
    }],
  };
}

/** Self vs appraised index by unit, side by side: who over-scores shows as the orange bar running past the blue. */
export function selfVsAppraisedOption(rows: readonly { label: string; self: number | null; appraised: number | null }[], o: { self: string; appraised: string; axis: string; format: (v: number) => string }): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT_COLOUR },
    legend: { top: 0, textStyle: { fontSize: FONT_SIZE } },
    grid: { left: 8, right: 64, top: 40, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? o.format(v) : '–') },
    xAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100, name: o.axis, nameLocation: 'middle', nameGap: 28, axisLabel: { fontSize: FONT_SIZE }, splitLine: { lineStyle: { color: GRID_COLOUR } } },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { fontSize: FONT_SIZE, width: 260, overflow: 'truncate' } },
    series: [
      { name: o.self, type: 'bar', data: ordered.map((r) => r.self), itemStyle: { color: PALETTE[1] }, barMaxWidth: 16 },
      { name: o.appraised, type: 'bar', data: ordered.map((r) => r.appraised), itemStyle: { color: PALETTE[0] }, barMaxWidth: 16 },
    ],
  };
}
