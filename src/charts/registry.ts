// Charts by id: each chart is defined once — its figures for a view (`load`), its option and its words — so its page,
// a slide, the printed report and a PNG all draw the same chart from the same definition, and a pinned chart is drawn
// alone from its view's link without mounting the page it comes from. charts/ knows no feature: the features define
// their charts (their chartDefs.ts), features/present lists them by id.
import type { EChartsCoreOption } from 'echarts/core';
import type { Translate } from '../i18n/i18n';
import type { Locale } from '../i18n/format';

/** What a chart's words and number formats depend on. */
export interface ChartLabels {
  t: Translate;
  locale: Locale;
}

/** The numbers behind a chart, shown as a table on demand (and read by screen readers). */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** One chart ready to draw anywhere: what <Chart>, a slide, the report and a PNG show. */
export interface ChartDrawing {
  /** Identifies the chart for tests, pins and exports; unique within a view. */
  id: string;
  title: string;
  subtitle?: string;
  /** Unit and period the chart shows (e.g. "Xã Hòa An · Quý 1/2026"). */
  context?: string;
  source?: string;
  option: EChartsCoreOption;
  table: ChartTable;
  /** Height on its page, in CSS px (a slide fills the screen; the report and a PNG draw at a fixed size). */
  height?: number;
}

/** How a chart looks, given its figures (`M`, its model): pure functions, no query. */
export interface ChartView<M> {
  id: string;
  option(model: M, labels: ChartLabels): EChartsCoreOption;
  title(model: M, labels: ChartLabels): string;
  subtitle?(model: M, labels: ChartLabels): string | undefined;
  context?(model: M, labels: ChartLabels): string | undefined;
  source?(model: M, labels: ChartLabels): string | undefined;
  table(model: M, labels: ChartLabels): ChartTable;
  height?(model: M): number;
}

/**
 * A chart that also fetches its own figures for a view: `params` carries the view's route (a pin's link) and what
 * the app knows around it (settings, the user's units, the datasets), as the feature's loader declares it needs.
 */
export interface ChartDef<Db, P, M> extends ChartView<M> {
  load(db: Db, params: P): Promise<M>;
}

/** A chart's drawing from its view and model; `option` when the caller has it already (memoised on the model). */
export function drawingOf<M>(view: ChartView<M>, model: M, labels: ChartLabels, option: EChartsCoreOption = view.option(model, labels)): ChartDrawing {
  return {
    id: view.id,
    title: view.title(model, labels),
    subtitle: view.subtitle?.(model, labels),
    context: view.context?.(model, labels),
    source: view.source?.(model, labels),
    option,
    table: view.table(model, labels),
    height: view.height?.(model),
  };
}

/** A loaded chart, its model hidden: draws itself in any language (each call builds a new option: memoise it). */
type LoadedChart = (labels: ChartLabels) => ChartDrawing;

/** A chart in a list of charts of different models (the deck's, by id). */
export interface RegisteredChart<Db, P> {
  id: string;
  load(db: Db, params: P): Promise<LoadedChart>;
}

export function register<Db, P, M>(def: ChartDef<Db, P, M>): RegisteredChart<Db, P> {
  return {
    id: def.id,
    load: async (db, params) => {
      const model = await def.load(db, params);
      return (labels) => drawingOf(def, model, labels);
    },
  };
}
