// What the plan formats (plan_targets, plan_indicators, plan_tasks) share: cells written in words ("trên", "Quý
// II/2026", "Đã hoàn thành") are read by the domain's one reader (src/domain/plan*.ts) over the file's DISTINCT
// values — a few dozen, whatever the rows — and written back into the typed table as the app stores them (as
// communeMerger.ts names provinces). A value the reader refuses becomes NULL there, and a check names its rows.
import type { Db } from '../../db/types';
import { run, sql } from '../../sql/sql';
import type { Check } from './spec';
import { ident } from '../sql';

/**
 * Rewrites `column` of the typed table from the raw cells of `from` (and any further raw columns `with`, read
 * together): each distinct combination → `read(...)`; null leaves the column NULL. Blank cells stay NULL.
 */
export async function rewriteFrom(
  db: Db,
  typ: string,
  column: string,
  from: readonly string[],
  read: (...raw: (string | null)[]) => string | null,
): Promise<void> {
  const t = sql.ident(typ);
  // As text, so a typed column (the year) compares with the value read back.
  const cols = from.map((c) => sql`CAST(${sql.ident(c)} AS VARCHAR)`);
  const rows = await run<Record<string, string | null>>(
    db,
    sql`SELECT DISTINCT ${sql.join(
      cols.map((c, i) => sql`${c} AS ${sql.ident(`v${i}`)}`),
      ', ',
    )} FROM ${t}`,
  );
  const when = rows.flatMap((r) => {
    const raw = from.map((_, i) => r[`v${i}`] ?? null);
    const value = raw[0] === null ? null : read(...raw);
    if (value === null) return [];
    const match = sql.and(...cols.map((c, i) => (raw[i] === null ? sql`${c} IS NULL` : sql`${c} = ${raw[i]!}`)));
    return [sql`WHEN ${match} THEN ${value}`];
  });
  const target = sql.ident(column);
  await run(db, when.length ? sql`UPDATE ${t} SET ${target} = CASE ${sql.join(when, ' ')} END` : sql`UPDATE ${t} SET ${target} = NULL`);
}

/** Rows whose raw cell of `key` is written but could not be read (its typed value is NULL): an error at that column. */
export function unreadCheck(typ: string, key: string, problem: string, params?: Check['params'], a = 'NULL', b = 'NULL'): Check {
  return {
    severity: 'error',
    key: problem,
    column: key,
    params,
    sql: `SELECT __row AS row, ${ident('raw_' + key)} AS value, CAST(${a} AS VARCHAR) AS a, CAST(${b} AS VARCHAR) AS b
          FROM ${typ} WHERE ${ident('raw_' + key)} IS NOT NULL AND ${ident(key)} IS NULL`,
  };
}
