// SQL text for persistence. COPY cannot take parameters, so literals and identifiers are quoted here, once.
import { DATA_TABLES } from '../db/schema';

export const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The rows of one dataset in one table, or the whole of a dataset's own table (table = null filter). */
export function selectRowsSql(table: string, datasetId: string | null): string {
  return datasetId === null ? `SELECT * FROM ${quoteIdent(table)}` : `SELECT * FROM ${quoteIdent(table)} WHERE dataset_id = ${quoteLiteral(datasetId)}`;
}

// CSV because DuckDB-WASM writes it offline (Parquet needs an extension it would download); gzip keeps it ~10× smaller.
// DuckDB writes NULL as an empty field and '' as "", and full-precision doubles, so the round trip is exact.
export function copyToSql(select: string, fileName: string): string {
  return `COPY (${select}) TO ${quoteLiteral(fileName)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', COMPRESSION gzip)`;
}

export function readCsvSql(fileName: string, columns: readonly { name: string; type: string }[]): string {
  const spec = columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ');
  return `read_csv(${quoteLiteral(fileName)}, header = true, delim = ',', quote = '"', escape = '"', compression = 'gzip', allow_quoted_nulls = false, columns = {${spec}})`;
}

export const columnsSql = `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`;

export function deleteRowsSql(datasetId: string): string[] {
  return DATA_TABLES.map((t) => `DELETE FROM ${t} WHERE dataset_id = ${quoteLiteral(datasetId)}`);
}
