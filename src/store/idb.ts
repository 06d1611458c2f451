// A small IndexedDB wrapper: two object stores, one request per transaction, promises instead of callbacks.
import { StorageFullError, type KvStore, type StoredEntry } from './kv';

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

/** Runs `fn` in one transaction and resolves when it has committed (not merely when the request succeeded). */
function run<T>(db: IDBDatabase, store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(store, mode);
    } catch (e) {
      reject(e);
      return;
    }
    let result: T | undefined;
    let req: IDBRequest<T> | void;
    try {
      req = fn(tx.objectStore(store));
    } catch (e) {
      // put() can throw at once (value cannot be cloned, quota): nothing was written, give the transaction up.
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      reject(isQuota(e) ? new StorageFullError(e) : e);
      return;
    }
    if (req) req.onsuccess = () => (result = req.result);
    tx.oncomplete = () => resolve(result);
    const fail = () => {
      const err = tx.error ?? (req ? req.error : null) ?? new Error('IndexedDB transaction aborted');
      reject(isQuota(err) ? new StorageFullError(err) : err);
    };
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

export async function openIdbStore(): Promise<KvStore> {
  const db = await open();
  return {
    durable: true,
    async listDatasets() {
      const out: StoredEntry[] = [];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(DATASETS, 'readonly');
        const cursor = tx.objectStore(DATASETS).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          out.push({ key: String(c.key), value: c.value });
          c.continue();
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      return out;
    },
    async putDataset(key, value) {
      await run(db, DATASETS, 'readwrite', (s) => s.put(value, key));
    },
    async deleteDataset(key) {
      await run(db, DATASETS, 'readwrite', (s) => s.delete(key));
    },
    async clearDatasets() {
      await run(db, DATASETS, 'readwrite', (s) => s.clear());
    },
    async getMeta(key) {
      return run(db, META, 'readonly', (s) => s.get(key));
    },
    async setMeta(key, value) {
      await run(db, META, 'readwrite', (s) => s.put(value, key));
    },
  };
}
