import { useCallback, useContext, useMemo, useState } from 'react';
import { chartPng } from './image';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { saveBlob, safeFileName } from '../export/download';
import { ChartHostContext } from './host';
import { ChartCanvas } from './ChartCanvas';
import { drawingOf, type ChartDrawing, type ChartLabels, type ChartView } from './registry';

/**
 * Marks when a chart has finished drawing, for `npm run bench` (first chart, refresh times). The first draw happens
 * inside echarts-for-react's setOption, before its `finished` handler is bound: onChartReady reports that one.
 */
function announceDrawn(id: string) {
  if (!performance.getEntriesByName('chiso:first-chart').length) performance.mark('chiso:first-chart');
  window.dispatchEvent(new CustomEvent('chiso:chart-drawn', { detail: { id, at: performance.now() } }));
}

/** The labels charts are drawn with, the same object while the language stays: options memoised on it stay too. */
export function useChartLabels(): ChartLabels {
  const { t, locale } = useI18n();
  return useMemo(() => ({ t, locale }), [t, locale]);
}

/** A chart of a page from its definition (charts by id: registry.ts) and its model, the option memoised on the model. */
export function DefinedChart<M>({ view, model }: { view: ChartView<M>; model: M }) {
  const labels = useChartLabels();
  const option = useMemo(() => view.option(model, labels), [view, model, labels]);
  return <Chart {...drawingOf(view, model, labels, option)} />;
}

/**
 * A chart on a page, with its title, PNG and pin buttons, source and data table. Titles, sources and the data table are
 * React text, never HTML. `option` must be memoised on its data: a new object redraws the chart.
 */
export function Chart({ id, title, subtitle, context, option, table, source, height = 380 }: ChartDrawing) {
  const { t, locale } = useI18n();
  const { demo, isPinned, togglePin } = useContext(ChartHostContext);
  const [busy, setBusy] = useState(false);
  const pinned = isPinned(id);
  const onDrawn = useCallback(() => announceDrawn(id), [id]);

  async function downloadPng() {
    setBusy(true);
    try {
      const footer = [t('app.name'), formatDateTime(new Date(), locale), demo ? t('app.demoBadge') : ''].filter(Boolean).join(' · ');
      const blob = await chartPng(option, { title, subtitle, context, source: source ? `${t('source.label')}: ${source}` : undefined, footer });
      saveBlob(`${safeFileName([title, context].filter(Boolean).join(' - '))}.png`, blob);
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure className="chart" data-chart={id}>
      <figcaption>
        <div className="chart-head">
          <h2 className="chart-title">{title}</h2>
          {table.rows.length > 0 && (
            <div className="chart-tools">
              <button type="button" onClick={downloadPng} disabled={busy} data-testid="chart-png">
                {t('chart.png')}
              </button>
              <button type="button" aria-pressed={pinned} onClick={() => togglePin(id, title)} data-testid="chart-pin" title={t('chart.pinTitle')}>
                {pinned ? t('chart.unpin') : t('chart.pin')}
              </button>
            </div>
          )}
        </div>
        {subtitle && <p className="chart-subtitle">{subtitle}</p>}
        {context && <p className="chart-context">{context}</p>}
      </figcaption>
      {table.rows.length === 0 ? (
        <p className="empty">{t('chart.noData')}</p>
      ) : (
        <ChartCanvas option={option} place="screen" height={height} onDrawn={onDrawn} />
      )}
      {source && (
        <p className="chart-source">
          {t('source.label')}: {source}
        </p>
      )}
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
