// What a chart option draws as text, in Node: ECharts' SVG server-side rendering under one of the app's themes, read
// back as { text, size, fill } per text element. For tests of what themes and option builders put on screen.
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../../src/charts/echarts';
import { THEME, type ChartPlace } from '../../src/charts/theme';

echarts.use([SVGRenderer]);

export interface DrawnText {
  text: string;
  size: number;
  fill: string;
}

/** Every text the option draws at `width` × `height` in the look of `place`. */
export function drawnText(option: EChartsCoreOption, place: ChartPlace, width = 1200, height = 700): DrawnText[] {
  const chart = echarts.init(null as unknown as HTMLElement, THEME[place], { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => {
      const attrs = m[1]!;
      const size = /font-size:\s*([\d.]+)px/.exec(attrs) ?? /font:[^;"]*?([\d.]+)px/.exec(attrs);
      return { text: m[2]!, size: size ? Number(size[1]) : NaN, fill: /fill="([^"]*)"/.exec(attrs)?.[1] ?? '' };
    });
  } finally {
    chart.dispose();
  }
}
