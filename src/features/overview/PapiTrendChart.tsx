import { DefinedChart } from '../../charts/Chart';
import { useQuery } from '../../app/useQuery';
import { useI18n } from '../../i18n/i18n';
import { INDICES } from '../../domain/indices';
import type { MessageKey } from '../../i18n/vi';
import { papiTrendChart } from './chartDefs';

/** PAPI totals over all loaded years: the provinces' median and the best province, with the 2018 break. */
export function PapiTrendChart() {
  const { t } = useI18n();
  // The chart's own loader: its model changes (and its option is built again) only when the data does.
  const q = useQuery((db) => papiTrendChart.load(db, null), [], 'overview.papiTrend');
  if (q.error)
    return (
      <p className="error" role="alert">
        {q.error}
      </p>
    );
  if (q.loading) return <div className="chart-skeleton" aria-busy="true" />;
  return (
    <>
      <DefinedChart view={papiTrendChart} model={q.data} />
      {INDICES.PAPI.notes.map((n) => (
        <p key={n} className="note">
          {t(n as MessageKey)}
        </p>
      ))}
    </>
  );
}
