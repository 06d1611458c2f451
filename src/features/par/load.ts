// Fetches a year of PAR data (and the year before, for the change) through the SQL in queries.ts.
import type { Db } from '../../db/types';
import { parCriteriaSql, parScoresSql, parUnitsSql, parYearsSql } from './queries';
import type { CriterionRow, ScoreRow, UnitRow } from './model';

export interface RawYear {
  year: number;
  criteria: CriterionRow[];
  prevCriteria: CriterionRow[];
  scores: ScoreRow[];
  prevScores: ScoreRow[];
  units: UnitRow[];
}

export async function fetchParYears(db: Db): Promise<number[]> {
  return (await db.query<{ year: number }>(parYearsSql())).map((r) => Number(r.year));
}

const asScore = (r: Record<string, unknown>): ScoreRow => ({
  dataset_id: String(r.dataset_id),
  year: Number(r.year),
  unit_code: String(r.unit_code),
  unit_name: r.unit_name === null ? null : String(r.unit_name),
  criterion_code: String(r.criterion_code),
  applicable: Boolean(r.applicable),
  self_score: r.self_score === null ? null : Number(r.self_score),
  appraised_score: r.appraised_score === null ? null : Number(r.appraised_score),
  evidence: (r.evidence as string | null) ?? null,
  note: (r.note as string | null) ?? null,
  edited_at: (r.edited_at as string | null) ?? null,
});

export async function fetchParYear(db: Db, year: number): Promise<RawYear> {
  const [criteria, prevCriteria, scores, units] = await Promise.all([
    db.query<CriterionRow & Record<string, unknown>>(parCriteriaSql(), [year]),
    db.query<CriterionRow & Record<string, unknown>>(parCriteriaSql(), [year - 1]),
    db.query(parScoresSql(2), [year, year - 1]),
    db.query<UnitRow & Record<string, unknown>>(parUnitsSql()),
  ]);
  const all = scores.map(asScore);
  return { year, criteria, prevCriteria, scores: all.filter((r) => r.year === year), prevScores: all.filter((r) => r.year === year - 1), units };
}
