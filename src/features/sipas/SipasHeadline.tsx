import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { sipasTargetFor } from '../../app/settings';
import { useI18n } from '../../i18n/i18n';
import { formatInteger, formatNumber } from '../../i18n/format';
import { levelOf, parsePeriodKey } from '../../domain/periods';
import { INDICES } from '../../domain/indices';
import { fetchTrend } from './queries';
import { periodFigures, withPrevious, type PeriodFigure } from './model';
import { Flags } from './Flags';
import { pct, periodLabel, targetPct } from './labels';
import './sipas.css';

/**
 * This period's satisfaction against the target, for the SIPAS page and the presentation deck: the rate
 * (all answers pooled) big, a bullet with the target and the interval, the change from the previous period,
 * n, and how many more satisfied answers would have reached the target. No period = the latest quarter.
 */
export function SipasHeadline({ period, compact, unit = null }: { period?: string; compact?: boolean; unit?: string | null }) {
  const [settings] = useSettings();
  const p = period ? parsePeriodKey(period) : null;
  const level = p ? levelOf(p) : 'quarter';
  const q = useQuery((db) => fetchTrend(db, level, unit), [level, unit]);
  const figures = useMemo(() => (q.data ? periodFigures(q.data.rows, q.data.respondents, (y) => sipasTargetFor(settings, y)) : []), [q.data, settings]);
  if (q.error)
    return (
      <p className="error" role="alert">
        {q.error}
      </p>
    );
  if (q.loading) return <div className="sipas-headline skeleton" aria-busy="true" />;
  return <HeadlineView figures={figures} period={period} compact={compact} />;
}

/** The headline from figures already at hand (the SIPAS page has its trend's: no second query for the same numbers). */
export function HeadlineView({ figures, period, compact }: { figures: readonly PeriodFigure[]; period?: string; compact?: boolean }) {
  const { t, locale } = useI18n();
  const key = period ?? figures.at(-1)?.period;
  const { current, previous, previousKey } = key ? withPrevious(figures, key) : { current: null, previous: null, previousKey: null };
  if (!current || current.pooled.rate === null)
    return (
      <p className="empty" data-testid="sipas-headline-empty">
        {t('sipas.headline.empty')}
      </p>
    );

  const s = current.pooled;
  const target = current.target;
  const met = !s.below;
  const delta = previous?.pooled.rate != null ? s.rate! - previous.pooled.rate : null;
  const scaleMin = Math.max(0, Math.floor((Math.min(s.lo ?? s.rate!, target, s.rate!) - 5) / 10) * 10);
  const at = (v: number) => `${((v - scaleMin) / (100 - scaleMin)) * 100}%`;
  const targetText = targetPct(target, locale);

  return (
    <div className={`sipas-headline${compact ? ' compact' : ''}`} data-testid="sipas-headline" data-period={current.period}>
      <div className="sipas-headline-title">
        {t('sipas.headline.title', { period: periodLabel(t, current.period) })}
        <span className="sipas-basis"> · {t('sipas.pooled')}</span>
      </div>
      <div className="sipas-headline-main">
        <span className={`sipas-big ${met ? 'met' : 'not-met'}`} data-testid="headline-rate">
          {pct(s.rate, locale)}
        </span>
        <div className="sipas-headline-side">
          <span className={`sipas-status ${met ? 'met' : 'not-met'}`} data-testid="headline-status">
            {met ? '✓ ' : '✗ '}
            {t(met ? 'sipas.headline.met' : 'sipas.headline.notMet')} ({t('sipas.headline.target', { target: targetText })})
          </span>
          {delta !== null ? (
            <span className={`sipas-delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`} data-testid="headline-delta">
              {delta > 0 ? '▲ +' : delta < 0 ? '▼ ' : '■ '}
              {t('sipas.headline.delta', { delta: formatNumber(delta, locale, INDICES.SIPAS.decimals), period: periodLabel(t, previous!.period) })}
            </span>
          ) : (
            previousKey && <span className="sipas-delta muted">{t('sipas.headline.noPrevious', { period: periodLabel(t, previousKey) })}</span>
          )}
        </div>
        {!compact && (
          <div className="sipas-headline-mean" data-testid="headline-mean">
            <span className="label">{current.mean.elements < 5 ? t('sipas.meanPartial', { count: current.mean.elements }) : t('sipas.series.mean')}</span>
            <span className={`value ${current.mean.rate !== null && current.mean.rate < target ? 'not-met' : 'met'}`}>{pct(current.mean.rate, locale)}</span>
          </div>
        )}
      </div>
      <div className="sipas-bullet" role="img" aria-label={`${pct(s.rate, locale)} / ${targetText}`}>
        {s.lo !== null && s.hi !== null && <span className="ci" style={{ left: at(s.lo), width: `calc(${at(s.hi)} - ${at(s.lo)})` }} />}
        <span className="bar" style={{ width: at(s.rate!) }} />
        <span className="target" style={{ left: at(target) }} data-testid="headline-target">
          <span className="target-label">{t('sipas.headline.target', { target: targetText })}</span>
        </span>
        <span className="scale lo">{targetPct(scaleMin, locale)}</span>
        <span className="scale hi">100%</span>
      </div>
      <p className="sipas-needed" data-testid="headline-needed" data-count={s.needed ?? ''}>
        {s.needed === null
          ? t('sipas.headline.neededNone', { target: targetText })
          : s.needed > 0
            ? t('sipas.headline.needed', { count: formatInteger(s.needed, locale), target: targetText })
            : null}
      </p>
      <p className="sipas-facts">
        <span data-testid="headline-n" data-n={s.n}>
          {t('sipas.headline.n', { n: formatInteger(s.n, locale), forms: formatInteger(current.respondents, locale) })}
        </span>
        {' · '}
        <span data-testid="headline-ci">{t('sipas.headline.ci', { lo: pct(s.lo, locale), hi: pct(s.hi, locale) })}</span> <Flags s={s} />
      </p>
    </div>
  );
}
