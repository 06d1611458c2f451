// DuckDB's read_csv skips blank lines, Excel shows them as rows: left alone, every problem below a blank line would
// name the wrong row. Blank lines between records become rows of empty cells (skipped as data, counted as rows);
// blank lines at the end are dropped. Blank lines inside quoted cells are text and stay.
import type { Delimiter } from './delimiter';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** True when some line is empty (cheap native scan; most files have none). */
function mayHaveBlankLines(b: Uint8Array): boolean {
  for (let i = b.indexOf(LF); i !== -1 && i < b.length - 1; i = b.indexOf(LF, i + 1)) {
    const next = b[i + 1];
    if (next === LF || (next === CR && b[i + 2] === LF)) return true;
  }
  return false;
}

/** The bytes with interior blank lines replaced by a line of delimiters (same row count as Excel shows). */
export function fillBlankLines(b: Uint8Array, delimiter: Delimiter, columnCount: number): Uint8Array {
  if (!mayHaveBlankLines(b)) return b;
  const filler = new TextEncoder().encode(delimiter.repeat(Math.max(columnCount - 1, 1)));
  const parts: Uint8Array[] = [];
  let quoted = false;
  let lineStart = 0;
  let pendingBlank = 0; // blank lines seen since the last record, written only if a record follows
  let copyFrom = 0;
  const flush = (to: number) => {
    if (to > copyFrom) parts.push(b.subarray(copyFrom, to));
  };
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF && !quoted) {
      const blank = i === lineStart || (i === lineStart + 1 && b[lineStart] === CR);
      if (blank) {
        flush(lineStart);
        pendingBlank++;
        copyFrom = i + 1;
      } else if (pendingBlank) {
        // a record after blank lines: write the fillers before it
        for (let k = 0; k < pendingBlank; k++) parts.push(filler, new Uint8Array([LF]));
        pendingBlank = 0;
      }
      lineStart = i + 1;
    }
  }
  if (pendingBlank && lineStart < b.length) for (let k = 0; k < pendingBlank; k++) parts.push(filler, new Uint8Array([LF]));
  flush(b.length);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const res = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    res.set(p, o);
    o += p.length;
  }
  return res;
}
