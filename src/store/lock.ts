// One writer at a time: the app talks to DuckDB over a single connection, and two interleaved
// BEGIN…COMMIT blocks (an import committing while a dataset is deleted) would fail or mix.
let tail: Promise<unknown> = Promise.resolve();

export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
