import type { Delimiter } from '../delimiter';
import type { Head } from '../head';

/** A table read from a file (CSV, XLSX sheet, Parquet), ready for staging as UTF-8 CSV. */
export interface TextSource {
  utf8: Uint8Array;
  head: Head;
  delimiter: Delimiter;
  decimalComma: boolean;
  encoding: string;
  sheet: string | null;
  /** XLSX: every sheet of the workbook. */
  sheets?: string[];
  /** Reads the same file again in another encoding (CSV only), from `bytes` when given (the file's went to DuckDB). */
  retry?: (encoding: 'windows-1258', bytes?: Uint8Array) => TextSource;
  /** The row number Excel shows for the first data row (2 when the header is row 1). */
  firstRow: number;
}
