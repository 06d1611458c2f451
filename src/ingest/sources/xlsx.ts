// XLSX (and old XLS) read in JS by SheetJS (@e965/xlsx), loaded lazily so the main bundle does not carry it.
// DuckDB-WASM's excel reader fails on real files. The header may sit below a title: it is looked for in the first
// 15 rows, and row numbers stay the ones Excel shows.
import type { Answers, SourceFile } from '../types';
import type { TextSource } from './types';
import { cellsToCsv, hasDecimalComma, headOfCells } from './cells';
import { detectKind } from '../formats';
import { cleanHeader } from '../headers';

const HEADER_SEARCH_ROWS = 15;

interface Cell {
  t: string;
  v?: unknown;
  z?: string | number;
  w?: string;
}

type SSF = { is_date(fmt: string | number): boolean; parse_date_code(v: number): { y: number; m: number; d: number } | null };

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(c: Cell | null | undefined, ssf: SSF): string | null {
  if (!c || c.v === undefined || c.v === null) return null;
  if (c.t === 'n' && typeof c.v === 'number') {
    if (c.z !== undefined && c.z !== 'General' && ssf.is_date(c.z)) {
      const d = ssf.parse_date_code(c.v);
      if (d) return `${pad(d.d)}/${pad(d.m)}/${d.y}`; // dd/mm/yyyy, as Vietnamese files write dates
    }
    return String(Number(c.v.toPrecision(15))); // drop binary noise: 0.30000000000000004 → 0.3
  }
  if (c.t === 'd' && c.v instanceof Date) return `${pad(c.v.getDate())}/${pad(c.v.getMonth() + 1)}/${c.v.getFullYear()}`;
  if (c.t === 'b') return c.v ? 'TRUE' : 'FALSE';
  if (c.t === 'e') return c.w ?? '#ERROR';
  return String(c.v);
}

export interface SheetTable {
  sheet: string;
  /** 0-based index of the header row in the sheet (Excel row = index + 1). */
  headerIndex: number;
  header: string[];
  rows: (string | null)[][];
}

/** The sheet's cells as text rows, from row 0, with trailing empty rows dropped. */
function sheetRows(ws: Record<string, unknown>, ssf: SSF): (string | null)[][] {
  const data = (ws['!data'] ?? []) as (Cell[] | null | undefined)[];
  const rows = data.map((r) => (r ? Array.from(r, (c) => cellText(c, ssf)) : []));
  while (rows.length && rows.at(-1)!.every((c) => c === null || c.trim() === '')) rows.pop();
  return rows;
}

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

function tableOf(sheet: string, rows: (string | null)[][]): SheetTable {
  const headerIndex = findHeader(rows);
  const raw = rows[headerIndex] ?? [];
  // The header ends at its last named column; data cells beyond it are ignored.
  let width = raw.length;
  while (width > 0 && (raw[width - 1] ?? '').trim() === '') width--;
  const header = Array.from({ length: width }, (_, i) => cleanHeader(raw[i] ?? ''));
  return { sheet, headerIndex, header, rows: rows.slice(headerIndex + 1) };
}

/** Every sheet as a table; the chosen one is the asked sheet, else the first whose header names a known format. */
export async function readXlsxTables(bytes: Uint8Array): Promise<SheetTable[]> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false });
  return wb.SheetNames.map((name) => tableOf(name, sheetRows(wb.Sheets[name] as unknown as Record<string, unknown>, XLSX.SSF as unknown as SSF)));
}

export function pickSheet(tables: readonly SheetTable[], asked?: string): SheetTable | undefined {
  if (asked) return tables.find((t) => t.sheet === asked);
  return tables.find((t) => detectKind(t.header) !== 'table') ?? tables.find((t) => t.header.length > 0) ?? tables[0];
}

export async function readXlsx(file: SourceFile, answers: Answers): Promise<TextSource> {
  const tables = await readXlsxTables(file.bytes);
  const t = pickSheet(tables, answers.sheet);
  if (!t) throw new Error(answers.sheet ? `sheet "${answers.sheet}" not found` : 'no sheet');
  return {
    utf8: cellsToCsv(t.header, t.rows), head: headOfCells(t.header, t.rows), delimiter: ',',
    decimalComma: answers.decimalComma ?? hasDecimalComma(t.rows), encoding: 'xlsx', sheet: t.sheet, sheets: tables.map((x) => x.sheet),
    firstRow: t.headerIndex + 2,
  };
}
