import { useI18n } from '../i18n/i18n';
import { useData } from './DataContext';
import { useRoute } from './useRoute';
import type { Route } from './route';
import { isIndexCode } from '../domain/indices';
import { OverviewPage } from '../features/overview/OverviewPage';
import { IndexPage } from '../features/indices/IndexPage';
import { ParPage } from '../features/par/ParPage';
import { SipasPage } from '../features/sipas/SipasPage';
import { DataPage } from '../features/data/DataPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { MessageKey } from '../i18n/vi';

const NAV: { key: MessageKey; href: string; section: string }[] = [
  { key: 'nav.overview', href: '#/', section: '' },
  { key: 'nav.indices', href: '#/indices/PAPI', section: 'indices' },
  { key: 'nav.par', href: '#/par', section: 'par' },
  { key: 'nav.sipas', href: '#/sipas', section: 'sipas' },
  { key: 'nav.data', href: '#/data', section: 'data' },
  { key: 'nav.settings', href: '#/settings', section: 'settings' },
];

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  const [section, arg] = route.segments;
  switch (section ?? '') {
    case '':
      return <OverviewPage />;
    case 'indices': {
      const index = (arg ?? 'PAPI').toUpperCase();
      if (isIndexCode(index)) return <IndexPage index={index} route={route} />;
      break;
    }
    case 'par':
      return <ParPage route={route} />;
    case 'sipas':
      return <SipasPage route={route} />;
    case 'data':
      return <DataPage route={route} />;
    case 'settings':
      return <SettingsPage />;
  }
  return (
    <p className="empty">
      {t('app.notFound')} <a href="#/">{t('app.backHome')}</a>
    </p>
  );
}

export function App() {
  const { t, locale, setLocale } = useI18n();
  const { status, datasets } = useData();
  const route = useRoute();
  const showsDemo = datasets.some((d) => d.is_demo);
  const section = route.segments[0] ?? '';
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/">{t('app.name')}</a>
        <nav aria-label={t('nav.main')}>
          {NAV.map((n) => (
            <a key={n.key} href={n.href} aria-current={n.section === section ? 'page' : undefined}>{t(n.key)}</a>
          ))}
        </nav>
        <div className="topbar-end">
          {showsDemo && <span className="demo-badge" title={t('app.demoBadgeTitle')} data-testid="demo-badge">{t('app.demoBadge')}</span>}
          <button type="button" className="lang" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')} title={t('app.langSwitchTitle')} lang={locale === 'vi' ? 'en' : 'vi'}>
            {t('app.langSwitch')}
          </button>
        </div>
      </header>
      <main>
        {status.phase === 'ready' ? (
          <Page route={route} />
        ) : status.phase === 'error' ? (
          <div className="error" role="alert">
            <strong>{t('app.startFailed')}</strong>
            <pre>{status.message}</pre>
          </div>
        ) : (
          <div className="starting" role="status" aria-live="polite">
            <div className="progress" />
            <p>{status.phase === 'starting' ? t('app.starting') : t('app.loadingDemo')}</p>
            <div className="chart-skeleton" />
          </div>
        )}
      </main>
      <footer>{t('app.privacy')}</footer>
    </div>
  );
}
