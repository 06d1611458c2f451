import { formatHash } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { eraOf, INDICES, type IndexCode } from '../../domain/indices';
import { useUnits } from '../../app/useUnits';
import type { CardModel } from './cards';
import { sparkPaths } from './charts';
import { useOverviewModel } from './useOverviewModel';
import './overview.css';

/** A value in its index's own scale: 91,25% · 44,12 · 0,6961. */
function useFormatValue() {
  const { locale } = useI18n();
  return (index: IndexCode, v: number | null) => {
    const meta = INDICES[index];
    const n = formatNumber(v, locale, meta.decimals);
    return meta.scale === 'percent' && v !== null ? `${n}%` : n;
  };
}

function Sparkline({ index, series }: { index: IndexCode; series: { year: number; value: number | null }[] }) {
  const fmt = useFormatValue();
  const paths = sparkPaths(series, (y) => eraOf(INDICES[index], y), 180, 44);
  const text = series
    .filter((s) => s.value !== null)
    .map((s) => `${s.year}: ${fmt(index, s.value)}`)
    .join('; ');
  return (
    <svg className="spark" viewBox="0 0 180 44" width="180" height="44" role="img" aria-label={text}>
      <title>{text}</title>
      {paths.lines.map((d, i) => (
        <path key={i} d={d} />
      ))}
      {paths.last && <circle cx={paths.last.x} cy={paths.last.y} r="4" />}
    </svg>
  );
}

function Card({ card, large, sources }: { card: CardModel; large?: boolean; sources: string[] }) {
  const { t, locale } = useI18n();
  const { view } = useUnits();
  const fmt = useFormatValue();
  const name = t(`index.${card.index}`);
  if (card.state === 'none') {
    return (
      <div className={`ix-card none${large ? ' large' : ''}`} data-testid={`card-${card.index}`}>
        <div className="ix-head">
          <span className="ix-name">{name}</span>
        </div>
        <p className="ix-nodata" data-testid="card-nodata">
          {card.chooseUnit
            ? t('card.chooseUnit')
            : card.unitName
              ? t('card.noDataFor', { index: t(`index.short.${card.index}`), unit: card.unitName })
              : t('card.noData')}
        </p>
        {card.chooseUnit ? (
          <a href="#/settings" className="ix-go">
            {t('card.goSettings')}
          </a>
        ) : (
          <a href="#/data" className="ix-go">
            {t('card.goData')}
          </a>
        )}
      </div>
    );
  }
  const { summary: s } = card;
  const dec = INDICES[card.index].decimals;
  const latest = s.latest;
  const href = formatHash(['indices', card.index], { unit: card.unitKey, year: latest.year, view: card.level === 'province' ? view : undefined });
  const dir = (v: number | null) => (v === null || Math.abs(v) < 10 ** -dec / 2 ? 'same' : v > 0 ? 'up' : 'down');
  return (
    <a
      className={`ix-card${large ? ' large' : ''}`}
      href={href}
      data-testid={`card-${card.index}`}
      title={t('card.open', { index: t(`index.short.${card.index}`), unit: card.unitName, year: latest.year })}
    >
      <div className="ix-head">
        <span className="ix-name">{name}</span>
        <span className="ix-year">
          {latest.year}
          {card.untilQuarter !== null && <small> {t('card.untilQuarter', { q: card.untilQuarter })}</small>}
        </span>
      </div>
      <div className="ix-unit">{card.unitName}</div>
      <div className="ix-value" data-testid="card-value">
        {fmt(card.index, latest.value)}
      </div>
      <div className="ix-scale">{t(`card.scale.${card.index}`, INDICES[card.index].bounds(latest.year))}</div>
      <div className="ix-rank" data-testid="card-rank">
        {latest.rank !== null ? t('card.rank', { rank: latest.rank, of: latest.of }) : t('card.unranked')}
        {card.group && <span className={`ix-group tone-${card.group.tone}`}>{t(card.group.key, card.group.params)}</span>}
      </div>
      {card.target && (
        <div className={`ix-target ${card.target.gap >= 0 ? 'up' : 'down'}`} data-testid="card-target">
          {t('card.target', { target: `${formatNumber(card.target.value, locale, 0)}%` })} ·{' '}
          {card.target.gap >= 0
            ? t('card.gapAbove', { gap: formatNumber(card.target.gap, locale, 2) })
            : t('card.gapBelow', { gap: formatNumber(-card.target.gap, locale, 2) })}
        </div>
      )}
      <div className="ix-delta" data-testid="card-delta">
        {s.previous === null ? (
          <span className="same">{t('card.noPrev')}</span>
        ) : !s.comparable ? (
          <span className="same">
            {t('card.break', { year: INDICES[card.index].breaks.find((b) => b > s.previous!.year && b <= latest.year) ?? latest.year })}
          </span>
        ) : (
          <>
            <span className={dir(s.deltaValue)}>
              {dir(s.deltaValue) === 'up' ? '▲ ' : dir(s.deltaValue) === 'down' ? '▼ ' : '= '}
              {formatNumber(s.deltaValue === null ? null : Math.abs(s.deltaValue), locale, dec)}
            </span>{' '}
            {s.deltaRank !== null && (
              <span className={dir(s.deltaRank)}>
                {s.deltaRank > 0 ? t('card.rankUp', { n: s.deltaRank }) : s.deltaRank < 0 ? t('card.rankDown', { n: -s.deltaRank }) : t('card.rankSame')}
              </span>
            )}{' '}
            <span className="ix-vs">{t('card.vsPrev', { year: s.previous.year })}</span>
          </>
        )}
      </div>
      <Sparkline index={card.index} series={s.series} />
      {card.answers !== null && (
        <div className="ix-note">
          {t('card.answers', { n: formatNumber(card.answers, locale, 0) })} · {t('card.sipasHow')}
        </div>
      )}
      {card.derived && <div className="ix-note derived">{t('card.derived')}</div>}
      {sources.length > 0 && (
        <div className="ix-note ix-source" data-testid="card-source">
          {t('source.label')}: {sources.join('; ')}
        </div>
      )}
    </a>
  );
}

/** The five index cards, as useOverviewModel gives them. */
export function CardGrid({ model, large }: { model: ReturnType<typeof useOverviewModel>; large?: boolean }) {
  const { t } = useI18n();
  if (model.error)
    return (
      <p className="error" role="alert">
        {model.error}
      </p>
    );
  if (model.loading) return <div className="chart-skeleton" aria-busy="true" />;
  return (
    <div className={`ix-cards${large ? ' large' : ''}`} data-testid="overview-cards" aria-label={t('overview.cardsTitle')}>
      {model.cards.map(({ card, sources }) => (
        <Card key={card.index} card={card} large={large} sources={sources} />
      ))}
    </div>
  );
}

/** The five index cards for the user's province and commune, on their own (the deck, the report). */
export function OverviewCards({ large }: { large?: boolean }) {
  return <CardGrid model={useOverviewModel()} large={large} />;
}
