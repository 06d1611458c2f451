import { useI18n } from './i18n/i18n';
import { statusText, useData } from './app/DataContext';
import { showsFiction } from './app/catalogue';
import { useRoute } from './app/useRoute';
import type { Route } from './app/route';
import { isIndexCode } from './domain/indices';
import { OverviewPage } from './features/overview/OverviewPage';
import type { MessageKey } from './i18n/vi';
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { CopyLinkButton } from './features/present/CopyLinkButton';
import { Progress } from './app/ui/Progress';
import { ExportStatus } from './app/ui/ExportStatus';
import { openDeck, reportHash } from './features/present/openDeck';
import { isEditingTarget, isPresentShortcut } from './features/present/slides';

// Pages other than the overview load on first visit: the first screen downloads only what it draws.
const IndexPage = lazy(() => import('./features/indices/IndexPage').then((m) => ({ default: m.IndexPage })));
const ParPage = lazy(() => import('./features/par/ParPage').then((m) => ({ default: m.ParPage })));
const DossierPage = lazy(() => import('./features/par/dossier/DossierPage').then((m) => ({ default: m.DossierPage })));
const SipasPage = lazy(() => import('./features/sipas/SipasPage').then((m) => ({ default: m.SipasPage })));
const DataPage = lazy(() => import('./features/data/DataPage').then((m) => ({ default: m.DataPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ReportPage = lazy(() => import('./features/present/ReportPage').then((m) => ({ default: m.ReportPage })));
const Deck = lazy(() => import('./features/present/Deck').then((m) => ({ default: m.Deck })));
const PlanPage = lazy(() => import('./features/plan/PlanPage').then((m) => ({ default: m.PlanPage })));
const WorkbenchPage = lazy(() => import('./features/workbench/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="chart-skeleton" aria-busy="true" />}>{children}</Suspense>;
}

const NAV: { key: MessageKey; href: string; section: string }[] = [
  { key: 'nav.overview', href: '#/', section: '' },
  { key: 'nav.indices', href: '#/indices/PAPI', section: 'indices' },
  { key: 'nav.par', href: '#/par', section: 'par' },
  { key: 'nav.dossier', href: '#/dossier', section: 'dossier' },
  { key: 'nav.sipas', href: '#/sipas', section: 'sipas' },
  { key: 'nav.plan', href: '#/plan', section: 'plan' },
  { key: 'nav.data', href: '#/data', section: 'data' },
  { key: 'nav.sql', href: '#/sql', section: 'sql' },
  { key: 'nav.settings', href: '#/settings', section: 'settings' },
];

/** Pages that draw from the last visit's snapshot before the engine is ready (their queries keep one: useQuery). */
const SNAPSHOT_SECTIONS = new Set(['', 'indices', 'par', 'sipas']);

/**
 * A page drawn from a snapshot while the engine starts. A snapshot shaped for other code (a shipped demo snapshot
 * older than the build) must not break the start: on any error the starting screen shows instead, until ready.
 */
class SnapshotGuard extends Component<{ children: ReactNode; fallback: ReactNode; ready: boolean }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(e: unknown) {
    // Once the engine is ready an error is the page's own: thrown on, as without the guard.
    if (this.props.ready) throw e;
    console.warn('view snapshot not drawn', e);
  }
  componentDidUpdate() {
    if (this.props.ready && this.state.failed) this.setState({ failed: false }); // drawn again from the engine's answers
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Page({ route }: { route: Route }) {
  return (
    <Loading>
      <PageOf route={route} />
    </Loading>
  );
}

function PageOf({ route }: { route: Route }) {
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
    case 'dossier':
      return <DossierPage route={route} />;
    case 'sipas':
      return <SipasPage route={route} />;
    case 'plan':
      return <PlanPage route={route} />;
    case 'data':
      return <DataPage route={route} />;
    case 'sql':
      return <WorkbenchPage route={route} />;
    case 'settings':
      return <SettingsPage />;
    case 'report':
      return <ReportPage route={route} />;
  }
  return (
    <p className="empty">
      {t('app.notFound')} <a href="#/">{t('app.backHome')}</a>
    </p>
  );
}

export function App() {
  const { t, locale, setLocale } = useI18n();
  const { status, datasets, fromSnapshot } = useData();
  const route = useRoute();
  const showsDemo = showsFiction(datasets);
  const section = route.segments[0] ?? '';
  // On a phone the navigation folds into a menu (present/topbar.css); it closes when a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  const path = route.segments.join('/');
  useEffect(() => setMenuOpen(false), [path]);

  // F opens the deck from any page, except while typing in a field.
  useEffect(() => {
    if (section === 'present') return;
    function onKey(e: KeyboardEvent) {
      // The element typed into, also inside a shadow root (the SQL editor lives in one): not its host.
      const typedInto = (e.composedPath()[0] ?? e.target) as HTMLElement | null;
      if (e.defaultPrevented || !isPresentShortcut(e, isEditingTarget(typedInto))) return;
      e.preventDefault();
      openDeck();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [section]);

  const starting = (
    <div className="starting">
      <Progress label={statusText(status, t)} testId="start-progress" {...(status.phase === 'restoring' ? { value: status.done, max: status.total } : {})} />
      <div className="chart-skeleton" />
    </div>
  );

  if (section === 'present' && status.phase === 'ready')
    return (
      <Loading>
        <Deck route={route} />
      </Loading>
    );
  return (
    <div className="app">
      <header className={`topbar${menuOpen ? ' menu-open' : ''}`}>
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
          data-testid="nav-toggle"
        >
          <span aria-hidden="true">☰</span> {t('present.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.main')}>
          {NAV.map((n) => (
            <a key={n.key} href={n.href} aria-current={n.section === section ? 'page' : undefined}>
              {t(n.key)}
            </a>
          ))}
        </nav>
        <div className="topbar-end">
          <span className="present-tools">
            <button type="button" className="topbar-button" onClick={openDeck} title={t('present.openTitle')} data-testid="present-open">
              {t('present.open')}
            </button>
            <a className="topbar-button" href={reportHash(window.location.hash || '#/')} title={t('report.openTitle')} data-testid="report-open">
              {t('report.open')}
            </a>
            <CopyLinkButton />
          </span>
          {showsDemo && (
            <span className="demo-badge" title={t('app.demoBadgeTitle')} data-testid="demo-badge">
              {t('app.demoBadge')}
            </span>
          )}
          <button
            type="button"
            className="lang"
            onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
            title={t('app.langSwitchTitle')}
            lang={locale === 'vi' ? 'en' : 'vi'}
          >
            {t('app.langSwitch')}
          </button>
        </div>
      </header>
      <main>
        {status.phase === 'error' ? (
          <div className="error" role="alert">
            <strong>{t('app.startFailed')}</strong>
            <pre>{status.message}</pre>
          </div>
        ) : status.phase === 'ready' || (fromSnapshot && SNAPSHOT_SECTIONS.has(section)) ? (
          <>
            {status.phase !== 'ready' && (
              <p className="updating" role="status" aria-live="polite" data-testid="updating" title={statusText(status, t)}>
                <span className="updating-bar" aria-hidden="true" />
                {t('app.updating')}
              </p>
            )}
            {/* The same place in the tree before and after the engine is ready: the page keeps its snapshot figures until the engine's answers replace them. */}
            <SnapshotGuard fallback={starting} ready={status.phase === 'ready'}>
              <Page route={route} />
            </SnapshotGuard>
          </>
        ) : (
          starting
        )}
      </main>
      <ExportStatus />
      <footer>{t('app.privacy')}</footer>
    </div>
  );
}
