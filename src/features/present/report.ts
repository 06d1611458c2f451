// Pure pieces of the one-page report: the period's label, which two pinned charts it shows, and the fit to A4.
import type { Locale } from '../../i18n/format';
import { pinKey, type Pin } from './pins';

/** "2026-Q1" → "Quý 1/2026" (en "Q1 2026"); "2026-H2" → "6 tháng cuối năm 2026"; "2026" → "Năm 2026". */
export function periodLabel(period: string, locale: Locale): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) return locale === 'vi' ? `Quý ${m[2]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(period)))
    return locale === 'vi' ? `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}` : `${m[2] === '1' ? 'First' : 'Second'} half of ${m[1]}`;
  if (/^\d{4}$/.test(period)) return locale === 'vi' ? `Năm ${period}` : period;
  return period;
}

/** The year a period falls in (PAR is scored per year). */
export const yearOfPeriod = (period: string): number | undefined => (/^\d{4}/.test(period) ? Number(period.slice(0, 4)) : undefined);

/** The PAR year a report of `period` shows: that year if scored, else the latest scored year before it, else the latest. */
export function parYearFor(period: string, scoredYears: readonly number[]): number | undefined {
  const y = yearOfPeriod(period);
  const sorted = [...scoredYears].sort((a, b) => b - a);
  if (y === undefined) return sorted[0];
  return sorted.find((s) => s <= y) ?? sorted[0];
}

/**
 * The report's two charts: the pins named in the URL (`c1`, `c2` = pin keys) when they are still pinned,
 * else the first pinned charts not already shown. "-" means the user chose none for that place.
 */
export function reportCharts(pins: readonly Pin[], c1?: string, c2?: string): [Pin | null, Pin | null] {
  const byKey = new Map(pins.map((p) => [pinKey(p), p]));
  const chosen: (Pin | null | undefined)[] = [c1, c2].map((c) => (c === '-' ? null : c ? byKey.get(c) : undefined));
  const used = new Set(chosen.filter((p): p is Pin => !!p).map(pinKey));
  const spare = pins.filter((p) => !used.has(pinKey(p)));
  const out = chosen.map((p) => (p === undefined ? (spare.shift() ?? null) : p));
  return [out[0] ?? null, out[1] ?? null];
}

/** Scale that makes content `contentPx` tall fit a page `pagePx` tall (never enlarges). */
export function fitScale(contentPx: number, pagePx: number): number {
  if (!(contentPx > 0) || contentPx <= pagePx) return 1;
  return Math.floor((pagePx / contentPx) * 1000) / 1000;
}

/** A4 portrait with 10 mm margins, in CSS px (96 px per inch): the printable box the sheet must fit. */
export const A4_PRINTABLE = { widthMm: 190, heightMm: 277, pxPerMm: 96 / 25.4 } as const;

/** Demo datasets name "Dữ liệu minh họa" as their source; the demo badge says that already, so lists of sources skip it. */
export const isDemoLabel = (source: string) => /^(dữ liệu minh họa|dữ liệu minh hoạ|demo data)$/i.test(source.normalize('NFC').trim());
