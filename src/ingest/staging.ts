// Staging: the whole file in a DuckDB temp table of text columns c0…cN, read by one read_csv.
// rowid is the data row index, so the row Excel shows is rowid + 2 (header = row 1).
import type { Db } from '../db/types';
import type { Delimiter } from './delimiter';
import { ident, lit } from './sql';

export const stagingTable = (id: string) => `_stg_${id}`;

/** Stages UTF-8 CSV bytes; returns the staging table and its row count. Throws DuckDB's message on malformed CSV.
 * XLSX and Parquet arrive here too, as CSV text made by sources/cells.ts. */
export async function stageCsv(db: Db, id: string, utf8: Uint8Array, delimiter: Delimiter, columnCount: number): Promise<{ table: string; rows: number }> {
  const file = `_ingest_${id}.csv`;
  const table = stagingTable(id);
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.registerFile(file, utf8);
  const read = (extra: string) => `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${lit(file)},
      header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${columns}}${extra})`;
  try {
    await db.exec(read(''));
  } catch (first) {
    // Rows with fewer cells than the header (some tools drop trailing empty cells): pad them with NULLs.
    // DuckDB pads only with its serial reader when quoted cells hold newlines, so that is the fallback, not the norm.
    try {
      await db.exec(read(', null_padding = true, parallel = false'));
    } catch {
      throw first;
    }
  } finally {
    await db.dropFile(file);
  }
  const [r] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
  return { table, rows: r?.n ?? 0 };
}

export async function dropStaging(db: Db, id: string, extra: string[] = []): Promise<void> {
  await db.exec([stagingTable(id), ...extra].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
}
