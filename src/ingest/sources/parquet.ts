// Parquet: decoded by parquet-wasm (Rust's parquet reader compiled to WebAssembly, served from our build) into Arrow,
// whose buffers are written straight to CSV bytes for the usual staging read: text cells are copied byte for byte,
// never made into JS strings. DuckDB-WASM's own reader is an extension it would download: the app works offline.
// hyparquet (pure JS, slower) reads what that path cannot — a type Arrow JS does not know, a codec it lacks — and its
// error is the one reported for a broken file. Both load lazily: the first screen carries neither.
// Rows are numbered as if the file were a CSV (header = row 1).
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Data, Vector } from 'apache-arrow';
import type { SourceFile } from '../types';
import type { TextSource } from './types';
import { CsvWriter, headOfCells } from './cells';

/** A value as cell text: the one rule for both readers' JS values (dates as ISO, midnight as the date alone). */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isoText(v.getTime());
  if (typeof v === 'object') {
    const plain = typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
    return JSON.stringify(plain, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  }
  return String(v);
}

const isoText = (ms: number): string => new Date(ms).toISOString().replace(/T00:00:00\.000Z$/, '');

type ParquetWasm = typeof import('parquet-wasm/esm');
let wasm: Promise<ParquetWasm> | null = null;

/** parquet-wasm, started once. In the browser its wasm comes from our origin; under Node (unit tests) from disk. */
function parquetWasm(): Promise<ParquetWasm> {
  wasm ??= (async () => {
    const pw = await import('parquet-wasm/esm');
    if (import.meta.env.SSR) {
      const { readFile } = await import('node:fs/promises');
      pw.initSync({ module: await readFile(new URL(import.meta.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'))) });
    } else {
      await pw.default({ module_or_path: wasmUrl });
    }
    return pw;
  })().catch((e: unknown) => {
    wasm = null;
    throw e;
  });
  return wasm;
}

/** Rows per Arrow batch: large batches keep parquet-wasm fast (its default, 1,024, made it ten times slower). */
const BATCH_ROWS = 65_536;

const HEAD_ROWS = 20;

export async function readParquet(file: SourceFile): Promise<TextSource> {
  let read: Read | null = null;
  try {
    read = await viaArrow(file.bytes);
  } catch {
    read = null; // hyparquet reads it, or says what is wrong with it
  }
  const { header, csv, first } = read ?? (await viaHyparquet(file.bytes));
  return { utf8: csv, head: headOfCells(header, first), delimiter: ',', decimalComma: false, encoding: 'parquet', sheet: null, firstRow: 2 };
}

/** The CSV bytes, the header, and the first rows as text (detection and preview). */
interface Read {
  header: string[];
  csv: Uint8Array;
  first: (string | null)[][];
}

export async function viaArrow(bytes: Uint8Array): Promise<Read> {
  const [pw, { tableFromIPC }] = await Promise.all([parquetWasm(), import('apache-arrow')]);
  const file = await pw.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const w = new CsvWriter(bytes.length * 6);
    const first: (string | null)[][] = [];
    let header: string[] | null = null;
    // One row group at a time: memory holds one group's Arrow data, not the whole file's (wasm memory never shrinks).
    const groups = file.metadata().numRowGroups();
    for (let g = 0; g < Math.max(groups, 1); g++) {
      const table = tableFromIPC((await file.read({ batchSize: BATCH_ROWS, ...(groups ? { rowGroups: [g] } : {}) })).intoIPCStream());
      if (header === null) {
        header = table.schema.fields.map((f) => f.name);
        for (const h of header) w.text(h);
        w.endRow();
      }
      for (const batch of table.batches) {
        const cols = header.map((_, j) => column(batch.getChildAt(j)!));
        for (let i = 0; i < batch.numRows && first.length < HEAD_ROWS; i++) first.push(cols.map((c) => c.text(i)));
        for (let i = 0; i < batch.numRows; i++) {
          for (const c of cols) c.write(w, i);
          w.endRow();
        }
      }
    }
    return { header: header ?? [], csv: w.result(), first };
  } finally {
    file.free();
  }
}

/** One column of a batch: its cell as text, and written to CSV (text columns byte for byte, the same text). */
interface Column {
  text(i: number): string | null;
  write(w: CsvWriter, i: number): void;
}

const isNull = (d: Data, i: number): boolean => {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return false;
  const k = d.offset + i;
  return (d.nullBitmap[k >> 3]! & (1 << (k & 7))) === 0;
};

// Arrow type ids (apache-arrow's Type enum).
const UTF8 = 5;
const BINARY = 4;
const LARGE_UTF8 = 20;
const LARGE_BINARY = 19;
const INT = 2;
const FLOAT = 3;
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;
const DICTIONARY = -1;
const FIXED_BINARY = 15;

/** 16 bytes (Parquet's UUID) as 8-4-4-4-12 hex, as hyparquet writes them; other fixed-size bytes as hex. */
function fixedText(b: Uint8Array): string {
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return b.length === 16 ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : hex;
}

function column(v: Vector): Column {
  const d = v.data[0]!;
  const id = d.typeId as number;
  if (id === UTF8 || id === BINARY || id === LARGE_UTF8 || id === LARGE_BINARY) {
    const off = d.valueOffsets as Int32Array | BigInt64Array;
    const values = d.values as Uint8Array;
    const o = d.offset;
    const dec = new TextDecoder();
    const at = (i: number): [number, number] => [Number(off[o + i]!), Number(off[o + i + 1]!)];
    return {
      text: (i) => (isNull(d, i) ? null : dec.decode(values.subarray(...at(i)))),
      write:
        off instanceof Int32Array
          ? (w, i) => (isNull(d, i) ? w.empty() : w.bytes(values, off[o + i]!, off[o + i + 1]!))
          : (w, i) => (isNull(d, i) ? w.empty() : w.bytes(values, ...at(i))),
    };
  }
  let t: (i: number) => string | null;
  if ((id === INT && (d.type as { bitWidth: number }).bitWidth <= 32) || id === FLOAT) t = (i) => (isNull(d, i) ? null : String(v.get(i)));
  else if (id === DECIMAL) {
    const scale = (d.type as { scale: number }).scale;
    t = (i) => (isNull(d, i) ? null : decimalText(String(v.get(i)), scale));
  } else if (id === DATE || id === TIMESTAMP) t = (i) => (isNull(d, i) ? null : isoText(Number(v.get(i))));
  else if (id === FIXED_BINARY) t = (i) => (isNull(d, i) ? null : fixedText(v.get(i) as Uint8Array));
  else if (id === DICTIONARY) {
    // Few distinct values, many rows (a categorical column): each value's text is made once.
    const cache = new Map<unknown, string | null>();
    t = (i) => {
      if (isNull(d, i)) return null;
      const x = v.get(i);
      let s = cache.get(x);
      if (s === undefined) cache.set(x, (s = text(x)));
      return s;
    };
  } else t = (i) => (isNull(d, i) ? null : text(v.get(i)));
  return { text: t, write: (w, i) => w.text(t(i)) };
}

/** An unscaled decimal integer as written text: "4806", scale 2 → "48.06"; trailing zeros go ("12.500" → "12.5"). */
export function decimalText(unscaled: string, scale: number): string {
  if (scale <= 0) return scale === 0 ? unscaled : unscaled + '0'.repeat(-scale);
  const neg = unscaled.startsWith('-');
  const digits = (neg ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const int = digits.slice(0, -scale);
  const frac = digits.slice(-scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** The pure-JS reader, row by row (slower): for what the Arrow path cannot read. */
export async function viaHyparquet(bytes: Uint8Array): Promise<Read> {
  const [{ parquetMetadata, parquetRead, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buf);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const w = new CsvWriter(bytes.length * 6);
  for (const h of header) w.text(h);
  w.endRow();
  const first: (string | null)[][] = [];
  await parquetRead({
    file: buf,
    metadata,
    compressors,
    rowFormat: 'array',
    onComplete: (data: unknown[][]) => {
      for (const r of data) {
        const cells = header.map((_, j) => text(r[j]));
        if (first.length < HEAD_ROWS) first.push(cells);
        for (const c of cells) w.text(c);
        w.endRow();
      }
    },
  });
  return { header, csv: w.result(), first };
}
