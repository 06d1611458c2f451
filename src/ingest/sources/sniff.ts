// File signatures, kept apart from the readers so that checking them does not pull SheetJS or hyparquet into the
// main bundle (the readers are imported lazily). A file goes to the reader its bytes call for; a name that promises
// a format the bytes do not hold (random bytes named .xlsx, a PNG named .csv) is refused before any reader runs —
// SheetJS would read almost anything as a one-column text sheet, DuckDB would answer in its own words.
import { detectEncoding } from '../decode';
import { FileError } from '../translateError';
import { zipDirectory } from './zip';

/** "PAR1" at the start of the file. */
const isParquet = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;

/** "PAR1" at the end too: the footer every complete Parquet file has. */
const hasParquetFooter = (b: Uint8Array): boolean => {
  const n = b.length;
  return n >= 12 && b[n - 4] === 0x50 && b[n - 3] === 0x41 && b[n - 2] === 0x52 && b[n - 1] === 0x31;
};

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle2 = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** ZIP (XLSX) or OLE2 (old XLS) signature. */

const SPREADSHEET_NAME = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;
const PARQUET_NAME = /\.parquet$/i;

/** A ZIP that holds a workbook: OOXML (an xl/ folder: xl/workbook.xml, sheets, …) or OpenDocument spreadsheet. */
const isWorkbookZip = (names: readonly string[]): boolean =>
  names.some((n) => /^\/?xl\//i.test(n)) || (names.includes('mimetype') && names.includes('content.xml'));

/** Text before the first tag: HTML or SpreadsheetML 2003 saved with an .xls name (some systems export those). */
function startsWithMarkup(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 1024 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c; // '<'
}

const SIGNATURES: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP', [0x50, 0x4b, 0x05, 0x06]],
  ['gzip', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['Office 97–2003 (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['Parquet', [0x50, 0x41, 0x52, 0x31]],
  ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
  ['EXE', [0x4d, 0x5a]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
];

const SAMPLE = 64 * 1024;

/**
 * Null when the bytes read as text; otherwise what they are ("PNG", "ZIP", …, or "" for unknown binary data).
 * Text has no NUL and almost no control characters (tab, line breaks and form feed aside); UTF-16 is judged on its
 * decoded characters.
 */
function binaryFormat(b: Uint8Array): string | null {
  for (const [name, sig] of SIGNATURES) if (b.length >= sig.length && sig.every((x, i) => b[i] === x)) return name;
  const sample = b.subarray(0, SAMPLE);
  if (sample.length === 0) return null;
  const enc = detectEncoding(sample);
  let odd = 0;
  let n = 0;
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const text = new TextDecoder(enc).decode(sample.subarray(0, sample.length & ~1));
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) odd++;
    }
    n = text.length;
  } else {
    for (const c of sample) if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a && c !== 0x0b) || c === 0x7f) odd++;
    n = sample.length;
  }
  return odd > Math.max(4, n / 100) ? '' : null;
}

export type Route = 'parquet' | 'spreadsheet' | 'json' | 'text';

/**
 * Which reader a file goes to, or a FileError saying what it is not. The bytes win over the name where they are
 * certain (a real workbook named .csv is read as one); a spreadsheet or Parquet name must hold that format.
 */
export function routeOf(name: string, b: Uint8Array): Route {
  if (PARQUET_NAME.test(name)) {
    if (!isParquet(b)) throw new FileError('ingest.problem.notParquet');
    if (!hasParquetFooter(b)) throw new FileError('ingest.problem.parquetTruncated');
    return 'parquet';
  }
  if (isParquet(b)) return 'parquet';
  const named = SPREADSHEET_NAME.test(name);
  if (isZip(b)) {
    const dir = zipDirectory(b);
    const names = dir && [...dir.keys()];
    if (names === null) {
      if (named) throw new FileError('ingest.problem.excelTruncated');
      throw new FileError('ingest.problem.notTextKnown', { format: 'ZIP' });
    }
    if (isWorkbookZip(names)) return 'spreadsheet';
    throw new FileError(named ? 'ingest.problem.notExcel' : 'ingest.problem.notTextKnown', { format: 'ZIP' });
  }
  if (isOle2(b)) return 'spreadsheet'; // old .xls, or a password-protected workbook (SheetJS says which)
  if (named) {
    if (/\.xls$/i.test(name) && startsWithMarkup(b)) return 'spreadsheet';
    throw new FileError(binaryFormat(b) === null ? 'ingest.problem.notExcelText' : 'ingest.problem.notExcel');
  }
  const format = binaryFormat(b);
  if (format === '') throw new FileError('ingest.problem.notText');
  if (format !== null) throw new FileError('ingest.problem.notTextKnown', { format });
  return /\.json$/i.test(name) ? 'json' : 'text';
}
