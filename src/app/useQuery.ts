import { useEffect, useState } from 'react';
import type { Db } from '../db/types';
import { useData } from './DataContext';
import { queryKey, recordResult, snapshotResult } from './viewSnapshot';

type QueryState<T> =
  | { loading: true; data: null; error: null; stale?: false }
  /** `stale`: drawn from the start snapshot (viewSnapshot.ts) while the engine starts; replaced when it answers. */
  | { loading: false; data: T; error: null; stale?: boolean }
  | { loading: false; data: null; error: string; stale?: false };

/**
 * Runs `run(db)` when the data or `deps` change and keeps only the latest answer,
 * so a fast filter change never shows a slower, older result.
 * With a `snapshotId` the answer is kept for the next start, and the view draws from the last one before the engine is
 * ready (the first view without the engine: viewSnapshot.ts). Results must then be plain data (structured-cloneable).
 */
export function useQuery<T>(run: (db: Db) => Promise<T>, deps: readonly unknown[], snapshotId?: string): QueryState<T> {
  const { db, revision } = useData();
  const key = snapshotId ? queryKey(snapshotId, deps) : null;
  const [state, setState] = useState<QueryState<T>>(() => {
    const snap = key && !db ? snapshotResult(key) : null;
    return snap ? { loading: false, data: snap.value as T, error: null, stale: true } : { loading: true, data: null, error: null };
  });
  useEffect(() => {
    if (!db) {
      // Deps changed before the engine is ready (a setting, a link): the start snapshot may have the new ones too.
      const snap = key ? snapshotResult(key) : null;
      setState(snap ? { loading: false, data: snap.value as T, error: null, stale: true } : { loading: true, data: null, error: null });
      return;
    }
    let current = true;
    setState((s) => (s.data === null ? { loading: true, data: null, error: null } : s));
    run(db).then(
      (data) => {
        if (!current) return;
        setState({ loading: false, data, error: null });
        if (!key) return;
        recordResult(key, data, revision);
        performance.mark(`chiso:answered:${snapshotId}`); // the engine's answer replaced any snapshot (read by tests and the bench)
      },
      (e: unknown) => current && setState({ loading: false, data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked where it calls useQuery (eslint.config.js: additionalHooks)
  }, [db, revision, ...deps]);
  return state;
}
