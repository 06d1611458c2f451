// The commune plan's targets (Chỉ tiêu): what a target measures, how it compares ("trên 90%" is strictly above:
// compare as the plan writes it), its status per period, and how many more are needed. Pure; no React, no DuckDB.
// Plans write targets in words: the readers below accept the words and the symbols alike, so a file, a form and the
// settings all land on one definition.
import { BANDS, type Band } from './parScoring';
import { levelOf, parsePeriodKey, type Level } from './periods';
import { satisfiedNeeded, targetFraction, wilsonInterval } from './sipas';
import { foldText } from './vnNames';

// ---- Comparisons -------------------------------------------------------------------------------------------------

export const COMPARISONS = ['>', '>=', '<=', '='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** How each comparison is printed. */
export const COMPARISON_SYMBOL: Readonly<Record<Comparison, string>> = { '>': '>', '>=': '≥', '<=': '≤', '=': '=' };

const COMPARISON_WORDS: readonly [RegExp, Comparison][] = [
  // Folded (no diacritics, lower case). Order matters: "tren" alone is strict, "tu … tro len" is not.
  [/^(>=|≥|=>|tu|tu .*tro len|tro len|toi thieu|it nhat|dat|dat tu|khong duoi|khong thap hon)$/, '>='],
  [/^(<=|≤|=<|toi da|khong qua|khong vuot|khong vuot qua|duoi hoac bang|khong cao hon)$/, '<='],
  [/^(>|tren|cao hon|hon|vuot|lon hon)$/, '>'],
  [/^(=|==|bang|dung)$/, '='],
];

/** "trên" → '>', "từ … trở lên" / "đạt" / "≥" → '>=', "không quá" / "≤" → '<=', "bằng" / "=" → '='; null otherwise. */
export function parseComparison(raw: string): Comparison | null {
  const s = foldText(raw);
  if (s === '') return null;
  for (const [re, op] of COMPARISON_WORDS) if (re.test(s)) return op;
  return null;
}

// ---- Period levels -----------------------------------------------------------------------------------------------

/** "Quý" → quarter, "6 tháng" → half, "Năm" → year (also the English words and the app's own keys); null otherwise. */
export function parsePlanLevel(raw: string): Level | null {
  const s = foldText(raw);
  if (/^(quy|hang quy|theo quy|q|quarter|quarterly)$/.test(s)) return 'quarter';
  if (/^(6 thang|sau thang|nua nam|hang 6 thang|h|half|half-year|half year)$/.test(s)) return 'half';
  if (/^(nam|hang nam|ca nam|y|year|yearly|annual)$/.test(s)) return 'year';
  return null;
}

/** The periods of a year at a level, in order: 2026-Q1 … 2026-Q4, 2026-H1, 2026-H2, or 2026. */
export function periodsOfYear(year: number, level: Level): string[] {
  if (level === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  if (level === 'half') return [1, 2].map((h) => `${year}-H${h}`);
  return [String(year)];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day of a period ('2026-Q2' → '2026-06-30'), as ISO text; null for a key that is not a period. */
export function periodEnd(key: string): string | null {
  const p = parsePeriodKey(key);
  if (!p) return null;
  const month = p.quarter ? p.quarter * 3 : p.half ? p.half * 6 : 12;
  return `${p.year}-${pad(month)}-${pad(lastDay(p.year, month))}`;
}

/** The period of a level that a day (ISO) falls in: ('2026-05-04', 'quarter') → '2026-Q2'. */
export function periodOfDay(day: string, level: Level): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (level === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (level === 'half') return `${year}-H${month <= 6 ? 1 : 2}`;
  return String(year);
}

/**
 * The periods of `level` within `period` (2026-H1 at quarter level → 2026-Q1, 2026-Q2); the period itself at its own
 * level; empty when `level` is coarser than the period.
 */
export function periodsWithin(period: string, level: Level): string[] {
  const p = parsePeriodKey(period);
  if (!p) return [];
  const own = levelOf(p);
  const rank = { quarter: 0, half: 1, year: 2 } as const;
  if (rank[level] > rank[own]) return [];
  if (level === own) return [period];
  if (own === 'year') return periodsOfYear(p.year, level);
  return [`${p.year}-Q${p.half! * 2 - 1}`, `${p.year}-Q${p.half! * 2}`]; // a half, at quarter level
}

// ---- Measures ----------------------------------------------------------------------------------------------------

export const PLAN_INDICES = ['PAPI', 'PCI', 'DTI'] as const;
export type PlanIndex = (typeof PLAN_INDICES)[number];

/**
 * What a target is measured by: a figure the app computes (SIPAS rate of the commune or a service point, PAR index or
 * band of the commune or a unit, a province's PAPI/PCI/DTI score or rank) or an entered indicator (x of N per period,
 * plan_indicators) named by its code.
 */
export type Measure =
  { kind: 'sipas' } | { kind: 'par' } | { kind: 'parBand' } | { kind: 'index'; index: PlanIndex; what: 'score' | 'rank' } | { kind: 'indicator'; code: string };

/** A measure as the app writes it: SIPAS, PAR, PAR_BAND, PCI, PCI_RANK …, or the indicator's code. */
export function measureKey(m: Measure): string {
  switch (m.kind) {
    case 'sipas':
      return 'SIPAS';
    case 'par':
      return 'PAR';
    case 'parBand':
      return 'PAR_BAND';
    case 'index':
      return m.what === 'rank' ? `${m.index}_RANK` : m.index;
    case 'indicator':
      return m.code;
  }
}

/**
 * A measure as written in a plan's file: SIPAS / "Mức độ hài lòng", PAR / "Chỉ số CCHC", PAR_BAND / "Xếp loại PAR",
 * PCI / "Điểm PCI", PCI_RANK / "Xếp hạng PCI" (same for PAPI, DTI); anything else names an entered indicator, its code
 * as written. Null for a blank cell.
 */
export function parseMeasure(raw: string): Measure | null {
  const code = raw.normalize('NFC').trim();
  if (code === '') return null;
  const s = foldText(code)
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ');
  if (/^(sipas|muc do hai long|ty le hai long|hai long|sipas xa)$/.test(s)) return { kind: 'sipas' };
  if (/^(par|par index|chi so cchc|chi so cai cach hanh chinh|diem par)$/.test(s)) return { kind: 'par' };
  if (/^(par band|xep loai par|xep loai cchc|xep loai chi so cchc|xep loai)$/.test(s)) return { kind: 'parBand' };
  const m = /^(?:(xep hang|hang|thu hang|rank) )?(?:chi so |diem )?(papi|pci|dti)(?: (rank|xep hang|hang))?$/.exec(s);
  if (m) {
    const index = m[2]!.toUpperCase() as PlanIndex;
    return { kind: 'index', index, what: m[1] || m[3] ? 'rank' : 'score' };
  }
  return { kind: 'indicator', code };
}

/** Measures that are a share x ÷ N in % (their "how many more" is a count). */
export const isRateMeasure = (m: Measure) => m.kind === 'sipas' || m.kind === 'indicator';

/** Measures scored once a year (PAR, the provincial indices): a quarterly target of theirs reads the year. */
export const isYearlyMeasure = (m: Measure) => m.kind === 'par' || m.kind === 'parBand' || m.kind === 'index';

// ---- Thresholds --------------------------------------------------------------------------------------------------

export type Threshold = { kind: 'number'; value: number } | { kind: 'band'; band: Band };

const BAND_WORDS: Readonly<Record<string, Band>> = {
  'xuat sac': 'excellent',
  tot: 'good',
  kha: 'fair',
  'trung binh': 'average',
  yeu: 'weak',
  excellent: 'excellent',
  good: 'good',
  fair: 'fair',
  average: 'average',
  weak: 'weak',
};

/** The largest value of a measure's scale (PAPI 80, DTI 1, a rate or index 100); null: no ceiling (a rank). */
function ceilingOf(m: Measure): number | null {
  if (m.kind === 'index') return m.what === 'rank' ? null : m.index === 'DTI' ? 1 : m.index === 'PAPI' ? 80 : 100;
  return 100;
}

/**
 * A threshold as written for a measure: "90", "92,5", "90%" for rates and scores (0 to the scale's top), a whole
 * number ≥ 1 for a rank, a band name ("Tốt", "Khá") for PAR_BAND. Null when it does not fit the measure.
 */
export function parseThreshold(m: Measure, raw: string): Threshold | null {
  const s = foldText(raw).replace(/\s+/g, '');
  if (m.kind === 'parBand') {
    const band = BAND_WORDS[foldText(raw)];
    return band ? { kind: 'band', band } : null;
  }
  const t = /^(\d+(?:[.,]\d+)?)%?$/.exec(s);
  if (!t) return null;
  const value = Number(t[1]!.replace(',', '.'));
  if (m.kind === 'index' && m.what === 'rank') return Number.isInteger(value) && value >= 1 ? { kind: 'number', value } : null;
  const top = ceilingOf(m);
  return top !== null && value > top ? null : { kind: 'number', value };
}

// ---- A target and its status -------------------------------------------------------------------------------------

export interface TargetDef {
  /** The dataset holding the row; null for the SIPAS target, kept in the settings (sipasTargetRow). */
  datasetId: string | null;
  year: number;
  code: string;
  /** As written in the plan; null for the SIPAS target (its words come from the app's dictionary). */
  text: string | null;
  measure: Measure;
  /** Service point (SIPAS) or unit (PAR) code; null: the commune, or the province for PAPI/PCI/DTI. */
  unit: string | null;
  op: Comparison;
  threshold: Threshold;
  /** How often the plan tracks it: each quarter, half-year or year. */
  level: Level;
  planNo: string | null;
  /** ISO date of the plan. */
  planDate: string | null;
}

/** The code of the SIPAS target: one row, its threshold and comparison kept in the settings. */
export const SIPAS_TARGET_CODE = 'SIPAS';

/**
 * The commune's SIPAS target of a year as a target row ("phấn đấu mức độ hài lòng đạt trên 90%"): the one definition
 * of the SIPAS target, edited in Cài đặt and on the targets board.
 */
export function sipasTargetRow(year: number, threshold: number, op: Comparison): TargetDef {
  return {
    datasetId: null,
    year,
    code: SIPAS_TARGET_CODE,
    text: null,
    measure: { kind: 'sipas' },
    unit: null,
    op,
    threshold: { kind: 'number', value: threshold },
    level: 'quarter',
    planNo: null,
    planDate: null,
  };
}

/** What was measured in one period. */
export type Observation =
  /** A share k of n (in %): survey answers (SIPAS; more answers can be added) or an entered x of N (N is given). */
  | { kind: 'count'; k: number; n: number; survey: boolean }
  /** A score, index or rank, compared at its published decimals. */
  | { kind: 'value'; value: number; decimals: number }
  /** A PAR band, from the index it was read from. */
  | { kind: 'band'; band: Band; index: number };

export type TargetState = 'met' | 'notMet' | 'noData' | 'uncertain';

export interface TargetStatus {
  /** đạt / chưa đạt / chưa có số liệu / chưa chắc (a survey's 95% interval holds the threshold). */
  state: TargetState;
  /** Whether the comparison as written holds for the measured value (null without data). */
  holds: boolean | null;
  /** The value in the measure's unit (a share in %); null without data. */
  value: number | null;
  /** 95% Wilson interval of a survey share, in %. */
  interval: { lo: number; hi: number } | null;
  /**
   * For a share that has not met a "≥" or "trên" target: how many more are needed — satisfied answers at this
   * volume for a survey (as the SIPAS page counts them), of the N given for an entered indicator. 0 when met; null
   * when no count can (a target above what N allows) or the comparison asks for less.
   */
  needed: number | null;
}

const NO_DATA: TargetStatus = { state: 'noData', holds: null, value: null, interval: null, needed: null };

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** k ÷ n against t% by the comparison, exactly (integers), so 90 of 100 is not "trên 90%". */
function shareHolds(k: number, n: number, op: Comparison, pct: number): boolean {
  const { num, den } = targetFraction(pct);
  const left = k * den;
  const right = num * n;
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '=':
      return left === right;
  }
}

/** Of a fixed N (dossiers, procedures): how many more of them would have to count for k ÷ N to meet t% as written. */
export function moreOfTotal(k: number, n: number, op: Comparison, pct: number): number | null {
  if (n <= 0 || (op !== '>' && op !== '>=')) return null;
  if (shareHolds(k, n, op, pct)) return 0;
  const { num, den } = targetFraction(pct);
  const gap = num * n - den * k; // (k + d)·den must reach num·n
  const d = op === '>=' ? Math.ceil(gap / den) : floorDiv(gap, den) + 1;
  return d <= n - k ? d : null;
}

/** A number against the threshold at `decimals` decimals (both rounded alike: 70.00 is 70). */
function valueHolds(value: number, op: Comparison, threshold: number, decimals: number): boolean {
  const f = 10 ** decimals;
  const a = Math.round(value * f);
  const b = Math.round(threshold * f);
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
  }
}

/** Bands compare by rank: "≥ Tốt" holds for Tốt and Xuất sắc. */
function bandHolds(band: Band, op: Comparison, threshold: Band): boolean {
  const a = BANDS.length - BANDS.indexOf(band); // higher is better
  const b = BANDS.length - BANDS.indexOf(threshold);
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
  }
}

/** The status of a target in one period, from what was measured then (null: nothing was). */
export function targetStatus(obs: Observation | null, op: Comparison, threshold: Threshold): TargetStatus {
  if (!obs) return NO_DATA;
  if (obs.kind === 'band') {
    if (threshold.kind !== 'band') return NO_DATA;
    const holds = bandHolds(obs.band, op, threshold.band);
    return { state: holds ? 'met' : 'notMet', holds, value: obs.index, interval: null, needed: null };
  }
  if (threshold.kind !== 'number') return NO_DATA;
  const t = threshold.value;
  if (obs.kind === 'value') {
    const holds = valueHolds(obs.value, op, t, obs.decimals);
    return { state: holds ? 'met' : 'notMet', holds, value: obs.value, interval: null, needed: null };
  }
  const { k, n, survey } = obs;
  if (n <= 0) return NO_DATA;
  const holds = shareHolds(k, n, op, t);
  const value = (k / n) * 100;
  let needed: number | null = null;
  if (op === '>' || op === '>=') {
    if (survey) needed = satisfiedNeeded(k, n, t, op === '>');
    else needed = moreOfTotal(k, n, op, t);
  }
  if (!survey) return { state: holds ? 'met' : 'notMet', holds, value, interval: null, needed };
  // A survey is a sample: when its interval holds the threshold, whether the target is met is not known.
  const interval = wilsonInterval(k, n);
  const straddles = interval !== null && interval.lo <= t && t <= interval.hi;
  return { state: straddles ? 'uncertain' : holds ? 'met' : 'notMet', holds, value, interval, needed };
}

// ---- Trend -------------------------------------------------------------------------------------------------------

export interface TrendPoint {
  period: string;
  value: number | null;
}

/** The latest value and the one before it (periods oldest first; gaps skipped), and the change between them. */
export function trendOf(points: readonly TrendPoint[]): { latest: TrendPoint | null; previous: TrendPoint | null; delta: number | null } {
  const valued = points.filter((p) => p.value !== null);
  const latest = valued.at(-1) ?? null;
  const previous = valued.at(-2) ?? null;
  return { latest, previous, delta: latest && previous ? latest.value! - previous.value! : null };
}

/** For a rank, lower is better: a change is good when it goes the way the comparison asks. */
export function deltaIsGood(delta: number, op: Comparison): boolean | null {
  if (delta === 0 || op === '=') return null;
  return op === '<=' ? delta < 0 : delta > 0;
}
