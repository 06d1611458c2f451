// The analysts' connection (features/workbench): a second connection on the same DuckDB database, so a long query, its
// stream of results and its cancellation never meet the app's own connection (its transactions, prepared statements
// and queries). Every statement runs inside a READ ONLY transaction that is rolled back after: a statement that slipped
// past the workbench's check (features/workbench/guard.ts) still could not write to the database.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { Param, Reader } from './types';

/** What `read` rejects with when the statement was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export async function openReader(db: AsyncDuckDB): Promise<Reader> {
  const conn: AsyncDuckDBConnection = await db.connect();
  // A setting of this connection only: analysts write `index_scores` and read the shown view (db/shown.ts); their own
  // plain tables are in main.
  await conn.query(`SET search_path = 'shown,main'`);

  let queue: Promise<unknown> = Promise.resolve();
  let running = false;
  let cancelled = false;

  async function readNow(text: string, params: readonly Param[], take: (batch: RecordBatch) => boolean): Promise<Schema> {
    cancelled = false;
    running = true;
    await conn.query('BEGIN TRANSACTION READ ONLY');
    let statement: Awaited<ReturnType<AsyncDuckDBConnection['prepare']>> | null = null;
    try {
      let stream;
      if (params.length) {
        statement = await conn.prepare(text);
        stream = await statement.send(...params);
      } else {
        // Streamed: only the batches taken are ever made, so a result cut at the cap costs no more than the cap.
        stream = await conn.send(text, true);
      }
      if (!stream) throw new Error('DuckDB worker is not running');
      // Opened first to read the schema (also of a result with no row); a reader that has run out forgets it.
      await stream.open();
      const schema = stream.schema;
      for await (const batch of stream) {
        if (cancelled || !take(batch)) break;
      }
      if (cancelled) throw new CancelledError();
      return schema;
    } catch (e) {
      // duckdb-wasm answers a poll of a cancelled query with this message (webdb.cc PollPendingQuery).
      if (cancelled || (e instanceof Error && /query was canceled/i.test(e.message))) throw new CancelledError();
      throw e;
    } finally {
      running = false;
      await statement?.close().catch(() => undefined);
      await conn.query('ROLLBACK').catch(() => undefined);
    }
  }

  return {
    async tokenize(text) {
      const t = await db.tokenize(text);
      return { offsets: [...t.offsets], types: [...t.types] };
    },
    read(text, params, take) {
      const run = queue.then(() => readNow(text, params, take));
      queue = run.catch(() => undefined);
      return run;
    },
    async cancel() {
      cancelled = true;
      if (running) await conn.cancelSent().catch(() => false);
    },
  };
}
