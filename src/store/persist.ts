// Imported data survives reloads: each dataset is kept in IndexedDB as gzip CSV of its rows (one entry per
// dataset), and the DuckDB tables are rebuilt from those entries at start.
// DuckDB-WASM's own OPFS database has reopened empty after reloads in recent releases, so we keep our own copy.
//
// One writer, one transaction: every change (import, replace, delete, edit, demo) holds the writer lock (all tabs),
// first brings this tab's DuckDB up to the store (syncUnlocked: another tab may have written), changes DuckDB in a
// transaction, writes every dataset it touched in ONE IndexedDB transaction, and only then COMMITs — or rolls back
// if storage refused. A reload or crash at any point leaves the store exactly before or exactly after the change.
// The other tabs hear of it on a BroadcastChannel and catch up.
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { getStore, STARTED_META } from './store';
import { SIDE_STORES, type SideStore, type SideWrite } from './kv';
import { DatasetRow, restoreEntry, STORE_VERSION, type SkippedEntry, type StoredDataset, type StoredTable } from './record';
import { columnsSql, copyToSql, deleteRowsSql, quoteIdent, quoteLiteral, readCsvSql, selectRowsSql } from './sql';
import { exclusive, writer, type WaitOptions } from './lock';

export { exclusive, writer, type WaitOptions } from './lock';
export { StaleStoreError, StorageFullError } from './kv';
export type { SkippedEntry } from './record';
export { isFirstStart, NOT_STARTED_META, setStore, STARTED_META, storedRevision } from './store';

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

/** What this tab's DuckDB holds of the store: the revision it last read and the revision of each dataset it loaded. */
interface Synced {
  revision: number;
  revs: Map<string, number>;
}
const synced = new WeakMap<Db, Synced>();

/** One change to stored data, written in one transaction. */
interface Change {
  /** Datasets to save as they are in DuckDB now (one that no longer exists there is removed). */
  save?: readonly string[];
  /** Datasets whose stored copy goes. */
  drop?: readonly string[];
  /** Every stored copy goes first. */
  clear?: boolean;
  meta?: Readonly<Record<string, unknown>>;
  /** Changes to the dossier and its files (store/documents.ts), in the same transaction. */
  side?: Readonly<Partial<Record<SideStore, SideWrite>>>;
}

const sideListeners = new Set<() => void>();

/** Called after this tab or another one changed the side stores (the dossier): views of it read it again. Returns the unsubscribe. */
export function onSideChanged(fn: () => void): () => void {
  sideListeners.add(fn);
  return () => void sideListeners.delete(fn);
}

function sideChanged() {
  for (const fn of sideListeners) fn();
}

const CHANNEL = 'chiso-data';
let channel: BroadcastChannel | null | undefined;
/** Tells the app's other tabs that the stored data changed (they re-read it). Only in a browser page. */
function tabsChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof window !== 'undefined' && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
  return channel;
}

/**
 * Writes one change to storage: the snapshots of `save` (taken now, so call it while the DuckDB transaction that
 * made the change is still open, and COMMIT only if it resolves), the removals, the meta values — one IndexedDB
 * transaction, all or nothing. Refused (StaleStoreError) if another tab wrote since this tab last read the store.
 * Throws StorageFullError when the browser refuses the space. Call it holding the writer lock.
 */
export async function writeUnlocked(db: Db, change: Change): Promise<void> {
  const store = await getStore();
  const put: { key: string; value: StoredDataset }[] = [];
  const del = new Set(change.drop ?? []);
  for (const id of change.save ?? []) {
    const rec = await snapshot(db, id);
    if (rec) put.push({ key: id, value: rec });
    else del.add(id);
  }
  for (const { key } of put) del.delete(key);
  const st = synced.get(db);
  const revision = await store.write({ put, delete: [...del], clear: change.clear, meta: change.meta, side: change.side, expect: st?.revision });
  if (st) {
    if (change.clear) st.revs.clear();
    for (const k of del) st.revs.delete(k);
    for (const { key } of put) st.revs.set(key, revision);
    st.revision = revision;
  }
  const side = change.side !== undefined && Object.keys(change.side).length > 0;
  try {
    tabsChannel()?.postMessage(side ? { revision, side } : { revision });
  } catch (e) {
    console.error(e);
  }
  if (side) sideChanged();
}

/**
 * Writes the current rows of one dataset (every table) to storage, replacing its previous copy; a dataset that no
 * longer exists in DuckDB has its stored copy removed. Throws StorageFullError when the browser refuses the space;
 * the previous copy then stays as it was.
 */
export function persistDataset(db: Db, datasetId: string): Promise<void> {
  return writer(() => writeUnlocked(db, { save: [datasetId] }));
}

/** Removes one dataset from DuckDB only (rows, own table, catalogue row); call it inside a transaction. */
export async function deleteInDb(db: Db, datasetId: string): Promise<void> {
  const [row] = await db.query<{ table_name: string | null }>(`SELECT table_name FROM datasets WHERE id = ?`, [datasetId]);
  for (const sql of deleteRowsSql(datasetId)) await db.exec(sql);
  if (row?.table_name) await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(row.table_name)}`);
  await db.query(`DELETE FROM datasets WHERE id = ?`, [datasetId]);
}

/** BEGIN … COMMIT around `fn`; ROLLBACK if it throws. */
export async function inTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
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

/**
 * Changes DuckDB with `fn` and stores the change in one go: `fn` runs in a DuckDB transaction and says what it
 * touched; that is written to storage before COMMIT, and if storage refuses, DuckDB rolls back. So what this tab
 * shows and what a reload restores stay the same. Call it holding the writer lock, after syncUnlocked.
 */
export async function changeUnlocked<T>(db: Db, fn: () => Promise<{ result: T; change: Change }>): Promise<T> {
  const stored: { out: { result: T; change: Change } | null } = { out: null };
  try {
    return await inTransaction(db, async () => {
      const out = await fn();
      await writeUnlocked(db, out.change);
      stored.out = out;
      return out.result;
    });
  } catch (e) {
    if (!stored.out) throw e;
    // Stored, but COMMIT failed: load what is stored, so this tab shows what a reload would (the change).
    const { result, change } = stored.out;
    console.error('DuckDB could not commit a change that was stored; reloading it from storage', e);
    await revertUnlocked(db, change.clear ? 'all' : [...(change.save ?? []), ...(change.drop ?? [])]);
    return result;
  }
}

/** Removes one dataset: its rows in every table, its own table, its catalogue row and its stored copy — all or nothing. */
export function deleteDataset(db: Db, datasetId: string, opts: WaitOptions = {}): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    await changeUnlocked(db, async () => {
      await deleteInDb(db, datasetId);
      return { result: undefined, change: { drop: [datasetId] } };
    });
  }, opts);
}

/** Every side store emptied: "Xóa tất cả" takes the evidence documents and explanations too. */
const CLEAR_SIDE = Object.fromEntries(SIDE_STORES.map((name) => [name, { clear: true }])) as Record<SideStore, SideWrite>;

/**
 * Removes every dataset and every stored copy, and the dossier (documents, files, explanations). The first-start
 * marker stays, so the demo does not come back by itself.
 */
export function clearAll(db: Db, opts: WaitOptions = {}): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    const ids = await db.query<{ id: string }>(`SELECT id FROM datasets`);
    await changeUnlocked(db, async () => {
      for (const { id } of ids) await deleteInDb(db, id);
      return { result: undefined, change: { clear: true, side: CLEAR_SIDE } };
    });
  }, opts);
}

/**
 * Replaces everything stored — datasets, the side stores, the meta values given — by `records` and `side` in ONE
 * write (a backup being restored), then makes this tab's DuckDB what is stored. Call it holding the writer lock,
 * after syncUnlocked, with records already checked (record.ts): a record that still fails to load is reported
 * through `onSkipped` like any stored entry.
 */
export async function replaceAllUnlocked(
  db: Db,
  records: readonly StoredDataset[],
  side: Readonly<Record<SideStore, readonly { key: string; value: unknown }[]>>,
  meta: Readonly<Record<string, unknown>>,
  opts: RestoreOptions = {},
): Promise<void> {
  const store = await getStore();
  const sideWrite = Object.fromEntries(SIDE_STORES.map((name) => [name, { clear: true, put: side[name] }])) as Record<SideStore, SideWrite>;
  const revision = await store.write({
    clear: true,
    put: records.map((r) => ({ key: r.dataset.id, value: r })),
    side: sideWrite,
    meta,
    expect: synced.get(db)?.revision,
  });
  try {
    tabsChannel()?.postMessage({ revision, side: true });
  } catch (e) {
    console.error(e);
  }
  sideChanged();
  // Everything this tab's DuckDB holds is stale now: reloaded where stored, dropped where not.
  const st = synced.get(db) ?? { revision: -1, revs: new Map<string, number>() };
  for (const { id } of await db.query<{ id: string }>(`SELECT id FROM datasets`)) st.revs.set(id, -1);
  for (const k of st.revs.keys()) st.revs.set(k, -1);
  st.revision = -1;
  synced.set(db, st);
  await syncUnlocked(db, opts);
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
      // syncUnlocked has dropped the old copy already: skip the deletes (a dozen round trips to the engine per dataset).
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
          const [{ n }] = (await db.query<{ n: number }>(
            `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(t.name)} WHERE dataset_id = ${quoteLiteral(id)}`,
          )) as [{ n: number }];
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

const listeners = new Set<(db: Db) => void>();

/** Called after a sync changed what `db` holds (another tab wrote): views re-run their queries. Returns the unsubscribe. */
export function onSynced(fn: (db: Db) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/**
 * Brings this tab's DuckDB up to the store: datasets another tab added or changed are (re)loaded, those it removed
 * are dropped. Only what changed is read; nothing at all when the store's revision is the one last read. A bad entry
 * is skipped and reported, never thrown (and not tried again until it changes). Returns how many were restored.
 * Call it holding `exclusive` (or the writer lock): before checking a file, and before any write.
 */
export async function syncUnlocked(db: Db, opts: RestoreOptions = {}): Promise<number> {
  const store = await getStore();
  const st = synced.get(db);
  const known = st?.revs ?? new Map<string, number>();
  const read = await store.read(st?.revision ?? null, known);
  if (!read.changed) return 0;
  const loaded = new Set((await db.query<{ id: string }>(`SELECT id FROM datasets`)).map((r) => r.id));
  // Removed in another tab: only what this tab had from the store (a dataset it never saved stays).
  const gone = [...known.keys()].filter((k) => !read.revs.has(k) && loaded.has(k));
  const good: StoredDataset[] = [];
  for (const e of read.entries) {
    const c = restoreEntry(e.key, e.value);
    if (c.ok && c.record.dataset.id !== e.key)
      opts.onSkipped?.({ key: e.key, fileName: c.record.dataset.file_name, reason: `stored under ${e.key}, not its id ${c.record.dataset.id}` });
    else if (c.ok) good.push(c.record);
    else opts.onSkipped?.(c.skipped);
  }
  // The old copies of changed datasets go first, with the removed ones: a replace moved rows between them.
  const stale = [...gone, ...read.entries.map((e) => e.key).filter((k) => loaded.has(k))];
  if (stale.length)
    await inTransaction(db, async () => {
      for (const id of stale) await deleteInDb(db, id);
    });
  good.sort((a, b) => a.dataset.imported_at.localeCompare(b.dataset.imported_at));
  const ctx: RestoreCtx = { loaded: new Set(), columns: new Map() };
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
  synced.set(db, { revision: read.revision, revs: new Map(read.revs) });
  if (st && (stale.length || read.entries.length)) for (const fn of listeners) fn(db);
  return restored;
}

/**
 * Stores ready-made records (the shipped demo: app/demoStore.ts) in one write with `meta`, then loads them into DuckDB
 * as a restore does: saved data, not an import. Each record is checked like any stored entry. Returns how many loaded.
 * Call it holding the writer lock.
 */
export async function storeAndRestoreUnlocked(
  db: Db,
  records: readonly StoredDataset[],
  meta: Readonly<Record<string, unknown>>,
  opts: RestoreOptions = {},
): Promise<number> {
  const store = await getStore();
  const revision = await store.write({ put: records.map((r) => ({ key: r.dataset.id, value: r })), meta, expect: synced.get(db)?.revision });
  tabsChannel()?.postMessage({ revision });
  return syncUnlocked(db, opts);
}

/** Rebuilds every stored dataset in DuckDB (at start; later calls load only what changed). Returns how many were restored; never throws. */
export function restoreAll(db: Db, opts: RestoreOptions = {}): Promise<number> {
  return exclusive(async () => {
    try {
      return await syncUnlocked(db, opts);
    } catch (e) {
      opts.onSkipped?.({ key: '*', fileName: null, reason: e instanceof Error ? e.message : String(e) });
      return 0;
    }
  });
}

/**
 * Makes `ids` in DuckDB what the store has again: after a change that committed in DuckDB but could not be stored
 * (the demo is loaded by several commits). Those stored are reloaded, the others dropped.
 */
export async function revertUnlocked(db: Db, ids: readonly string[] | 'all'): Promise<void> {
  const st = synced.get(db) ?? { revision: -1, revs: new Map<string, number>() };
  const which = ids === 'all' ? [...st.revs.keys(), ...(await db.query<{ id: string }>(`SELECT id FROM datasets`)).map((r) => r.id)] : ids;
  for (const id of which) st.revs.set(id, -1); // unknown: reloaded if stored, dropped if not
  st.revision = -1;
  synced.set(db, st);
  await syncUnlocked(db);
}

/**
 * Listens for the app's other tabs changing the stored data (and checks again when this tab is shown), and brings
 * `db` up to date; onSynced listeners then refresh the views. Returns the unsubscribe.
 */
export function watchOtherTabs(db: Db): () => void {
  const check = (revision?: unknown) => {
    const st = synced.get(db);
    if (st && revision !== undefined && st.revision === revision) return;
    void exclusive(() => syncUnlocked(db)).catch((e: unknown) => console.error('could not read the data another tab saved', e));
  };
  const ch = tabsChannel();
  const onMessage = (ev: MessageEvent) => {
    const data = ev.data as { revision?: unknown; side?: unknown } | null;
    if (data?.side) sideChanged(); // the dossier is read anew; datasets catch up below
    check(data?.revision);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') check();
  };
  ch?.addEventListener('message', onMessage);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  return () => {
    ch?.removeEventListener('message', onMessage);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
  };
}

/** Removes stored entries that could not be restored (listed on the Dữ liệu page). */
export function forgetStored(db: Db, keys: readonly string[]): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    await writeUnlocked(db, { drop: keys });
  });
}

export async function markStarted(): Promise<void> {
  await writer(async () => (await getStore()).write({ meta: STARTED_META }));
}

/** The store revision this tab's DuckDB holds, or null before it has read the store. */
export function syncedRevision(db: Db): number | null {
  const r = synced.get(db)?.revision;
  return r === undefined || r < 0 ? null : r;
}

/** Whether the data survives a reload in this browser. */
export async function isDurable(): Promise<boolean> {
  return (await getStore()).durable;
}
