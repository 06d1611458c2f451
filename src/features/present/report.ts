// Pure pieces of the one-page report: the PAR year of its period, which two pinned charts it shows, and the fit to A4.
// The period's label is the SIPAS page's (sipas/labels.ts periodLabel).
import { parsePeriodKey } from '../../domain/periods';
import { FICTIONAL_SOURCE } from '../../domain/demoRule';
import { nameKey } from '../../domain/vnNames';
import { pinKey, type Pin } from './pins';

/** The year a period key falls in (PAR is scored per year). */
const yearOfPeriod = (period: string): number | undefined => parsePeriodKey(period)?.year;

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

const DEMO_LABELS = [FICTIONAL_SOURCE, 'Demo data'].map(nameKey);

/**
 * Demo datasets name "Dữ liệu minh họa" as their source; the demo badge says that already, so lists of sources skip it.
 * Compared as names are (vnNames): any case, Unicode form or tone placement ("minh hoạ").
 */
export const isDemoLabel = (source: string) => DEMO_LABELS.includes(nameKey(source));
