// Any other table: a plain DuckDB table named after the file, column types inferred from the staged text,
// listed in the catalogue for analysts to query.
import type { Db } from '../../db/types';
import type { StageCtx } from './spec';
import { ident, num } from '../sql';
import { foldText } from '../../domain/vnNames';

/** "Báo cáo Quý 1 (2026).csv" → "bao_cao_quy_1_2026", unique among existing tables. */
export async function tableNameFor(db: Db, fileName: string): Promise<string> {
  const base =
    foldText(fileName.replace(/\.[^.]+$/, ''))
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'bang';
  const safe = /^[0-9]/.test(base) ? `t_${base}` : base;
  const taken = new Set(
    (
      await db.query<{ n: string }>(
        `SELECT lower(table_name) AS n FROM duckdb_tables() UNION SELECT lower(table_name) FROM datasets WHERE table_name IS NOT NULL`,
      )
    ).map((r) => r.n),
  );
  // Never shadow a canonical table or an internal one.
  for (const t of [
    'datasets',
    'index_scores',
    'par_criteria',
    'par_scores',
    'sipas_counts',
    'sipas_sheets',
    'sipas_items',
    'units',
    'commune_merger',
    'plan_targets',
    'plan_indicators',
    'plan_tasks',
    'ref_provinces',
  ])
    taken.add(t);
  let name = safe.startsWith('_') ? `t${safe}` : safe;
  for (let k = 2; taken.has(name); k++) name = `${safe}_${k}`;
  return name;
}

/** Column names as written (NFC); blanks become cot_N, repeats get a suffix. */
function tableColumnNames(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    let name = h.trim() || `cot_${i + 1}`;
    const k = name.toLowerCase();
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    if (n > 0) name = `${name}_${n + 1}`;
    return name;
  });
}

/** Above this many columns the typing counts are taken from the unpivoted cells (one query whatever the width). */
const WIDE = 64;

/**
 * Per staged column: non-blank cells, those that are not whole numbers, those that are not numbers (or have a leading
 * zero). One pass over the rows. A wide file is unpivoted first: thousands of column expressions in one SELECT
 * make DuckDB's optimizer take minutes (its common-subexpression pass grows with the square of their number).
 */
async function typingCounts(ctx: StageCtx): Promise<{ n: number; notint: number; notnum: number }[]> {
  const n = ctx.headers.length;
  if (n === 0) return [];
  // Whole numbers as written (DuckDB's own cast would round "0.5" to 1) within BIGINT. A leading zero (007, 08123)
  // makes a code, not a number: such a column stays text.
  const notInt = (v: string) => `(NOT regexp_full_match(${v}, '[-+]?(0|[1-9][0-9]*)') OR TRY_CAST(${v} AS BIGINT) IS NULL)`;
  const notNum = (v: string, c: string) => `(${num(c, ctx.decimalComma)} IS NULL OR regexp_matches(${v}, '^[-+]?0[0-9]'))`;
  if (n > WIDE) {
    const rows = await ctx.db.query<{ col: string; n: number; notint: number; notnum: number }>(
      `SELECT col, CAST(count(*) AS INTEGER) AS n, CAST(count_if(${notInt('v')}) AS INTEGER) AS notint,
              CAST(count_if(${notNum('v', 'v')}) AS INTEGER) AS notnum
       FROM (SELECT col, trim(v) AS v FROM (UNPIVOT ${ctx.stg} ON COLUMNS(*) INTO NAME col VALUE v)) WHERE v <> '' GROUP BY col`,
    );
    const out = Array.from({ length: n }, () => ({ n: 0, notint: 0, notnum: 0 }));
    for (const r of rows) out[Number(r.col.slice(1))] = { n: r.n, notint: r.notint, notnum: r.notnum };
    return out;
  }
  const tests = ctx.headers.flatMap((_, i) => {
    const c = `c${i}`;
    const v = `nullif(trim(${c}), '')`;
    return [
      `CAST(count(${v}) AS INTEGER) AS n${i}`,
      `CAST(count_if(${v} IS NOT NULL AND ${notInt(v)}) AS INTEGER) AS notint${i}`,
      `CAST(count_if(${v} IS NOT NULL AND ${notNum(v, c)}) AS INTEGER) AS notnum${i}`,
    ];
  });
  const [r = {}] = await ctx.db.query<Record<string, number>>(`SELECT ${tests.join(', ')} FROM ${ctx.stg}`);
  return ctx.headers.map((_, i) => ({ n: r[`n${i}`] ?? 0, notint: r[`notint${i}`] ?? 0, notnum: r[`notnum${i}`] ?? 0 }));
}

/**
 * SELECT list typing each staged column: BIGINT when every value is a whole number, DOUBLE when every value is a
 * number, else VARCHAR (also when a value has a leading zero: codes like 007 stay text). Empty cells are NULL.
 * Each expression names its column once (TRY_CAST of a column known to hold only whole numbers and blanks is the
 * number or NULL): repeated subexpressions across thousands of columns are what makes DuckDB's optimizer slow.
 */
export async function typedSelectSql(ctx: StageCtx): Promise<string> {
  const names = tableColumnNames(ctx.headers);
  const counts = await typingCounts(ctx);
  return ctx.headers
    .map((_, i) => {
      const c = `c${i}`;
      const k = counts[i]!;
      const has = k.n > 0;
      const expr = has && k.notint === 0 ? `TRY_CAST(trim(${c}) AS BIGINT)` : has && k.notnum === 0 ? num(c, ctx.decimalComma) : c;
      return `${expr} AS ${ident(names[i]!)}`;
    })
    .join(', ');
}
