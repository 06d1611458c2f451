// SQL for the SIPAS page. Every figure is a sum over sipas_counts (answers counted per period, unit, item and
// answer level) done in DuckDB; the page gets a few dozen rows and hands them to src/domain/sipas.ts.
import type { Db } from '../../db/types';
import { levelOf, parsePeriod, type Level } from '../../domain/periods';
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

/**
 * One row per period and item: its element, answers at each level 1–5, and its text when sipas_items has it. With a
 * `period`, only that one; without, every period of the level at once, so the page changes period without a query.
 */
function itemsQuery(level: Level, unit: string | null, period: string | null = null): Sql {
  const a = (v: number) => sql`CAST(coalesce(sum(n) FILTER (WHERE answer = ${v}), 0) AS DOUBLE) AS ${sql.ident(`a${v}`)}`;
  const when = period ? inPeriod(period) : sql`${periodKey(level)} IS NOT NULL`;
  return sql`
WITH c AS (
  SELECT ${periodKey(level)} AS period, item_code, any_value(element) AS element, ${[1, 2, 3, 4, 5].map(a)}
  FROM shown.sipas_counts WHERE ${sql.and(when, ofUnit(unit))} GROUP BY period, item_code
), t AS (SELECT item_code, any_value(text) AS text FROM shown.sipas_items WHERE text IS NOT NULL AND text <> '' GROUP BY item_code)
SELECT c.*, t.text FROM c LEFT JOIN t USING (item_code) ORDER BY c.period, c.element, c.item_code`;
}

/** Satisfied and valid answers per period, unit and element (all units); every period of the level without `period`. */
function unitElementsQuery(level: Level, period: string | null = null): Sql {
  const when = period ? inPeriod(period) : sql`${periodKey(level)} IS NOT NULL`;
  return sql`
SELECT ${periodKey(level)} AS period, unit_code, element, ${satisfied()} AS k, ${answered()} AS n FROM shown.sipas_counts
WHERE ${when} GROUP BY ALL ORDER BY period, unit_code, element`;
}

/** Respondents per period and unit; every period of the level without `period`. */
function unitSheetsQuery(level: Level, period: string | null = null): Sql {
  const when = period ? inPeriod(period) : sql`${periodKey(level)} IS NOT NULL`;
  return sql`SELECT ${periodKey(level)} AS period, unit_code, CAST(sum(respondents) AS DOUBLE) AS respondents FROM shown.sipas_sheets WHERE ${when} GROUP BY ALL`;
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
  const [rows, sheets] = await Promise.all([
    run<PeriodElementRow>(db, trendQuery(level, unit)),
    run<{ period: string; respondents: number }>(db, sheetsTrendQuery(level, unit)),
  ]);
  return { rows, respondents: new Map(sheets.map((s) => [s.period, s.respondents])) };
}

/** The level a period key is at ('2026-Q1' → quarter); a key that does not parse matches nothing anyway. */
const levelOfKey = (period: string): Level => {
  const p = parsePeriod(period);
  return p ? levelOf(p) : 'quarter';
};

type OfPeriod<R> = R & { period: string };

/** Rows by their period key. */
function byPeriod<R extends { period: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.period);
    if (list) list.push(r);
    else out.set(r.period, [r]);
  }
  return out;
}

export async function fetchItems(db: Db, period: string, unit: string | null): Promise<ItemRow[]> {
  return run<OfPeriod<ItemRow>>(db, itemsQuery(levelOfKey(period), unit, period));
}

/** Items of every period of the level, by period: the page then changes period without asking the engine. */
export async function fetchItemsByPeriod(db: Db, level: Level, unit: string | null): Promise<Map<string, ItemRow[]>> {
  return byPeriod(await run<OfPeriod<ItemRow>>(db, itemsQuery(level, unit)));
}

export interface UnitElements {
  rows: UnitElementRow[];
  /** Respondents per unit. */
  respondents: Map<string, number>;
}

function unitElementsOf(
  rows: readonly OfPeriod<UnitElementRow>[],
  sheets: readonly { period: string; unit_code: string; respondents: number }[],
): Map<string, UnitElements> {
  const out = new Map<string, UnitElements>();
  for (const [period, rs] of byPeriod(rows)) out.set(period, { rows: rs, respondents: new Map() });
  for (const s of sheets) out.get(s.period)?.respondents.set(s.unit_code, s.respondents);
  return out;
}

export async function fetchUnitElements(db: Db, period: string): Promise<UnitElements> {
  const level = levelOfKey(period);
  const [rows, sheets] = await Promise.all([
    run<OfPeriod<UnitElementRow>>(db, unitElementsQuery(level, period)),
    run<{ period: string; unit_code: string; respondents: number }>(db, unitSheetsQuery(level, period)),
  ]);
  return unitElementsOf(rows, sheets).get(period) ?? { rows: [], respondents: new Map() };
}

/** Every unit's elements and respondents in every period of the level, by period (one query each, not one per period). */
export async function fetchUnitElementsByPeriod(db: Db, level: Level): Promise<Map<string, UnitElements>> {
  const [rows, sheets] = await Promise.all([
    run<OfPeriod<UnitElementRow>>(db, unitElementsQuery(level)),
    run<{ period: string; unit_code: string; respondents: number }>(db, unitSheetsQuery(level)),
  ]);
  return unitElementsOf(rows, sheets);
}
