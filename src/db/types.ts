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
}
