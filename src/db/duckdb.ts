// The only module that imports DuckDB-WASM. Bundles are served by our own build (Vite `?url`), never a CDN.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Db, Param, Row } from './types';

let started: Promise<Db> | null = null;

/** Starts DuckDB once (lazy, promise-guarded); every caller shares the same instance. */
export function getDb(): Promise<Db> {
  started ??= start().catch((e: unknown) => {
    started = null; // let a later call retry after a failed start
    throw e;
  });
  return started;
}

async function start(): Promise<Db> {
  // eh runs in every current Chromium, Firefox and Safari ≥ 15.2; the threaded build needs COOP/COEP and was not faster.
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // Never reach for extensions.duckdb.org: the app must work offline and send nothing off-origin.
  await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  performance.mark('chiso:duckdb-ready'); // read by `npm run bench`

  const toRows = <T extends Row>(table: { toArray(): unknown[] }): T[] =>
    table.toArray().map((r) => normalise((r as { toJSON(): Row }).toJSON()) as T);

  return {
    async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      if (params.length === 0) return toRows<T>(await conn.query(sql));
      const stmt = await conn.prepare(sql);
      try {
        return toRows<T>(await stmt.query(...params));
      } finally {
        await stmt.close();
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      await db.dropFile(name).catch(() => undefined);
    },
    async copyFileToBuffer(name: string) {
      return db.copyFileToBuffer(name);
    },
  };
}

/** Arrow gives Dates as numbers of ms and decimals as objects; the app wants plain values. */
function normalise(row: Row): Row {
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v === 'bigint') row[k] = Number(v);
  }
  return row;
}
