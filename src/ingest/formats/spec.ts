// What a canonical format is made of: its columns (names, aliases, types), a zod schema of the header,
// the SQL that turns staged text into typed rows, the SQL checks over those rows, and where they land.
import { z } from 'zod';
import type { Db } from '../../db/types';
import type { Answers, Problem, Questions } from '../types';
import type { Kind } from '../../domain/kinds';
import type { HeaderMatch } from '../headers';

type ColType = 'text' | 'year' | 'number' | 'integer' | 'indexCode' | 'criterionCode' | 'parScore' | 'element';

export interface ColumnSpec {
  /** Canonical (English) name, as in src/db/schema.ts. */
  key: string;
  /** Canonical Vietnamese header (templates and demo files use it). */
  vi: string;
  /** Other names seen in real files; matched ignoring case, diacritics, NFC/NFD, spaces and underscores. */
  aliases: string[];
  type: ColType;
  /** The column must be in the file. */
  required: boolean;
  /** Every row must have a value in it. */
  cellRequired?: boolean;
  min?: number;
  max?: number;
  /** For docs/formats.md and the template: what goes in the column. */
  note?: { vi: string; en: string };
}

/** Everything a format's SQL needs to know about one staged file. */
export interface StageCtx {
  db: Db;
  file: string;
  /** Unique id of this staging (table names derive from it). */
  id: string;
  /** Staged text table: columns c0…cN (VARCHAR), rowid = data row index. */
  stg: string;
  headers: string[];
  match: HeaderMatch;
  decimalComma: boolean;
  answers: Answers;
  /** The row Excel shows for staged row 0 (2 when the header is row 1; lower in a sheet with a title above). */
  firstRow: number;
  /** Staged column (SQL identifier) holding a canonical key, or null when the file lacks it. */
  col(key: string): string | null;
  /** The header as written in the file for a canonical key (for problem reports). */
  header(key: string): string;
  /**
   * Files of the same batch that land before this one (e.g. par_criteria picked together with par_scores): checks
   * count their rows, and not the loaded rows they replace. Empty at commit (they have landed by then).
   */
  pending: readonly { kind: Kind; ctx: StageCtx; typed: string | null }[];
  /** The user's own file (not the shipped demo's): fictional demo data it displaces does not count in its checks. */
  own: boolean;
}

/** One SQL check. Its query returns (row INTEGER, value VARCHAR, a VARCHAR, b VARCHAR) per offending row. */
export interface Check {
  severity: 'error' | 'warning';
  key: string;
  /** Canonical key of the column the problem is in (its header is reported), if any. */
  column?: string;
  sql: string;
  /** Names of the message parameters carried in columns a and b. */
  params?: [string?, string?];
  /** The column is named per row by column b (wide files: the offending SCxy column). */
  columnFrom?: 'b';
}

export interface Analysis {
  problems: Problem[];
  questions: Questions;
  coverage: string | null;
}

export interface FormatSpec {
  kind: Exclude<Kind, 'table'>;
  /** The canonical table rows land in. */
  table: string;
  columns: ColumnSpec[];
  /** One realistic row for templates, in column order. */
  example: string[];
  headerSchema: z.ZodType<Record<string, number | undefined>>;
}

/** zod schema of the header: each required column found (as its index in the file); optional ones may be absent. */
export function headerSchemaOf(columns: readonly ColumnSpec[]): z.ZodType<Record<string, number | undefined>> {
  const shape: Record<string, z.ZodType<number | undefined>> = {};
  for (const c of columns) shape[c.key] = c.required ? z.number().int().nonnegative() : z.number().int().nonnegative().optional();
  return z.object(shape) as unknown as z.ZodType<Record<string, number | undefined>>;
}
