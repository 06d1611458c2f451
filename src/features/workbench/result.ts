// A query's result as the workbench holds it: DuckDB's Arrow batches kept as they came (a million rows cost what the
// engine sent, no copy per row), read a cell at a time for what is on screen, a column at a time for sorting, charts
// and downloads. Values are plain numbers, strings and booleans; dates are milliseconds (UTC, as DuckDB stores them).
import { Type, type DataType, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
import { formatDate, numberFormatter, type Locale } from '../../i18n/format';
import type { Cell } from '../../export/cells';

export type ColumnKind = 'number' | 'bool' | 'date' | 'timestamp' | 'text';

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  /** Decimals DuckDB keeps: an integer's 0, a DECIMAL's scale; null for floating point. */
  scale: number | null;
}

export type Value = number | string | boolean | null;

/** Rows kept at most, and bytes of Arrow data: past either the result is cut, with a note (not a frozen tab). */
export const RESULT_LIMITS = { rows: 1_000_000, bytes: 256 * 1024 * 1024 } as const;

function kindOf(type: DataType): Pick<ResultColumn, 'kind' | 'scale'> {
  switch (type.typeId) {
    case Type.Int:
      return { kind: 'number', scale: 0 };
    case Type.Float:
      return { kind: 'number', scale: null };
    case Type.Decimal:
      return { kind: 'number', scale: (type as unknown as { scale: number }).scale };
    case Type.Bool:
      return { kind: 'bool', scale: null };
    case Type.Date:
      return { kind: 'date', scale: null };
    case Type.Timestamp:
      return { kind: 'timestamp', scale: null };
    default:
      return { kind: 'text', scale: null };
  }
}

/** A 128-bit DECIMAL (four little-endian 32-bit words, two's complement) as a number. */
export function decimalToNumber(words: ArrayLike<number>, scale: number): number {
  let big = 0n;
  for (let k = words.length - 1; k >= 0; k--) big = (big << 32n) | BigInt(words[k]! >>> 0);
  big = BigInt.asIntN(words.length * 32, big);
  return Number(big) / 10 ** scale;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Microseconds since midnight as DuckDB writes a TIME: 12:34:56 or 12:34:56.5. */
function timeText(micros: number): string {
  const s = Math.floor(micros / 1e6);
  const frac = micros % 1e6;
  const base = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  return frac ? `${base}.${String(frac).padStart(6, '0').replace(/0+$/, '')}` : base;
}

/** Text of what has no column kind of its own (lists, structs, maps, intervals, blobs, UUIDs …). */
function otherText(v: unknown): string {
  if (v instanceof Uint8Array)
    return [...v].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  if (typeof v === 'string') return v;
  const plain = v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v;
  return JSON.stringify(plain, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? String(v);
}

type Read = (vec: Vector, i: number) => Value;

function readerOf(type: DataType): Read {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
      return (vec, i) => {
        const v = vec.get(i) as number | bigint | null;
        return v === null ? null : Number(v);
      };
    case Type.Decimal: {
      const scale = (type as unknown as { scale: number }).scale;
      return (vec, i) => {
        const v = vec.get(i) as ArrayLike<number> | null;
        return v === null ? null : decimalToNumber(v, scale);
      };
    }
    case Type.Bool:
      return (vec, i) => vec.get(i) as boolean | null;
    case Type.Date:
    case Type.Timestamp:
      return (vec, i) => {
        const v = vec.get(i) as number | bigint | Date | null;
        return v === null ? null : v instanceof Date ? v.getTime() : Number(v);
      };
    case Type.Time: {
      const unit = (type as unknown as { unit: number }).unit; // 0 s, 1 ms, 2 µs, 3 ns
      return (vec, i) => {
        const v = vec.get(i) as number | bigint | null;
        return v === null ? null : timeText(Number(v) * [1e6, 1e3, 1, 1e-3][unit]!);
      };
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return (vec, i) => vec.get(i) as string | null;
    default:
      return (vec, i) => {
        const v = vec.get(i) as unknown;
        return v === null || v === undefined ? null : otherText(v);
      };
  }
}

export class ResultSet {
  readonly columns: readonly ResultColumn[];
  readonly rowCount: number;
  private readonly reads: Read[];
  /** Row number where each batch starts, for a binary search. */
  private readonly starts: number[];
  private readonly cache = new Map<number, Value[]>();

  constructor(
    schema: Schema,
    private readonly batches: readonly RecordBatch[],
    /** More rows came than were kept (RESULT_LIMITS). */
    readonly truncated: boolean,
  ) {
    this.columns = schema.fields.map((f) => ({ name: f.name, ...kindOf(f.type) }));
    this.reads = schema.fields.map((f) => readerOf(f.type));
    let n = 0;
    this.starts = batches.map((b) => ((n += b.numRows), n - b.numRows));
    this.rowCount = n;
  }

  private locate(row: number): [RecordBatch, number] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return [this.batches[lo]!, row - this.starts[lo]!];
  }

  value(row: number, col: number): Value {
    const cached = this.cache.get(col);
    if (cached) return cached[row] ?? null;
    const [batch, i] = this.locate(row);
    return this.reads[col]!(batch.getChildAt(col)!, i);
  }

  /** Every value of a column, in the engine's row order (kept once made: sorting and charts read it again). */
  column(col: number): readonly Value[] {
    let out = this.cache.get(col);
    if (out) return out;
    out = new Array<Value>(this.rowCount);
    const read = this.reads[col]!;
    let r = 0;
    for (const b of this.batches) {
      const vec = b.getChildAt(col)!;
      for (let i = 0; i < b.numRows; i++) out[r++] = read(vec, i);
    }
    this.cache.set(col, out);
    return out;
  }
}

/** Takes batches as they stream in, up to RESULT_LIMITS; `take` says whether to go on. */
export function collector(limits: { rows: number; bytes: number } = RESULT_LIMITS) {
  const batches: RecordBatch[] = [];
  let rows = 0;
  let bytes = 0;
  let truncated = false;
  return {
    take(batch: RecordBatch): boolean {
      if (rows >= limits.rows || bytes >= limits.bytes) {
        truncated = true; // a batch past a limit that was reached exactly: there was more
        return false;
      }
      const room = limits.rows - rows;
      const kept = batch.numRows > room ? batch.slice(0, room) : batch;
      if (kept !== batch) truncated = true;
      batches.push(kept);
      rows += kept.numRows;
      bytes += kept.data.byteLength;
      return !truncated;
    },
    finish(schema: Schema): ResultSet {
      return new ResultSet(schema, batches, truncated);
    },
  };
}

// ---- Order -------------------------------------------------------------------------------------------------------

export type SortDirection = 'asc' | 'desc';

/**
 * Row numbers in the order of a column, blanks (NULL) last either way; equal values keep the engine's order. Text is
 * compared as Vietnamese is sorted (each distinct value ranked once, then the ranks: a million rows stay quick).
 */
export function sortOrder(values: readonly Value[], kind: ColumnKind, dir: SortDirection, locale: Locale): Int32Array {
  const n = values.length;
  const keys = new Float64Array(n);
  if (kind === 'text') {
    const distinct = [...new Set(values.filter((v): v is string => v !== null).map(String))];
    distinct.sort(new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { numeric: true }).compare);
    const rank = new Map(distinct.map((v, i) => [v, i]));
    for (let i = 0; i < n; i++) keys[i] = values[i] === null ? NaN : rank.get(String(values[i]))!;
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      keys[i] = v === null ? NaN : Number(v);
    }
  }
  const sign = dir === 'asc' ? 1 : -1;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
    return (x - y) * sign || a - b;
  });
}

// ---- Text --------------------------------------------------------------------------------------------------------

/** A column of years (năm, nam, year): its integers are written 2024, never 2.024. */
export const isYearColumn = (name: string) => /(^|[^\p{L}])(năm|nam|year|yr)([^\p{L}]|$)/iu.test(name.normalize('NFC'));

const isoDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const isoTime = (ms: number) => {
  const d = new Date(ms);
  const frac = d.getUTCMilliseconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac ? `.${pad(frac, 3)}` : ''}`;
};
/** The UTC calendar day of a DuckDB date as a local Date (formatDate reads local fields). */
const dayOf = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
};

/** A cell as the grid shows it: numbers and dates as Vietnamese (or English) write them; NULL as ''. */
export function cellText(v: Value, col: ResultColumn, locale: Locale): string {
  if (v === null) return '';
  switch (col.kind) {
    case 'number': {
      const x = v as number;
      if (col.scale !== null && col.scale > 0) return numberFormatter(locale, col.scale, col.scale).format(x);
      if (isYearColumn(col.name) && Number.isInteger(x) && Math.abs(x) < 10_000) return String(x);
      if (!Number.isFinite(x)) return String(x);
      return numberFormatter(locale, 0, col.scale === 0 ? 0 : 6).format(x);
    }
    case 'date':
      return formatDate(dayOf(v as number), locale);
    case 'timestamp':
      return `${formatDate(dayOf(v as number), locale)} ${isoTime(v as number)}`;
    case 'bool':
      return v ? 'true' : 'false';
    default:
      return String(v);
  }
}

/** A cell as a download holds it: numbers stay numbers, dates ISO 8601, text as it is (the writers neutralise it). */
export function exportCell(v: Value, col: ResultColumn): Cell {
  if (v === null) return null;
  if (col.kind === 'date') return isoDate(v as number);
  if (col.kind === 'timestamp') return `${isoDate(v as number)} ${isoTime(v as number)}`;
  return v;
}

/** The rows of a download in the grid's order, at most `max` of them. */
export function exportRows(rs: ResultSet, order: Int32Array | null, max = rs.rowCount): Cell[][] {
  const cols = rs.columns.map((_, c) => rs.column(c));
  const n = Math.min(max, rs.rowCount);
  const rows: Cell[][] = new Array(n);
  for (let r = 0; r < n; r++) {
    const i = order ? order[r]! : r;
    rows[r] = rs.columns.map((col, c) => exportCell(cols[c]![i] ?? null, col));
  }
  return rows;
}
