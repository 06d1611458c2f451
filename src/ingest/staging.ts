// Staging: the whole file in a DuckDB temp table of text columns c0…cN, read by one read_csv.
// rowid is the data row index, so the row Excel shows is rowid + firstRow (2 when the header is row 1).
// XLSX and Parquet arrive here too, as CSV text made by sources/cells.ts.
import type { Db } from '../db/types';
import type { Delimiter } from './delimiter';
import { CsvShapeError } from './csvShape';
import { ident, lit } from './sql';
import type { Problem } from './types';

export const stagingTable = (id: string) => `_stg_${id}`;
export const stagingFile = (id: string) => `_ingest_${id}.csv`;

/** read_csv of a registered file as text columns c0…cN. `padded`: rows with fewer cells get NULLs (serial reader). */
export function csvSource(file: string, delimiter: Delimiter, columnCount: number, padded = false): string {
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // DuckDB pads short rows only with its serial reader when quoted cells hold newlines: a fallback, not the norm.
  return `read_csv(${lit(file)}, header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', columns = {${columns}}${padded ? ', auto_detect = false, null_padding = true, parallel = false' : ''})`;
}

/**
 * What to do when DuckDB refuses a file, decided from the bytes it was given: stage other bytes instead (line endings
 * made one kind), or refuse with a problem naming the row (an unclosed quote…). Null: try the padded reader.
 * It may also throw (e.g. to read the file again in another encoding).
 */
export type OnRefused = (bytes: Uint8Array) => { bytes: Uint8Array } | { problem: Problem } | null;

/**
 * Stages an already registered file; returns its row count. Throws DuckDB's message on malformed CSV, or a
 * CsvShapeError when `onRefused` (run only after DuckDB refused the file, so sound files pay nothing) names the fault.
 */
export async function stageRegistered(db: Db, id: string, file: string, delimiter: Delimiter, columnCount: number, onRefused?: OnRefused): Promise<number> {
  const table = stagingTable(id);
  const read = (padded: boolean) => `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${csvSource(file, delimiter, columnCount, padded)}`;
  try {
    await db.exec(read(false));
  } catch (first) {
    if (onRefused) {
      // The caller's buffer went to DuckDB with the file (it takes ownership): read the bytes back from it.
      const what = onRefused(new Uint8Array(await db.copyFileToBuffer(file)));
      if (what && 'problem' in what) throw new CsvShapeError(what.problem);
      if (what) {
        await db.dropFile(file);
        await db.registerFile(file, what.bytes);
        // Once: a second refusal of the new bytes is diagnosed, not rewritten again.
        return stageRegistered(db, id, file, delimiter, columnCount, (b) => {
          const again = onRefused(b);
          return again && 'bytes' in again ? null : again;
        });
      }
    }
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
export async function stageCsv(
  db: Db,
  id: string,
  utf8: Uint8Array,
  delimiter: Delimiter,
  columnCount: number,
  onRefused?: OnRefused,
): Promise<{ table: string; rows: number }> {
  const file = stagingFile(id);
  await db.registerFile(file, utf8);
  try {
    return { table: stagingTable(id), rows: await stageRegistered(db, id, file, delimiter, columnCount, onRefused) };
  } finally {
    await db.dropFile(file);
  }
}

export async function dropStaging(db: Db, id: string, extra: string[] = []): Promise<void> {
  await db.exec([stagingTable(id), ...extra].map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
}
