// Rows of cells (from XLSX or Parquet) → UTF-8 CSV text, so every source is staged by the same read_csv.
import type { Head } from '../head';
import { cleanHeader } from '../headers';

const esc = (v: string | null): string => (v === null || v === '' ? '' : `"${v.replaceAll('"', '""')}"`);

/** CSV bytes: the header row, then the data rows, every cell quoted. */
export function cellsToCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): Uint8Array {
  const n = header.length;
  const lines: string[] = [header.map(esc).join(',')];
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < n; i++) line += (i ? ',' : '') + esc(r[i] ?? null);
    lines.push(line);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

export function headOfCells(header: readonly string[], rows: readonly (readonly (string | null)[])[]): Head {
  return { headers: header.map((h) => cleanHeader(h)), rows: rows.slice(0, 20).map((r) => header.map((_, i) => (r[i] ?? '').normalize('NFC'))) };
}

/** A text cell that reads like "12,5": the file uses a decimal comma. */
export const hasDecimalComma = (rows: readonly (readonly (string | null)[])[]): boolean =>
  rows.slice(0, 200).some((r) => r.some((c) => c !== null && /^\s*-?\d+,\d+\s*$/.test(c)));
