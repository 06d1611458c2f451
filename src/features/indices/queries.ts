// SQL for index trends, written with the `sql` tag (src/sql); the rows go to pure functions in src/domain.
import { INDICES, LOCAL_INDICES, type IndexCode } from '../../domain/indices';
import { answered, communeScope, satisfactionRate, satisfied } from '../../sql/fragments';
import { sql, type Sql } from '../../sql/sql';

/** One row per unit and year with its total and how many of that year's components it has. */
export interface UnitTotalRow extends Record<string, unknown> {
  year: number;
  unit_code: string;
  unit_name: string;
  total: number;
  n_present: number;
  n_expected: number;
}

/** A part's code as compared: 'sc21 ' is SC21. */
const partCode = () => sql`upper(trim(component))`;

/**
 * Parts summed per unit, year and group (the CTE `parts`: year, unit_code, unit_name, component, score, grp). A group's
 * total is the sum of the parts the unit has; it is complete with every part of the group that ANY unit has that year,
 * so a part dropped for everyone (PAPI 2021 SC52) leaves no one incomplete, while a province missing some is flagged.
 * One value per unit-year-part (a part loaded twice is averaged, not counted twice). The one definition of a PAPI
 * total's and dimension's completeness (the registry's `total: 'sumOfParts'`).
 */
function summedParts(): Sql {
  return sql`
SELECT p.year, p.unit_code, any_value(p.unit_name) AS unit_name, p.grp, sum(p.score) AS total,
       count(*) AS n_present, any_value(e.n_expected) AS n_expected
FROM (SELECT year, unit_code, grp, component, any_value(unit_name) AS unit_name, avg(score) AS score FROM parts GROUP BY ALL) p
JOIN (SELECT year, grp, count(DISTINCT component) AS n_expected FROM parts GROUP BY ALL) e USING (year, grp)
GROUP BY p.year, p.unit_code, p.grp`;
}

/**
 * Each unit-year's total. A published overall row (component '') is taken as it is. An index whose total is the sum of
 * its parts (PAPI publishes no overall row in the open data; its total is the SUM of its sub-dimensions, domain.md) is
 * summed where a unit-year has none (summedParts). Other indices (PCI: weighted mean) are never summed here.
 */
export function unitTotalsQuery(index: IndexCode): Sql {
  return sql`
WITH src AS (
  SELECT year, unit_code, unit_name, component, score FROM shown.index_scores WHERE index_code = ${index} AND score IS NOT NULL
),
overall AS (
  SELECT year, unit_code, any_value(unit_name) AS unit_name, avg(score) AS total, 1 AS n_present, 1 AS n_expected
  FROM src WHERE component = '' GROUP BY year, unit_code
),
parts AS (SELECT year, unit_code, unit_name, ${partCode()} AS component, score, '' AS grp FROM src WHERE component <> '' AND ${INDICES[index].total === 'sumOfParts'}),
summed AS (${summedParts()})
SELECT year, unit_code, unit_name, total, n_present, n_expected FROM overall
UNION ALL
SELECT year, unit_code, unit_name, total, n_present, n_expected FROM summed s
WHERE NOT EXISTS (SELECT 1 FROM overall o WHERE o.year = s.year AND o.unit_code = s.unit_code)
ORDER BY year, unit_code`;
}

export interface ComponentTotalRow extends UnitTotalRow {
  component: string;
}

/**
 * Components summed from their parts (the registry's components.summedFrom: PAPI dimension D5 = SC51 + SC52 + …), per
 * unit-year, complete as totals are (summedParts). No rows for an index whose components are as loaded.
 */
export function summedComponentsQuery(index: IndexCode): Sql {
  const from = INDICES[index].components.summedFrom;
  if (!from) return sql`SELECT NULL AS year WHERE false`;
  const code = partCode();
  return sql`
WITH parts AS (
  SELECT year, unit_code, unit_name, ${code} AS component, score, ${from.prefix} || regexp_extract(${code}, ${from.pattern}, 1) AS grp
  FROM shown.index_scores
  WHERE index_code = ${index} AND score IS NOT NULL AND regexp_matches(${code}, ${from.pattern})
),
summed AS (${summedParts()})
SELECT year, unit_code, unit_name, grp AS component, total, n_present, n_expected FROM summed
ORDER BY component, year, unit_code`;
}

export interface ComponentRow extends Record<string, unknown> {
  year: number;
  unit_code: string;
  unit_name: string;
  component: string;
  score: number;
  max_score: number | null;
}

/** Every component score of an index (not the overall rows). */
export function componentsQuery(index: IndexCode): Sql {
  return sql`
SELECT year, unit_code, any_value(unit_name) AS unit_name, component, avg(score) AS score, max(max_score) AS max_score
FROM shown.index_scores
WHERE index_code = ${index} AND component <> '' AND score IS NOT NULL
GROUP BY year, unit_code, component
ORDER BY year, unit_code, component`;
}

export interface ProvinceRefRow extends Record<string, unknown> {
  old_province: string;
  papi_code: string | null;
  new_unit: string;
  new_unit_type: string | null;
}

/** The 63 → 34 crosswalk, in the reference table's order. */
export const provinceRefsQuery = sql`SELECT old_province, papi_code, new_unit, new_unit_type FROM ref_provinces`;

export interface CommuneMergerRow extends Record<string, unknown> {
  province: string;
  new_commune: string;
  former_communes: string;
  file_name: string;
}

/** Commune crosswalks the user loaded, with the file each row came from. */
export const communeMergerQuery = sql`
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
 * SIPAS of a commune per year from its survey answers, pooled over the commune and its units and service points
 * (communeScope): satisfied answers ÷ all valid answers, in % (blank answers are not in sipas_counts). With no commune
 * (NULL: the user's data does not tell it) every answer loaded is pooled.
 */
export function sipasPooledQuery(commune: string | null): Sql {
  return sql`
SELECT year, ${satisfied()} AS satisfied, ${answered()} AS answers,
       max(coalesce(quarter, half * 2, 4)) AS last_quarter,
       ${satisfactionRate()} AS rate
FROM shown.sipas_counts
WHERE ${communeScope(commune)}
GROUP BY year
HAVING sum(n) > 0
ORDER BY year`;
}

/** The name of a unit code, from the units catalogue or else any index row. */
export function unitNameQuery(code: string): Sql {
  return sql`
SELECT unit_name FROM (
  SELECT unit_name, 0 AS pref FROM shown.units WHERE unit_code = ${code}
  UNION ALL SELECT unit_name, 1 FROM shown.index_scores WHERE unit_code = ${code} AND unit_name IS NOT NULL
) ORDER BY pref LIMIT 1`;
}

export interface LocalUnitRow extends Record<string, unknown> {
  unit_code: string;
  unit_name: string;
}

/** Communes the user may pick: those in the units catalogue of type Xã/Phường/Đặc khu, and local units with index scores. */
export const communesQuery = sql`
SELECT unit_code, coalesce(any_value(unit_name), unit_code) AS unit_name FROM (
  SELECT unit_code, unit_name FROM shown.units WHERE lower(type) IN ('xã', 'phường', 'đặc khu', 'thị trấn')
  UNION ALL
  SELECT unit_code, unit_name FROM shown.index_scores
  WHERE index_code IN (${LOCAL_INDICES}) AND unit_code NOT IN (SELECT papi_code FROM ref_provinces WHERE papi_code IS NOT NULL)
    AND unit_name NOT IN (SELECT old_province FROM ref_provinces) AND unit_name NOT IN (SELECT new_unit FROM ref_provinces)
)
GROUP BY unit_code
ORDER BY unit_code`;

/** PAR lĩnh vực names (top-level criteria) from the loaded criteria trees, the latest year's wording. */
export const parFieldsQuery = sql`SELECT code, arg_max(name, year) AS name FROM shown.par_criteria WHERE code NOT LIKE '%.%' GROUP BY code`;

export interface SourceRow extends Record<string, unknown> {
  source: string;
  unit_code: string;
  unit_name: string | null;
}

/**
 * Where an index's rows come from, as the files said (e.g. "PAPI, UNDP & CECODES", "Dữ liệu minh họa"), with the units
 * they are about: a figure of communes names the sources of communes' rows, not those of the provinces' (unitTotals.ts).
 */
export function sourcesQuery(index: IndexCode): Sql {
  return sql`SELECT DISTINCT source, unit_code, unit_name FROM shown.index_scores WHERE index_code = ${index} AND source IS NOT NULL AND source <> '' ORDER BY source`;
}

/** An index's sources by the level of the rows they come with (provinces, or communes and units), as the model tells levels. */
export interface LevelSources {
  province: string[];
  local: string[];
}

/** Where the SIPAS answers came from: each dataset's source, else its file name (as sourcesOf in data/catalogue.ts). */
export const answerSourcesQuery = sql`SELECT DISTINCT coalesce(nullif(source, ''), file_name) AS source FROM shown.datasets WHERE kind = 'sipas_responses' ORDER BY source`;
