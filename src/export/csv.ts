import { neutralise, type Cell } from './cells';

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

/** CSV text with a UTF-8 BOM (so Excel shows Vietnamese), CRLF line ends, machine numbers (48.06). */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [columns, ...rows].map((r) => r.map(csvField).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
