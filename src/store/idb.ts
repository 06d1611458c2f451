// A small IndexedDB wrapper: two object stores (datasets, meta), promises instead of callbacks. Every write is one
// transaction over both stores, so the datasets it changes and the revision it bumps land together or not at all.
import { nextRevs, REVISION, REVS, StaleStoreError, StorageFullError, type KvStore, type StoredEntry, type StoreWrite } from './kv';

const DB_NAME = 'chiso';
const VERSION = 1;
const DATASETS = 'datasets';
const META = 'meta';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(DATASETS)) db.createObjectStore(DATASETS);
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
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
function transact<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, start: (tx: IDBTransaction, fail: (e: unknown) => void) => void, result: () => T): Promise<T> {
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
      return transact(db, [DATASETS, META], 'readonly', (tx, fail) => {
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
      }, () => ({ revision, changed, revs, entries }));
    },
    write(change: StoreWrite) {
      let next = 0;
      return transact(db, [DATASETS, META], 'readwrite', (tx, fail) => {
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
            for (const [k, v] of Object.entries(change.meta ?? {})) ms.put(v, k);
            ms.put(nextRevs(revsReq.result as Record<string, number> | undefined, change, next), REVS);
            ms.put(next, REVISION);
          } catch (e) {
            fail(e);
          }
        };
      }, () => next);
    },
    getMeta(key) {
      let value: unknown;
      return transact(db, [META], 'readonly', (tx) => {
        const req = tx.objectStore(META).get(key);
        req.onsuccess = () => (value = req.result);
      }, () => value);
    },
  };
}
