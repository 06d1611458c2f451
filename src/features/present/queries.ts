// SQL for the report and the deck's corner: which periods can be reported, and the commune's name.
import type { Db } from '../../db/types';

/**
 * Periods a report can cover, newest first: every SIPAS quarter and every year that has SIPAS answers, PAR
 * scores or index scores of the units ('2026-Q3', '2026', '2026-Q2', …: a year sorts after its quarters).
 */
export function reportPeriodsSql(): string {
  return `
SELECT period FROM (
  SELECT year, quarter AS q, CAST(year AS VARCHAR) || '-Q' || CAST(quarter AS VARCHAR) AS period FROM sipas_counts WHERE quarter IS NOT NULL
  UNION SELECT year, 0, CAST(year AS VARCHAR) FROM sipas_counts
  UNION SELECT year, 0, CAST(year AS VARCHAR) FROM par_scores
) GROUP BY period ORDER BY max(year) DESC, max(q) DESC`;
}

/**
 * The commune: the unit chosen in Settings if the units list has it, else the unit most others name as their
 * parent (the commune of its offices and schools). `?` twice: the preferred code, or NULL.
 */
export function communeSql(): string {
  return `
SELECT u.unit_code, any_value(u.unit_name) AS unit_name
FROM units u
GROUP BY u.unit_code
ORDER BY (u.unit_code = ?) DESC NULLS LAST,
         (SELECT count(*) FROM units c WHERE c.parent_code = u.unit_code) DESC, u.unit_code
LIMIT 1`;
}

export async function fetchReportPeriods(db: Db): Promise<string[]> {
  return (await db.query<{ period: string }>(reportPeriodsSql())).map((r) => r.period);
}

export async function fetchCommune(db: Db, preferred: string | null): Promise<{ code: string; name: string } | null> {
  const [r] = await db.query<{ unit_code: string; unit_name: string }>(communeSql(), [preferred]);
  return r ? { code: r.unit_code, name: r.unit_name } : null;
}

/** Years with PAR scores, newest first. */
export function parYearsSql(): string {
  return 'SELECT DISTINCT year FROM par_scores ORDER BY year DESC';
}

export async function fetchParYears(db: Db): Promise<number[]> {
  return (await db.query<{ year: number }>(parYearsSql())).map((r) => Number(r.year));
}
