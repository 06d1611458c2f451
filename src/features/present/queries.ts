// SQL for the report: which periods can be reported (the commune it speaks for: app/units.ts).
import type { Db } from '../../db/types';
import { periodKey } from '../../sql/fragments';
import { run, sql } from '../../sql/sql';

/**
 * Periods a report can cover, newest first: every SIPAS quarter and every year that has SIPAS answers, PAR
 * scores or index scores of the units ('2026-Q3', '2026', '2026-Q2', …: a year sorts after its quarters).
 */
const reportPeriodsQuery = sql`
SELECT period FROM (
  SELECT year, quarter AS q, ${periodKey('quarter')} AS period FROM shown.sipas_counts WHERE quarter IS NOT NULL
  UNION SELECT year, 0, ${periodKey('year')} FROM shown.sipas_counts
  UNION SELECT year, 0, ${periodKey('year')} FROM shown.par_scores
) GROUP BY period ORDER BY max(year) DESC, max(q) DESC`;

/** Years with PAR scores, newest first (the PAR workspace lists the years with a criteria tree: parCriteriaYearsQuery). */
const parScoreYearsQuery = sql`SELECT DISTINCT year FROM shown.par_scores ORDER BY year DESC`;

export async function fetchReportPeriods(db: Db): Promise<string[]> {
  return (await run<{ period: string }>(db, reportPeriodsQuery)).map((r) => r.period);
}

export async function fetchParScoreYears(db: Db): Promise<number[]> {
  return (await run<{ year: number }>(db, parScoreYearsQuery)).map((r) => Number(r.year));
}
