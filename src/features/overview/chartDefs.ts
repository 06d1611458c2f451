// The overview's chart, defined once (charts/registry.ts): the page draws it from its query, a slide or the report
// loads it alone.
import type { Db } from '../../db/types';
import type { ChartDef } from '../../charts/registry';
import { INDICES, PAPI_SOURCE, sourceParts } from '../../domain/indices';
import { summariseByYear, type YearSummary } from '../../domain/trend';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { fetchUnitTotals } from '../indices/unitTotals';
import { trendOption } from './charts';

export interface PapiTrendModel {
  /** Every loaded year: the provinces' median and the best province. */
  summaries: readonly YearSummary[];
}

/** PAPI totals over all loaded years, whatever the view: it reads nothing of its link. */
export const papiTrendChart: ChartDef<Db, unknown, PapiTrendModel> = {
  id: 'papi-trend',
  load: async (db) => ({ summaries: summariseByYear(await fetchUnitTotals(db, 'PAPI')) }),
  option: (m, { t, locale }) =>
    trendOption(m.summaries, INDICES.PAPI, {
      median: t('series.median'),
      best: t('series.best'),
      breakLabel: (year) => t('series.break', { year }),
      yAxis: t('axis.papiTotal'),
      xAxis: t('axis.year'),
      formatValue: (v) => formatNumber(v, locale, 2),
    }),
  title: (m, { t }) => t('overview.papiTrend', { from: m.summaries[0]?.year ?? '', to: m.summaries.at(-1)?.year ?? '' }),
  subtitle: (_m, { t }) => t('overview.papiTrendSub'),
  // The shipped PAPI rows' source, as the registry labels it (the index page's source line reads the same).
  source: (_m, { t }) =>
    sourceParts(INDICES.PAPI, [PAPI_SOURCE])
      .map((s) => (typeof s === 'string' ? s : t(s.key as MessageKey, s.params)))
      .join('; '),
  table: (m, { t, locale }) => ({
    columns: [t('col.year'), t('col.median'), t('col.best'), t('col.bestUnit'), t('col.complete'), t('col.incomplete')],
    rows: m.summaries.map((s) => [
      String(s.year),
      formatNumber(s.median, locale, 2),
      formatNumber(s.best, locale, 2),
      s.bestUnits.join(', '),
      String(s.complete),
      String(s.incomplete),
    ]),
  }),
};
