import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DataProvider } from './app/DataContext';
import { I18nProvider } from './i18n/i18n';
import { getDb } from './db/duckdb';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <DataProvider connect={getDb}>
        <App />
      </DataProvider>
    </I18nProvider>
  </StrictMode>,
);
