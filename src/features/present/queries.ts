// SQL for the report and the deck's corner: which periods can be reported, and the commune's name.
import type { Db } from '../../db/types';
import { periodKey } from '../../sql/fragments';
import { run, sql, type Sql } from '../../sql/sql';

/** True once the user has loaded data of their own (not the shipped demo, not a plain table). */
const hasOwn = sql`SELECT count(*) > 0 FROM datasets WHERE NOT is_demo AND kind <> 'table'`;
export const hasOwnDataQuery = sql`SELECT (${hasOwn}) AS own`;

/**
 * Periods a report can cover, newest first: every SIPAS quarter and every year that has SIPAS answers, PAR
 * scores or index scores of the units ('2026-Q3', '2026', '2026-Q2', …: a year sorts after its quarters).
 */
export const reportPeriodsQuery = sql`
SELECT period FROM (
  SELECT year, quarter AS q, ${periodKey('quarter')} AS period FROM shown.sipas_counts WHERE quarter IS NOT NULL
  UNION SELECT year, 0, ${periodKey('year')} FROM shown.sipas_counts
  UNION SELECT year, 0, ${periodKey('year')} FROM shown.par_scores
) GROUP BY period ORDER BY max(year) DESC, max(q) DESC`;

/**
 * The commune: the unit chosen in Settings if the units list has it, else the unit most others name as their
 * parent (the commune of its offices and schools). Once the user has data of their own, the fictional demo's units
 * are never taken for theirs. `preferred`: the code chosen, or null.
 */
export function communeQuery(preferred: string | null): Sql {
  return sql`
SELECT u.unit_code, any_value(u.unit_name) AS unit_name
FROM shown.units u
WHERE u.dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${hasOwn})
GROUP BY u.unit_code
ORDER BY (u.unit_code = ${preferred}) DESC NULLS LAST,
         (SELECT count(*) FROM shown.units c WHERE c.parent_code = u.unit_code) DESC, u.unit_code
LIMIT 1`;
}

/**
 * Without a units list: the one local unit (not a province) that has PAR or SIPAS index rows, if there is exactly one.
 * Province keys as in db/shown.ts.
 */
export const loneLocalUnitQuery = sql`
SELECT unit_code, any_value(unit_name) AS unit_name FROM shown.index_scores
WHERE index_code IN ('PAR', 'SIPAS') AND (dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${hasOwn}))
  AND unit_code NOT IN (SELECT k FROM shown.province_keys) AND coalesce(unit_name, '') NOT IN (SELECT k FROM shown.province_keys)
GROUP BY unit_code`;

/** Years with PAR scores, newest first (the PAR workspace lists the years with a criteria tree: parCriteriaYearsQuery). */
export const parScoreYearsQuery = sql`SELECT DISTINCT year FROM shown.par_scores ORDER BY year DESC`;

export async function fetchReportPeriods(db: Db): Promise<string[]> {
  return (await run<{ period: string }>(db, reportPeriodsQuery)).map((r) => r.period);
}

export async function fetchCommune(db: Db, preferred: string | null): Promise<{ code: string; name: string } | null> {
  const [r] = await run<{ unit_code: string; unit_name: string }>(db, communeQuery(preferred));
  if (r) return { code: r.unit_code, name: r.unit_name };
  const lone = await run<{ unit_code: string; unit_name: string | null }>(db, loneLocalUnitQuery);
  return lone.length === 1 ? { code: lone[0]!.unit_code, name: lone[0]!.unit_name ?? lone[0]!.unit_code } : null;
}

export async function hasOwnData(db: Db): Promise<boolean> {
  const [r] = await run<{ own: boolean }>(db, hasOwnDataQuery);
  return !!r?.own;
}

export async function fetchParScoreYears(db: Db): Promise<number[]> {
  return (await run<{ year: number }>(db, parScoreYearsQuery)).map((r) => Number(r.year));
}
