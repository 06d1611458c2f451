// Reporting periods of the users' calendar: a year, a half (H1/H2) or a quarter (Q1–Q4).
// SIPAS files name them as "2026-Q1", "2026-H1", "2026" or by the date of the survey (dd/mm/yyyy in Vietnamese files).
import { foldText } from './vnNames';

export interface Period {
  year: number;
  half: 1 | 2 | null;
  quarter: 1 | 2 | 3 | 4 | null;
}

export type DateOrder = 'dmy' | 'mdy';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const validYear = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function fromQuarter(year: number, q: number): Period | null {
  if (!validYear(year) || q < 1 || q > 4) return null;
  return { year, half: q <= 2 ? 1 : 2, quarter: q as 1 | 2 | 3 | 4 };
}

function fromHalf(year: number, h: number): Period | null {
  if (!validYear(year) || (h !== 1 && h !== 2)) return null;
  return { year, half: h, quarter: null };
}

function fromDate(year: number, month: number, day: number): Period | null {
  if (!validYear(year) || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return fromQuarter(year, Math.ceil(month / 3));
}

/** The two leading numbers of a slash/dash/dot date ("15/03/2026" → [15, 3, 2026]), or null when it is not one. */
function dateParts(raw: string): [number, number, number] | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(raw.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * Reads a period; null when it is not one. `dateOrder` only matters for dates like 03/04/2026.
 * Accepted: 2026 · 2026-Q1 · Q1/2026 · Quý 1/2026 · Quý I năm 2026 · 2026-H1 · H1/2026 · 15/03/2026 · 2026-03-15.
 */
export function parsePeriod(raw: string, dateOrder: DateOrder = 'dmy'): Period | null {
  // Folded, so "Quý"/"Quy"/"QUÝ" and "năm"/"nam" are one word each.
  const s = foldText(raw);
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:\.0+)?$/.exec(s))) return validYear(Number(m[1])) ? { year: Number(m[1]), half: null, quarter: null } : null;
  if ((m = /^(\d{4}) ?[-/ ]? ?q([1-4])$/.exec(s))) return fromQuarter(Number(m[1]), Number(m[2]));
  if ((m = /^(?:q|quy) ?([1-4]|iv|iii|ii|i) ?(?:[-/ ]|nam)+ ?(\d{4})$/.exec(s))) return fromQuarter(Number(m[2]), ROMAN[m[1]!] ?? Number(m[1]));
  if ((m = /^(\d{4}) ?[-/ ]? ?h([12])$/.exec(s))) return fromHalf(Number(m[1]), Number(m[2]));
  if ((m = /^h([12]) ?[-/ ] ?(\d{4})$/.exec(s))) return fromHalf(Number(m[2]), Number(m[1]));
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(s))) return fromDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const d = dateParts(s);
  if (d) return dateOrder === 'dmy' ? fromDate(d[2], d[1], d[0]) : fromDate(d[2], d[0], d[1]);
  return null;
}

/**
 * How a set of slash dates must be read: 'dmy' when some first number is above 12, 'mdy' when some second one is,
 * 'ambiguous' when every date reads both ways (the user is asked), null when there are no such dates.
 */
export function dateOrderOf(values: readonly string[]): DateOrder | 'ambiguous' | null {
  let seen = false;
  let firstOver12 = false;
  let secondOver12 = false;
  for (const v of values) {
    const d = dateParts(v);
    if (!d) continue;
    seen = true;
    if (d[0] > 12) firstOver12 = true;
    if (d[1] > 12) secondOver12 = true;
  }
  if (!seen) return null;
  if (firstOver12 && !secondOver12) return 'dmy';
  if (secondOver12 && !firstOver12) return 'mdy';
  if (!firstOver12 && !secondOver12) return 'ambiguous';
  return 'dmy'; // both happen: the file is inconsistent; dd/mm reports the US-ordered ones as invalid dates
}

/** "2026-Q1", "2026-H1" or "2026". */
export function periodLabel(p: Period): string {
  if (p.quarter) return `${p.year}-Q${p.quarter}`;
  if (p.half) return `${p.year}-H${p.half}`;
  return String(p.year);
}

/** Orders periods by time; within one year the year itself sorts after its halves and quarters. */
export function periodSortKey(p: Period): number {
  return p.year * 100 + (p.quarter ? p.quarter * 10 : p.half ? (p.half === 1 ? 25 : 45) : 99);
}

// ---- Reporting levels: the SIPAS page, the report and the SQL fragments read period keys through these ----------

export type Level = 'quarter' | 'half' | 'year';
export const LEVELS: readonly Level[] = ['quarter', 'half', 'year'];

/**
 * A stored period key ("2026-Q1", "2026-H1", "2026", as periodLabel writes them) → its period; null for anything
 * else, other spellings included: keys come from the data and the link, never typed by hand.
 */
export function parsePeriodKey(key: string): Period | null {
  const p = parsePeriod(key);
  return p && periodLabel(p) === key ? p : null;
}

/** A period's level: a quarter, a half-year or a year. */
export function levelOf(p: Period): Level {
  return p.quarter ? 'quarter' : p.half ? 'half' : 'year';
}

/** The period at a coarser (or the same) level that contains it: 2026-Q3 → 2026-H2 → 2026. Null when `level` is finer. */
export function rollUp(key: string, level: Level): string | null {
  const p = parsePeriodKey(key);
  if (!p) return null;
  const rank = { quarter: 0, half: 1, year: 2 } as const;
  if (rank[level] < rank[levelOf(p)]) return null;
  if (level === 'quarter') return key;
  if (level === 'half') return periodLabel({ ...p, quarter: null });
  return String(p.year);
}

/** The period before, at the same level: 2026-Q1 → 2025-Q4, 2026-H1 → 2025-H2, 2026 → 2025. */
export function previousPeriod(key: string): string | null {
  const p = parsePeriodKey(key);
  if (!p) return null;
  if (p.quarter) return periodLabel(p.quarter > 1 ? fromQuarter(p.year, p.quarter - 1)! : { year: p.year - 1, half: 2, quarter: 4 });
  if (p.half) return periodLabel(p.half === 2 ? { year: p.year, half: 1, quarter: null } : { year: p.year - 1, half: 2, quarter: null });
  return String(p.year - 1);
}

/** Sort order of period keys of one level (chronological); keys that are no period by their text. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriodKey(a);
  const pb = parsePeriodKey(b);
  if (!pa || !pb) return a.localeCompare(b);
  return periodSortKey(pa) - periodSortKey(pb);
}
