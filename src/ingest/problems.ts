// Problems: built from SQL check results, grouped (same check, column and value → one problem with its first row
// and a count), capped so a million bad rows do not make a million objects.
import type { Problem } from './types';
import type { Check, StageCtx } from './formats/spec';

const MAX_LISTED = 200;

/** Parameters that are numbers (formatted by the UI's locale), not codes like "3.10". */
const NUMERIC_PARAMS = new Set(['max', 'min', 'sum', 'of', 'first', 'year', 'n']);

interface Where {
  row?: number;
  column?: string;
  value?: string;
  count?: number;
}

/** A problem whose message parameters also carry the row, column and value, so the text stands on its own. */
export function problem(
  ctx: { file: string },
  severity: Problem['severity'],
  key: string,
  where: Where,
  params: Record<string, string | number> = {},
): Problem {
  const p: Problem = { severity, file: ctx.file, expected: { key, params: { ...params } } };
  if (where.row !== undefined) p.row = where.row;
  if (where.column !== undefined) p.column = where.column;
  if (where.value !== undefined) p.value = where.value;
  if (where.count !== undefined && where.count > 1) p.count = where.count;
  const all = p.expected.params!;
  if (p.row !== undefined) all.row = p.row;
  if (p.column !== undefined) all.column = p.column;
  if (p.value !== undefined) all.value = p.value;
  all.count = p.count ?? 1;
  return p;
}

/** Runs the checks (one query each) and returns their problems, first rows first. */
export async function runChecks(ctx: StageCtx, checks: readonly Check[]): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const c of checks) {
    const rows = await ctx.db.query<{ row: number | null; value: string | null; a: string | null; b: string | null; n: number }>(
      `SELECT CAST(min(row) AS INTEGER) AS row, value, a, b, CAST(count(*) AS INTEGER) AS n
       FROM (${c.sql}) GROUP BY value, a, b ORDER BY row LIMIT ${MAX_LISTED}`,
    );
    for (const r of rows) {
      const params: Record<string, string | number> = {};
      c.params?.forEach((name, i) => {
        const v = i === 0 ? r.a : r.b;
        if (name && v !== null && !(c.columnFrom === 'b' && i === 1)) params[name] = NUMERIC_PARAMS.has(name) && Number.isFinite(Number(v)) ? Number(v) : v;
      });
      out.push(
        problem(
          ctx,
          c.severity,
          c.key,
          {
            row: r.row ?? undefined,
            column: c.columnFrom === 'b' ? (r.b ?? undefined) : c.column ? ctx.header(c.column) : undefined,
            value: r.value ?? '',
            count: r.n,
          },
          params,
        ),
      );
    }
  }
  return out;
}

/** Errors first, then by row; at most MAX_LISTED. */
export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0)).slice(0, MAX_LISTED);
}
