// Tree-shaken ECharts: only what the app draws. (echarts-for-react's lib/ build crashes under Vite 8; use esm/core.)
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, CustomChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, GraphicComponent, GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, MapChart, CustomChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, GraphicComponent, GeoComponent, CanvasRenderer]);

export { echarts };
