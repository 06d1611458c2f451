import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { drawsDifferently } from './sameDrawing';
import { useContext, useState } from 'react';
import { echarts } from './echarts';
import { chartPng } from './image';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format';
import { saveBlob, safeFileName } from '../export/download';
import { ChartHostContext, ChartStandInContext } from './host';

interface ChartTable {
  columns: string[];
  rows: string[][];
}

interface Props {
  /** Identifies the chart for tests, pins and exports; unique within a view. */
  id: string;
  title: string;
  subtitle?: string;
  /** Unit and period the chart shows, drawn into its PNG (e.g. "Xã Hòa An · Quý 1/2026"). */
  context?: string;
  option: EChartsCoreOption;
  /** The numbers behind the chart, shown as a table on demand (and read by screen readers). */
  table: ChartTable;
  source?: string;
  height?: number;
}

/**
 * Marks when a chart has finished drawing, for `npm run bench` (first chart, refresh times). The first draw happens
 * inside echarts-for-react's setOption, before its `finished` handler is bound: onChartReady reports that one.
 */
function announceDrawn(id: string) {
  if (!performance.getEntriesByName('chiso:first-chart').length) performance.mark('chiso:first-chart');
  window.dispatchEvent(new CustomEvent('chiso:chart-drawn', { detail: { id, at: performance.now() } }));
}

/** The one component that renders ECharts. Titles, sources and the data table are React text, never HTML. */
export function Chart({ id, title, subtitle, context, option, table, source, height = 380 }: Props) {
  const { t, locale } = useI18n();
  const { demo, isPinned, togglePin } = useContext(ChartHostContext);
  const [busy, setBusy] = useState(false);
  const pinned = isPinned(id);
  // Inside a slide or the printed report only the focused chart draws, large or at print size (see host.ts).
  const standIn = useContext(ChartStandInContext);
  if (standIn) return standIn({ id, title, subtitle, context, option, hasData: table.rows.length > 0, source });

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
              <button type="button" onClick={downloadPng} disabled={busy} data-testid="chart-png">{t('chart.png')}</button>
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
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} shouldSetOption={drawsDifferently} onChartReady={() => announceDrawn(id)} onEvents={{ finished: () => announceDrawn(id) }} />
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
            <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
