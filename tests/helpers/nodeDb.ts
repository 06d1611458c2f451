// DuckDB-WASM in Node (synchronous build) behind the app's Db interface, for testing SQL against real DuckDB.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Db, Param, Row } from '../../src/db/types';
import { SCHEMA_SQL } from '../../src/db/schema';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** A fresh in-memory database with the app's schema. ~1 s to start. */
export async function createNodeDb(): Promise<Db> {
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  conn.query(SCHEMA_SQL);
  const rows = <T extends Row>(t: { toArray(): unknown[] }) => t.toArray().map((r) => ({ ...(r as { toJSON(): Row }).toJSON() }) as T);
  return {
    async query<T extends Row = Row>(sql: string, params: readonly Param[] = []) {
      if (params.length === 0) return rows<T>(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return rows<T>(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      db.dropFile(name);
      // The Node runtime writes COPY TO files into the working directory; the browser keeps them in memory.
      fs.rmSync(name, { force: true });
    },
    async copyFileToBuffer(name: string) {
      return db.copyFileToBuffer(name);
    },
  };
}
