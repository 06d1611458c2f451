import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Db } from '../db/types';
import { sourcesOf, type DatasetInfo } from './catalogue';
import type { StartReport } from './lifecycle';
import type { Translate } from '../i18n/i18n';
import { dropStartSnapshot, setStamp, stampOf, startSnapshot } from './viewSnapshot';

type Status =
  { phase: 'starting' } | { phase: 'restoring'; done: number; total: number } | { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; message: string };

interface DataState {
  status: Status;
  db: Db | null;
  datasets: DatasetInfo[];
  /** Bumped after every change to the data, so views re-run their queries. */
  revision: number;
  /** Views are drawn from the last visit's snapshot while the engine starts (viewSnapshot.ts): "đang cập nhật". */
  fromSnapshot: boolean;
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

type Engine = typeof import('./engine');
/** The engine's side of the app (engine.ts), loaded with DuckDB's JS rather than before the first view. */
const loadEngine = (): Promise<Engine> => import('./engine');

/** Starts the engine, creates the tables, restores the saved data (or seeds the demo on the very first start). */
export function DataProvider({ children, connect }: { children: ReactNode; connect: () => Promise<Db> }) {
  const [status, setStatus] = useState<Status>({ phase: 'starting' });
  const [db, setDb] = useState<Db | null>(null);
  // Before the engine is ready the catalogue comes from the start snapshot: the demo badge and sources are right at once.
  const [datasets, setDatasets] = useState<DatasetInfo[]>(() => startSnapshot()?.datasets ?? []);
  const [fromSnapshot, setFromSnapshot] = useState(() => startSnapshot() !== null);
  const [revision, setRevision] = useState(0);
  const revisionRef = useRef(0);
  const [startReport, setStartReport] = useState<StartReport | null>(null);
  /** True while the demo is loaded but not yet stored: what views show then is not kept as a snapshot. */
  const unsaved = useRef(false);

  /** New data in the engine: views re-run their queries, and their answers are kept under the stored revision. */
  const engine = useRef<Engine | null>(null);
  const bump = useCallback((d: Db, list: DatasetInfo[]) => {
    revisionRef.current += 1;
    const stored = unsaved.current || !engine.current ? null : engine.current.syncedRevision(d);
    setStamp(revisionRef.current, stored === null ? null : stampOf(stored), list);
    setDatasets(list);
    setRevision(revisionRef.current);
  }, []);

  const refresh = useCallback(async () => {
    if (!db || !engine.current) return;
    bump(db, await engine.current.listDatasets(db));
  }, [db, bump]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const e = await loadEngine();
      engine.current = e;
      const started = await e.startEngine(
        connect,
        (s) => {
          if (!cancelled) setStatus(s.step === 'restoring' ? { phase: 'restoring', done: s.done, total: s.total } : { phase: 'loading' });
        },
        () => cancelled,
      );
      if (!started || cancelled) return;
      const { db: d, report, datasets: list } = started;
      unsaved.current = report.demoSaved !== null;
      // Once the demo is stored, the views answer again under its stored revision (kept for the next visit).
      void report.demoSaved?.then(async (ok) => {
        unsaved.current = !ok;
        if (ok && !cancelled) bump(d, await e.listDatasets(d));
      });
      dropStartSnapshot();
      setDb(d);
      setStartReport(report);
      bump(d, list);
      setFromSnapshot(false);
      setStatus({ phase: 'ready' });
    })().catch((e: unknown) => {
      console.error(e);
      if (!cancelled) setStatus({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
    };
  }, [connect, bump]);

  useEffect(() => {
    const on = () => void refresh();
    window.addEventListener(DATA_CHANGED_EVENT, on);
    return () => window.removeEventListener(DATA_CHANGED_EVENT, on);
  }, [refresh]);

  // Another tab changed the stored data: this tab's DuckDB catches up (persist.ts), then the views re-run their queries.
  useEffect(() => {
    const e = engine.current;
    if (!db || !e) return;
    const offSynced = e.onSynced((d) => {
      if (d === db) void refresh();
    });
    const offTabs = e.watchOtherTabs(db);
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

  return <Ctx.Provider value={{ status, db, datasets, revision, fromSnapshot, refresh, startReport, droppedFiles, takeDroppedFiles }}>{children}</Ctx.Provider>;
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
