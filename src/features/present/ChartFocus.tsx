// How a slide or the printed report shows ONE chart of a view: the view's page is rendered hidden, inside this
// context, and the <Chart> whose id matches draws itself into `target` (a portal); every other chart draws nothing.
// Why this and not a registry of charts: a pinned chart is rebuilt from its view's own queries and URL state, so
// it works after a reload, on any page, and stays exactly what the page shows — no second copy of any chart code.
import { createContext, useContext } from 'react';

export interface ChartFocus {
  chartId: string;
  /** Where the chart draws itself (a node in the slide or the report sheet). */
  target: HTMLElement;
  mode: 'slide' | 'print';
  /** Called once the chart has drawn into `target`, so the slide can drop its "loading" text. */
  onShown?: () => void;
  /** Slides: the smallest ECharts text in px (18 at least, more on a large screen). */
  labelPx?: number;
}

export const ChartFocusContext = createContext<ChartFocus | null>(null);

/** Non-null inside a slide or report: <Chart> then renders only if its id is the focused one. */
export function useChartFocus(): ChartFocus | null {
  return useContext(ChartFocusContext);
}
