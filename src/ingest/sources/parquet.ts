// Parquet, read in JS by hyparquet (DuckDB-WASM would download its parquet extension: the app works offline).
// Loaded lazily so the main bundle does not carry it. Rows are numbered as if the file were a CSV (header = row 1).
import type { SourceFile } from '../types';
import type { TextSource } from './types';
import { cellsToCsv, headOfCells } from './cells';

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object') return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

export async function readParquet(file: SourceFile): Promise<TextSource> {
  const [{ parquetMetadata, parquetRead, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
  const buf = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buf);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows: (string | null)[][] = [];
  await parquetRead({
    file: buf, metadata, compressors, rowFormat: 'array',
    onComplete: (data: unknown[][]) => {
      for (const r of data) rows.push(r.map(text));
    },
  });
  return {
    utf8: cellsToCsv(header, rows), head: headOfCells(header, rows), delimiter: ',', decimalComma: false,
    encoding: 'parquet', sheet: null, firstRow: 2,
  };
}
