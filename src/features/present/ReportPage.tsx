// "In báo cáo": one A4 page for a period — the five index cards, the SIPAS headline against its target, the PAR
// bands of the commune's units and two pinned charts re-drawn at print size, with unit, period, date and sources.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useQuery } from '../../app/useQuery';
import { useData } from '../../app/DataContext';
import { allSources, showsFiction } from '../../app/catalogue';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/format';
import { PrintChart, usePinnedChart } from './PinnedChart';
import { OverviewCards, ParBandCounts, SipasHeadline } from './embeds';
import { usePins } from './usePins';
import { useCommune } from './useCommune';
import { fetchParScoreYears, fetchReportPeriods } from './queries';
import { A4_PRINTABLE, fitScale, isDemoLabel, parYearFor, reportCharts } from './report';
import { periodLabel } from '../sipas/labels';
import { safeFrom } from './openDeck';
import { isChartPin } from './slides';
import { pinKey, type Pin } from './pins';
import './present.css';
import './print.css';

/** A pinned chart drawn alone from its definition, at print size. */
function ReportChart({ pin }: { pin: Pin }) {
  const pinned = usePinnedChart(pin);
  const { t } = useI18n();
  if (pinned.status === 'ready') return <PrintChart drawing={pinned.drawing} />;
  return (
    <figure className="report-chart">
      <figcaption>
        <h3>{pin.title}</h3>
      </figcaption>
      <p className="empty">{pinned.status === 'missing' ? t('present.missing') : t('present.loading')}</p>
    </figure>
  );
}

/** Shrinks the sheet (CSS zoom) when its content is taller than one A4 page, so it always prints on one page. */
function useFitToPage() {
  const content = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = content.current;
    if (!el) return;
    const pagePx = A4_PRINTABLE.heightMm * A4_PRINTABLE.pxPerMm - 4; // a few px of rounding slack
    const measure = () => setScale(fitScale(el.scrollHeight, pagePx));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { content, scale };
}

export function ReportPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { datasets } = useData();
  // The built-in slides of the deck (overview, targets, tasks) are not charts to print.
  const pins = usePins()[0].filter(isChartPin);
  const commune = useCommune();
  const periods = useQuery((db) => fetchReportPeriods(db), []);
  const period = route.params.period ?? periods.data?.[0] ?? '';
  const parYears = useQuery((db) => fetchParScoreYears(db), []);
  const year = parYearFor(period, parYears.data ?? []);
  const [chart1, chart2] = reportCharts(pins, route.params.c1, route.params.c2);
  const sources = allSources(datasets).filter((s) => !isDemoLabel(s));
  const demo = showsFiction(datasets);
  const { content, scale } = useFitToPage();
  const [printedAt] = useState(() => new Date());

  useEffect(() => {
    const title = document.title;
    document.title = [t('report.title'), commune?.name, period && periodLabel(t, period)].filter(Boolean).join(' – ');
    return () => {
      document.title = title;
    };
  }, [t, commune?.name, period]);

  const choose = (param: 'c1' | 'c2', value: string) => replaceParams(route, { [param]: value });

  return (
    <section className="report-page">
      <h1 className="report-screen-title">{t('report.title')}</h1>
      <div className="report-controls">
        <label className="control">
          {t('report.period')}{' '}
          <select
            value={period}
            onChange={(e) => replaceParams(route, { period: e.target.value })}
            data-testid="report-period"
            disabled={!periods.data?.length}
          >
            {!periods.data?.length && <option value="">{t('report.noPeriod')}</option>}
            {(periods.data ?? []).map((p) => (
              <option key={p} value={p}>
                {periodLabel(t, p)}
              </option>
            ))}
          </select>
        </label>
        {(['c1', 'c2'] as const).map((param, i) => {
          const current = i === 0 ? chart1 : chart2;
          return (
            <label className="control" key={param}>
              {t(i === 0 ? 'report.chart1' : 'report.chart2')}{' '}
              <select value={current ? pinKey(current) : '-'} onChange={(e) => choose(param, e.target.value)} data-testid={`report-${param}`}>
                <option value="-">{t('report.noChart')}</option>
                {pins.map((p) => (
                  <option key={pinKey(p)} value={pinKey(p)}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <button type="button" className="report-print" onClick={() => window.print()} data-testid="report-print">
          {t('report.print')}
        </button>
        <a href={safeFrom(route.params.from)}>{t('report.back')}</a>
        <a className="report-periodic" href="#/plan/report" data-testid="report-periodic">
          {t('report.periodic')}
        </a>
        <p className="report-hint">{pins.length === 0 ? t('report.noPins') : t('report.hint')}</p>
      </div>

      <article className="report-sheet" data-testid="report-sheet" style={{ zoom: scale }}>
        <div className="report-content" ref={content}>
          <header className="report-head">
            <div>
              <h1>{t('report.title')}</h1>
              <p className="report-unit" data-testid="report-unit">
                {commune?.name ?? ''}
              </p>
            </div>
            <div className="report-meta">
              <p>
                {t('report.period')}: <strong data-testid="report-period-label">{period ? periodLabel(t, period) : '–'}</strong>
              </p>
              <p>{t('report.printed', { date: formatDateTime(printedAt, locale) })}</p>
              {demo && <p className="report-demo">{t('app.demoBadge')}</p>}
            </div>
          </header>

          <section className="report-block report-cards">
            <h2>{t('report.cards')}</h2>
            <OverviewCards />
          </section>

          <div className="report-row">
            <section className="report-block report-sipas" data-testid="report-sipas">
              <h2>{t('report.sipas', { period: period ? periodLabel(t, period) : '–' })}</h2>
              <SipasHeadline period={period || undefined} compact />
            </section>
            <section className="report-block report-par" data-testid="report-par">
              <h2>{t('report.par', { year: year ?? '–' })}</h2>
              <ParBandCounts year={year} />
            </section>
          </div>

          {(chart1 || chart2) && (
            <section className="report-block">
              <h2>{t('report.charts')}</h2>
              <div className="report-charts">
                {chart1 && <ReportChart key={`1-${pinKey(chart1)}`} pin={chart1} />}
                {chart2 && <ReportChart key={`2-${pinKey(chart2)}`} pin={chart2} />}
              </div>
            </section>
          )}

          <footer className="report-foot">
            <p>
              <strong>{t('report.sources')}:</strong> {sources.join('; ') || '–'}
            </p>
            {demo && <p>{t('report.demo')}</p>}
            <p>
              {t('app.name')} · {t('app.privacy')}
            </p>
          </footer>
        </div>
      </article>
    </section>
  );
}
