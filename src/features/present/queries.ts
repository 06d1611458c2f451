// SQL for the report and the deck's corner: which periods can be reported, and the commune's name.
import type { Db } from '../../db/types';

/** True once the user has loaded data of their own (not the shipped demo, not a plain table). */
const HAS_OWN = `SELECT count(*) > 0 FROM datasets WHERE NOT is_demo AND kind <> 'table'`;
export const HAS_OWN_DATA_SQL = `SELECT (${HAS_OWN}) AS own`;

/**
 * Periods a report can cover, newest first: every SIPAS quarter and every year that has SIPAS answers, PAR
 * scores or index scores of the units ('2026-Q3', '2026', '2026-Q2', …: a year sorts after its quarters).
 */
export function reportPeriodsSql(): string {
  return `
SELECT period FROM (
  SELECT year, quarter AS q, CAST(year AS VARCHAR) || '-Q' || CAST(quarter AS VARCHAR) AS period FROM shown.sipas_counts WHERE quarter IS NOT NULL
  UNION SELECT year, 0, CAST(year AS VARCHAR) FROM shown.sipas_counts
  UNION SELECT year, 0, CAST(year AS VARCHAR) FROM shown.par_scores
) GROUP BY period ORDER BY max(year) DESC, max(q) DESC`;
}

/**
 * The commune: the unit chosen in Settings if the units list has it, else the unit most others name as their
 * parent (the commune of its offices and schools). Once the user has data of their own, the fictional demo's units
 * are never taken for theirs. `?`: the preferred code, or NULL.
 */
export function communeSql(): string {
  return `
SELECT u.unit_code, any_value(u.unit_name) AS unit_name
FROM shown.units u
WHERE u.dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${HAS_OWN})
GROUP BY u.unit_code
ORDER BY (u.unit_code = ?) DESC NULLS LAST,
         (SELECT count(*) FROM shown.units c WHERE c.parent_code = u.unit_code) DESC, u.unit_code
LIMIT 1`;
}

export async function fetchReportPeriods(db: Db): Promise<string[]> {
  return (await db.query<{ period: string }>(reportPeriodsSql())).map((r) => r.period);
}

/**
 * Without a units list: the one local unit (not a province) that has PAR or SIPAS index rows, if there is exactly one.
 * Province keys as in db/shown.ts.
 */
export const LONE_LOCAL_UNIT_SQL = `
SELECT unit_code, any_value(unit_name) AS unit_name FROM shown.index_scores
WHERE index_code IN ('PAR', 'SIPAS') AND (dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${HAS_OWN}))
  AND unit_code NOT IN (SELECT k FROM shown.province_keys) AND coalesce(unit_name, '') NOT IN (SELECT k FROM shown.province_keys)
GROUP BY unit_code`;


export async function fetchCommune(db: Db, preferred: string | null): Promise<{ code: string; name: string } | null> {
  const [r] = await db.query<{ unit_code: string; unit_name: string }>(communeSql(), [preferred]);
  if (r) return { code: r.unit_code, name: r.unit_name };
  const lone = await db.query<{ unit_code: string; unit_name: string | null }>(LONE_LOCAL_UNIT_SQL);
  return lone.length === 1 ? { code: lone[0]!.unit_code, name: lone[0]!.unit_name ?? lone[0]!.unit_code } : null;
}

export async function hasOwnData(db: Db): Promise<boolean> {
  const [r] = await db.query<{ own: boolean }>(HAS_OWN_DATA_SQL);
  return !!r?.own;
}

/** Years with PAR scores, newest first. */
export function parYearsSql(): string {
  return 'SELECT DISTINCT year FROM shown.par_scores ORDER BY year DESC';
}

export async function fetchParYears(db: Db): Promise<number[]> {
  return (await db.query<{ year: number }>(parYearsSql())).map((r) => Number(r.year));
}
