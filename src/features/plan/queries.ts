// SQL of the plan page: its targets, entered indicators and tasks (what every view reads: shown.*), and the writes of
// editing.ts (main tables, inside the change that stores the dataset). Figures of other pages come through their
// loaders (load.ts), never their SQL.
import type { Db } from '../../db/types';
import { run, sql, type Sql } from '../../sql/sql';

export interface TargetRow extends Record<string, unknown> {
  dataset_id: string;
  year: number;
  code: string;
  text: string;
  measure: string;
  unit_code: string | null;
  comparison: string;
  threshold: string;
  period_level: string;
  plan_no: string | null;
  plan_date: string | null;
}

export interface IndicatorRow extends Record<string, unknown> {
  dataset_id: string;
  indicator: string;
  name: string | null;
  period: string;
  unit_code: string | null;
  x: number;
  n: number;
  note: string | null;
}

export interface TaskRow extends Record<string, unknown> {
  dataset_id: string;
  task_id: number;
  year: number;
  code: string | null;
  task: string;
  lead: string;
  support: string | null;
  timing: string;
  status: string | null;
  done_date: string | null;
  result: string | null;
  note: string | null;
  origin: string | null;
}

const targetsQuery = sql`
SELECT dataset_id, year, code, text, measure, unit_code, comparison, threshold, period_level, plan_no, plan_date
FROM shown.plan_targets ORDER BY year, code`;

const indicatorsQuery = sql`
SELECT dataset_id, indicator, name, period, unit_code, CAST(x AS DOUBLE) AS x, CAST(n AS DOUBLE) AS n, note
FROM shown.plan_indicators ORDER BY indicator, period, unit_code`;

const tasksQuery = sql`
SELECT dataset_id, task_id, year, code, task, lead, support, timing, status, done_date, result, note, origin
FROM shown.plan_tasks ORDER BY year, dataset_id, task_id`;

/** The units list, to name the codes a target or an indicator carries. */
const unitNamesQuery = sql`SELECT unit_code, any_value(unit_name) AS unit_name FROM shown.units GROUP BY unit_code ORDER BY unit_code`;

export const fetchTargets = (db: Db) => run<TargetRow>(db, targetsQuery);
export const fetchIndicators = (db: Db) => run<IndicatorRow>(db, indicatorsQuery);
export const fetchTasks = (db: Db) => run<TaskRow>(db, tasksQuery);
export const fetchUnitNames = (db: Db) => run<{ unit_code: string; unit_name: string }>(db, unitNamesQuery);

// ---- Writes (editing.ts) -----------------------------------------------------------------------------------------

export type PlanTable = 'plan_targets' | 'plan_indicators' | 'plan_tasks';

/**
 * The dataset new rows of a kind go to: the one the page shows them from (the user's newest, else the demo's, as PAR
 * edits go to the unit's dataset); null when there is none yet.
 */
export async function targetDatasetOf(db: Db, kind: PlanTable): Promise<string | null> {
  const [r] = await run<{ id: string }>(db, sql`SELECT id FROM shown.datasets WHERE kind = ${kind} ORDER BY is_demo, imported_at DESC, id LIMIT 1`);
  return r?.id ?? null;
}

export const datasetExistsQuery = (id: string): Sql => sql`SELECT 1 AS x FROM datasets WHERE id = ${id}`;

/** After an edit: the dataset's row count and the years (or periods) it covers, as an import would have written them. */
export function refreshDatasetQuery(id: string, table: PlanTable): Sql {
  const t = sql.ident(table);
  const span = table === 'plan_indicators' ? sql`period` : sql`CAST(year AS VARCHAR)`;
  return sql`
UPDATE datasets SET
  row_count = (SELECT count(*) FROM ${t} WHERE dataset_id = ${id}),
  coverage = (SELECT CASE WHEN min(${span}) = max(${span}) THEN min(${span}) ELSE min(${span}) || '–' || max(${span}) END FROM ${t} WHERE dataset_id = ${id})
WHERE id = ${id}`;
}

export const dropEmptyDatasetQuery = (id: string): Sql => sql`DELETE FROM datasets WHERE id = ${id} AND row_count = 0`;

export interface TargetFields {
  year: number;
  code: string;
  text: string;
  measure: string;
  unit: string | null;
  comparison: string;
  threshold: string;
  level: string;
  planNo: string | null;
  planDate: string | null;
}

export const insertTargetQuery = (datasetId: string, f: TargetFields, at: string): Sql => sql`
INSERT INTO plan_targets VALUES (${datasetId}, ${f.year}, ${f.code}, ${f.text}, ${f.measure}, ${f.unit}, ${f.comparison}, ${f.threshold},
  ${f.level}, ${f.planNo}, ${f.planDate}, CAST(${at} AS TIMESTAMP))`;

export const deleteTargetQuery = (datasetId: string, year: number, code: string): Sql =>
  sql`DELETE FROM plan_targets WHERE dataset_id = ${datasetId} AND year = ${year} AND code = ${code}`;

/** Another target of the year with this code (codes are unique within a year, as in a file). */
export const targetCodeTakenQuery = (year: number, code: string): Sql => sql`SELECT dataset_id FROM shown.plan_targets WHERE year = ${year} AND code = ${code}`;

export interface IndicatorFields {
  indicator: string;
  name: string | null;
  period: string;
  unit: string | null;
  x: number;
  n: number;
  note: string | null;
}

/** The row an indicator figure replaces (one per indicator, period and unit across what is shown). */
export const indicatorRowQuery = (f: Pick<IndicatorFields, 'indicator' | 'period' | 'unit'>): Sql => sql`
SELECT dataset_id FROM shown.plan_indicators WHERE indicator = ${f.indicator} AND period = ${f.period} AND unit_code IS NOT DISTINCT FROM ${f.unit}`;

export const deleteIndicatorQuery = (datasetId: string, f: Pick<IndicatorFields, 'indicator' | 'period' | 'unit'>): Sql => sql`
DELETE FROM plan_indicators WHERE dataset_id = ${datasetId} AND indicator = ${f.indicator} AND period = ${f.period} AND unit_code IS NOT DISTINCT FROM ${f.unit}`;

export const insertIndicatorQuery = (datasetId: string, f: IndicatorFields, at: string): Sql => sql`
INSERT INTO plan_indicators VALUES (${datasetId}, ${f.indicator}, ${f.name}, ${f.period}, ${f.unit}, ${f.x}, ${f.n}, ${f.note}, CAST(${at} AS TIMESTAMP))`;

export interface TaskFields {
  year: number;
  code: string | null;
  task: string;
  lead: string;
  support: string | null;
  timing: string;
  status: string | null;
  doneDate: string | null;
  result: string | null;
  note: string | null;
  origin: string | null;
}

export const nextTaskIdQuery = (datasetId: string): Sql =>
  sql`SELECT CAST(coalesce(max(task_id), 0) + 1 AS INTEGER) AS id FROM plan_tasks WHERE dataset_id = ${datasetId}`;

export const insertTaskQuery = (datasetId: string, id: number, f: TaskFields, at: string): Sql => sql`
INSERT INTO plan_tasks VALUES (${datasetId}, ${id}, ${f.year}, ${f.code}, ${f.task}, ${f.lead}, ${f.support}, ${f.timing}, ${f.status},
  ${f.doneDate}, ${f.result}, ${f.note}, ${f.origin}, CAST(${at} AS TIMESTAMP))`;

export const updateTaskQuery = (datasetId: string, id: number, f: TaskFields, at: string): Sql => sql`
UPDATE plan_tasks SET year = ${f.year}, code = ${f.code}, task = ${f.task}, lead = ${f.lead}, support = ${f.support}, timing = ${f.timing},
  status = ${f.status}, done_date = ${f.doneDate}, result = ${f.result}, note = ${f.note}, origin = ${f.origin}, edited_at = CAST(${at} AS TIMESTAMP)
WHERE dataset_id = ${datasetId} AND task_id = ${id}`;

export const deleteTaskQuery = (datasetId: string, id: number): Sql => sql`DELETE FROM plan_tasks WHERE dataset_id = ${datasetId} AND task_id = ${id}`;
