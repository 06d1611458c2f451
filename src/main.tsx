import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DataProvider } from './app/DataContext';
import { PinningChartHost } from './features/present/PinningChartHost';
import { I18nProvider } from './i18n/i18n';
import type { Db } from './db/types';
import { isFirstStart, storedRevision } from './store/store';
import { loadStartSnapshot } from './app/viewSnapshot';
import demoSnapshotUrl from '../data/demo-view-snapshot.json?url';
import './styles.css';

// DuckDB's JS (and Arrow with it) loads once the first view is drawn (DataProvider's effect), not before it.
const connect = (): Promise<Db> => import('./db/duckdb').then((m) => m.getDb());

// `npm run bench` opens the page with ?bench=1: the app then opens its one seam for it (app/benchSeam.ts).
if (new URLSearchParams(window.location.search).has('bench')) void import('./app/benchSeam').then((m) => m.openBenchSeam(connect));

// What the first view may draw before the engine is ready; never waits more than a moment for it.
void loadStartSnapshot({ firstStart: isFirstStart, storeRevision: storedRevision, demoUrl: demoSnapshotUrl, within: 1500 }).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <DataProvider connect={connect}>
          <PinningChartHost>
            <App />
          </PinningChartHost>
        </DataProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
