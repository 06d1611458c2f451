// SQL of the PAR workspace, as text (tested against DuckDB in queries.test.ts).
// When two datasets hold the same criterion or score, the most recently imported one wins.

/** Years that have a criteria tree, newest first. */
export function parYearsSql(): string {
  return `SELECT DISTINCT year FROM shown.par_criteria ORDER BY year DESC`;
}

/** The criteria tree of a year (param: year). */
export function parCriteriaSql(): string {
  return `
SELECT c.code, c.name, c.max_points
FROM shown.par_criteria c LEFT JOIN shown.datasets d ON d.id = c.dataset_id
WHERE c.year = ?
QUALIFY row_number() OVER (PARTITION BY c.code ORDER BY d.imported_at DESC NULLS LAST, c.dataset_id DESC) = 1`;
}

/** Every unit's scores for a list of years (params: the years, as many `?` as given). */
export function parScoresSql(nYears: number): string {
  const marks = Array.from({ length: Math.max(1, nYears) }, () => '?').join(', ');
  return `
SELECT s.dataset_id, s.year, s.unit_code, s.unit_name, s.criterion_code, s.applicable,
       s.self_score, s.appraised_score, s.evidence, s.note,
       strftime(s.edited_at, '%Y-%m-%dT%H:%M:%S') AS edited_at
FROM shown.par_scores s LEFT JOIN shown.datasets d ON d.id = s.dataset_id
WHERE s.year IN (${marks})
QUALIFY row_number() OVER (PARTITION BY s.year, s.unit_code, s.criterion_code ORDER BY d.imported_at DESC NULLS LAST, s.dataset_id DESC) = 1
ORDER BY s.year, s.unit_code, s.criterion_code`;
}

/** Unit names and parents from the units list, to find the commune itself among the scored units. */
export function parUnitsSql(): string {
  return `SELECT unit_code, any_value(unit_name) AS unit_name, any_value(parent_code) AS parent_code FROM shown.units GROUP BY unit_code`;
}

/**
 * One typed change to one score row (params: applicable, self, appraised, evidence, note, edited_at ISO text or null,
 * then dataset_id, year, unit_code, criterion_code).
 */
export function updateParScoreSql(): string {
  return `
UPDATE par_scores SET applicable = ?, self_score = ?, appraised_score = ?, evidence = ?, note = ?, edited_at = CAST(? AS TIMESTAMP)
WHERE dataset_id = ? AND year = ? AND unit_code = ? AND criterion_code = ?`;
}

/**
 * A score typed for a leaf that had no row yet (params: dataset_id, year, unit_code, unit_name, criterion_code,
 * applicable, self, appraised, evidence, note, edited_at).
 */
export function insertParScoreSql(): string {
  return `
INSERT INTO par_scores (dataset_id, year, unit_code, unit_name, criterion_code, applicable, self_score, appraised_score, evidence, note, edited_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))`;
}

/** One score row as it is now (params: year, unit_code, criterion_code); the newest import wins as in parScoresSql. */
export function currentParScoreSql(): string {
  return `
SELECT s.dataset_id, s.applicable, s.self_score, s.appraised_score, s.evidence, s.note,
       strftime(s.edited_at, '%Y-%m-%dT%H:%M:%S') AS edited_at
FROM shown.par_scores s LEFT JOIN shown.datasets d ON d.id = s.dataset_id
WHERE s.year = ? AND s.unit_code = ? AND s.criterion_code = ?
ORDER BY d.imported_at DESC NULLS LAST, s.dataset_id DESC
LIMIT 1`;
}

/** Removes a row this app inserted (undo of an insert; params: dataset_id, year, unit_code, criterion_code). */
export function deleteParScoreSql(): string {
  return `DELETE FROM par_scores WHERE dataset_id = ? AND year = ? AND unit_code = ? AND criterion_code = ?`;
}
