import { describe, expect, it, vi } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { drawnText } from '../../tests/helpers/drawnText';
import { THEME, themeOf, type ChartPlace } from './theme';

// Counts the themes ECharts is given, by name, from the moment the app's ECharts module loads.
const registered = vi.hoisted(() => [] as string[]);
vi.mock('echarts/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('echarts/core')>();
  return { ...real, registerTheme: (name: string, theme: object) => (registered.push(name), real.registerTheme(name, theme)) };
});

// An option as the builders write them: data and layout, no type sizes or text colours; a mark line with its own label.
const option: EChartsCoreOption = {
  legend: { top: 0 },
  xAxis: { type: 'category', data: ['2017', '2018', '2019'], name: 'Năm', nameLocation: 'middle', nameGap: 32 },
  yAxis: { type: 'value', name: 'Điểm' },
  series: [
    {
      name: 'Xã Hòa An',
      type: 'line',
      data: [41.2, 43.5, 44.1],
      label: { show: true, formatter: (p: { value: number }) => p.value.toFixed(1) },
      markLine: {
        symbol: 'none',
        data: [
          { xAxis: '2018', label: { formatter: 'Đổi phương pháp' } },
          { yAxis: 44, label: { formatter: 'Mục tiêu' } },
        ],
      },
    },
    { name: 'Trung vị', type: 'bar', data: [40, 42, 43] },
  ],
};

const sizes = (place: ChartPlace) => drawnText(option, place).map((t) => t.size);

describe('chart themes', () => {
  it('are registered once each, when ECharts loads, and drawing charts registers nothing more', async () => {
    await import('./echarts');
    expect([...registered].sort()).toEqual(Object.values(THEME).sort());
    drawnText(option, 'screen');
    drawnText(option, 'slide');
    await import('./echarts');
    expect(registered).toHaveLength(3);
  });

  it('draw every text of a slide at 18 px or more: axes, axis names, legend, data labels and mark-line labels', () => {
    const texts = drawnText(option, 'slide');
    for (const name of ['2018', 'Năm', 'Điểm', 'Xã Hòa An', 'Trung vị', '43.5', 'Đổi phương pháp', 'Mục tiêu']) {
      expect(
        texts.find((t) => t.text === name),
        name,
      ).toBeDefined();
    }
    expect(Math.min(...texts.map((t) => t.size))).toBeGreaterThanOrEqual(18);
  });

  it('draw the screen at its own size, and print in black at a size that prints at about 7–8 pt', () => {
    expect(new Set(sizes('screen'))).toEqual(new Set([14]));
    const print = drawnText(option, 'print');
    expect(new Set(print.map((t) => t.size))).toEqual(new Set([14]));
    expect(print.find((t) => t.text === '2018')!.fill).toBe('#000000');
    expect(Math.min(...sizes('slide'))).toBeGreaterThan(Math.max(...sizes('screen')));
  });

  it('never animate, and share one palette', () => {
    for (const place of Object.keys(THEME) as ChartPlace[]) {
      expect(themeOf(place).animation).toBe(false);
      expect(themeOf(place).color).toEqual(themeOf('screen').color);
    }
  });

  it('yield to an option that sets a size itself (so builders must not)', () => {
    const fixed = { ...option, xAxis: { ...(option.xAxis as object), axisLabel: { fontSize: 12 } } };
    expect(drawnText(fixed, 'slide').find((t) => t.text === '2018')!.size).toBe(12);
  });
});
