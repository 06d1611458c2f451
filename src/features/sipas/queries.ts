// SQL for the SIPAS page. Every figure is a sum over sipas_counts (answers counted per period, unit, item and
// answer level) done in DuckDB; the page gets a few dozen rows and hands them to src/domain/sipas.ts.
import type { Db, Param } from '../../db/types';
import { parsePeriod, type Level } from '../../domain/sipas';

export interface SqlQuery {
  sql: string;
  params: Param[];
}

/** Half from the half column, or from the quarter when only that was filled. */
const HALF = `coalesce(half, CASE WHEN quarter <= 2 THEN 1 WHEN quarter >= 3 THEN 2 END)`;

/** The period key ('2026-Q1', '2026-H1', '2026') of a row at a level; NULL when the row is too coarse for it. */
export function periodExpr(level: Level): string {
  if (level === 'quarter') return `CAST(year AS VARCHAR) || '-Q' || CAST(quarter AS VARCHAR)`;
  if (level === 'half') return `CAST(year AS VARCHAR) || '-H' || CAST(${HALF} AS VARCHAR)`;
  return `CAST(year AS VARCHAR)`;
}

/** WHERE clause for one period (and optionally one unit). An unparsable period matches nothing. */
export function periodWhere(period: string, unit: string | null): SqlQuery {
  const p = parsePeriod(period);
  const parts: string[] = [];
  const params: Param[] = [];
  if (!p) parts.push('false');
  else {
    parts.push('year = ?');
    params.push(p.year);
    if (p.level === 'quarter') {
      parts.push('quarter = ?');
      params.push(p.part!);
    } else if (p.level === 'half') {
      parts.push(`${HALF} = ?`);
      params.push(p.part!);
    }
  }
  if (unit) {
    parts.push('unit_code = ?');
    params.push(unit);
  }
  return { sql: parts.join(' AND '), params };
}

const unitWhere = (unit: string | null): SqlQuery => (unit ? { sql: 'unit_code = ?', params: [unit] } : { sql: 'true', params: [] });

const K = `CAST(coalesce(sum(n) FILTER (WHERE answer >= 4), 0) AS DOUBLE)`;
const N = `CAST(sum(n) AS DOUBLE)`;

/** Periods that have answers at a level, oldest first. */
export function periodsQuery(level: Level): SqlQuery {
  const e = periodExpr(level);
  return { sql: `SELECT DISTINCT ${e} AS period FROM shown.sipas_counts WHERE ${e} IS NOT NULL`, params: [] };
}

/** Units with answers, named from the units table when it is loaded. */
export function unitsQuery(): SqlQuery {
  return {
    sql: `SELECT c.unit_code, (SELECT any_value(u.unit_name) FROM shown.units u WHERE u.unit_code = c.unit_code) AS unit_name
          FROM (SELECT DISTINCT unit_code FROM shown.sipas_counts) c ORDER BY c.unit_code`,
    params: [],
  };
}

/** Satisfied and valid answers per period and element, for the trend (pooled and mean of elements). */
export function trendQuery(level: Level, unit: string | null): SqlQuery {
  const e = periodExpr(level);
  const w = unitWhere(unit);
  return {
    sql: `SELECT ${e} AS period, element, ${K} AS k, ${N} AS n FROM shown.sipas_counts
          WHERE ${w.sql} AND ${e} IS NOT NULL GROUP BY ALL ORDER BY period, element`,
    params: w.params,
  };
}

/** Respondents (phiếu) per period. */
export function sheetsTrendQuery(level: Level, unit: string | null): SqlQuery {
  const e = periodExpr(level);
  const w = unitWhere(unit);
  return {
    sql: `SELECT ${e} AS period, CAST(sum(respondents) AS DOUBLE) AS respondents FROM shown.sipas_sheets
          WHERE ${w.sql} AND ${e} IS NOT NULL GROUP BY ALL`,
    params: w.params,
  };
}

/** One row per item of the period: its element, answers at each level 1–5, and its text when sipas_items has it. */
export function itemsQuery(period: string, unit: string | null): SqlQuery {
  const w = periodWhere(period, unit);
  const a = (v: number) => `CAST(coalesce(sum(n) FILTER (WHERE answer = ${v}), 0) AS DOUBLE) AS a${v}`;
  return {
    sql: `WITH c AS (
            SELECT item_code, any_value(element) AS element, ${a(1)}, ${a(2)}, ${a(3)}, ${a(4)}, ${a(5)}
            FROM shown.sipas_counts WHERE ${w.sql} GROUP BY item_code
          ), t AS (SELECT item_code, any_value(text) AS text FROM shown.sipas_items WHERE text IS NOT NULL AND text <> '' GROUP BY item_code)
          SELECT c.*, t.text FROM c LEFT JOIN t USING (item_code) ORDER BY c.element, c.item_code`,
    params: w.params,
  };
}

/** Satisfied and valid answers per unit and element in the period (all units). */
export function unitElementsQuery(period: string): SqlQuery {
  const w = periodWhere(period, null);
  return {
    sql: `SELECT unit_code, element, ${K} AS k, ${N} AS n FROM shown.sipas_counts WHERE ${w.sql} GROUP BY ALL ORDER BY unit_code, element`,
    params: w.params,
  };
}

/** Respondents per unit in the period. */
export function unitSheetsQuery(period: string): SqlQuery {
  const w = periodWhere(period, null);
  return { sql: `SELECT unit_code, CAST(sum(respondents) AS DOUBLE) AS respondents FROM shown.sipas_sheets WHERE ${w.sql} GROUP BY ALL`, params: w.params };
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

const run = <T extends Record<string, unknown>>(db: Db, q: SqlQuery) => db.query<T>(q.sql, q.params);

export async function fetchPeriods(db: Db, level: Level): Promise<string[]> {
  return (await run<{ period: string }>(db, periodsQuery(level))).map((r) => r.period);
}

export async function fetchUnits(db: Db): Promise<{ unit_code: string; unit_name: string | null }[]> {
  return run(db, unitsQuery());
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
