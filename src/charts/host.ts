// What <Chart> needs from the app around it, without charts/ knowing any page: the app's root provides a ChartHost
// (the pins and the demo flag: features/present/PinningChartHost). A slide or the printed report draws a pinned chart
// from its definition (charts by id: registry.ts), not through <Chart>.
import { createContext } from 'react';

export interface ChartHost {
  /** Demo data is shown: a chart's PNG says so in its footer. */
  demo: boolean;
  /** Whether the chart `chartId` of the current view is pinned for the presentation deck. */
  isPinned(chartId: string): boolean;
  togglePin(chartId: string, title: string): void;
}

/** Without a host: no demo, nothing pinned, pinning does nothing. */
export const ChartHostContext = createContext<ChartHost>({ demo: false, isPinned: () => false, togglePin: () => {} });
