// SQL for index trends. Each function returns SQL text; the rows go to pure functions in src/domain.

/** One row per unit and year with its total and how many of that year's components it has. */
export interface UnitTotalRow extends Record<string, unknown> {
  year: number;
  unit_code: string;
  unit_name: string;
  total: number;
  n_present: number;
  n_expected: number;
}

/**
 * Totals of indices whose total is the sum of their components (PAPI). The components expected in a
 * year are those any unit has that year, so a dimension dropped for everyone (PAPI 2021 SC52) does not
 * make every province incomplete, while a province missing some is flagged.
 * Params: [index_code].
 */
export const UNIT_TOTALS_SQL = `
WITH leaf AS (
  SELECT year, unit_code, unit_name, component, score
  FROM index_scores
  WHERE index_code = ? AND component <> '' AND score IS NOT NULL
),
expected AS (SELECT year, count(DISTINCT component) AS n_expected FROM leaf GROUP BY year)
SELECT l.year, l.unit_code, any_value(l.unit_name) AS unit_name, sum(l.score) AS total,
       count(DISTINCT l.component) AS n_present, any_value(e.n_expected) AS n_expected
FROM leaf l JOIN expected e USING (year)
GROUP BY l.year, l.unit_code
ORDER BY l.year, l.unit_code`;
