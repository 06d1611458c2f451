import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DataProvider } from './app/DataContext';
import { PinningChartHost } from './features/present/PinningChartHost';
import { I18nProvider } from './i18n/i18n';
import { getDb } from './db/duckdb';
import './styles.css';

// `npm run bench` opens the page with ?bench=1: the app then opens its one seam for it (app/benchSeam.ts).
if (new URLSearchParams(window.location.search).has('bench')) void import('./app/benchSeam').then((m) => m.openBenchSeam(getDb));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <DataProvider connect={getDb}>
        <PinningChartHost>
          <App />
        </PinningChartHost>
      </DataProvider>
    </I18nProvider>
  </StrictMode>,
);
