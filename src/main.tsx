import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DataProvider } from './app/DataContext';
import { I18nProvider } from './i18n/i18n';
import { getDb } from './db/duckdb';
import './styles.css';

// `npm run bench` opens the page with ?bench=1 to reach the app's own import and query paths.
if (new URLSearchParams(window.location.search).has('bench')) void import('./bench/hooks').then((m) => m.install());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <DataProvider connect={getDb}>
        <App />
      </DataProvider>
    </I18nProvider>
  </StrictMode>,
);
