// Number and date texts of the PAR workspace (vi: 1,5 and 25/11/2026; en: 1.5 and 25/11/2026).
import { formatDate, numberFormatter, type Locale } from '../../i18n/format';

/** Points as scored: up to two decimals, no trailing zeros (1,5 · 12 · 0,25). */
export function fmtPoints(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return numberFormatter(locale, 0, 2).format(v);
}

/** A signed change with two decimals: +2,35 / −1,20 / 0,00. */
export function fmtChange(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const s = numberFormatter(locale, 2, 2).format(Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** Date of an edit stored as UTC "YYYY-MM-DDTHH:MM:SS", shown in the user's time zone. */
export function fmtEditDate(stamp: string, locale: Locale, withTime = false): string {
  const d = new Date(stamp.endsWith('Z') ? stamp : `${stamp}Z`);
  if (Number.isNaN(d.getTime())) return stamp;
  return formatDate(d, locale, withTime);
}
