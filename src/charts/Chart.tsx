import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';
import { useI18n } from '../i18n/i18n';

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

interface Props {
  /** Identifies the chart for tests, pins and exports. */
  id: string;
  title: string;
  subtitle?: string;
  option: EChartsCoreOption;
  /** The numbers behind the chart, shown as a table on demand (and read by screen readers). */
  table: ChartTable;
  source?: string;
  height?: number;
}

/** Marks when a chart has finished drawing, for `npm run bench` (first chart, refresh times). */
function announceDrawn(id: string) {
  if (!performance.getEntriesByName('chiso:first-chart').length) performance.mark('chiso:first-chart');
  window.dispatchEvent(new CustomEvent('chiso:chart-drawn', { detail: { id, at: performance.now() } }));
}

/** The one component that renders ECharts. Titles, sources and the data table are React text, never HTML. */
export function Chart({ id, title, subtitle, option, table, source, height = 380 }: Props) {
  const { t } = useI18n();
  return (
    <figure className="chart" data-chart={id}>
      <figcaption>
        <h2 className="chart-title">{title}</h2>
        {subtitle && <p className="chart-subtitle">{subtitle}</p>}
      </figcaption>
      {table.rows.length === 0 ? (
        <p className="empty">{t('chart.noData')}</p>
      ) : (
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} onEvents={{ finished: () => announceDrawn(id) }} />
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
