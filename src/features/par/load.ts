// Fetches a year of PAR data (and the year before, for the change) through the SQL in queries.ts.
import type { Db } from '../../db/types';
import { run } from '../../sql/sql';
import { parBandsFor, type Settings } from '../../app/settings';
import { parCriteriaQuery, parCriteriaYearsQuery, parScoresQuery, parUnitsQuery } from './queries';
import { buildYear, type CriterionRow, type ParYear, type ScoreRow, type UnitRow } from './model';

export interface RawYear {
  year: number;
  criteria: CriterionRow[];
  prevCriteria: CriterionRow[];
  scores: ScoreRow[];
  prevScores: ScoreRow[];
  units: UnitRow[];
}

/** Years that have a criteria tree, newest first. */
export async function fetchParCriteriaYears(db: Db): Promise<number[]> {
  return (await run<{ year: number }>(db, parCriteriaYearsQuery)).map((r) => Number(r.year));
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
    run<CriterionRow & Record<string, unknown>>(db, parCriteriaQuery(year)),
    run<CriterionRow & Record<string, unknown>>(db, parCriteriaQuery(year - 1)),
    run(db, parScoresQuery([year, year - 1])),
    run<UnitRow & Record<string, unknown>>(db, parUnitsQuery),
  ]);
  const all = scores.map(asScore);
  return { year, criteria, prevCriteria, scores: all.filter((r) => r.year === year), prevScores: all.filter((r) => r.year === year - 1), units };
}

/** A fetched year scored with the user's band cut-offs for it and the commune set in Settings. */
export function scoreYear(raw: RawYear, settings: Settings): ParYear {
  return buildYear({ ...raw, cutoffs: parBandsFor(settings, raw.year), preferredOwn: settings.commune });
}

/** The year a view asks for (its link's `year`), else the latest with a criteria tree; null when there is none. */
export async function loadParYear(db: Db, asked: string | undefined, settings: Settings): Promise<ParYear | null> {
  const year = Number(asked) || (await fetchParCriteriaYears(db))[0];
  return year ? scoreYear(await fetchParYear(db, year), settings) : null;
}
