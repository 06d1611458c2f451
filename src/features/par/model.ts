// A year of PAR scoring assembled from query rows: each unit scored, ranked, banded and compared with last year.
// Pure: rows in, model out (tested in model.test.ts).
import {
  type BandCutoffs,
  bandOf,
  compareCodes,
  rankByIndex,
  scoreUnit,
  type Band,
  type ParCriterion,
  type ParScore,
  type UnitScore,
} from '../../domain/parScoring';

/** The datasets PAR views are built from (their sources label the charts). */
export const PAR_KINDS = ['par_criteria', 'par_scores'];

export interface CriterionRow {
  code: string;
  name: string;
  max_points: number;
}

export interface ScoreRow {
  dataset_id: string;
  year: number;
  unit_code: string;
  unit_name: string | null;
  criterion_code: string;
  applicable: boolean;
  self_score: number | null;
  appraised_score: number | null;
  evidence: string | null;
  note: string | null;
  edited_at: string | null;
}

export interface UnitRow {
  unit_code: string;
  unit_name: string;
  parent_code: string | null;
}

export interface ParUnit {
  unitCode: string;
  unitName: string;
  /** Dataset that holds most of this unit's rows: new rows typed in the app go there. */
  datasetId: string;
  score: UnitScore;
  rows: Map<string, ScoreRow>;
  /** True for the commune itself: shown on top, not ranked among its units. */
  own: boolean;
  rank: number | null;
  /** Band of the appraised index (null until fully appraised). */
  band: Band | null;
  prevIndex: number | null;
  /** Appraised index − last year's, when both exist. */
  change: number | null;
}

export interface ParYear {
  year: number;
  criteria: ParCriterion[];
  units: ParUnit[];
  /** How many units are ranked (for "x/N"). */
  rankedOf: number;
  ownCode: string | null;
}

/** In tree order (1, 1.1, 1.1.1, 1.2, …, 2, …, 10): the engine returns rows in no particular order. */
const toCriteria = (rows: readonly CriterionRow[]): ParCriterion[] =>
  rows.map((r) => ({ code: r.code, name: r.name, max: Number(r.max_points) })).sort((a, b) => compareCodes(a.code, b.code));

const toScore = (r: ScoreRow): ParScore => ({
  criterion: r.criterion_code,
  applicable: Boolean(r.applicable),
  self: r.self_score === null ? null : Number(r.self_score),
  appraised: r.appraised_score === null ? null : Number(r.appraised_score),
  evidence: r.evidence,
  note: r.note,
  editedAt: r.edited_at,
});

function groupByUnit(rows: readonly ScoreRow[]): Map<string, ScoreRow[]> {
  const m = new Map<string, ScoreRow[]>();
  for (const r of rows) m.set(r.unit_code, [...(m.get(r.unit_code) ?? []), r]);
  return m;
}

/**
 * The commune among the scored units: the one set in Settings, else the unit that the most other scored units
 * name as their parent (units list), else the shortest code that prefixes others (X001 for X001-VP…).
 */
export function findOwnUnit(scored: readonly string[], units: readonly UnitRow[], preferred: string | null): string | null {
  if (preferred && scored.includes(preferred)) return preferred;
  const counts = new Map<string, number>();
  for (const u of units)
    if (u.parent_code && scored.includes(u.unit_code) && scored.includes(u.parent_code)) counts.set(u.parent_code, (counts.get(u.parent_code) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  const prefix = [...scored].sort((a, b) => a.length - b.length).find((c) => scored.some((o) => o !== c && o.startsWith(c + '-')));
  return prefix ?? null;
}

export function buildYear(args: {
  year: number;
  criteria: readonly CriterionRow[];
  scores: readonly ScoreRow[];
  prevCriteria: readonly CriterionRow[];
  prevScores: readonly ScoreRow[];
  units: readonly UnitRow[];
  cutoffs: BandCutoffs;
  preferredOwn: string | null;
}): ParYear {
  const criteria = toCriteria(args.criteria);
  const prevCriteria = toCriteria(args.prevCriteria);
  const byUnit = groupByUnit(args.scores);
  const prevByUnit = groupByUnit(args.prevScores);
  const names = new Map(args.units.map((u) => [u.unit_code, u.unit_name]));
  const ownCode = findOwnUnit([...byUnit.keys()], args.units, args.preferredOwn);
  const units: ParUnit[] = [...byUnit].map(([unitCode, rows]) => {
    const score = scoreUnit(criteria, rows.map(toScore));
    const prevRows = prevByUnit.get(unitCode);
    const prevIndex = prevRows && prevCriteria.length ? scoreUnit(prevCriteria, prevRows.map(toScore)).appraisedIndex : null;
    const datasets = new Map<string, number>();
    for (const r of rows) datasets.set(r.dataset_id, (datasets.get(r.dataset_id) ?? 0) + 1);
    return {
      unitCode,
      unitName: rows.find((r) => r.unit_name)?.unit_name ?? names.get(unitCode) ?? unitCode,
      datasetId: [...datasets].sort((a, b) => b[1] - a[1])[0]![0],
      score,
      rows: new Map(rows.map((r) => [r.criterion_code, r])),
      own: unitCode === ownCode,
      rank: null,
      band: score.appraisedIndex === null ? null : bandOf(score.appraisedIndex, args.cutoffs),
      prevIndex,
      change: score.appraisedIndex !== null && prevIndex !== null ? Math.round((score.appraisedIndex - prevIndex) * 100) / 100 : null,
    };
  });
  const ranks = rankByIndex(units.filter((u) => !u.own).map((u) => ({ unitCode: u.unitCode, index: u.score.appraisedIndex })));
  for (const u of units) u.rank = ranks.get(u.unitCode) ?? null;
  // the commune first, then by rank, unranked last, then by name
  units.sort((a, b) => Number(b.own) - Number(a.own) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'vi'));
  return { year: args.year, criteria, units, rankedOf: ranks.size, ownCode };
}
