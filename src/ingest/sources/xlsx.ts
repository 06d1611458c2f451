// XLSX by our own reader (ooxml.ts); old XLS, XLSB, ODS and what that reader leaves alone by SheetJS (@e965/xlsx).
// Both load lazily so the main bundle does not carry them. DuckDB-WASM's excel reader fails on real files.
// The header may sit below a title: it is looked for in the first 15 rows, and row numbers stay the ones Excel shows.
import type { Answers, SourceFile } from '../types';
import type { TextSource } from './types';
import { cellsToCsv, hasDecimalComma, headOfCells } from './cells';
import { boolText, dateText, isDateFormat, numberText, serialDateText } from './excelText';
import { MAX_COLUMNS, readOoxml, type RowCells, type RowScan } from './ooxml';
import { detectKind } from '../formats';
import { cleanHeader } from '../headers';
import { FileError } from '../translateError';

const HEADER_SEARCH_ROWS = 15;

interface Cell {
  t: string;
  v?: unknown;
  z?: string | number;
  w?: string;
}

/** A SheetJS cell as text (excelText's rules, shared with ooxml.ts). */
function cellText(c: Cell | null | undefined, date1904: boolean): string | undefined {
  if (!c || c.v === undefined || c.v === null) return undefined;
  if (c.t === 'n' && typeof c.v === 'number') {
    if (typeof c.z === 'string' && c.z !== 'General' && isDateFormat(c.z)) {
      const d = serialDateText(c.v, date1904);
      if (d !== null) return d;
    }
    return numberText(c.v);
  }
  if (c.t === 'd' && c.v instanceof Date) return dateText(c.v.getFullYear(), c.v.getMonth() + 1, c.v.getDate());
  if (c.t === 'b') return boolText(Boolean(c.v));
  if (c.t === 'e') return c.w ?? '#ERROR';
  return String(c.v);
}

export interface SheetTable {
  sheet: string;
  /** 0-based index of the header row in the sheet (Excel row = index + 1). */
  headerIndex: number;
  header: string[];
  rows: (readonly (string | null)[])[];
  /** A cell far below the table: the sheet is not read (see sheetRows). */
  far: FarCell | null;
}

/** More empty rows than this before a cell, and the cell is a stray far below the table (or the table starts there). */
export const MAX_EMPTY_GAP = 10_000;
const NO_CELLS: readonly (string | null)[] = Object.freeze([]);

/** A cell far below the rest of the sheet: the sheet is refused with its address rather than read as a million rows. */
export interface FarCell {
  /** Excel's address, e.g. "A1048576". */
  cell: string;
  row: number;
  /** Empty rows between it and the row above with data (or the top of the sheet). */
  gap: number;
}

export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Calls f on each element of a possibly very sparse array, in index order, below `limit`, until f returns false.
 * SheetJS keeps rows and cells in arrays as long as the largest reference (a bogus one can be in the millions):
 * arrays longer than a real sheet are walked by their keys, not by index.
 */
function eachPresent<T>(a: readonly (T | null | undefined)[], limit: number, f: (v: T, i: number) => boolean | void): void {
  if (a.length <= 1 << 21) {
    const n = Math.min(a.length, limit);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v !== undefined && v !== null && f(v, i) === false) return;
    }
    return;
  }
  for (const k in a) {
    const i = Number(k);
    if (!Number.isInteger(i)) continue;
    if (i >= limit) return;
    const v = a[i];
    if (v !== undefined && v !== null && f(v, i) === false) return;
  }
}

/** One row's cells, up to its last cell with a value (holes are empty cells). */
function rowText(cells: RowCells): readonly (string | null)[] {
  let last = -1;
  eachPresent(cells, MAX_COLUMNS, (v, i) => {
    if (v.trim() !== '') last = i;
  });
  if (last < 0) return NO_CELLS;
  return Array.from({ length: last + 1 }, (_, i) => cells[i] ?? null);
}

/**
 * The sheet's rows as text, from row 0, with trailing empty rows dropped. A sheet can name a lone cell in row
 * 1,048,576: only rows with cells are kept, and a cell after more than MAX_EMPTY_GAP empty rows ends the sheet there
 * and is reported.
 */
function sheetRows(scan: RowScan): { rows: (readonly (string | null)[])[]; far: FarCell | null } {
  const filled: [number, readonly (string | null)[]][] = [];
  let far: FarCell | null = null;
  let prev = -1;
  scan((i, cells) => {
    const row = rowText(cells);
    if (row.length === 0) return;
    if (i - prev - 1 > MAX_EMPTY_GAP) {
      const col = row.findIndex((c) => c !== null && c.trim() !== '');
      far = { cell: `${columnName(col)}${i + 1}`, row: i + 1, gap: i - prev - 1 };
      return false;
    }
    filled.push([i, row]);
    prev = i;
  });
  const rows: (readonly (string | null)[])[] = Array.from({ length: prev + 1 }, () => NO_CELLS);
  for (const [i, row] of filled) rows[i] = row;
  return { rows, far };
}

/** A SheetJS dense sheet as rows of cell text. */
const sheetJsScan =
  (ws: Record<string, unknown>, date1904: boolean): RowScan =>
  (each) => {
    const data = (ws['!data'] ?? []) as (Cell[] | null | undefined)[];
    eachPresent(data, Infinity, (r, i) => {
      const cells: RowCells = [];
      eachPresent(r, MAX_COLUMNS, (c, j) => {
        cells[j] = cellText(c, date1904);
      });
      return each(i, cells);
    });
  };

/** Finds the header row: the first one naming a known format's columns, else the first with two or more cells. */
export function findHeader(rows: readonly (readonly (string | null)[])[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = (rows[i] ?? []).map((c) => cleanHeader(c ?? ''));
    if (cells.filter(Boolean).length >= 2 && detectKind(cells.filter(Boolean)) !== 'table') return i;
  }
  for (let i = 0; i < limit; i++) if ((rows[i] ?? []).filter((c) => c !== null && c.trim() !== '').length >= 2) return i;
  return 0;
}

function tableOf(sheet: string, rows: (readonly (string | null)[])[], far: FarCell | null): SheetTable {
  const headerIndex = findHeader(rows);
  const raw = rows[headerIndex] ?? [];
  // The header ends at its last named column; data cells beyond it are ignored.
  let width = raw.length;
  while (width > 0 && (raw[width - 1] ?? '').trim() === '') width--;
  const header = Array.from({ length: width }, (_, i) => cleanHeader(raw[i] ?? ''));
  return { sheet, headerIndex, header, rows: rows.slice(headerIndex + 1), far };
}

/**
 * Every sheet as a table; the chosen one is the asked sheet, else the first whose header names a known format.
 * `reader` 'sheetjs' skips our own reader (tests compare the two).
 */
export async function readXlsxTables(bytes: Uint8Array, reader: 'auto' | 'sheetjs' = 'auto'): Promise<SheetTable[]> {
  const own =
    reader === 'sheetjs'
      ? null
      : await readOoxml(bytes, (name, scan) => {
          const { rows, far } = sheetRows(scan);
          return tableOf(name, rows, far);
        });
  if (own) return own;
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false });
  if (!wb.SheetNames.length) throw new FileError('ingest.problem.noSheets');
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as unknown as Record<string, unknown> | undefined;
    const { rows, far } = ws ? sheetRows(sheetJsScan(ws, date1904)) : { rows: [], far: null };
    return tableOf(name, rows, far);
  });
}

export function pickSheet(tables: readonly SheetTable[], asked?: string): SheetTable | undefined {
  if (asked) return tables.find((t) => t.sheet === asked);
  return tables.find((t) => detectKind(t.header) !== 'table') ?? tables.find((t) => t.header.length > 0) ?? tables[0];
}

export async function readXlsx(file: SourceFile, answers: Answers): Promise<TextSource> {
  const tables = await readXlsxTables(file.bytes);
  const t = pickSheet(tables, answers.sheet);
  if (!t) throw answers.sheet ? new FileError('ingest.problem.sheetNotFound', { sheet: answers.sheet }) : new FileError('ingest.problem.noSheets');
  if (t.far) throw new FileError('ingest.problem.farCell', { sheet: t.sheet, cell: t.far.cell, gap: t.far.gap });
  return {
    utf8: cellsToCsv(t.header, t.rows),
    head: headOfCells(t.header, t.rows),
    delimiter: ',',
    decimalComma: answers.decimalComma ?? hasDecimalComma(t.rows),
    encoding: 'xlsx',
    sheet: t.sheet,
    sheets: tables.map((x) => x.sheet),
    firstRow: t.headerIndex + 2,
  };
}
