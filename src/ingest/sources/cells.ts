// Cells of any reader (XLSX, Parquet) → UTF-8 CSV bytes, so every source is staged by the same read_csv.
// One record per row of the file (a cell's line break stays inside quotes), so row numbers carry over.
import type { Head } from '../head';
import { cleanHeader } from '../headers';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Writes CSV bytes: a cell is quoted only when it holds a comma, a quote or a line break (quoting every cell made
 * DuckDB's read slower). An empty cell is written as nothing and reads back as NULL, as a blank cell should.
 */
export class CsvWriter {
  private buf: Uint8Array;
  private n = 0;
  private first = true;
  private readonly enc = new TextEncoder();

  constructor(sizeHint = 1 << 16) {
    this.buf = new Uint8Array(Math.max(sizeHint, 1024));
  }

  /** Room for k more bytes. */
  reserve(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  private sep(): void {
    if (this.first) this.first = false;
    else this.buf[this.n++] = COMMA;
  }

  /** An empty cell. */
  empty(): void {
    this.reserve(1);
    this.sep();
  }

  /** A cell given as UTF-8 bytes v[s, e). */
  bytes(v: Uint8Array, s: number, e: number): void {
    this.reserve(2 * (e - s) + 3);
    this.sep();
    const b = this.buf;
    let n = this.n;
    let plain = true;
    for (let p = s; p < e; p++) {
      const c = v[p]!;
      if (c === COMMA || c === QUOTE || c === LF || c === CR) {
        plain = false;
        break;
      }
    }
    if (plain) {
      for (let p = s; p < e; p++) b[n++] = v[p]!;
    } else {
      b[n++] = QUOTE;
      for (let p = s; p < e; p++) {
        const c = v[p]!;
        if (c === QUOTE) b[n++] = QUOTE;
        b[n++] = c;
      }
      b[n++] = QUOTE;
    }
    this.n = n;
  }

  /** A cell given as text (null or '' is an empty cell). */
  text(s: string | null): void {
    if (s === null || s === '') return this.empty();
    const len = s.length;
    let ascii = true;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === COMMA || c === QUOTE || c === LF || c === CR) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.reserve(len + 1);
      this.sep();
      const b = this.buf;
      let n = this.n;
      for (let i = 0; i < len; i++) b[n++] = s.charCodeAt(i);
      this.n = n;
      return;
    }
    const utf8 = this.enc.encode(s);
    this.bytes(utf8, 0, utf8.length);
  }

  /** Ends the record. */
  endRow(): void {
    this.reserve(1);
    this.buf[this.n++] = LF;
    this.first = true;
  }

  /** The bytes written (a view: the writer must not be used after). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

/** CSV bytes: the header row, then the data rows, as wide as the header. */
export function cellsToCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): Uint8Array {
  const n = header.length;
  const w = new CsvWriter(rows.length * n * 4 + 1024);
  for (const h of header) w.text(h);
  w.endRow();
  for (const r of rows) {
    for (let i = 0; i < n; i++) w.text(r[i] ?? null);
    w.endRow();
  }
  return w.result();
}

export function headOfCells(header: readonly string[], rows: readonly (readonly (string | null)[])[]): Head {
  return { headers: header.map((h) => cleanHeader(h)), rows: rows.slice(0, 20).map((r) => header.map((_, i) => (r[i] ?? '').normalize('NFC'))) };
}

/** A text cell that reads like "12,5": the file uses a decimal comma. */
export const hasDecimalComma = (rows: readonly (readonly (string | null)[])[]): boolean =>
  rows.slice(0, 200).some((r) => r.some((c) => c !== null && /^\s*-?\d+,\d+\s*$/.test(c)));
