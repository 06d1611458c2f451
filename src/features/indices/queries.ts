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
 * Each unit-year's total. A published overall row (component '') is taken as it is. PAPI publishes no
 * overall row in the open data, and its total is the SUM of its sub-dimensions (domain.md), so a PAPI
 * unit-year without one is summed. The components expected in a year are those any unit has that year, so
 * a sub-dimension dropped for everyone (PAPI 2021 SC52) does not make every province incomplete, while a
 * province missing some is flagged. Other indices (PCI: weighted mean) are never summed here.
 * Params: [index_code].
 */
export const UNIT_TOTALS_SQL = `
WITH src AS (
  SELECT index_code, year, unit_code, unit_name, component, score FROM shown.index_scores WHERE index_code = ? AND score IS NOT NULL
),
overall AS (
  SELECT year, unit_code, any_value(unit_name) AS unit_name, avg(score) AS total, 1 AS n_present, 1 AS n_expected
  FROM src WHERE component = '' GROUP BY year, unit_code
),
leaf AS (SELECT * FROM src WHERE component <> '' AND index_code = 'PAPI'),
expected AS (SELECT year, count(DISTINCT component) AS n_expected FROM leaf GROUP BY year),
summed AS (
  SELECT l.year, l.unit_code, any_value(l.unit_name) AS unit_name, sum(l.score) AS total,
         count(DISTINCT l.component) AS n_present, any_value(e.n_expected) AS n_expected
  FROM leaf l JOIN expected e USING (year)
  WHERE NOT EXISTS (SELECT 1 FROM overall o WHERE o.year = l.year AND o.unit_code = l.unit_code)
  GROUP BY l.year, l.unit_code
)
SELECT year, unit_code, unit_name, total, n_present, n_expected FROM overall
UNION ALL
SELECT year, unit_code, unit_name, total, n_present, n_expected FROM summed
ORDER BY year, unit_code`;

export interface ComponentRow extends Record<string, unknown> {
  year: number;
  unit_code: string;
  unit_name: string;
  component: string;
  score: number;
  max_score: number | null;
}

/** Every component score of an index (not the overall rows). Params: [index_code]. */
export const COMPONENTS_SQL = `
SELECT year, unit_code, any_value(unit_name) AS unit_name, component, avg(score) AS score, max(max_score) AS max_score
FROM shown.index_scores
WHERE index_code = ? AND component <> '' AND score IS NOT NULL
GROUP BY year, unit_code, component
ORDER BY year, unit_code, component`;

export interface ProvinceRefRow extends Record<string, unknown> {
  old_province: string;
  papi_code: string | null;
  new_unit: string;
  new_unit_type: string | null;
}

/** The 63 → 34 crosswalk, in the reference table's order. */
export const PROVINCE_REFS_SQL = `SELECT old_province, papi_code, new_unit, new_unit_type FROM ref_provinces`;

export interface CommuneMergerRow extends Record<string, unknown> {
  province: string;
  new_commune: string;
  former_communes: string;
  file_name: string;
}

/** Commune crosswalks the user loaded, with the file each row came from. */
export const COMMUNE_MERGER_SQL = `
SELECT c.province, c.new_commune, c.former_communes, d.file_name
FROM shown.commune_merger c JOIN shown.datasets d ON d.id = c.dataset_id
ORDER BY c.province, c.new_commune`;

export interface SipasYearRow extends Record<string, unknown> {
  year: number;
  satisfied: number;
  answers: number;
  rate: number;
  /** The last quarter answered that year (4 = the whole year); a year still running shows "đến quý 3". */
  last_quarter: number;
}

/**
 * SIPAS of a commune per year, pooled over the commune and its units and service points (two levels down
 * in `units`): satisfied answers (4 or 5) ÷ all valid answers, in %. Blank answers are not counted at all
 * (they are not in sipas_counts). Service points the units list does not know count for the commune (the app serves
 * one commune); with no commune (NULL: the user's data does not tell it) every answer loaded is pooled.
 * Params: [commune, commune, commune, commune].
 */
export const SIPAS_POOLED_SQL = `
WITH scope AS (
  SELECT ? AS unit_code
  UNION SELECT unit_code FROM shown.units WHERE parent_code = ?
  UNION SELECT u2.unit_code FROM shown.units u2 JOIN shown.units u1 ON u2.parent_code = u1.unit_code WHERE u1.parent_code = ?
)
SELECT year, CAST(coalesce(sum(n) FILTER (WHERE answer >= 4), 0) AS DOUBLE) AS satisfied, CAST(sum(n) AS DOUBLE) AS answers,
       max(coalesce(quarter, half * 2, 4)) AS last_quarter,
       100.0 * coalesce(sum(n) FILTER (WHERE answer >= 4), 0) / sum(n) AS rate
FROM shown.sipas_counts
WHERE ? IS NULL OR unit_code IN (SELECT unit_code FROM scope) OR unit_code NOT IN (SELECT unit_code FROM shown.units)
GROUP BY year
HAVING sum(n) > 0
ORDER BY year`;

export interface LocalUnitRow extends Record<string, unknown> {
  unit_code: string;
  unit_name: string;
}

/** Communes the user may pick: those in the units catalogue of type Xã/Phường/Đặc khu, and local units with index scores. */
export const COMMUNES_SQL = `
SELECT unit_code, coalesce(any_value(unit_name), unit_code) AS unit_name FROM (
  SELECT unit_code, unit_name FROM shown.units WHERE lower(type) IN ('xã', 'phường', 'đặc khu', 'thị trấn')
  UNION ALL
  SELECT unit_code, unit_name FROM shown.index_scores
  WHERE index_code IN ('PAR', 'SIPAS') AND unit_code NOT IN (SELECT papi_code FROM ref_provinces WHERE papi_code IS NOT NULL)
    AND unit_name NOT IN (SELECT old_province FROM ref_provinces) AND unit_name NOT IN (SELECT new_unit FROM ref_provinces)
)
GROUP BY unit_code
ORDER BY unit_code`;

/** Where an index's rows come from, as the files said (e.g. "PAPI, UNDP & CECODES", "Dữ liệu minh họa"). Params: [index_code]. */
/** PAR lĩnh vực names (top-level criteria) from the loaded criteria trees, the latest year's wording. */
export const PAR_FIELDS_SQL = `SELECT code, arg_max(name, year) AS name FROM shown.par_criteria WHERE code NOT LIKE '%.%' GROUP BY code`;

export const SOURCES_SQL = `SELECT DISTINCT source FROM shown.index_scores WHERE index_code = ? AND source IS NOT NULL AND source <> '' ORDER BY source`;
