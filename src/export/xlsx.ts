import { neutralise, type Cell } from './cells';

export interface Sheet {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** Excel limits sheet names to 31 characters without []:*?/\ and needs them unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** An XLSX workbook as bytes; real numbers stay numbers, text is neutralised. SheetJS is loaded only when needed. */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) {
    const aoa = [s.columns as Cell[], ...s.rows.map((r) => r.map((c) => (c === undefined ? null : neutralise(c))))];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    if (s.widths) ws['!cols'] = s.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, sheetName(s.name, taken));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
