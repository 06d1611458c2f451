// Period and figure labels in the user's language.
import type { Translate } from '../../i18n/i18n';
import { formatPercent, type Locale } from '../../i18n/format';
import { parsePeriodKey, type Level } from '../../domain/periods';
import { INDICES } from '../../domain/indices';

export function periodLabel(t: Translate, key: string): string {
  const p = parsePeriodKey(key);
  if (!p) return key;
  if (p.quarter) return t('sipas.period.quarter', { part: p.quarter, year: p.year });
  if (p.half) return t(p.half === 1 ? 'sipas.period.half1' : 'sipas.period.half2', { year: p.year });
  return t('sipas.period.year', { year: p.year });
}

export const levelLabel = (t: Translate, level: Level) => t(`sipas.level.${level}`);

/** Rates show the registry's decimals for SIPAS, as the overview card and the index page do: 89,75%. */
export const pct = (v: number | null | undefined, locale: Locale) => formatPercent(v, locale, INDICES.SIPAS.decimals);

export function isLevel(v: string | undefined): v is Level {
  return v === 'quarter' || v === 'half' || v === 'year';
}

/** Targets show as typed: 90% stays "90%", 92.5 shows "92,5%". */
export const targetPct = (v: number, locale: Locale) => formatPercent(v, locale, Number.isInteger(v) ? 0 : 1);

/** A 95% interval as "85,2% – 93,1%"; "–" when there is none. */
export const ciText = (s: { lo: number | null; hi: number | null }, locale: Locale) => (s.lo === null ? '–' : `${pct(s.lo, locale)} – ${pct(s.hi, locale)}`);
