// How the plan's figures read, in the user's language: measures, requirements ("> 90%"), values, statuses, periods.
// Numbers and dates through i18n/format.ts (vi-VN: 90,5%; 30/06/2026).
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { formatDate, formatNumber, formatPercent, type Locale } from '../../i18n/format';
import { INDICES } from '../../domain/indices';
import { COMPARISON_SYMBOL, type Measure, type Observation, type TargetDef, type TargetState, type TargetStatus } from '../../domain/plan';
import type { TaskState } from '../../domain/planTasks';
import { periodLabel as sipasPeriodLabel } from '../sipas/labels';

export const periodText = (t: Translate, key: string) => sipasPeriodLabel(t, key);

/** A day (ISO) as dd/mm/yyyy. */
export function dayText(iso: string | null, locale: Locale): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  return formatDate(new Date(Date.UTC(y!, m! - 1, d!, 12)), locale);
}

/** Today as the page's clock has it (local day), ISO. */
export function todayIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "SIPAS — Điểm tiếp nhận thôn Đông", "Xếp hạng PCI của tỉnh", "Chỉ báo DVC_TOAN_TRINH". */
export function measureText(t: Translate, m: Measure, unitName: string | null, indicatorName?: string | null): string {
  const of = (s: string) => (unitName ? `${s} — ${unitName}` : s);
  switch (m.kind) {
    case 'sipas':
      return of(t('plan.measure.sipas'));
    case 'par':
      return of(t('plan.measure.par'));
    case 'parBand':
      return of(t('plan.measure.parBand'));
    case 'index':
      return t(m.what === 'rank' ? 'plan.measure.rank' : 'plan.measure.score', { index: m.index });
    case 'indicator':
      return of(indicatorName ? `${indicatorName} (${m.code})` : t('plan.measure.indicator', { code: m.code }));
  }
}

const isShare = (m: Measure) => m.kind === 'sipas' || m.kind === 'indicator';

/** A share x ÷ N in %, at the decimals every rate is written with (the SIPAS registry's). */
export const shareText = (x: number, n: number, locale: Locale) => formatPercent((x / n) * 100, locale, INDICES.SIPAS.decimals);

/** A threshold as written: "90%", "92,5%", "0,7000", "hạng 20", "Tốt". */
export function thresholdText(t: Translate, d: Pick<TargetDef, 'measure' | 'threshold'>, locale: Locale): string {
  if (d.threshold.kind === 'band') return t(`par.band.${d.threshold.band}` as MessageKey);
  const v = d.threshold.value;
  const m = d.measure;
  if (isShare(m) || m.kind === 'par') return formatPercent(v, locale, Number.isInteger(v) ? 0 : 1);
  if (m.kind === 'index' && m.what === 'rank') return t('plan.rankN', { n: v });
  if (m.kind === 'index') return formatNumber(v, locale, Number.isInteger(v) ? 0 : INDICES[m.index].decimals);
  return String(v);
}

/** The requirement as a line: "> 90%", "≥ Tốt", "≤ hạng 20". */
export function requirementText(t: Translate, d: Pick<TargetDef, 'measure' | 'threshold' | 'op'>, locale: Locale): string {
  return `${COMPARISON_SYMBOL[d.op]} ${thresholdText(t, d, locale)}`;
}

/** The figure measured: "88,4%" (a share), "84,50" (PAR), "Tốt (84,50)", "68,12", "hạng 12/63". */
export function valueText(t: Translate, m: Measure, obs: Observation | null, locale: Locale, rankOf?: number | null): string {
  if (!obs) return '–';
  // Shares at the SIPAS registry's decimals, as every view writes a rate (90,00% is not "trên 90%": both show).
  if (obs.kind === 'count') return obs.n > 0 ? shareText(obs.k, obs.n, locale) : '–';
  if (obs.kind === 'band') return `${t(`par.band.${obs.band}` as MessageKey)} (${formatNumber(obs.index, locale, 2)})`;
  if (m.kind === 'index' && m.what === 'rank') return rankOf ? t('plan.rankOf', { n: obs.value, of: rankOf }) : t('plan.rankN', { n: obs.value });
  return formatNumber(obs.value, locale, obs.decimals);
}

/** What lies behind a share: "118/124", "1.234 câu trả lời". */
export function basisText(t: Translate, obs: Observation | null, locale: Locale): string | null {
  if (!obs || obs.kind !== 'count') return null;
  return obs.survey ? t('plan.answers', { n: formatNumber(obs.n, locale, 0) }) : `${formatNumber(obs.k, locale, 0)}/${formatNumber(obs.n, locale, 0)}`;
}

export const stateText = (t: Translate, s: TargetState) => t(`plan.state.${s}`);

/** "cần thêm 12 câu trả lời hài lòng" / "cần thêm 6 TTHC" / "không thể đạt trong kỳ" — for a share not met. */
export function neededText(t: Translate, obs: Observation | null, s: TargetStatus, locale: Locale): string | null {
  if (!obs || obs.kind !== 'count' || s.holds !== false) return null;
  if (s.needed === null) return t('plan.neededNone');
  return t(obs.survey ? 'plan.neededAnswers' : 'plan.neededOf', { n: formatNumber(s.needed, locale, 0), of: formatNumber(obs.n, locale, 0) });
}

/** A change in the measure's unit: "+1,2 điểm %", "−3 bậc", "+0,0125". */
export function deltaText(t: Translate, m: Measure, delta: number, locale: Locale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const a = Math.abs(delta);
  if (isShare(m) || m.kind === 'par' || m.kind === 'parBand') return `${sign}${formatNumber(a, locale, 1)} ${t('plan.pp')}`;
  // A rank goes up when its number goes down.
  if (m.kind === 'index' && m.what === 'rank') return t(delta < 0 ? 'plan.rankUp' : 'plan.rankDown', { n: formatNumber(a, locale, 0) });
  return `${sign}${formatNumber(a, locale, m.kind === 'index' ? INDICES[m.index].decimals : 2)}`;
}

export const taskStateText = (t: Translate, s: TaskState) => t(`plan.task.${s}`);

/** The text of a target: as the plan writes it, the SIPAS row in the app's words. */
export function targetText(t: Translate, d: TargetDef, locale: Locale): string {
  if (d.text) return d.text;
  return t(d.op === '>' ? 'plan.sipasTextAbove' : 'plan.sipasTextFrom', { value: thresholdText(t, d, locale) });
}
