// A small IndexedDB wrapper: object stores for datasets and meta, and the side stores (the dossier and its files),
// promises instead of callbacks. Every write is one transaction over the stores it touches and meta, so what it
// changes and the revision it bumps land together or not at all.
import {
  nextRevs,
  REVISION,
  REVS,
  SIDE_STORES,
  StaleStoreError,
  StorageFullError,
  type KvStore,
  type SideStore,
  type StoredEntry,
  type StoreDump,
  type StoreWrite,
} from './kv';

const DB_NAME = 'chiso';
// 2: the side stores (issue 20). Opening at 2 adds them to a version-1 database and keeps everything in it.
const VERSION = 2;
const DATASETS = 'datasets';
const META = 'meta';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [DATASETS, META, ...SIDE_STORES]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => {
      // A newer version of the app opening in another tab: let it upgrade (this tab's next write fails and says so).
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB blocked by another tab'));
  });
}

const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
const storageError = (e: unknown) => (isQuota(e) ? new StorageFullError(e) : e);

/**
 * Runs `start` in one transaction over `stores` and resolves with `result()` once it has committed (not merely when
 * the requests succeeded). `start` (and the request callbacks it sets) may call `fail(e)`: the transaction is aborted
 * and nothing it wrote stays.
 */
function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  start: (tx: IDBTransaction, fail: (e: unknown) => void) => void,
  result: () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (e) {
      reject(storageError(e));
      return;
    }
    let failure: unknown = null;
    const fail = (e: unknown) => {
      failure ??= e;
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
    };
    tx.oncomplete = () => resolve(result());
    tx.onabort = () => reject(storageError(failure ?? tx.error ?? new Error('IndexedDB transaction aborted')));
    // An error event on a request bubbles here; the transaction aborts after it (onabort rejects).
    tx.onerror = (ev) => {
      failure ??= (ev.target as IDBRequest | null)?.error ?? tx.error;
    };
    try {
      start(tx, fail);
    } catch (e) {
      // put() can throw at once (value cannot be cloned, quota): nothing was written, give the transaction up.
      fail(e);
    }
  });
}

export async function openIdbStore(): Promise<KvStore> {
  const db = await open();
  return {
    durable: true,
    read(since, known) {
      let revision = 0;
      let changed = false;
      const revs = new Map<string, number>();
      const entries: StoredEntry[] = [];
      return transact(
        db,
        [DATASETS, META],
        'readonly',
        (tx, fail) => {
          const ds = tx.objectStore(DATASETS);
          const ms = tx.objectStore(META);
          const revReq = ms.get(REVISION);
          revReq.onsuccess = () => {
            revision = typeof revReq.result === 'number' ? revReq.result : 0;
            if (since !== null && revision === since) return;
            changed = true;
            const revsReq = ms.get(REVS);
            const keysReq = ds.getAllKeys();
            keysReq.onsuccess = () => {
              try {
                const stamped = (revsReq.result ?? {}) as Record<string, number>;
                for (const k of keysReq.result) {
                  const key = String(k);
                  const rev = stamped[key] ?? 0;
                  revs.set(key, rev);
                  if (known.get(key) === rev) continue;
                  const get = ds.get(k);
                  get.onsuccess = () => entries.push({ key, value: get.result, rev });
                }
              } catch (e) {
                fail(e);
              }
            };
          };
        },
        () => ({ revision, changed, revs, entries }),
      );
    },
    write(change: StoreWrite) {
      let next = 0;
      const sides = SIDE_STORES.filter((name) => change.side?.[name]);
      return transact(
        db,
        [DATASETS, META, ...sides],
        'readwrite',
        (tx, fail) => {
          const ds = tx.objectStore(DATASETS);
          const ms = tx.objectStore(META);
          const revReq = ms.get(REVISION);
          const revsReq = ms.get(REVS);
          // Requests of one transaction complete in order: when this one is done, so is the revision.
          revsReq.onsuccess = () => {
            try {
              const current = typeof revReq.result === 'number' ? revReq.result : 0;
              if (change.expect !== undefined && change.expect !== current) return fail(new StaleStoreError(change.expect, current));
              next = current + 1;
              if (change.clear) ds.clear();
              for (const k of change.delete ?? []) ds.delete(k);
              for (const { key, value } of change.put ?? []) ds.put(value, key);
              for (const name of sides) {
                const w = change.side![name]!;
                const os = tx.objectStore(name);
                if (w.clear) os.clear();
                for (const k of w.delete ?? []) os.delete(k);
                for (const { key, value } of w.put ?? []) os.put(value, key);
              }
              for (const [k, v] of Object.entries(change.meta ?? {})) ms.put(v, k);
              ms.put(nextRevs(revsReq.result as Record<string, number> | undefined, change, next), REVS);
              ms.put(next, REVISION);
            } catch (e) {
              fail(e);
            }
          };
        },
        () => next,
      );
    },
    getMeta(key) {
      let value: unknown;
      return transact(
        db,
        [META],
        'readonly',
        (tx) => {
          const req = tx.objectStore(META).get(key);
          req.onsuccess = () => (value = req.result);
        },
        () => value,
      );
    },
    readSide(store: SideStore) {
      let out: { key: string; value: unknown }[] = [];
      return transact(
        db,
        [store],
        'readonly',
        (tx) => {
          out = [];
          readAll(tx.objectStore(store), (rows) => (out = rows));
        },
        () => out,
      );
    },
    getSide(store: SideStore, key: string) {
      let value: unknown;
      return transact(
        db,
        [store],
        'readonly',
        (tx) => {
          const req = tx.objectStore(store).get(key);
          req.onsuccess = () => (value = req.result);
        },
        () => value,
      );
    },
    dump() {
      const out: StoreDump = { revision: 0, meta: {}, datasets: [], side: { dossier: [], files: [] } };
      return transact(
        db,
        [DATASETS, META, ...SIDE_STORES],
        'readonly',
        (tx) => {
          readAll(tx.objectStore(META), (rows) => {
            for (const { key, value } of rows) out.meta[key] = value;
            out.revision = typeof out.meta[REVISION] === 'number' ? (out.meta[REVISION] as number) : 0;
          });
          readAll(tx.objectStore(DATASETS), (rows) => (out.datasets = rows));
          for (const name of SIDE_STORES) readAll(tx.objectStore(name), (rows) => (out.side[name] = rows));
        },
        () => out,
      );
    },
  };
}

/** Every key and value of an object store, in one go (within the caller's transaction). */
function readAll(os: IDBObjectStore, done: (rows: { key: string; value: unknown }[]) => void) {
  const keys = os.getAllKeys();
  const values = os.getAll();
  // Requests of one transaction complete in order: both are done here, over the same records in the same order.
  values.onsuccess = () => done(keys.result.map((k, i) => ({ key: String(k), value: values.result[i] })));
}
