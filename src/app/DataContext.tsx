import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Db } from '../db/types';
import { SCHEMA_SQL } from '../db/schema';
import { loadReference } from './demo';
import { listDatasets, sourcesOf, type DatasetInfo } from './catalogue';
import { startData, type StartReport } from './lifecycle';
import type { Translate } from '../i18n/i18n';
import { onSynced, watchOtherTabs } from '../store/persist';

type Status =
  | { phase: 'starting' }
  | { phase: 'restoring'; done: number; total: number }
  | { phase: 'loading' }
  | { phase: 'ready' }
  | { phase: 'error'; message: string };

interface DataState {
  status: Status;
  db: Db | null;
  datasets: DatasetInfo[];
  /** Bumped after every change to the data, so views re-run their queries. */
  revision: number;
  refresh(): Promise<void>;
  /** What start-up restored or could not restore (shown on the Dữ liệu page). */
  startReport: StartReport | null;
  /** Files dropped anywhere on the app, waiting for the Dữ liệu page to take them. */
  droppedFiles: File[];
  takeDroppedFiles(): File[];
}

const Ctx = createContext<DataState | null>(null);

/** Fired on window by code outside React that changed the data (the benchmark's import), so views refresh. */
export const DATA_CHANGED_EVENT = 'chiso:data-changed';

/** The line shown while the app starts. */
export function statusText(status: Status, t: Translate): string {
  switch (status.phase) {
    case 'starting':
      return t('app.starting');
    case 'restoring':
      return t('data.restoring', { done: status.done, total: status.total });
    default:
      return t('app.loadingDemo');
  }
}

/** Starts the engine, creates the tables, restores the saved data (or seeds the demo on the very first start). */
export function DataProvider({ children, connect }: { children: ReactNode; connect: () => Promise<Db> }) {
  const [status, setStatus] = useState<Status>({ phase: 'starting' });
  const [db, setDb] = useState<Db | null>(null);
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [revision, setRevision] = useState(0);
  const [startReport, setStartReport] = useState<StartReport | null>(null);

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
      await d.exec(SCHEMA_SQL);
      await loadReference(d);
      performance.mark('chiso:restore-start');
      const report = await startData(d, (s) => {
        if (cancelled) return;
        setStatus(s.step === 'restoring' ? { phase: 'restoring', done: s.done, total: s.total } : { phase: 'loading' });
      });
      performance.mark('chiso:data-ready'); // restore (or first-start demo) done: read by `npm run bench`
      if (cancelled) return;
      setDb(d);
      setStartReport(report);
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

  useEffect(() => {
    const on = () => void refresh();
    window.addEventListener(DATA_CHANGED_EVENT, on);
    return () => window.removeEventListener(DATA_CHANGED_EVENT, on);
  }, [refresh]);

  // Another tab changed the stored data: this tab's DuckDB catches up (persist.ts), then the views re-run their queries.
  useEffect(() => {
    if (!db) return;
    const offSynced = onSynced((d) => {
      if (d === db) void refresh();
    });
    const offTabs = watchOtherTabs(db);
    return () => {
      offSynced();
      offTabs();
    };
  }, [db, refresh]);

  // Files dropped anywhere on the app go to the Dữ liệu page (its own drop zone handles drops on it and marks them handled).
  const [droppedFiles, setDroppedFiles] = useState<File[]>([]);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault(); // without this the browser would open the file instead
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      setDroppedFiles((f) => [...f, ...files]);
      if (!window.location.hash.startsWith('#/data')) window.location.hash = '#/data';
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  const takeDroppedFiles = useCallback(() => {
    const files = droppedFiles;
    if (files.length) setDroppedFiles([]);
    return files;
  }, [droppedFiles]);

  return (
    <Ctx.Provider value={{ status, db, datasets, revision, refresh, startReport, droppedFiles, takeDroppedFiles }}>{children}</Ctx.Provider>
  );
}

export function useData(): DataState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useData outside DataProvider');
  return v;
}

/** The source line of a chart built from these kinds of data (see sourcesOf). */
export function useSourceOf(kinds: readonly string[]): string | undefined {
  return sourcesOf(useData().datasets, kinds);
}
