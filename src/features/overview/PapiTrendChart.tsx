import { useMemo } from 'react';
import { Chart } from '../../charts/Chart';
import { useQuery } from '../../app/useQuery';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { INDICES } from '../../domain/indices';
import { summariseByYear } from '../../domain/trend';
import { fetchUnitTotals } from '../indices/unitTotals';
import { trendOption } from './charts';

/** PAPI totals over all loaded years: the provinces' median and the best province, with the 2018 break. */
export function PapiTrendChart() {
  const { t, locale } = useI18n();
  const q = useQuery((db) => fetchUnitTotals(db, 'PAPI'), []);
  const summaries = useMemo(() => (q.data ? summariseByYear(q.data) : []), [q.data]);
  if (q.error) return <p className="error" role="alert">{q.error}</p>;
  if (q.loading) return <div className="chart-skeleton" aria-busy="true" />;
  const fmt = (v: number | null) => formatNumber(v, locale, 2);
  const option = trendOption(summaries, INDICES.PAPI, {
    median: t('series.median'),
    best: t('series.best'),
    breakLabel: (year) => t('series.break', { year }),
    yAxis: t('axis.papiTotal'),
    xAxis: t('axis.year'),
    formatValue: (v) => fmt(v),
  });
  const from = summaries[0]?.year ?? '';
  const to = summaries.at(-1)?.year ?? '';
  return (
    <>
      <Chart
        id="papi-trend"
        title={t('overview.papiTrend', { from, to })}
        subtitle={t('overview.papiTrendSub')}
        option={option}
        source={t('source.papi')}
        table={{
          columns: [t('col.year'), t('col.median'), t('col.best'), t('col.bestUnit'), t('col.complete'), t('col.incomplete')],
          rows: summaries.map((s) => [String(s.year), fmt(s.median), fmt(s.best), s.bestUnits.join(', '), String(s.complete), String(s.incomplete)]),
        }}
      />
      <p className="note">{t('note.papiBreak')}</p>
    </>
  );
}
