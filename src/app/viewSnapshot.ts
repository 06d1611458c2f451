// The first view without the engine (issue 17). DuckDB-WASM takes seconds to start on an office PC; the page the user
// opens need not wait for it. Every query a view marks with a snapshot id (useQuery's third argument) keeps its
// latest result here, saved in IndexedDB under the revision of the stored data it was computed from. At the next
// start, before the engine is ready, a view whose snapshot matches the stored revision draws from it, marked
// "đang cập nhật" until the engine has answered the same queries. A snapshot of other data is never shown: any
// import, edit or deletion bumps the store's revision. On a first visit the demo's snapshot shipped with the build
// (data/demo-view-snapshot.json, made by `npm run snapshot`) plays that part.
import type { DatasetInfo } from './catalogue';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';

/** What the views showed for one state of the data. */
export interface ViewSnapshot {
  /** `${build}:${store revision}`, or DEMO_STAMP for the shipped demo snapshot. */
  stamp: string;
  datasets: DatasetInfo[];
  /** Query key (id and deps) → its result. */
  queries: Record<string, unknown>;
}

const DEMO_STAMP = 'demo';
declare const __BUILD_ID__: string;
/** Results of another build may be shaped differently: a snapshot is only read back by the build that wrote it. */
const BUILD = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';
export const stampOf = (storeRevision: number) => `${BUILD}:${storeRevision}`;

const DB_NAME = 'chiso-views';
const STORE = 'views';
const KEY = 'last';
/** Past this many queries the oldest are dropped: the snapshot is for the views last drawn, not a cache of all. */
const MAX_QUERIES = 60;

export const queryKey = (id: string, deps: readonly unknown[]) => `${id}|${JSON.stringify(deps)}`;

/** The snapshot read at start: what views may draw before the engine is ready. Null once the engine has answered. */
let atStart: ViewSnapshot | null = null;
/** Set once the start is past (the engine answered, or reading the snapshot took too long): it is not taken later. */
let closed = false;
/** What is being kept for the current state of the data. */
let current: ViewSnapshot | null = null;
/** The data change counter (DataContext's revision) the current stamp is for; results of others wait in `pending`. */
let stampedRevision = -1;
const pending = new Map<number, Map<string, unknown>>();

function openViews(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

async function readSaved(): Promise<ViewSnapshot | null> {
  const db = await openViews();
  try {
    return await new Promise<ViewSnapshot | null>((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      req.onsuccess = () => resolve((req.result as ViewSnapshot | undefined) ?? null);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

let writing: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Saved a moment after the last result, in one write: a page drawing ten charts writes once. */
function scheduleSave() {
  if (timer !== null || typeof indexedDB === 'undefined') return;
  timer = setTimeout(() => {
    timer = null;
    const value = current;
    if (!value) return;
    writing = writing
      .then(async () => {
        const db = await openViews();
        try {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(STORE, 'readwrite');
            tx.objectStore(STORE).put(value, KEY);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
          });
        } finally {
          db.close();
        }
      })
      .catch((e: unknown) => console.warn('view snapshot not saved', e));
  }, 400);
}

/**
 * Reads the snapshot the first view may draw from: the saved one when it was made from the stored data as it is now,
 * else — on a first start — the demo's. Never throws and never waits long: without a snapshot the app starts as before.
 */
export async function loadStartSnapshot(opts: {
  firstStart: () => Promise<boolean>;
  storeRevision: () => Promise<number>;
  demoUrl: string;
  within: number;
}): Promise<void> {
  const read = async (): Promise<ViewSnapshot | null> => {
    if (await opts.firstStart()) {
      const res = await fetch(opts.demoUrl);
      if (!res.ok) return null;
      const demo = decodeSnapshot(await res.text()) as ViewSnapshot;
      return demo.stamp === DEMO_STAMP ? demo : null;
    }
    const saved = typeof indexedDB === 'undefined' ? null : await readSaved();
    return saved && saved.stamp === stampOf(await opts.storeRevision()) ? saved : null;
  };
  const found = await Promise.race([
    read().catch((e: unknown) => (console.warn('no view snapshot', e), null)),
    new Promise<null>((r) => setTimeout(() => r(null), opts.within)),
  ]);
  if (!closed) atStart = found;
  closed = true;
}

/** The result a view may draw before the engine answers, if the start snapshot has one. */
export function snapshotResult(key: string): { value: unknown } | null {
  return atStart && key in atStart.queries ? { value: atStart.queries[key] } : null;
}

export const startSnapshot = (): ViewSnapshot | null => atStart;

/** The engine is ready and has answered: no view draws from the start snapshot any more. */
export function dropStartSnapshot(): void {
  atStart = null;
  closed = true;
}

function keep(key: string, value: unknown) {
  if (!current) return;
  delete current.queries[key]; // re-inserted last: the most recent results are kept when trimming
  current.queries[key] = value;
  const keys = Object.keys(current.queries);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_QUERIES))) delete current.queries[k];
  scheduleSave();
}

/** A view's query answered for the data at `revision` (DataContext's counter). */
export function recordResult(key: string, value: unknown, revision: number): void {
  if (revision === stampedRevision && current) return keep(key, value);
  if (revision > stampedRevision) {
    const list = pending.get(revision) ?? new Map<string, unknown>();
    list.set(key, value);
    pending.set(revision, list);
  }
}

/**
 * The data at `revision` is the stored data at `stamp` (or, with null, not yet stored: nothing is saved for it).
 * Results already computed for it are kept; older ones are dropped.
 */
export function setStamp(revision: number, stamp: string | null, datasets: DatasetInfo[]): void {
  stampedRevision = revision;
  const waiting = pending.get(revision);
  for (const r of [...pending.keys()]) if (r <= revision) pending.delete(r);
  if (stamp === null) {
    current = null;
    return;
  }
  current = { stamp, datasets, queries: current?.stamp === stamp ? current.queries : {} };
  for (const [k, v] of waiting ?? []) keep(k, v);
  scheduleSave();
}

/** The snapshot kept now, as the shipped demo snapshot file holds it (`npm run snapshot` writes it). */
export function exportSnapshot(): string | null {
  return current ? encodeSnapshot({ ...current, stamp: DEMO_STAMP }) : null;
}
