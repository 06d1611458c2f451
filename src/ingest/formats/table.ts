// Any other table: a plain DuckDB table named after the file, column types inferred from the staged text,
// listed in the catalogue for analysts to query.
import type { Db } from '../../db/types';
import type { StageCtx } from './spec';
import { ident, num } from '../sql';

/** "Báo cáo Quý 1 (2026).csv" → "bao_cao_quy_1_2026", unique among existing tables. */
export async function tableNameFor(db: Db, fileName: string): Promise<string> {
  const base =
    fileName
      .replace(/\.[^.]+$/, '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'bang';
  const safe = /^[0-9]/.test(base) ? `t_${base}` : base;
  const taken = new Set(
    (await db.query<{ n: string }>(`SELECT lower(table_name) AS n FROM duckdb_tables() UNION SELECT lower(table_name) FROM datasets WHERE table_name IS NOT NULL`)).map((r) => r.n),
  );
  // Never shadow a canonical table or an internal one.
  for (const t of ['datasets', 'index_scores', 'par_criteria', 'par_scores', 'sipas_counts', 'sipas_sheets', 'sipas_items', 'units', 'commune_merger', 'ref_provinces']) taken.add(t);
  let name = safe.startsWith('_') ? `t${safe}` : safe;
  for (let k = 2; taken.has(name); k++) name = `${safe}_${k}`;
  return name;
}

/** Column names as written (NFC); blanks become cot_N, repeats get a suffix. */
export function tableColumnNames(headers: readonly string[]): string[] {
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

/**
 * SELECT list typing each staged column: BIGINT when every value is a whole number (and none has a leading zero —
 * codes like 007 stay text), DOUBLE when every value is a number, else VARCHAR. Empty cells are NULL.
 */
export async function typedSelectSql(ctx: StageCtx): Promise<string> {
  const names = tableColumnNames(ctx.headers);
  const tests = ctx.headers.flatMap((_, i) => {
    const c = `c${i}`;
    const v = `nullif(trim(${c}), '')`;
    return [
      `count(${v}) AS n${i}`,
      `count_if(${v} IS NOT NULL AND (TRY_CAST(${v} AS BIGINT) IS NULL OR regexp_matches(${v}, '^[-+]?0[0-9]'))) AS notint${i}`,
      `count_if(${v} IS NOT NULL AND ${num(c, ctx.decimalComma)} IS NULL) AS notnum${i}`,
    ];
  });
  const [r = {}] = ctx.headers.length ? await ctx.db.query<Record<string, number>>(`SELECT ${tests.join(', ')} FROM ${ctx.stg}`) : [];
  return ctx.headers
    .map((_, i) => {
      const c = `c${i}`;
      const v = `nullif(trim(${c}), '')`;
      const has = (r[`n${i}`] ?? 0) > 0;
      const expr = has && r[`notint${i}`] === 0 ? `CAST(${v} AS BIGINT)` : has && r[`notnum${i}`] === 0 ? num(c, ctx.decimalComma) : c;
      return `${expr} AS ${ident(names[i]!)}`;
    })
    .join(', ');
}
