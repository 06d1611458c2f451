// SIPAS satisfaction: rates, Wilson intervals, flags, the "more satisfied answers needed" count and overall
// figures; its reporting periods are src/domain/periods.ts's. (Reading answers, labels and dates from files is the import pipeline's: src/ingest, src/domain/periods.ts.) Pure functions of counts (k satisfied answers, ≥ SATISFIED_MIN; n valid answers); no React, no DuckDB.

/**
 * The lowest answer that counts as satisfied: "Hài lòng" (4) and "Rất hài lòng" (5). The one definition: TypeScript
 * through isSatisfied, SQL through isSatisfied()/satisfied() in src/sql/fragments.ts.
 */
export const SATISFIED_MIN = 4;

/** Satisfied = "Hài lòng" or "Rất hài lòng". */
export const isSatisfied = (answer: number): boolean => answer >= SATISFIED_MIN;

/** Below this many valid answers a rate is flagged "ít phiếu". */
const FEW_ANSWERS = 30;
/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Satisfied answers (isSatisfied) and valid answers (1–5; blanks count in neither). */
export interface Tally {
  k: number;
  n: number;
}

/** Satisfaction rate in % (k ÷ n × 100), null when there is no valid answer. */
export function satisfactionRate(k: number, n: number): number | null {
  return n > 0 ? (k / n) * 100 : null;
}

/** 95% Wilson score interval in %, null when n = 0. Stays inside 0–100 even at k = 0 or k = n. */
export function wilsonInterval(k: number, n: number, z = Z95): { lo: number; hi: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half) * 100, hi: Math.min(1, centre + half) * 100 };
}

/**
 * A target in % as an exact fraction num/den (90 → 90/100, 92.5 → 925/1000), so comparisons at the
 * boundary (45 of 50 against 90%) are made in integers, never in floating point.
 */
export function targetFraction(targetPct: number): { num: number; den: number } {
  let den = 100;
  let num = targetPct;
  while (!Number.isInteger(Math.round(num * 1e9) / 1e9) && den < 1e8) {
    num *= 10;
    den *= 10;
  }
  return { num: Math.round(num), den };
}

/** k ÷ n ≥ target (with `strict`, k ÷ n > target: a plan's "trên 90%"), decided exactly. */
export function meetsTarget(k: number, n: number, targetPct: number, strict = false): boolean {
  if (n <= 0) return false;
  const { num, den } = targetFraction(targetPct);
  return strict ? k * den > num * n : k * den >= num * n;
}

/**
 * How many more satisfied answers, at this period's volume, would have reached the target:
 * the smallest x ≥ 0 with (k + x) ÷ (n + x) ≥ target (with `strict`, > target). Null when no x can (target 100% and
 * some answer below 4; above 100% or "trên 100%") or when there are no answers.
 */
export function satisfiedNeeded(k: number, n: number, targetPct: number, strict = false): number | null {
  if (n <= 0) return null;
  if (meetsTarget(k, n, targetPct, strict)) return 0;
  const { num, den } = targetFraction(targetPct);
  if (num >= den) return null; // 100%: every added answer leaves the unsatisfied ones in the denominator
  // x ≥ (num·n − den·k) ÷ (den − num), in integers: exact ceiling; strictly above: the next whole number past it.
  const top = num * n - den * k;
  const bottom = den - num;
  return strict ? Math.floor(top / bottom) + 1 : ceilDiv(top, bottom);
}

function ceilDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b < a ? q + 1 : q;
}

export interface RateSummary extends Tally {
  /** % or null when n = 0. */
  rate: number | null;
  lo: number | null;
  hi: number | null;
  /** Fewer than 30 forms (or answers, when the form count is unknown): "ít phiếu". */
  few: boolean;
  /** The interval contains the target: "chưa chắc" whether it is met. */
  uncertain: boolean;
  below: boolean;
  /** Satisfied answers still needed to reach the target (0 when met). */
  needed: number | null;
}

/**
 * Rate, interval and flags against a target in %. `respondents` (forms) decides "ít phiếu" for figures that pool
 * several items: 24 forms × 20 items are 480 answers, yet still few forms. Without it, n decides.
 */
export function summarise(t: Tally, targetPct: number, respondents?: number | null): RateSummary {
  const ci = wilsonInterval(t.k, t.n);
  const base = respondents ?? t.n;
  return {
    k: t.k,
    n: t.n,
    rate: satisfactionRate(t.k, t.n),
    lo: ci?.lo ?? null,
    hi: ci?.hi ?? null,
    few: t.n > 0 && base < FEW_ANSWERS,
    uncertain: ci !== null && ci.lo <= targetPct && targetPct <= ci.hi,
    below: t.n > 0 && !meetsTarget(t.k, t.n, targetPct),
    needed: satisfiedNeeded(t.k, t.n, targetPct),
  };
}

// ---- Overall figures -----------------------------------------------------------------------------------

export interface ElementTally extends Tally {
  element: number;
}

/** "Gộp tất cả câu trả lời": every valid answer of every item counted once. */
export function pooled(tallies: readonly Tally[]): Tally {
  return tallies.reduce((a, t) => ({ k: a.k + t.k, n: a.n + t.n }), { k: 0, n: 0 });
}

/**
 * "Trung bình 5 yếu tố": the unweighted mean of the element rates. `elements` is how many of the five
 * had answers; fewer than 5 means the figure is not comparable and is shown flagged.
 */
export function meanOfElements(tallies: readonly ElementTally[]): { rate: number | null; elements: number } {
  const byElement = new Map<number, Tally>();
  for (const t of tallies) {
    const cur = byElement.get(t.element) ?? { k: 0, n: 0 };
    byElement.set(t.element, { k: cur.k + t.k, n: cur.n + t.n });
  }
  const rates = [...byElement.values()].filter((t) => t.n > 0).map((t) => (t.k / t.n) * 100);
  return { rate: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null, elements: rates.length };
}

// ---- A commune's SIPAS, year by year -------------------------------------------------------------------------

/** A year's satisfaction rate from the commune's own survey answers (pooled over its service points). */
interface AnswersYear {
  year: number;
  rate: number;
  /** Valid answers behind the rate. */
  answers: number;
  /** The last quarter answered that year (4 = the whole year). */
  lastQuarter: number;
}

type CommuneSipasYear = { year: number; value: number; from: 'published' } | ({ value: number; from: 'answers' } & AnswersYear);

/**
 * The SIPAS of a commune for each year — the one rule every view follows (the overview card, the SIPAS index page):
 * a published SIPAS score for the commune and year wins; else the rate computed from its survey answers. Oldest first.
 */
export function communeSipas(published: readonly { year: number; value: number }[], fromAnswers: readonly AnswersYear[]): CommuneSipasYear[] {
  const byYear = new Map<number, CommuneSipasYear>();
  for (const p of published) if (!byYear.has(p.year)) byYear.set(p.year, { year: p.year, value: p.value, from: 'published' });
  for (const a of fromAnswers) if (!byYear.has(a.year)) byYear.set(a.year, { ...a, value: a.rate, from: 'answers' });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
