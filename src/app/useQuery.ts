import { useEffect, useState } from 'react';
import type { Db } from '../db/types';
import { useData } from './DataContext';

export type QueryState<T> = { loading: true; data: null; error: null } | { loading: false; data: T; error: null } | { loading: false; data: null; error: string };

/**
 * Runs `run(db)` when the data or `deps` change and keeps only the latest answer,
 * so a fast filter change never shows a slower, older result.
 */
export function useQuery<T>(run: (db: Db) => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const { db, revision } = useData();
  const [state, setState] = useState<QueryState<T>>({ loading: true, data: null, error: null });
  useEffect(() => {
    if (!db) return;
    let current = true;
    setState((s) => (s.data === null ? { loading: true, data: null, error: null } : s));
    run(db).then(
      (data) => current && setState({ loading: false, data, error: null }),
      (e: unknown) => current && setState({ loading: false, data: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked where it calls useQuery (eslint.config.js: additionalHooks)
  }, [db, revision, ...deps]);
  return state;
}
