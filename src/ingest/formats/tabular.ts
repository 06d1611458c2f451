// The shared path of the small canonical formats: staged text → one typed table (typed value + raw text per
// column, Excel row number) → set-based SQL checks → INSERT … SELECT at commit.
import type { Check, ColumnSpec, FormatSpec, StageCtx } from './spec';
import { cell, ident, lit, notApplicable, num } from '../sql';

const INDEX_CODES = ['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'] as const;

/** A canonical format whose rows are checked and inserted one file row → one table row. */
export interface TabularFormat extends FormatSpec {
  /** Checks beyond each column's type (ranges between columns, keys, references). */
  extraChecks?(ctx: StageCtx, typ: string): Check[] | Promise<Check[]>;
  /**
   * Checks against other data (a year's criteria): run against what the batch will land (ctx.pending, the demo
   * stepping aside), again whenever the batch changes, and at commit against what is loaded inside its transaction.
   */
  batchChecks?(ctx: StageCtx, typ: string): Check[];
  /** SELECT dataset_id, what FROM loaded rows sharing a key with `typ` (what: e.g. "2021 · X001"). */
  loadedDuplicates(typ: string): string;
  /** Deletes the loaded rows sharing a key with `typ` (the "replace" answer), inside the commit transaction. */
  deleteDuplicates(typ: string): string[];
  /** INSERT … SELECT from `typ` into the canonical table. */
  insert(typ: string, datasetId: string): string;
  /** SELECT label: years or periods covered. */
  coverage(typ: string): string;
}

function typedExpr(c: ColumnSpec, col: string, decimalComma: boolean): string {
  const v = cell(col);
  const whole = (x: string) => `CASE WHEN ${x} = floor(${x}) AND abs(${x}) < 2e9 THEN CAST(${x} AS INTEGER) END`;
  switch (c.type) {
    case 'text':
      return `nfc_normalize(${v})`;
    case 'year':
    case 'integer':
    case 'element':
      return whole(num(col, decimalComma));
    case 'number':
      return num(col, decimalComma);
    case 'parScore':
      return `CASE WHEN NOT ${notApplicable(col)} THEN ${num(col, decimalComma)} END`;
    case 'indexCode':
      return `upper(${v})`;
    case 'criterionCode':
      // "1.2." and "1. 2" are how people type 1.2
      return `regexp_replace(replace(${v}, ' ', ''), '\\.$', '')`;
  }
}

/** The SQL type of a column's typed value (an absent column is a typed NULL, so the INSERTs still fit). */
function sqlType(c: ColumnSpec): string {
  switch (c.type) {
    case 'year':
    case 'integer':
    case 'element':
      return 'INTEGER';
    case 'number':
    case 'parScore':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

/** SQL creating the typed table of a tabular format from the staged text. */
export function typedTableSql(ctx: StageCtx, f: FormatSpec, typ: string): string {
  const cols: string[] = [`CAST(rowid + ${ctx.firstRow} AS INTEGER) AS __row`];
  for (const c of f.columns) {
    const col = ctx.col(c.key);
    cols.push(`${col ? typedExpr(c, col, ctx.decimalComma) : `CAST(NULL AS ${sqlType(c)})`} AS ${ident(c.key)}`);
    cols.push(`${col ? cell(col) : 'NULL::VARCHAR'} AS ${ident('raw_' + c.key)}`);
    if (c.type === 'parScore') cols.push(`${col ? `coalesce(${notApplicable(col)}, false)` : 'false'} AS ${ident('na_' + c.key)}`);
  }
  const anyCell = ctx.headers.map((_, i) => `nullif(trim(c${i}), '')`).join(', ');
  // Fully blank rows (Excel keeps formatted empty rows) are not data; numbering comes from rowid, so it stays right.
  return `CREATE OR REPLACE TEMP TABLE ${typ} AS SELECT ${cols.join(', ')} FROM ${ctx.stg} WHERE coalesce(${anyCell}) IS NOT NULL`;
}

const bad = (typ: string, key: string, where: string, a = 'NULL', b = 'NULL') =>
  `SELECT __row AS row, ${ident('raw_' + key)} AS value, CAST(${a} AS VARCHAR) AS a, CAST(${b} AS VARCHAR) AS b FROM ${typ} WHERE ${where}`;

/** Per-column checks: required cells, types, ranges. */
export function columnChecks(ctx: StageCtx, f: FormatSpec, typ: string): Check[] {
  const checks: Check[] = [];
  for (const c of f.columns) {
    if (!ctx.col(c.key)) continue;
    const k = ident(c.key);
    const raw = ident('raw_' + c.key);
    if (c.cellRequired) checks.push({ severity: 'error', key: 'ingest.problem.required', column: c.key, sql: bad(typ, c.key, `${raw} IS NULL`) });
    const typed = (key: string, extra = '') =>
      checks.push({ severity: 'error', key, column: c.key, sql: bad(typ, c.key, `${raw} IS NOT NULL AND (${k} IS NULL${extra})`) });
    const range = (min: number | undefined, max: number | undefined) => {
      const conds = [min !== undefined ? `${k} < ${min}` : null, max !== undefined ? `${k} > ${max}` : null].filter(Boolean);
      if (conds.length)
        checks.push({
          severity: 'error',
          key: max === undefined ? 'ingest.problem.min' : 'ingest.problem.range',
          column: c.key,
          sql: bad(typ, c.key, `${k} IS NOT NULL AND (${conds.join(' OR ')})`, lit(String(min ?? '')), lit(String(max ?? ''))),
          params: ['min', 'max'],
        });
    };
    switch (c.type) {
      case 'year':
        typed('ingest.problem.year', ` OR ${k} NOT BETWEEN 2000 AND 2100`);
        break;
      case 'number':
        typed('ingest.problem.number');
        range(c.min, c.max);
        break;
      case 'integer':
      case 'element':
        typed('ingest.problem.integer');
        range(c.min, c.max);
        break;
      case 'parScore':
        checks.push({
          severity: 'error',
          key: 'ingest.problem.parScore',
          column: c.key,
          sql: bad(typ, c.key, `${raw} IS NOT NULL AND NOT ${ident('na_' + c.key)} AND ${k} IS NULL`),
        });
        range(0, undefined);
        break;
      case 'indexCode':
        checks.push({
          severity: 'error',
          key: 'ingest.problem.indexCode',
          column: c.key,
          sql: bad(typ, c.key, `${raw} IS NOT NULL AND ${k} NOT IN (${INDEX_CODES.map(lit).join(', ')})`, lit(INDEX_CODES.join(', '))),
          params: ['options'],
        });
        break;
      case 'criterionCode':
        checks.push({
          severity: 'error',
          key: 'ingest.problem.criterionCode',
          column: c.key,
          sql: bad(typ, c.key, `${raw} IS NOT NULL AND NOT regexp_full_match(${k}, '[0-9]+(\\.[0-9]+)*')`),
        });
        break;
      case 'text':
        break;
    }
  }
  return checks;
}

/**
 * Rows repeating a key within the file: every repeat after the first is reported, with the first row.
 * `keys` are canonical columns; the problem is shown in column `column`.
 */
export function duplicateRowsCheck(typ: string, keys: string[], column: string, key = 'ingest.problem.duplicateRow'): Check {
  const k = keys.map(ident).join(', ');
  return {
    severity: 'error',
    key,
    column,
    sql: `SELECT __row AS row, ${ident('raw_' + column)} AS value, CAST(first AS VARCHAR) AS a, CAST(NULL AS VARCHAR) AS b
          FROM (SELECT __row, ${ident('raw_' + column)}, min(__row) OVER (PARTITION BY ${k}) AS first FROM ${typ}
                WHERE ${ident(column)} IS NOT NULL)
          WHERE __row > first`,
    params: ['first'],
  };
}
