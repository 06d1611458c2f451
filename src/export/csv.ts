import { neutralise, type Cell } from './cells';
import { inSlices } from './progress';

const BOM = '\uFEFF';

function csvField(cell: Cell): string {
  const v = neutralise(cell);
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  // `;` and tab too: Excel on Vietnamese Windows splits CSV on `;` (its list separator), and an unquoted
  // "Phòng;=1+4" would become a cell "=1+4" that runs as a formula.
  return /[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvLine = (r: readonly Cell[]) => r.map(csvField).join(',') + '\r\n';

/** CSV text with a UTF-8 BOM (so Excel shows Vietnamese), CRLF line ends, machine numbers (48.06). */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [columns, ...rows].map(csvLine).join('');
}

/** The same text as toCsv, in parts for a Blob, built in slices that let the page draw `onRows` (rows written). */
export async function toCsvParts(columns: readonly string[], rows: readonly (readonly Cell[])[], onRows: (done: number) => void = () => {}): Promise<string[]> {
  const parts = [BOM + csvLine(columns)];
  let lines: string[] = [];
  // One part per slice: a Blob of a million one-line parts would cost more than the text itself.
  const flush = (done: number) => {
    parts.push(lines.join(''));
    lines = [];
    onRows(done);
  };
  await inSlices(rows.length, (i) => lines.push(csvLine(rows[i]!)), flush);
  return parts;
}
