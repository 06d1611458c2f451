// Units of the commune per band for a year (the commune itself not counted), for the report and overview.
import { useI18n } from '../../i18n/i18n';
import { BANDS } from '../../domain/parScoring';
import { useParYear, useParYears } from './useParYear';
import { bandCounts } from './bandCounts';
import type { ParYear } from './model';
import './par.css';

export function ParBandCounts({ year }: { year?: number }) {
  const { t } = useI18n();
  const years = useParYears();
  const y = year ?? years.data?.[0];
  const { model, loading } = useParYear(y);
  if (years.loading || loading) return <div className="par-band-counts" aria-busy="true" />;
  if (!model || model.units.length === 0) return <p className="empty">{t('par.bands.none')}</p>;
  return <BandCountsView model={model} />;
}

/** The counts themselves, for a year already scored (the PAR page passes its own). */
export function BandCountsView({ model }: { model: ParYear }) {
  const { t } = useI18n();
  const c = bandCounts(model);
  return (
    <figure className="par-band-counts" data-testid="par-band-counts">
      <figcaption>{t('par.bands.title', { year: model.year })}</figcaption>
      <ul>
        {BANDS.map((b) => (
          <li key={b} className={`band-count band-${b}`} data-band={b}>
            <span className="count">{c[b]}</span>
            <span className="label">{t(`par.band.${b}`)}</span>
          </li>
        ))}
        {c.pending > 0 && (
          <li className="band-count pending" data-band="pending">
            <span className="count">{c.pending}</span>
            <span className="label">{t('par.bands.pending')}</span>
          </li>
        )}
      </ul>
    </figure>
  );
}
