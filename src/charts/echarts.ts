// Tree-shaken ECharts: only what the app draws. (echarts-for-react's lib/ build crashes under Vite 8; use esm/core.)
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { THEME, themeOf, type ChartPlace } from './theme';

// The map's parts (map series, geo, custom outline, graphics) register in features/indices/map/loadMap.ts, so they
// load with the index page only.
echarts.use([
  LineChart,
  BarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

// The three looks, registered once when ECharts is first loaded; a chart names its place's theme (theme.ts).
for (const place of Object.keys(THEME) as ChartPlace[]) echarts.registerTheme(THEME[place], themeOf(place));

export { echarts };
