// Imported data survives reloads: each dataset is kept in IndexedDB as gzip CSV of its rows (one entry per
// dataset, written whole), and the DuckDB tables are rebuilt from those entries at start.
// DuckDB-WASM's own OPFS database has reopened empty after reloads in recent releases, so we keep our own copy.
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { memoryStore, type KvStore } from './kv';
import { openIdbStore } from './idb';
import { DatasetRow, restoreEntry, STORE_VERSION, type SkippedEntry, type StoredDataset, type StoredTable } from './record';
import { columnsSql, copyToSql, deleteRowsSql, quoteIdent, quoteLiteral, readCsvSql, selectRowsSql } from './sql';
import { exclusive } from './lock';

export { exclusive } from './lock';
export { StorageFullError } from './kv';
export type { SkippedEntry } from './record';

let storePromise: Promise<KvStore> | null = null;

/** The store in use: IndexedDB in the browser, memory where it is missing (Node tests, very old private windows). */
export function getStore(): Promise<KvStore> {
  storePromise ??= (typeof indexedDB === 'undefined' ? Promise.resolve(memoryStore()) : openIdbStore().catch((e: unknown) => {
    console.error('IndexedDB unavailable, data will not survive a reload', e);
    return memoryStore();
  }));
  return storePromise;
}

/** Tests (and nothing else) swap the store. */
export function setStore(store: KvStore): void {
  storePromise = Promise.resolve(store);
}

let fileCounter = 0;
const tempName = () => `chiso_persist_${Date.now()}_${fileCounter++}.csv.gz`;

async function dropQuietly(db: Db, name: string) {
  await db.dropFile(name).catch(() => undefined);
}

async function readDatasetRow(db: Db, datasetId: string): Promise<DatasetRow | null> {
  const rows = await db.query(
    `SELECT id, kind, file_name, row_count, coverage, CAST(imported_at AS VARCHAR) AS imported_at, is_demo, source, table_name FROM datasets WHERE id = ?`,
    [datasetId],
  );
  return rows.length ? DatasetRow.parse({ ...rows[0], row_count: Number(rows[0]!.row_count) }) : null;
}

async function snapshotTable(db: Db, table: string, datasetId: string | null): Promise<StoredTable | null> {
  const select = selectRowsSql(table, datasetId);
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${select})`)) as [{ n: number }];
  if (n === 0 && datasetId !== null) return null;
  const columns = await db.query<{ name: string; type: string }>(columnsSql, [table]);
  const name = tempName();
  try {
    await db.exec(copyToSql(select, name));
    const csv = await db.copyFileToBuffer(name);
    // copyFileToBuffer may hand back a view on memory the engine reuses: keep our own copy.
    return { name: table, columns, rows: n, csv: new Uint8Array(csv) };
  } finally {
    await dropQuietly(db, name);
  }
}

async function snapshot(db: Db, datasetId: string): Promise<StoredDataset | null> {
  const dataset = await readDatasetRow(db, datasetId);
  if (!dataset) return null;
  const tables: StoredTable[] = [];
  for (const t of DATA_TABLES) {
    const s = await snapshotTable(db, t, datasetId);
    if (s) tables.push(s);
  }
  if (dataset.kind === 'table' && dataset.table_name) {
    const s = await snapshotTable(db, dataset.table_name, null);
    if (s) tables.push(s);
  }
  return { v: STORE_VERSION, dataset, tables };
}

/**
 * Writes the current rows of one dataset (every table) to storage, replacing its previous copy.
 * Call it after anything changes a dataset's rows (import, PAR score editing). A dataset that no longer
 * exists in DuckDB has its stored copy removed. Throws StorageFullError when the browser refuses the space;
 * the previous copy then stays as it was.
 */
export async function persistDataset(db: Db, datasetId: string): Promise<void> {
  const store = await getStore();
  const rec = await snapshot(db, datasetId);
  if (rec) await store.putDataset(datasetId, rec);
  else await store.deleteDataset(datasetId);
}

async function deleteInDb(db: Db, datasetId: string): Promise<void> {
  const [row] = await db.query<{ table_name: string | null }>(`SELECT table_name FROM datasets WHERE id = ?`, [datasetId]);
  for (const sql of deleteRowsSql(datasetId)) await db.exec(sql);
  if (row?.table_name) await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(row.table_name)}`);
  await db.query(`DELETE FROM datasets WHERE id = ?`, [datasetId]);
}

async function inTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN TRANSACTION');
  try {
    const out = await fn();
    await db.exec('COMMIT');
    return out;
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Removes one dataset: its rows in every table, its own table, its catalogue row and its stored copy — all or nothing. */
export function deleteDataset(db: Db, datasetId: string): Promise<void> {
  return exclusive(() => deleteDatasetUnlocked(db, datasetId));
}

export async function deleteDatasetUnlocked(db: Db, datasetId: string): Promise<void> {
  const store = await getStore();
  // The stored copy goes last, inside the DuckDB transaction: if storage refuses, the rows come back (ROLLBACK).
  await inTransaction(db, async () => {
    await deleteInDb(db, datasetId);
    await store.deleteDataset(datasetId);
  });
}

/** Removes every dataset and every stored copy. The first-start marker stays, so the demo does not come back by itself. */
export function clearAll(db: Db): Promise<void> {
  return exclusive(async () => {
    const store = await getStore();
    const ids = await db.query<{ id: string }>(`SELECT id FROM datasets`);
    await inTransaction(db, async () => {
      for (const { id } of ids) await deleteInDb(db, id);
      await store.clearDatasets();
    });
  });
}

/** Per restore run: which datasets are loaded already, and the columns each canonical table has today. */
interface RestoreCtx {
  loaded: Set<string>;
  columns: Map<string, Set<string>>;
}

async function currentColumns(db: Db, ctx: RestoreCtx, table: string): Promise<Set<string>> {
  let cols = ctx.columns.get(table);
  if (!cols) {
    cols = new Set((await db.query<{ name: string }>(columnsSql, [table])).map((c) => c.name));
    ctx.columns.set(table, cols);
  }
  return cols;
}

async function restoreOne(db: Db, rec: StoredDataset, ctx: RestoreCtx): Promise<void> {
  const id = rec.dataset.id;
  const files: string[] = [];
  try {
    await inTransaction(db, async () => {
      // At start-up nothing is loaded yet: skip the deletes (a dozen round trips to the engine per dataset).
      if (ctx.loaded.has(id)) await deleteInDb(db, id);
      const d = rec.dataset;
      await db.query(
        `INSERT INTO datasets (id, kind, file_name, row_count, coverage, imported_at, is_demo, source, table_name) VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?)`,
        [d.id, d.kind, d.file_name, d.row_count, d.coverage, d.imported_at, d.is_demo, d.source, d.table_name],
      );
      for (const t of rec.tables) {
        const name = tempName();
        files.push(name);
        // registerFile may take ownership of the buffer: hand it a copy, the stored one stays intact.
        await db.registerFile(name, new Uint8Array(t.csv));
        const source = readCsvSql(name, t.columns);
        if ((DATA_TABLES as readonly string[]).includes(t.name)) {
          // By name, and only the columns the table has today, so a copy written before a column was added still loads.
          const current = await currentColumns(db, ctx, t.name);
          const cols = t.columns.filter((c) => current.has(c.name)).map((c) => quoteIdent(c.name));
          await db.exec(`INSERT INTO ${quoteIdent(t.name)} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM ${source}`);
          const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(t.name)} WHERE dataset_id = ${quoteLiteral(id)}`)) as [{ n: number }];
          if (n !== t.rows) throw new Error(`${t.name}: read back ${n} rows, ${t.rows} were stored`);
        } else {
          await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(t.name)}`);
          await db.exec(`CREATE TABLE ${quoteIdent(t.name)} AS SELECT * FROM ${source}`);
          const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(t.name)}`)) as [{ n: number }];
          if (n !== t.rows) throw new Error(`${t.name}: read back ${n} rows, ${t.rows} were stored`);
        }
      }
    });
  } finally {
    for (const f of files) await dropQuietly(db, f);
  }
}

export interface RestoreOptions {
  onProgress?(done: number, total: number): void;
  /** Entries that could not be restored (corrupt, from an unknown version): the app starts without them. */
  onSkipped?(entry: SkippedEntry): void;
}

/** Rebuilds every stored dataset in DuckDB. Returns how many were restored; a bad entry is skipped and reported, never thrown. */
export function restoreAll(db: Db, opts: RestoreOptions = {}): Promise<number> {
  return exclusive(async () => {
    const store = await getStore();
    let entries: Awaited<ReturnType<KvStore['listDatasets']>>;
    try {
      entries = await store.listDatasets();
    } catch (e) {
      opts.onSkipped?.({ key: '*', fileName: null, reason: e instanceof Error ? e.message : String(e) });
      return 0;
    }
    const checked = entries.map((e) => restoreEntry(e.key, e.value));
    const good = checked.flatMap((c) => (c.ok ? [c.record] : []));
    for (const c of checked) if (!c.ok) opts.onSkipped?.(c.skipped);
    good.sort((a, b) => a.dataset.imported_at.localeCompare(b.dataset.imported_at));
    const ctx: RestoreCtx = { loaded: new Set((await db.query<{ id: string }>(`SELECT id FROM datasets`)).map((r) => r.id)), columns: new Map() };
    let restored = 0;
    for (const [i, rec] of good.entries()) {
      try {
        await restoreOne(db, rec, ctx);
        restored++;
      } catch (e) {
        opts.onSkipped?.({ key: rec.dataset.id, fileName: rec.dataset.file_name, reason: e instanceof Error ? e.message : String(e) });
      }
      opts.onProgress?.(i + 1, good.length);
    }
    return restored;
  });
}

/** Removes a stored entry that could not be restored (listed on the Dữ liệu page). */
export async function forgetStored(key: string): Promise<void> {
  await (await getStore()).deleteDataset(key);
}

const STARTED = 'started';

/** True until the app has once finished starting with data (demo loaded): after that, an empty store stays empty. */
export async function isFirstStart(): Promise<boolean> {
  return (await (await getStore()).getMeta(STARTED)) !== true;
}

export async function markStarted(): Promise<void> {
  await (await getStore()).setMeta(STARTED, true);
}

/** Whether the data survives a reload in this browser. */
export async function isDurable(): Promise<boolean> {
  return (await getStore()).durable;
}
