// Two locks.
// - `exclusive`: one user of this tab's DuckDB connection at a time. The app talks to DuckDB over a single
//   connection, and two interleaved BEGIN…COMMIT blocks (an import committing while a dataset is deleted) would fail
//   or mix. Checking a file (staging) takes only this one.
// - `writer`: one writer of the stored data across every tab of the app (a Web Lock, where the browser has them),
//   then `exclusive`. A tab waiting for another tab's writer does not hold its own connection meanwhile, so its
//   checks go on.
// Neither may be taken again inside itself: the *Unlocked functions exist for that.

export interface WaitOptions {
  /** Called with true when the operation has to wait for another one, false when it starts after waiting. */
  onWait?(waiting: boolean): void;
}

let tail: Promise<unknown> = Promise.resolve();
let queued = 0;

export function exclusive<T>(fn: () => Promise<T>, opts: WaitOptions = {}): Promise<T> {
  const waits = queued > 0;
  queued++;
  if (waits) opts.onWait?.(true);
  const start = () => {
    if (waits) opts.onWait?.(false);
    return fn();
  };
  const run = tail.then(start, start).finally(() => queued--);
  tail = run.catch(() => undefined);
  return run;
}

/** The Web Lock every tab of the app takes to change stored data. */
export const WRITER_LOCK = 'chiso-writer';

type Locks = {
  request<T>(name: string, options: { ifAvailable?: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
  request<T>(name: string, cb: (lock: unknown) => Promise<T>): Promise<T>;
};

function webLocks(): Locks | null {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks ?? null;
}

/** Runs `fn` as the only writer of stored data (all tabs), holding this tab's DuckDB connection. */
export async function writer<T>(fn: () => Promise<T>, opts: WaitOptions = {}): Promise<T> {
  const locks = webLocks();
  if (!locks) return exclusive(fn, opts);
  const NOT_FREE = Symbol('not free');
  const first = await locks.request(WRITER_LOCK, { ifAvailable: true }, async (lock): Promise<T | typeof NOT_FREE> => (lock ? exclusive(fn, opts) : NOT_FREE));
  if (first !== NOT_FREE) return first;
  opts.onWait?.(true);
  return locks.request(WRITER_LOCK, () => {
    opts.onWait?.(false);
    return exclusive(fn, opts);
  });
}
