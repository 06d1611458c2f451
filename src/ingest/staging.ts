// Staging: the whole file in a DuckDB temp table of text columns c0…cN, read by one read_csv.
// rowid is the data row index, so the row Excel shows is rowid + 2 (header = row 1).
import type { Db } from '../db/types';
import type { Delimiter } from './delimiter';
import { ident, lit } from './sql';

export const stagingTable = (id: string) => `_stg_${id}`;

/** Stages UTF-8 CSV bytes; returns the staging table and its row count. Throws DuckDB's message on malformed CSV. */
export async function stageCsv(db: Db, id: string, utf8: Uint8Array, delimiter: Delimiter, columnCount: number): Promise<{ table: string; rows: number }> {
  const file = `_ingest_${id}.csv`;
  const table = stagingTable(id);
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.registerFile(file, utf8);
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${lit(file)},
      header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${columns}},
      null_padding = true, skip = 0)`);
  } finally {
    await db.dropFile(file);
  }
  const [r] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
  return { table, rows: r?.n ?? 0 };
}

/** Stages rows already parsed in JS (XLSX, Parquet) the same way: text columns c0…cN in file order. */
export async function stageRows(db: Db, id: string, rows: readonly (readonly (string | null)[])[], columnCount: number): Promise<{ table: string; rows: number }> {
  // Through CSV text: one read_csv is far faster than INSERT … VALUES, and keeps a single staging path.
  const esc = (v: string | null) => (v === null || v === '' ? '' : `"${v.replaceAll('"', '""')}"`);
  const header = Array.from({ length: columnCount }, (_, i) => `c${i}`).join(',');
  const lines = [header];
  for (const r of rows) {
    const cells: string[] = [];
    for (let i = 0; i < columnCount; i++) cells.push(esc(r[i] ?? null));
    lines.push(cells.join(','));
  }
  return stageCsv(db, id, new TextEncoder().encode(lines.join('\n') + '\n'), ',', columnCount);
}

export async function dropStaging(db: Db, id: string, extra: string[] = []): Promise<void> {
  await db.exec([stagingTable(id), ...extra].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
}
