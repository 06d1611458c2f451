// Faults in a CSV file's shape, found in JS and named at the row and column where Excel shows them: a quote opened
// and never closed (it would swallow the rest of the file), text after a closing quote, a row with more cells than
// the header, a NUL character. The scan runs only when it is needed — after DuckDB refused the file, or at the one
// NUL a native indexOf found — so well-formed files pay nothing.
// Rows are counted as Excel counts them: CRLF, CR or LF outside quotes ends a row, blank lines are rows, a quoted
// cell spanning lines is one row. The header is row firstRow − 1.
import type { Delimiter } from './delimiter';
import { problem } from './problems';
import type { Problem } from './types';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

type CsvFault =
  /** A quoted cell opens at (record, field) and the file ends inside it. */
  | { kind: 'unclosedQuote'; record: number; field: number; offset: number }
  /** A quoted cell closes and more text follows before the next delimiter. */
  | { kind: 'textAfterQuote'; record: number; field: number; offset: number }
  /** A record with more cells than the header. */
  | { kind: 'tooManyCells'; record: number; field: number; offset: number; cells: number };

/** Excel's name of the column at a 0-based index: A … Z, AA … */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface ScanEnd {
  fault: CsvFault | null;
  /** Where the scan stopped: the record and field of `stopAt`, or of the end of the file. */
  record: number;
  field: number;
}

/**
 * One pass with RFC 4180 quoting as DuckDB applies it (blanks around a quoted cell allowed, "" inside one is a
 * quote, a quote inside an unquoted cell is text; one empty cell after the last column is tolerated).
 * Stops at the first fault, or at byte `stopAt`.
 */
function scan(b: Uint8Array, delimiter: Delimiter, columnCount: number, stopAt = b.length): ScanEnd {
  const d = delimiter.charCodeAt(0);
  const blank = (c: number | undefined) => (c === SPACE || c === TAB) && c !== d;
  let record = 0;
  let field = 0;
  let recordStart = 0;
  let fieldStart = 0;
  let i = 0;
  const endRecord = (): CsvFault | null => {
    const cells = field + 1;
    // DuckDB reads one empty cell after the last column (a trailing delimiter) as nothing.
    const trailingEmpty = cells === columnCount + 1 && i === fieldStart;
    if (columnCount > 0 && cells > columnCount && !trailingEmpty && record > 0) {
      return { kind: 'tooManyCells', record, field: columnCount, offset: recordStart, cells };
    }
    return null;
  };
  while (i < b.length && i < stopAt) {
    // At the start of a field: blanks, then maybe a quoted cell.
    let j = i;
    while (j < b.length && blank(b[j])) j++;
    if (b[j] === QUOTE) {
      const open = j;
      let k = j + 1;
      for (;;) {
        k = b.indexOf(QUOTE, k);
        if (k === -1 || k >= stopAt) {
          if (k === -1 && stopAt >= b.length) return { fault: { kind: 'unclosedQuote', record, field, offset: open }, record, field };
          return { fault: null, record, field };
        }
        if (b[k + 1] === QUOTE) k += 2;
        else break;
      }
      i = k + 1;
      while (i < b.length && blank(b[i])) i++;
      const c = b[i];
      if (i < b.length && c !== d && c !== LF && c !== CR) {
        if (i >= stopAt) return { fault: null, record, field };
        return { fault: { kind: 'textAfterQuote', record, field, offset: i }, record, field };
      }
    } else {
      // Unquoted: up to the next delimiter or line end.
      while (i < b.length && i < stopAt && b[i] !== d && b[i] !== LF && b[i] !== CR) i++;
    }
    if (i >= stopAt || i >= b.length) break;
    const c = b[i]!;
    if (c === d) {
      field++;
      i++;
      fieldStart = i;
      continue;
    }
    // End of the record (CRLF, CR or LF).
    const f = endRecord();
    if (f) return { fault: f, record, field };
    i += c === CR && b[i + 1] === LF ? 2 : 1;
    record++;
    field = 0;
    recordStart = i;
    fieldStart = i;
  }
  if (i >= b.length && stopAt >= b.length && i > recordStart) {
    const f = endRecord();
    if (f) return { fault: f, record, field };
  }
  return { fault: null, record, field };
}

/** The first fault of the file's shape, or null when its shape is sound (DuckDB then refused it for another reason). */
export function findShapeFault(b: Uint8Array, delimiter: Delimiter, columnCount: number): CsvFault | null {
  return scan(b, delimiter, columnCount).fault;
}

/** The record and field holding byte `offset`. */
export function locate(b: Uint8Array, delimiter: Delimiter, offset: number): { record: number; field: number } {
  const end = scan(b, delimiter, 0, offset);
  return { record: end.record, field: end.field };
}

/** A refusal the staging throws when the file's shape is at fault; its problem names the row and column. */
export class CsvShapeError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.expected.key);
    this.name = 'CsvShapeError';
  }
}

interface ShapeCtx {
  file: string;
  headers: readonly string[];
  delimiter: Delimiter;
  /** The row Excel shows for the first data record (the header is the row before). */
  firstRow: number;
}

/** A short, printable excerpt of the text from `offset` to the end of its line. */
function excerpt(b: Uint8Array, offset: number, max = 40): string {
  const slice = new TextDecoder('utf-8').decode(b.subarray(offset, offset + max * 4));
  const line = slice.split(/\r\n|\r|\n/)[0]!;
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces (a line shown in a message)
  const clean = line.replace(/[\u0000-\u001f]/g, ' ');
  return clean.length > max ? `${[...clean].slice(0, max).join('')}…` : clean;
}

function where(ctx: ShapeCtx, record: number, field: number): { row: number; column: string } {
  const name = record > 0 ? ctx.headers[field]?.trim() : undefined;
  return { row: ctx.firstRow - 1 + record, column: name || columnLetter(field) };
}

function faultProblem(ctx: ShapeCtx, b: Uint8Array, f: CsvFault): Problem {
  const at = where(ctx, f.record, f.field);
  switch (f.kind) {
    case 'unclosedQuote':
      return problem(ctx, 'error', 'ingest.problem.unclosedQuote', { ...at, value: excerpt(b, f.offset) });
    case 'textAfterQuote':
      return problem(ctx, 'error', 'ingest.problem.textAfterQuote', { ...at, value: excerpt(b, f.offset) });
    case 'tooManyCells':
      return problem(
        ctx,
        'error',
        'ingest.problem.tooManyCells',
        { ...at, value: excerpt(b, f.offset, 60) },
        { n: f.cells, of: ctx.headers.length, delimiter: ctx.delimiter === '\t' ? 'Tab' : ctx.delimiter },
      );
  }
}

/** The diagnosis staging runs when DuckDB refuses the file: a problem naming the row, or null. */
export function shapeProblem(ctx: ShapeCtx, b: Uint8Array): Problem | null {
  const f = findShapeFault(b, ctx.delimiter, ctx.headers.length);
  return f ? faultProblem(ctx, b, f) : null;
}

/**
 * A NUL character (byte 0) in the text: refused where it is. DuckDB keeps it in the cell, but the saved copy and
 * every C-string on the way cut the cell there; a NUL in a CSV is damage, not data.
 */
export function nulProblem(ctx: ShapeCtx, b: Uint8Array): Problem | null {
  const at = b.indexOf(0);
  if (at === -1) return null;
  const { record, field } = locate(b, ctx.delimiter, at);
  return problem(ctx, 'error', 'ingest.problem.nul', where(ctx, record, field));
}

/** The bytes DuckDB refused are not UTF-8 after all (the first megabyte was): read them again as Windows-1258. */
export class NotUtf8Error extends Error {
  constructor(readonly bytes: Uint8Array) {
    super('not UTF-8');
    this.name = 'NotUtf8Error';
  }
}
