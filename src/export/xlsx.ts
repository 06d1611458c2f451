import { neutralise, type Cell } from './cells';
import { inSlices, painted } from './progress';

export interface Sheet {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** Excel limits sheet names to 31 characters without []:*?/\ and needs them unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(n.toLowerCase());
  return n;
}

export interface XlsxProgress {
  /** Rows put in the sheets so far (all sheets), of `total`. */
  rows?: (done: number, total: number) => void;
  /** The rows are in: the workbook is being compressed (one step, no count). */
  packing?: () => void;
}

/**
 * An XLSX workbook as bytes; real numbers stay numbers, text is neutralised. SheetJS is loaded only when needed.
 * Rows go in by slices, between which the page draws `progress`; compressing is one step at the end.
 */
export async function toXlsx(sheets: readonly Sheet[], progress: XlsxProgress = {}): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let before = 0;
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([s.columns as Cell[]]);
    // Appended a slice at a time (origin -1: after the last row), so a long sheet never freezes the page.
    let slice: Cell[][] = [];
    const flush = (done: number) => {
      if (slice.length) XLSX.utils.sheet_add_aoa(ws, slice, { origin: -1 });
      slice = [];
      progress.rows?.(before + done, total);
    };
    await inSlices(s.rows.length, (i) => slice.push(s.rows[i]!.map((c) => (c === undefined ? null : neutralise(c)))), flush);
    before += s.rows.length;
    if (s.widths) ws['!cols'] = s.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, sheetName(s.name, taken));
  }
  if (progress.packing) {
    progress.packing();
    await painted(); // the page shows "compressing" before the one long step
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
