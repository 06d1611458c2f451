// The ChartHost the app's charts get (charts/host.ts): pins for the deck, kept by usePins, and the demo flag.
import { useMemo, type ReactNode } from 'react';
import { ChartHostContext, type ChartHost } from '../../charts/host';
import { useData } from '../../app/DataContext';
import { showsFiction } from '../../app/catalogue';
import { pinKey, togglePin } from './pins';
import { usePins } from './usePins';

/** The view a chart is pinned from: its URL hash. */
const currentHash = () => window.location.hash || '#/';

export function PinningChartHost({ children }: { children: ReactNode }) {
  const { datasets } = useData();
  const [pins, savePins] = usePins();
  const demo = showsFiction(datasets);
  const host = useMemo<ChartHost>(
    () => ({
      demo,
      isPinned: (chartId) => pins.some((p) => pinKey(p) === pinKey({ chartId, hash: currentHash() })),
      togglePin: (chartId, title) => savePins(togglePin(pins, { chartId, hash: currentHash(), title })),
    }),
    [demo, pins, savePins],
  );
  return <ChartHostContext.Provider value={host}>{children}</ChartHostContext.Provider>;
}
