// What <Chart> needs from the app around it, without charts/ knowing any page: the app's root provides a ChartHost
// (the pins and the demo flag: features/present/PinningChartHost), and a slide or the printed report provides a
// stand-in that draws one chart of a hidden view in its place (features/present/ChartFocus).
import { createContext, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartHost {
  /** Demo data is shown: a chart's PNG says so in its footer. */
  demo: boolean;
  /** Whether the chart `chartId` of the current view is pinned for the presentation deck. */
  isPinned(chartId: string): boolean;
  togglePin(chartId: string, title: string): void;
}

/** Without a host: no demo, nothing pinned, pinning does nothing. */
export const ChartHostContext = createContext<ChartHost>({ demo: false, isPinned: () => false, togglePin: () => {} });

/** One chart as a stand-in draws it: what <Chart> was given. */
export interface ChartDrawing {
  id: string;
  title: string;
  subtitle?: string;
  context?: string;
  option: EChartsCoreOption;
  hasData: boolean;
  source?: string;
}

/** Non-null inside a slide or the report: every <Chart> renders what this returns instead of its figure. */
export const ChartStandInContext = createContext<((chart: ChartDrawing) => ReactNode) | null>(null);
