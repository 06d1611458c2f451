// A pinned chart drawn alone, from its definition (chartRegistry.ts) and its view's link: large on a slide, or as a
// fixed-size picture on the printed report. Nothing of the page it was pinned on is mounted.
import { useMemo } from 'react';
import { parseHash } from '../../app/route';
import { useData } from '../../app/DataContext';
import { showsFiction } from '../../app/catalogue';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { useUnits } from '../../app/useUnits';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { useChartLabels } from '../../charts/Chart';
import { renderOptionToDataUrl } from '../../charts/image';
import type { ChartDrawing } from '../../charts/registry';
import { useI18n } from '../../i18n/i18n';
import { chartById } from './chartRegistry';
import type { Pin } from './pins';

export type PinnedState = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; drawing: ChartDrawing };

const never = () => new Promise<never>(() => {});

/** The pin's chart loaded on its own ("missing": no chart of that id, or its figures failed to load). */
export function usePinnedChart(pin: Pin): PinnedState {
  const chart = chartById(pin.chartId);
  const [settings] = useSettings();
  const { province, commune, view, ready, ownData } = useUnits();
  const { datasets } = useData();
  const route = useMemo(() => parseHash(pin.hash), [pin.hash]);
  const labels = useChartLabels();
  // Waits for the user's units to be known, as the pages do, so the demo's commune is never drawn first.
  const q = useQuery(
    (db) => (chart && ready ? chart.load(db, { route, settings, units: { province, commune, view, ready, ownData }, datasets, labels }) : never()),
    [chart, ready, route, settings, province, commune, view, ownData, datasets, labels],
  );
  // The option is built once per loaded figures and language: the slide's canvas and the print picture redraw only then.
  const loaded = q.data;
  const drawing = useMemo(() => (loaded ? loaded(labels) : null), [loaded, labels]);
  if (!chart || q.error) return { status: 'missing' };
  return drawing ? { status: 'ready', drawing } : { status: 'loading' };
}

/** One chart filling a slide: title, unit and period in the corner, the chart in the slide theme, sources below. */
export function SlideChart({ drawing }: { drawing: ChartDrawing }) {
  const { t } = useI18n();
  const { datasets } = useData();
  const demo = showsFiction(datasets);
  const { id, title, subtitle, context, option, table, source } = drawing;
  return (
    <div className="slide-chart" data-slide-chart={id}>
      <header className="slide-head">
        <h1 className="slide-title">{title}</h1>
        {context && (
          <p className="slide-corner" data-testid="slide-context">
            {context}
          </p>
        )}
      </header>
      {subtitle && <p className="slide-subtitle">{subtitle}</p>}
      <div className="slide-canvas">
        {table.rows.length > 0 ? <ChartCanvas option={option} place="slide" height="100%" /> : <p className="slide-empty">{t('chart.noData')}</p>}
      </div>
      <footer className="slide-foot">
        {source && (
          <span>
            {t('source.label')}: {source}
          </span>
        )}
        {demo && <span className="slide-demo">{t('app.demoBadge')}</span>}
      </footer>
    </div>
  );
}

/**
 * Print size of a report chart: drawn at 480 × 370 CSS px and printed 91 mm wide (two side by side across the
 * 190 mm text width), i.e. chart text at about 7–8 pt, 2× pixels ≈ 270 dpi on paper.
 */
const PRINT_CHART = { width: 480, height: 370, pixelRatio: 2 } as const;

function PrintPicture({ drawing }: { drawing: ChartDrawing }) {
  const { option, title } = drawing;
  // Re-rendered off-screen at the printed size in the print theme: sharp on paper, not a scaled screen canvas. The
  // option is memoised on its figures, so the picture is drawn again only when they change.
  const src = useMemo(() => renderOptionToDataUrl(option, PRINT_CHART.width, PRINT_CHART.height, PRINT_CHART.pixelRatio, 'print'), [option]);
  return <img className="report-chart-img" src={src} width={PRINT_CHART.width} height={PRINT_CHART.height} alt={title} data-testid="report-chart-img" />;
}

/** One chart on the printed report: title, unit and period, the picture, its source. */
export function PrintChart({ drawing }: { drawing: ChartDrawing }) {
  const { t } = useI18n();
  const { id, title, context, table, source } = drawing;
  return (
    <figure className="report-chart" data-report-chart={id}>
      <figcaption>
        <h3>{title}</h3>
        {context && <p className="report-chart-context">{context}</p>}
      </figcaption>
      {table.rows.length > 0 ? <PrintPicture drawing={drawing} /> : <p className="empty">{t('chart.noData')}</p>}
      {source && (
        <p className="report-chart-source">
          {t('source.label')}: {source}
        </p>
      )}
    </figure>
  );
}
