import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Db } from '../db/types';
import { SCHEMA_SQL } from '../db/schema';
import { loadDemo, loadReference } from '../features/data/demo';
import { listDatasets, type DatasetInfo } from '../features/data/catalogue';

type Status = { phase: 'starting' } | { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; message: string };

interface DataState {
  status: Status;
  db: Db | null;
  datasets: DatasetInfo[];
  /** Bumped after every change to the data, so views re-run their queries. */
  revision: number;
  refresh(): Promise<void>;
}

const Ctx = createContext<DataState | null>(null);

/** Starts the engine, creates the tables, restores or seeds the data, then lets the views query. */
export function DataProvider({ children, connect }: { children: ReactNode; connect: () => Promise<Db> }) {
  const [status, setStatus] = useState<Status>({ phase: 'starting' });
  const [db, setDb] = useState<Db | null>(null);
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [revision, setRevision] = useState(0);

  const refresh = useCallback(async () => {
    if (!db) return;
    setDatasets(await listDatasets(db));
    setRevision((r) => r + 1);
  }, [db]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const d = await connect();
      if (cancelled) return;
      setStatus({ phase: 'loading' });
      await d.exec(SCHEMA_SQL);
      await loadReference(d);
      if ((await listDatasets(d)).length === 0) await loadDemo(d);
      if (cancelled) return;
      setDb(d);
      setDatasets(await listDatasets(d));
      setRevision((r) => r + 1);
      setStatus({ phase: 'ready' });
    })().catch((e: unknown) => {
      console.error(e);
      if (!cancelled) setStatus({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
    };
  }, [connect]);

  return <Ctx.Provider value={{ status, db, datasets, revision, refresh }}>{children}</Ctx.Provider>;
}

export function useData(): DataState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useData outside DataProvider');
  return v;
}
