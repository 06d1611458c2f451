// How much the browser lets the app keep: usage and quota (navigator.storage.estimate), and the request that the
// data not be evicted under storage pressure (navigator.storage.persist). Both may be missing or refused: the app
// then says it does not know, and the browser's refusal of a write (StorageFullError) remains the last word.

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  /** True when the browser promised not to evict the data; null when it cannot say. */
  persisted: boolean | null;
}

type StorageManagerLike = {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
};

const manager = (): StorageManagerLike | null => (typeof navigator !== 'undefined' ? ((navigator as { storage?: StorageManagerLike }).storage ?? null) : null);

export async function storageInfo(): Promise<StorageInfo> {
  const m = manager();
  const [est, persisted] = await Promise.all([
    m?.estimate ? m.estimate().catch(() => null) : Promise.resolve(null),
    m?.persisted ? m.persisted().catch(() => null) : Promise.resolve(null),
  ]);
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}

/** Asks once per page that stored data be kept (Firefox may ask the user; Chromium decides by itself). */
let asked: Promise<boolean | null> | null = null;
export function askPersistence(): Promise<boolean | null> {
  const m = manager();
  asked ??= m?.persist ? m.persist().catch(() => null) : Promise.resolve(null);
  return asked;
}
