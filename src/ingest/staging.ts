// Staging: the whole file in a DuckDB temp table of text columns c0…cN, read by one read_csv.
// rowid is the data row index, so the row Excel shows is rowid + firstRow (2 when the header is row 1).
// XLSX and Parquet arrive here too, as CSV text made by sources/cells.ts.
import type { Db } from '../db/types';
import type { Delimiter } from './delimiter';
import { ident, lit } from './sql';

export const stagingTable = (id: string) => `_stg_${id}`;
export const stagingFile = (id: string) => `_ingest_${id}.csv`;

/** read_csv of a registered file as text columns c0…cN. `padded`: rows with fewer cells get NULLs (serial reader). */
export function csvSource(file: string, delimiter: Delimiter, columnCount: number, padded = false): string {
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // DuckDB pads short rows only with its serial reader when quoted cells hold newlines: a fallback, not the norm.
  return `read_csv(${lit(file)}, header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${columns}}${padded ? ', auto_detect = false, null_padding = true, parallel = false' : ''})`;
}

/** Stages an already registered file; returns its row count. Throws DuckDB's message on malformed CSV. */
export async function stageRegistered(db: Db, id: string, file: string, delimiter: Delimiter, columnCount: number): Promise<number> {
  const table = stagingTable(id);
  const read = (padded: boolean) => `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${csvSource(file, delimiter, columnCount, padded)}`;
  try {
    await db.exec(read(false));
  } catch (first) {
    // Rows with fewer cells than the header (some tools drop trailing empty cells): pad them with NULLs.
    try {
      await db.exec(read(true));
    } catch {
      throw first;
    }
  }
  const [r] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
  return r?.n ?? 0;
}

/** Registers UTF-8 CSV bytes, stages them, and unregisters them. */
export async function stageCsv(db: Db, id: string, utf8: Uint8Array, delimiter: Delimiter, columnCount: number): Promise<{ table: string; rows: number }> {
  const file = stagingFile(id);
  await db.registerFile(file, utf8);
  try {
    return { table: stagingTable(id), rows: await stageRegistered(db, id, file, delimiter, columnCount) };
  } finally {
    await db.dropFile(file);
  }
}

export async function dropStaging(db: Db, id: string, extra: string[] = []): Promise<void> {
  await db.exec([stagingTable(id), ...extra].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
}
