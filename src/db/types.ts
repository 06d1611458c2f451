import type { RecordBatch, Schema } from 'apache-arrow';

/** A query parameter: DuckDB prepared statements take these positionally (`?`). */
export type Param = string | number | boolean | null;
export type Row = Record<string, unknown>;

/**
 * The small interface every feature uses to talk to the query engine.
 * Only `src/db/duckdb.ts` implements it with DuckDB-WASM; tests pass their own.
 */
export interface Db {
  /** Runs one statement and returns its rows as plain objects (integers as numbers). */
  query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Runs statements that return nothing of interest (DDL, INSERT … SELECT). */
  exec(sql: string): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Reads back a file SQL wrote (e.g. `COPY … TO 'name'`), for persistence and exports. */
  copyFileToBuffer(name: string): Promise<Uint8Array>;
  /** The analysts' connection (db/reader.ts), opened on first use; absent where a test's Db has none. */
  reader?(): Promise<Reader>;
}

/**
 * A connection of its own for the analysts' workbench: every statement runs in a READ ONLY transaction that is rolled
 * back after, names resolve to the `shown` views first, rows stream in Arrow batches, a running statement can be
 * cancelled. It never shares a transaction, a prepared statement or a pending query with the app's connection.
 */
export interface Reader {
  /** DuckDB's own tokenizer: token starts as UTF-8 byte offsets, and their kinds (duckdb-wasm's TokenType). */
  tokenize(text: string): Promise<{ offsets: number[]; types: number[] }>;
  /**
   * Runs one statement (checked by the caller first) and hands its batches to `take` until it returns false; resolves
   * with the result's schema (its columns, also when no row came). One statement at a time: a later call waits.
   */
  read(text: string, params: readonly Param[], take: (batch: RecordBatch) => boolean): Promise<Schema>;
  /** Stops the running statement; its `read` then rejects (or returns at the next batch). */
  cancel(): Promise<void>;
}
