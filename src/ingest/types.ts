// The contract of the import pipeline: what the Dữ liệu page, the demo loader and the benchmark call.
// file ─▶ decode ─▶ detect kind ─▶ header schema (zod) ─▶ staging table ─▶ SQL row checks ─▶ commit (all or nothing)

import type { Kind } from '../domain/kinds';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** One thing wrong (or doubtful) in a file, precise enough to find and fix it in Excel. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** The row number as Excel shows it (header = row 1), when the problem is in one row. */
  row?: number;
  /** The column header as written in the file. */
  column?: string;
  /** The offending cell, as text. */
  value?: string;
  /** What was expected, as a message key of src/ingest/messages.ts and its parameters. */
  expected: { key: string; params?: Record<string, string | number> };
  /** How many rows share this problem (the report lists the first ones and counts the rest). */
  count?: number;
  /** The engine's or library's own message when the problem comes from an error (shown folded, never as the message). */
  technical?: string;
}

/** Questions the user must answer before the import can land. */
export interface Questions {
  /** All dates have day ≤ 12: read them as dd/mm/yyyy (Vietnamese) or mm/dd/yyyy? */
  dateOrder?: boolean;
  /** Rows already loaded for the same keys (e.g. PAPI 2021, or SIPAS 2026-Q1 for unit X): replace them, or cancel. */
  duplicates?: { description: string; datasetIds: string[] };
  /** One-unit PAR sheet: the unit the file is about, guessed from the sheet or file name, to confirm. */
  unit?: { code: string | null; name: string | null };
}

export interface Answers {
  dateOrder?: 'dmy' | 'mdy';
  onDuplicate?: 'replace' | 'cancel';
  unit?: { code: string; name: string };
  /** Force a kind instead of detecting it. */
  kind?: Kind;
  /** Override what was detected. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';
  delimiter?: ',' | ';' | '\t' | '|';
  decimalComma?: boolean;
  /** XLSX: read this sheet instead of the first one with a recognised header. */
  sheet?: string;
}

/** What analysing a file found: shown as a preview before anything is committed. */
export interface ImportPlan {
  file: string;
  kind: Kind;
  /** Data rows in the file. */
  rowCount: number;
  /** Header as written → canonical column name (or null when the column is ignored / unknown). */
  columns: { header: string; canonical: string | null }[];
  /** First rows as text, for the preview table. */
  preview: string[][];
  problems: Problem[];
  questions: Questions;
  /** Years or periods covered, e.g. "2011–2024". */
  coverage: string | null;
  /** The staged copy commitPlan/discardPlan work on; null when nothing could be staged (unreadable file). */
  stagingId: string | null;
  /** How the file was read (shown, and changeable through Answers). */
  encoding: string | null;
  delimiter: string | null;
  decimalComma: boolean;
  /** XLSX: the sheet read, and all sheets of the workbook (to pick another through Answers.sheet). */
  sheet: string | null;
  sheets?: string[];
  /** Problems of each severity in total (the list holds the first ones). */
  errorCount: number;
  warningCount: number;
  /** The user's file takes this fictional demo data out when it lands (domain/demoRule.ts); absent for the demo's own files. */
  demoAside?: DemoAside;
  /** Files picked together whose data the checks counted as landing first (criteria for scores, questions for answers). */
  checkedWith?: string[];
}

/**
 * Fictional demo data that steps aside for the user's own (or, restoring the demo, is left out because it would mix
 * with the user's): whole datasets, and index rows of an index at a level from datasets that keep their other rows.
 */
export interface DemoAside {
  datasets: { id: string | null; file: string; kind: Kind }[];
  rows: { id: string | null; file: string; index: string; province: boolean; count: number }[];
}

export type ImportOutcome =
  | {
      ok: true;
      datasetId: string;
      plan: ImportPlan;
      /** Datasets that lost rows to "replace" but still have some (persist them again). */
      replaced: string[];
      /** Datasets that "replace" emptied and removed from the catalogue (delete their persisted copy). */
      removed: string[];
      /** A fictional demo file: what of it was left out because the user's own data of the kind is loaded. */
      leftOut?: DemoAside;
    }
  | { ok: false; plan: ImportPlan | null; problems: Problem[] };

/** Where analyseFile is, for a progress line on large files. */
interface ImportProgress {
  file: string;
  step: 'reading' | 'staging' | 'checking';
}

export interface AnalyseOptions {
  onProgress?: (p: ImportProgress) => void;
  /**
   * Files analysed under the same batch id are checked together: each against what the others of the batch that land
   * before it (units → criteria → scores, questions → answers) will land. Default: the batch of calls without one.
   */
  batch?: string;
  /** The shipped demo's own files: the demo does not step aside for itself. */
  isDemo?: boolean;
}
