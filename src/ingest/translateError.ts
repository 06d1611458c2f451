// Errors in the user's words. Readers refuse a file with a FileError (a message key of messages.ts); anything else
// thrown while reading, staging, checking or committing — DuckDB's, SheetJS's, hyparquet's or the browser's own
// English — is mapped here, in one place, to a reason (an `ingest.reason.*` key the UI words in its language). The
// original text is kept as the problem's `technical` detail (shown folded, "Chi tiết kỹ thuật"), with the pipeline's
// internal table and file names taken out.
import type { Problem } from './types';
import { problem } from './problems';

/** A refusal the pipeline words itself: its key and parameters are the problem's. */
export class FileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly technical?: string,
  ) {
    super(key);
    this.name = 'FileError';
  }
}

/** Which reader was running: the same library text means different things for each. */
export type ErrorSource = 'excel' | 'parquet' | 'text' | 'commit';

interface Translated {
  key: string;
  params: Record<string, string | number>;
  /** The original message, cleaned of internal names; null for the pipeline's own refusals. */
  technical: string | null;
}

const rawText = (e: unknown): string => {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string'
    ? e
    : (() => {
        try {
          return JSON.stringify(e);
        } catch {
          return String(e);
        }
      })();
};

const MAX_TECHNICAL = 2000;
const MAX_LINE = 300;

/** The engine's text without the pipeline's internals: temp tables, registered files, the SQL it ran. */
export function cleanTechnical(raw: string, file?: string): string {
  let s = raw.split(/\n\s*\nLINE \d+:/)[0]!; // DuckDB quotes the failing SQL (internal names) after a blank line
  s = s.replace(/_ingest_[a-z]+_[a-z0-9]+_[a-z0-9]+\.csv/gi, file ?? 'file.csv');
  s = s.replace(/_[a-z]+_(imp|stg|typ)_[a-z0-9]+(_[a-z0-9]+)*/gi, '(staging)');
  s = s.replace(/\b_(stg|typ|agg|pmap|amap|sheets)_[a-z0-9_]+/gi, '(staging)');
  s = s
    .split('\n')
    .map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l))
    .join('\n')
    .trim();
  return s.length > MAX_TECHNICAL ? `${s.slice(0, MAX_TECHNICAL)}…` : s;
}

type Rule = [RegExp, string, ((m: RegExpMatchArray) => Record<string, string | number>)?];

/** Out of memory, in every engine's words. */
const MEMORY =
  /out of memory|Allocation failure|allocation failed|Invalid array length|Invalid string length|Invalid typed array length|Array buffer allocation|memory access out of bounds/i;

const EXCEL_RULES: Rule[] = [
  [/password|EncryptionInfo|encrypted file/i, 'ingest.reason.excelEncrypted'],
  [/.*/, 'ingest.reason.excelBroken'],
];

const PARQUET_RULES: Rule[] = [
  [/unsupported (compression|codec|encoding|type)|not supported|no decompressor|codec/i, 'ingest.reason.parquetUnsupported'],
  [/.*/, 'ingest.reason.parquetBroken'],
];

/** DuckDB's read_csv and SQL errors (messages start with "<Kind> Error:"). */
const DUCKDB_RULES: Rule[] = [
  [
    /contain: (\d+) columns\. It does not match the number of columns found by the sniffer: (\d+)/,
    'ingest.reason.csvColumns',
    (m) => ({ expected: Number(m[1]), found: Number(m[2]) }),
  ],
  [
    /CSV Error on Line: (\d+)[\s\S]*Expected Number of Columns: (\d+) Found: (\d+)/,
    'ingest.reason.csvColumnsAt',
    (m) => ({ line: Number(m[1]), expected: Number(m[2]), found: Number(m[3]) }),
  ],
  [/Maximum line size of (\d+) bytes exceeded|line size/i, 'ingest.reason.csvLineTooLong'],
  [/CSV Error on Line: (\d+)[\s\S]*unterminated quote/i, 'ingest.reason.csvQuoteAt', (m) => ({ line: Number(m[1]) })],
  [/unterminated quote/i, 'ingest.reason.csvQuote'],
  [/Invalid unicode|byte sequence mismatch|not valid UTF-8|Invalid UTF-8/i, 'ingest.reason.encoding'],
  [/sniffing file|automatically detect the CSV/i, 'ingest.reason.csvShape'],
  [/CSV Error on Line: (\d+)/, 'ingest.reason.csvLine', (m) => ({ line: Number(m[1]) })],
  [
    /^(Invalid Input|Conversion|Binder|Parser|Catalog|Constraint|Transaction|IO|Internal|INTERNAL|Not implemented|Invalid|Serialization|Dependency|Sequence|Out of Range|Fatal) Error/,
    'ingest.reason.engine',
  ],
];

/** QuotaExceededError and friends: the browser's storage is full. */
const STORAGE = /QuotaExceeded|quota|No space left|disk full/i;

/** What went wrong, for the user. `source` is the reader that was running when it was thrown, if known. */
export function translateError(e: unknown, file?: string, source?: ErrorSource): Translated {
  if (e instanceof FileError) return { key: e.key, params: { ...e.params }, technical: e.technical ? cleanTechnical(e.technical, file) : null };
  const raw = rawText(e);
  const technical = cleanTechnical(e instanceof Error && e.name && e.name !== 'Error' && !raw.startsWith(e.name) ? `${e.name}: ${raw}` : raw, file);
  const key = source === 'commit' ? 'ingest.problem.commitFailed' : 'ingest.problem.unreadable';
  const reason = (detail: string, params: Record<string, string | number> = {}): Translated => ({ key, params: { ...params, detail }, technical });
  if (MEMORY.test(raw)) return reason('ingest.reason.memory');
  if (STORAGE.test(raw)) return reason('ingest.reason.storage');
  const rules = source === 'excel' ? EXCEL_RULES : source === 'parquet' ? PARQUET_RULES : DUCKDB_RULES;
  for (const [re, k, params] of rules) {
    const m = raw.match(re);
    if (m) return reason(k, params?.(m));
  }
  return reason('ingest.reason.unknown');
}

/** The problem for an error thrown while analysing or committing a file. */
export function errorProblem(ctx: { file: string }, e: unknown, source?: ErrorSource): Problem {
  const x = translateError(e, ctx.file, source);
  const p = problem(ctx, 'error', x.key, {}, x.params);
  if (x.technical) p.technical = x.technical;
  return p;
}

/** A problem built elsewhere from a raw error text (`detail`) gets the same translation. */
export function translateProblem(p: Problem, source?: ErrorSource): Problem {
  const detail = p.expected.params?.detail;
  if (p.technical !== undefined || typeof detail !== 'string' || detail.startsWith('ingest.reason.')) return p;
  const x = translateError(new Error(detail), p.file, source);
  return { ...p, expected: { key: p.expected.key, params: { ...p.expected.params, ...x.params } }, ...(x.technical ? { technical: x.technical } : {}) };
}
