import { useI18n } from '../../i18n/i18n';
import type { RateSummary } from '../../domain/sipas';

/** "ít phiếu", "chưa chắc", "dưới mục tiêu" as tags with an explanation on hover. */
export function Flags({ s, partial }: { s: RateSummary; partial?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="sipas-flags">
      {s.below && <span className="sipas-flag below">{t('sipas.flag.below')}</span>}
      {s.few && (
        <span className="sipas-flag few" title={t('sipas.flag.fewTitle')}>
          {t('sipas.flag.few')}
        </span>
      )}
      {s.uncertain && (
        <span className="sipas-flag uncertain" title={t('sipas.flag.uncertainTitle')}>
          {t('sipas.flag.uncertain')}
        </span>
      )}
      {partial && <span className="sipas-flag few">{t('sipas.flag.partial')}</span>}
    </span>
  );
}

/** The same flags as plain text, for downloads. */
export function flagText(t: (k: 'sipas.flag.below' | 'sipas.flag.few' | 'sipas.flag.uncertain') => string, s: RateSummary): string {
  return [s.below && t('sipas.flag.below'), s.few && t('sipas.flag.few'), s.uncertain && t('sipas.flag.uncertain')].filter(Boolean).join('; ');
}
