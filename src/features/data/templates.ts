// Templates offered on #/data: for each import format, its Vietnamese header and one example row, as CSV and XLSX.
import { toCsv } from '../../export/csv';
import { toXlsx } from '../../export/xlsx';

/** What a template needs of a format (src/ingest/formats: FormatSpec). */
export interface TemplateFormat {
  kind: string;
  /** Template header when it has more than the columns (SIPAS: one column per example question). */
  headers?: readonly string[];
  columns: readonly { key: string; vi: string; type: string; required: boolean; note?: { vi: string; en: string } }[];
  example: readonly string[];
}

const NUMERIC = new Set(['year', 'number', 'integer', 'parScore', 'element']);

function templateHeader(f: TemplateFormat): string[] {
  return f.headers ? [...f.headers] : f.columns.map((c) => c.vi);
}

/** The example row as it is written in a CSV (text, decimal comma as Vietnamese files have it). */
export function templateCsv(f: TemplateFormat): string {
  const header = templateHeader(f);
  return toCsv(header, [header.map((_, i) => f.example[i] ?? '')]);
}

/** In XLSX, numbers are real numbers (Excel then shows them in the user's own format); codes such as 1.2 stay text. */
export function exampleCells(f: TemplateFormat): (string | number)[] {
  return templateHeader(f).map((_, i) => {
    const v = f.example[i] ?? '';
    const c = f.columns[i];
    // Columns past the declared ones are SIPAS answers (1–5 or a label).
    const numeric = c ? NUMERIC.has(c.type) : true;
    if (numeric && /^-?\d+([.,]\d+)?$/.test(v)) return Number(v.replace(',', '.'));
    return v;
  });
}

export function templateXlsx(f: TemplateFormat): Promise<Uint8Array> {
  const header = templateHeader(f);
  return toXlsx([{ name: f.kind, columns: header, rows: [exampleCells(f)], widths: header.map((h, i) => Math.max(h.length, String(f.example[i] ?? '').length, 8) + 2) }]);
}

export const templateFileName = (kind: string, ext: 'csv' | 'xlsx') => `mau_${kind}.${ext}`;
