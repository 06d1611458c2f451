// Where persisted datasets live between visits. The app uses IndexedDB (idb.ts); tests use the in-memory store below.

/** One stored entry as read back: the key it was stored under and whatever came out (validated later). */
export interface StoredEntry {
  key: string;
  value: unknown;
}

export interface KvStore {
  /** Every stored dataset. */
  listDatasets(): Promise<StoredEntry[]>;
  /** Writes one dataset whole: either the entire value lands or nothing does. */
  putDataset(key: string, value: unknown): Promise<void>;
  deleteDataset(key: string): Promise<void>;
  clearDatasets(): Promise<void>;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** True when the data survives a reload (false: IndexedDB unavailable, kept in memory only). */
  readonly durable: boolean;
}

/** Thrown when the browser refuses to store more (quota): the caller shows a clear message. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage full', { cause });
    this.name = 'StorageFullError';
  }
}

/** A store that keeps everything in memory: for tests, and when IndexedDB is unavailable (private windows of old browsers). */
export function memoryStore(): KvStore & { datasets: Map<string, unknown>; meta: Map<string, unknown> } {
  const datasets = new Map<string, unknown>();
  const meta = new Map<string, unknown>();
  return {
    datasets,
    meta,
    durable: false,
    async listDatasets() {
      return [...datasets].map(([key, value]) => ({ key, value: structuredClone(value) }));
    },
    async putDataset(key, value) {
      datasets.set(key, structuredClone(value));
    },
    async deleteDataset(key) {
      datasets.delete(key);
    },
    async clearDatasets() {
      datasets.clear();
    },
    async getMeta(key) {
      return meta.get(key);
    },
    async setMeta(key, value) {
      meta.set(key, value);
    },
  };
}
