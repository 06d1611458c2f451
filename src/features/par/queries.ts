// SQL of the PAR workspace, written with the `sql` tag (tested against DuckDB in queries.test.ts).
// When two datasets hold the same criterion or score, the most recently imported one wins.
import { sql, type Sql } from '../../sql/sql';

/** One score row: the dataset holding it, and its year, unit and criterion. */
export interface ScoreKey {
  datasetId: string;
  year: number;
  unitCode: string;
  criterion: string;
}

/** What the user types into a score row. `editedAt`: ISO text, or null. */
export interface ScoreFields {
  applicable: boolean;
  self: number | null;
  appraised: number | null;
  evidence: string | null;
  note: string | null;
  editedAt: string | null;
}

/** Years that have a criteria tree, newest first (the report lists the years with scores: parScoreYearsQuery). */
export const parCriteriaYearsQuery = sql`SELECT DISTINCT year FROM shown.par_criteria ORDER BY year DESC`;

/** The criteria tree of a year. */
export function parCriteriaQuery(year: number): Sql {
  return sql`
SELECT c.code, c.name, c.max_points
FROM shown.par_criteria c LEFT JOIN shown.datasets d ON d.id = c.dataset_id
WHERE c.year = ${year}
QUALIFY row_number() OVER (PARTITION BY c.code ORDER BY d.imported_at DESC NULLS LAST, c.dataset_id DESC) = 1`;
}

/** Every unit's scores for a list of years. */
export function parScoresQuery(years: readonly number[]): Sql {
  return sql`
SELECT s.dataset_id, s.year, s.unit_code, s.unit_name, s.criterion_code, s.applicable,
       s.self_score, s.appraised_score, s.evidence, s.note,
       strftime(s.edited_at, '%Y-%m-%dT%H:%M:%S') AS edited_at
FROM shown.par_scores s LEFT JOIN shown.datasets d ON d.id = s.dataset_id
WHERE s.year IN (${years})
QUALIFY row_number() OVER (PARTITION BY s.year, s.unit_code, s.criterion_code ORDER BY d.imported_at DESC NULLS LAST, s.dataset_id DESC) = 1
ORDER BY s.year, s.unit_code, s.criterion_code`;
}

/** Unit names and parents from the units list, to find the commune itself among the scored units. */
export const parUnitsQuery = sql`SELECT unit_code, any_value(unit_name) AS unit_name, any_value(parent_code) AS parent_code FROM shown.units GROUP BY unit_code`;

const keyIs = (k: ScoreKey) => sql`dataset_id = ${k.datasetId} AND year = ${k.year} AND unit_code = ${k.unitCode} AND criterion_code = ${k.criterion}`;

/** One typed change to one score row, with the date it was typed. */
export function updateParScoreQuery(key: ScoreKey, v: ScoreFields): Sql {
  return sql`
UPDATE par_scores SET applicable = ${v.applicable}, self_score = ${v.self}, appraised_score = ${v.appraised}, evidence = ${v.evidence},
       note = ${v.note}, edited_at = CAST(${v.editedAt} AS TIMESTAMP)
WHERE ${keyIs(key)}`;
}

/** A score typed for a leaf that had no row yet. */
export function insertParScoreQuery(key: ScoreKey & { unitName: string | null }, v: ScoreFields): Sql {
  return sql`
INSERT INTO par_scores (dataset_id, year, unit_code, unit_name, criterion_code, applicable, self_score, appraised_score, evidence, note, edited_at)
VALUES (${key.datasetId}, ${key.year}, ${key.unitCode}, ${key.unitName}, ${key.criterion}, ${v.applicable}, ${v.self}, ${v.appraised}, ${v.evidence}, ${v.note},
        CAST(${v.editedAt} AS TIMESTAMP))`;
}

/** One score row as it is now, whichever dataset holds it; the newest import wins as in parScoresQuery. */
export function currentParScoreQuery(where: Omit<ScoreKey, 'datasetId'>): Sql {
  return sql`
SELECT s.dataset_id, s.applicable, s.self_score, s.appraised_score, s.evidence, s.note,
       strftime(s.edited_at, '%Y-%m-%dT%H:%M:%S') AS edited_at
FROM shown.par_scores s LEFT JOIN shown.datasets d ON d.id = s.dataset_id
WHERE s.year = ${where.year} AND s.unit_code = ${where.unitCode} AND s.criterion_code = ${where.criterion}
ORDER BY d.imported_at DESC NULLS LAST, s.dataset_id DESC
LIMIT 1`;
}

/** Removes a row this app inserted (undo of an insert). */
export function deleteParScoreQuery(key: ScoreKey): Sql {
  return sql`DELETE FROM par_scores WHERE ${keyIs(key)}`;
}

/** Whether a dataset is (still) loaded: another tab may have deleted it. */
export function datasetExistsQuery(id: string): Sql {
  return sql`SELECT 1 AS x FROM datasets WHERE id = ${id}`;
}
