// The only module that imports DuckDB-WASM. Bundles are served by our own build (Vite `?url`), never a CDN.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { openReader } from './reader';
import type { Db, Param, Reader, Row } from './types';

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

  const toRows = <T extends Row>(table: { toArray(): unknown[] }): T[] => table.toArray().map((r) => normalise((r as { toJSON(): Row }).toJSON()) as T);

  // Views run the same parameterised queries again and again (a period picked, a unit changed): a prepared
  // statement kept per SQL text saves two worker round trips each time. DuckDB rebinds it when tables change.
  type Statement = Awaited<ReturnType<typeof conn.prepare>>;
  const statements = new Map<string, Promise<Statement>>();
  const prepared = (sql: string): Promise<Statement> => {
    let p = statements.get(sql);
    if (p) {
      statements.delete(sql); // re-inserted below: the map's order is least recently used first
    } else {
      p = conn.prepare(sql);
      p.catch(() => statements.delete(sql));
      if (statements.size >= 200) {
        const [oldest, old] = statements.entries().next().value!;
        statements.delete(oldest);
        void old.then((st) => st.close()).catch(() => undefined);
      }
    }
    statements.set(sql, p);
    return p;
  };

  let reader: Promise<Reader> | null = null;

  return {
    async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      if (params.length === 0) return toRows<T>(await conn.query(sql));
      const reused = statements.has(sql);
      try {
        return toRows<T>(await (await prepared(sql)).query(...params));
      } catch (e) {
        const stale = statements.get(sql);
        statements.delete(sql);
        void stale?.then((st) => st.close()).catch(() => undefined);
        if (!reused) throw e;
        // A kept statement whose tables were dropped and made again may fail once: prepare it afresh. If that fails
        // too, the first error is the one that explains it (a second try inside a failed transaction only says so).
        try {
          return toRows<T>(await (await prepared(sql)).query(...params));
        } catch {
          throw e;
        }
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
    reader() {
      reader ??= openReader(db);
      return reader;
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
