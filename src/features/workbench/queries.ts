// The workbench's own SQL (the `sql` tag, src/sql): which tables an analyst may query, their columns, types and rows,
// and the statements behind "100 dòng đầu" and "Tóm tắt". Analysts' own text goes through guard.ts instead.
import type { Db } from '../../db/types';
import type { DatasetInfo } from '../../app/catalogue';
import { run, sql, type Sql } from '../../sql/sql';

/** A table an analyst may query, under the name they write (the reader's search path is shown, then main). */
export interface QueryableTable {
  name: string;
  schema: 'shown' | 'main';
  /** The user's own table (a file of no known format) or one of the app's. */
  own: boolean;
  /** For the user's own table: the file it came from. */
  fileName: string | null;
  rows: number;
  columns: { name: string; type: string }[];
}

/**
 * The app's tables, as the `shown` views every page reads (db/shown.ts), in the order they are listed; the province
 * crosswalk is reference data with no shown view. Their columns are documented in messages.ts (`workbench.c.*`).
 */
export const APP_TABLES: readonly { name: string; schema: 'shown' | 'main' }[] = [
  { name: 'index_scores', schema: 'shown' },
  { name: 'par_criteria', schema: 'shown' },
  { name: 'par_scores', schema: 'shown' },
  { name: 'sipas_counts', schema: 'shown' },
  { name: 'sipas_sheets', schema: 'shown' },
  { name: 'sipas_items', schema: 'shown' },
  { name: 'units', schema: 'shown' },
  { name: 'commune_merger', schema: 'shown' },
  { name: 'plan_targets', schema: 'shown' },
  { name: 'plan_indicators', schema: 'shown' },
  { name: 'plan_tasks', schema: 'shown' },
  { name: 'ref_provinces', schema: 'main' },
  { name: 'datasets', schema: 'shown' },
];

/** The user's plain tables (shown datasets of kind 'table'), newest first as the catalogue lists them. */
export const ownTables = (datasets: readonly DatasetInfo[]) =>
  datasets.filter((d) => d.shown && d.kind === 'table' && d.table_name).map((d) => ({ name: d.table_name!, fileName: d.file_name }));

interface ColumnRow extends Record<string, unknown> {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
}

/** Every queryable table with its row count and columns: the user's first, then the app's. */
export async function loadTables(db: Db, datasets: readonly DatasetInfo[]): Promise<QueryableTable[]> {
  const own = ownTables(datasets);
  const all = [...own.map((o) => ({ ...o, schema: 'main' as const, own: true })), ...APP_TABLES.map((a) => ({ ...a, own: false, fileName: null }))];
  const place = (schema: string, name: string) => sql`(table_schema = ${schema} AND table_name = ${name})`;
  const columns = await run<ColumnRow>(
    db,
    sql`SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
        WHERE ${sql.join(
          all.map((t) => place(t.schema, t.name)),
          ' OR ',
        )}
        ORDER BY table_schema, table_name, ordinal_position`,
  );
  const present = all.filter((t) => columns.some((c) => c.table_schema === t.schema && c.table_name === t.name));
  const counts = present.length
    ? await run<{ k: number; n: number }>(
        db,
        sql.join(
          present.map((t, k) => sql`SELECT ${k} AS k, count(*) AS n FROM ${sql.ident(t.schema, t.name)}`),
          '\nUNION ALL ',
        ),
      )
    : [];
  return present.map((t, k) => ({
    name: t.name,
    schema: t.schema,
    own: t.own,
    fileName: t.fileName,
    rows: Number(counts.find((c) => Number(c.k) === k)?.n ?? 0),
    columns: columns.filter((c) => c.table_schema === t.schema && c.table_name === t.name).map((c) => ({ name: c.column_name, type: c.data_type })),
  }));
}

/** Rows shown when a table is opened. */
export const PREVIEW_ROWS = 100;

export const previewQuery = (t: Pick<QueryableTable, 'schema' | 'name'>): Sql => sql`SELECT * FROM ${sql.ident(t.schema, t.name)} LIMIT ${PREVIEW_ROWS}`;

export const summarizeQuery = (t: Pick<QueryableTable, 'schema' | 'name'>): Sql => sql`SUMMARIZE ${sql.ident(t.schema, t.name)}`;

/** The names of this DuckDB's table functions and table macros, for the check of what a query calls (guard.ts). */
export const tableFunctionsQuery = (): Sql => sql`SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')`;
