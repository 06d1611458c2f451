// The workbench's chart, defined once (charts/registry.ts): the page draws it from the result on screen; a pin, a slide
// or the report load it alone from the link, which holds the query and the chart's columns (#/sql?q=…&chart=…).
import { ScatterChart } from 'echarts/charts';
import type { Db } from '../../db/types';
import { echarts } from '../../charts/echarts';
import type { Route } from '../../app/route';
import type { ChartDef, ChartLabels } from '../../charts/registry';
import { buildChart, chartOption, chartTable, defaultSpec, specFromParams, type ChartModel } from './model';
import { runChecked } from './run';

// Scatter is drawn only here: it loads with this page (or a pinned workbench chart), not with the app's first screen.
echarts.use([ScatterChart]);

/** The query as the chart's caption: one line, at most 400 characters. */
export const queryCaption = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
};

export interface WorkbenchChartParams {
  route: Pick<Route, 'params'>;
  labels: ChartLabels;
}

export const workbenchChart: ChartDef<Db, WorkbenchChartParams, ChartModel> = {
  id: 'sql-result',
  async load(db, { route, labels }) {
    const reader = await db.reader?.();
    const text = route.params.q ?? '';
    if (!reader || !text.trim()) throw new Error(labels.t('workbench.chart.missing'));
    const outcome = await runChecked(reader, text);
    if (outcome.kind !== 'done') throw new Error(labels.t('workbench.chart.missing'));
    const { result } = outcome;
    const spec = specFromParams(route.params, result.columns) ?? defaultSpec(result.columns);
    if (!spec) throw new Error(labels.t('workbench.chart.missing'));
    return buildChart(result, spec, text, labels.locale, labels.t('workbench.chart.blank'));
  },
  option: (m, labels) => chartOption(m, labels),
  title: (m, { t }) =>
    m.spec.series
      ? t('workbench.chart.titleSeries', { y: m.yName, x: m.xName, series: m.spec.series })
      : t('workbench.chart.title', { y: m.yName, x: m.xName }),
  subtitle: (m) => queryCaption(m.query),
  table: (m, labels) => chartTable(m, labels),
  height: () => 420,
};
