// The store in use, and what the app reads of it before the engine starts (whether this is a first start, the stored
// revision: app/viewSnapshot.ts). Kept apart from persist.ts so the first view loads neither zod nor the engine's code.
import { memoryStore, REVISION, type KvStore } from './kv';
import { openIdbStore } from './idb';

let storePromise: Promise<KvStore> | null = null;

/** The store in use: IndexedDB in the browser, memory where it is missing (Node tests, very old private windows). */
export function getStore(): Promise<KvStore> {
  storePromise ??=
    typeof indexedDB === 'undefined'
      ? Promise.resolve(memoryStore())
      : openIdbStore().catch((e: unknown) => {
          console.error('IndexedDB unavailable, data will not survive a reload', e);
          return memoryStore();
        });
  return storePromise;
}

/** Tests (and nothing else) swap the store. */
export function setStore(store: KvStore): void {
  storePromise = Promise.resolve(store);
}

const STARTED = 'started';

/** True until the app has once finished starting with data (demo loaded): after that, an empty store stays empty. */
export async function isFirstStart(): Promise<boolean> {
  return (await (await getStore()).getMeta(STARTED)) !== true;
}

/** The meta value that marks the first start done; written with the demo (see app/lifecycle.ts). */
export const STARTED_META = { [STARTED]: true } as const;
/** Undoes STARTED_META: the next start loads the demo again (a first start that could not finish). */
export const NOT_STARTED_META = { [STARTED]: false } as const;

/** The stored data's revision, read without the engine (the first view's snapshot is keyed by it). */
export async function storedRevision(): Promise<number> {
  const r = await (await getStore()).getMeta(REVISION);
  return typeof r === 'number' ? r : 0;
}
