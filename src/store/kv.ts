// Where persisted datasets live between visits. The app uses IndexedDB (idb.ts); tests use the in-memory store below.
//
// Every change is one `write`: the datasets it puts and deletes and the meta values it sets land together or not
// at all (one IndexedDB transaction), and bump a stored revision in that same transaction. A tab compares the
// revision with the one it last read to know whether another tab changed the data (see persist.ts).

/** One stored entry as read back: the key it was stored under and whatever came out (validated later). */
export interface StoredEntry {
  key: string;
  value: unknown;
  /** The store revision that wrote it (0: written before revisions were kept). */
  rev: number;
}

/**
 * Object stores beside the datasets, written in the same transactions and under the same revision: the evidence
 * dossier's records (documents, explanations: store/documents.ts) and the files they refer to (bytes by SHA-256).
 * Not read by `read` (a tab catching up reads only datasets); read on demand.
 */
export const SIDE_STORES = ['dossier', 'files'] as const;
export type SideStore = (typeof SIDE_STORES)[number];

/** A change to one side store; applied in this order: clear, delete, put. */
export interface SideWrite {
  clear?: boolean;
  delete?: readonly string[];
  put?: readonly { key: string; value: unknown }[];
}

/** Everything stored, read in one transaction (a backup). */
export interface StoreDump {
  revision: number;
  meta: Record<string, unknown>;
  datasets: { key: string; value: unknown }[];
  side: Record<SideStore, { key: string; value: unknown }[]>;
}

/** One change to stored data, all or nothing. Applied in this order: clear, delete, put, side stores, meta. */
export interface StoreWrite {
  put?: readonly { key: string; value: unknown }[];
  delete?: readonly string[];
  /** Remove every dataset first. */
  clear?: boolean;
  meta?: Readonly<Record<string, unknown>>;
  side?: Readonly<Partial<Record<SideStore, SideWrite>>>;
  /** The revision the writer last read: if the store has moved on since (another tab wrote), nothing is written and StaleStoreError is thrown. */
  expect?: number;
}

/** What a read found: the revision, and — when it differs from the one asked about — the datasets that changed. */
interface StoreRead {
  revision: number;
  /** False when the revision is the one the reader already had: nothing else was read. */
  changed: boolean;
  /** Every stored dataset key, with the revision that wrote it. */
  revs: Map<string, number>;
  /** Entries whose revision differs from the one the reader knows (all of them when it knows none). */
  entries: StoredEntry[];
}

export interface KvStore {
  /**
   * Reads in one transaction: the revision, and if it is not `since`, every key with its revision and the value of
   * each key whose revision is not the one in `known`.
   */
  read(since: number | null, known: ReadonlyMap<string, number>): Promise<StoreRead>;
  /** Applies one change atomically and returns the new revision. */
  write(change: StoreWrite): Promise<number>;
  getMeta(key: string): Promise<unknown>;
  /** Every record of a side store (the dossier's; files only for a backup: they may be large). */
  readSide(store: SideStore): Promise<{ key: string; value: unknown }[]>;
  /** One record of a side store, undefined when missing. */
  getSide(store: SideStore, key: string): Promise<unknown>;
  /** Everything, in one transaction. */
  dump(): Promise<StoreDump>;
  /** True when the data survives a reload (false: IndexedDB unavailable, kept in memory only). */
  readonly durable: boolean;
}

/** Meta keys the store keeps for itself. */
export const REVISION = 'revision';
export const REVS = 'revs';

/** Thrown when the browser refuses to store more (quota): the caller shows a clear message. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage full', { cause });
    this.name = 'StorageFullError';
  }
}

/** Thrown by a write whose `expect`ed revision is not the stored one: another tab wrote first. Nothing was written. */
export class StaleStoreError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`the stored data changed in another tab (revision ${actual}, expected ${expected})`);
    this.name = 'StaleStoreError';
  }
}

/** The per-dataset revisions after a write at revision `next`. */
export function nextRevs(revs: Readonly<Record<string, number>> | undefined, change: StoreWrite, next: number): Record<string, number> {
  const out: Record<string, number> = change.clear ? {} : { ...(revs ?? {}) };
  for (const k of change.delete ?? []) delete out[k];
  for (const { key } of change.put ?? []) out[key] = next;
  return out;
}

/** A store that keeps everything in memory: for tests, and when IndexedDB is unavailable (private windows of old browsers). */
export function memoryStore(): KvStore & { datasets: Map<string, unknown>; meta: Map<string, unknown>; side: Record<SideStore, Map<string, unknown>> } {
  const datasets = new Map<string, unknown>();
  const meta = new Map<string, unknown>();
  const side = { dossier: new Map<string, unknown>(), files: new Map<string, unknown>() } satisfies Record<SideStore, Map<string, unknown>>;
  const revisionNow = () => (meta.get(REVISION) as number | undefined) ?? 0;
  const revsNow = () => (meta.get(REVS) as Record<string, number> | undefined) ?? {};
  return {
    datasets,
    meta,
    side,
    durable: false,
    async read(since, known) {
      const revision = revisionNow();
      if (since !== null && since === revision) return { revision, changed: false, revs: new Map(), entries: [] };
      const stamped = revsNow();
      const revs = new Map([...datasets.keys()].map((k) => [k, stamped[k] ?? 0]));
      const entries = [...datasets]
        .filter(([k]) => known.get(k) !== revs.get(k))
        .map(([key, value]) => ({ key, value: structuredClone(value), rev: revs.get(key)! }));
      return { revision, changed: true, revs, entries };
    },
    async write(change) {
      const current = revisionNow();
      if (change.expect !== undefined && change.expect !== current) throw new StaleStoreError(change.expect, current);
      // Cloned before anything changes, so a value that cannot be stored leaves everything as it was.
      const puts = (change.put ?? []).map(({ key, value }) => [key, structuredClone(value)] as const);
      const sides = SIDE_STORES.map((name) => ({
        name,
        w: change.side?.[name],
        puts: (change.side?.[name]?.put ?? []).map(({ key, value }) => [key, structuredClone(value)] as const),
      }));
      const next = current + 1;
      const revs = nextRevs(revsNow(), change, next);
      if (change.clear) datasets.clear();
      for (const k of change.delete ?? []) datasets.delete(k);
      for (const [k, v] of puts) datasets.set(k, v);
      for (const { name, w, puts: p } of sides) {
        if (!w) continue;
        if (w.clear) side[name].clear();
        for (const k of w.delete ?? []) side[name].delete(k);
        for (const [k, v] of p) side[name].set(k, v);
      }
      for (const [k, v] of Object.entries(change.meta ?? {})) meta.set(k, structuredClone(v));
      meta.set(REVS, revs);
      meta.set(REVISION, next);
      return next;
    },
    async getMeta(key) {
      return meta.get(key);
    },
    async readSide(store) {
      return [...side[store]].map(([key, value]) => ({ key, value: structuredClone(value) }));
    },
    async getSide(store, key) {
      return structuredClone(side[store].get(key));
    },
    async dump() {
      const all = (m: Map<string, unknown>) => [...m].map(([key, value]) => ({ key, value: structuredClone(value) }));
      return {
        revision: revisionNow(),
        meta: Object.fromEntries([...meta].map(([k, v]) => [k, structuredClone(v)])),
        datasets: all(datasets),
        side: { dossier: all(side.dossier), files: all(side.files) },
      };
    },
  };
}
