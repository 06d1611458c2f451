// How a slide or the printed report shows ONE chart of a view: the view's page is rendered hidden, inside a
// ChartFocusProvider, and the <Chart> whose id matches draws itself into `target` (a portal); every other chart draws
// nothing (charts/host.ts: the stand-in).
// Why this and not a registry of charts: a pinned chart is rebuilt from its view's own queries and URL state, so
// it works after a reload, on any page, and stays exactly what the page shows — no second copy of any chart code.
import { useMemo, type ReactNode } from 'react';
import { ChartStandInContext, type ChartDrawing } from '../../charts/host';
import { FocusedChart, type ChartFocus } from './FocusedChart';

/** Renders `children` (a hidden view) so that only the focused chart draws, large or at print size. */
export function ChartFocusProvider({ focus, children }: { focus: ChartFocus; children: ReactNode }) {
  const standIn = useMemo(() => (chart: ChartDrawing) => <FocusedChart focus={focus} {...chart} />, [focus]);
  return <ChartStandInContext.Provider value={standIn}>{children}</ChartStandInContext.Provider>;
}
