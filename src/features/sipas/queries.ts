// SQL for the SIPAS page. Every figure is a sum over sipas_counts (answers counted per period, unit, item and
// answer level) done in DuckDB; the page gets a few dozen rows and hands them to src/domain/sipas.ts.
import type { Db } from '../../db/types';
import type { Level } from '../../domain/sipas';
import { answered, inPeriod, periodKey, satisfied } from '../../sql/fragments';
import { run, sql, type Sql } from '../../sql/sql';

const ofUnit = (unit: string | null): Sql => (unit ? sql`unit_code = ${unit}` : sql`true`);

/** Periods that have answers at a level, oldest first. */
function periodsQuery(level: Level): Sql {
  return sql`SELECT DISTINCT ${periodKey(level)} AS period FROM shown.sipas_counts WHERE ${periodKey(level)} IS NOT NULL`;
}

/** Units with answers, named from the units table when it is loaded. */
const unitsQuery = sql`
SELECT c.unit_code, (SELECT any_value(u.unit_name) FROM shown.units u WHERE u.unit_code = c.unit_code) AS unit_name
FROM (SELECT DISTINCT unit_code FROM shown.sipas_counts) c ORDER BY c.unit_code`;

/** Satisfied and valid answers per period and element, for the trend (pooled and mean of elements). */
function trendQuery(level: Level, unit: string | null): Sql {
  return sql`
SELECT ${periodKey(level)} AS period, element, ${satisfied()} AS k, ${answered()} AS n FROM shown.sipas_counts
WHERE ${sql.and(ofUnit(unit), sql`${periodKey(level)} IS NOT NULL`)} GROUP BY ALL ORDER BY period, element`;
}

/** Respondents (phiếu) per period. */
function sheetsTrendQuery(level: Level, unit: string | null): Sql {
  return sql`
SELECT ${periodKey(level)} AS period, CAST(sum(respondents) AS DOUBLE) AS respondents FROM shown.sipas_sheets
WHERE ${sql.and(ofUnit(unit), sql`${periodKey(level)} IS NOT NULL`)} GROUP BY ALL`;
}

/** One row per item of the period: its element, answers at each level 1–5, and its text when sipas_items has it. */
function itemsQuery(period: string, unit: string | null): Sql {
  const a = (v: number) => sql`CAST(coalesce(sum(n) FILTER (WHERE answer = ${v}), 0) AS DOUBLE) AS ${sql.ident(`a${v}`)}`;
  return sql`
WITH c AS (
  SELECT item_code, any_value(element) AS element, ${[1, 2, 3, 4, 5].map(a)}
  FROM shown.sipas_counts WHERE ${sql.and(inPeriod(period), ofUnit(unit))} GROUP BY item_code
), t AS (SELECT item_code, any_value(text) AS text FROM shown.sipas_items WHERE text IS NOT NULL AND text <> '' GROUP BY item_code)
SELECT c.*, t.text FROM c LEFT JOIN t USING (item_code) ORDER BY c.element, c.item_code`;
}

/** Satisfied and valid answers per unit and element in the period (all units). */
function unitElementsQuery(period: string): Sql {
  return sql`
SELECT unit_code, element, ${satisfied()} AS k, ${answered()} AS n FROM shown.sipas_counts
WHERE ${inPeriod(period)} GROUP BY ALL ORDER BY unit_code, element`;
}

/** Respondents per unit in the period. */
function unitSheetsQuery(period: string): Sql {
  return sql`SELECT unit_code, CAST(sum(respondents) AS DOUBLE) AS respondents FROM shown.sipas_sheets WHERE ${inPeriod(period)} GROUP BY ALL`;
}

// ---- Typed fetchers ------------------------------------------------------------------------------------

export interface PeriodElementRow extends Record<string, unknown> {
  period: string;
  element: number;
  k: number;
  n: number;
}
export interface ItemRow extends Record<string, unknown> {
  item_code: string;
  element: number;
  a1: number;
  a2: number;
  a3: number;
  a4: number;
  a5: number;
  text: string | null;
}
export interface UnitElementRow extends Record<string, unknown> {
  unit_code: string;
  element: number;
  k: number;
  n: number;
}

export async function fetchPeriods(db: Db, level: Level): Promise<string[]> {
  return (await run<{ period: string }>(db, periodsQuery(level))).map((r) => r.period);
}

export async function fetchUnits(db: Db): Promise<{ unit_code: string; unit_name: string | null }[]> {
  return run<{ unit_code: string; unit_name: string | null }>(db, unitsQuery);
}

export async function fetchTrend(db: Db, level: Level, unit: string | null) {
  const [rows, sheets] = await Promise.all([run<PeriodElementRow>(db, trendQuery(level, unit)), run<{ period: string; respondents: number }>(db, sheetsTrendQuery(level, unit))]);
  return { rows, respondents: new Map(sheets.map((s) => [s.period, s.respondents])) };
}

export async function fetchItems(db: Db, period: string, unit: string | null): Promise<ItemRow[]> {
  return run<ItemRow>(db, itemsQuery(period, unit));
}

export async function fetchUnitElements(db: Db, period: string) {
  const [rows, sheets] = await Promise.all([run<UnitElementRow>(db, unitElementsQuery(period)), run<{ unit_code: string; respondents: number }>(db, unitSheetsQuery(period))]);
  return { rows, respondents: new Map(sheets.map((s) => [s.unit_code, s.respondents])) };
}
