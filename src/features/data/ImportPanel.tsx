import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { COMMIT_ORDER } from '../../ingest/formats';
import type { Kind } from '../../ingest/types';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import type { SourceFile } from '../../ingest/types';
import { PlanCard, REFERENCE_KINDS, type ReadyInfo } from './PlanCard';

interface Picked {
  key: number;
  file: SourceFile;
}

let nextKey = 0;

async function readFiles(list: FileList | readonly File[]): Promise<Picked[]> {
  return Promise.all([...list].map(async (f) => ({ key: nextKey++, file: { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } })));
}

/** Drop zone and file picker; one plan card per file (a batch is atomic per file, not across files). */
export function ImportPanel() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { droppedFiles, takeDroppedFiles } = useData();
  // Cards ready to load, for "Nạp tất cả": references (units, criteria) land before what is checked against them.
  const commits = useRef(new Map<number, () => Promise<void>>());
  const [ready, setReady] = useState<Record<number, Kind>>({});
  const [committingAll, setCommittingAll] = useState(false);
  const [refsVersion, setRefsVersion] = useState(0);
  const onAnalysed = useCallback((kind: Kind) => {
    if (REFERENCE_KINDS.includes(kind)) setRefsVersion((v) => v + 1);
  }, []);
  const onReady = useCallback((key: number, info: ReadyInfo | null) => {
    if (info) commits.current.set(key, info.commit);
    else commits.current.delete(key);
    setReady((r) => {
      if (info ? r[key] === info.kind : !(key in r)) return r;
      const next = { ...r };
      if (info) next[key] = info.kind;
      else delete next[key];
      return next;
    });
  }, []);
  const readyKeys = Object.keys(ready).map(Number);
  const commitAll = async () => {
    setCommittingAll(true);
    try {
      const order = [...readyKeys].sort((a, b) => COMMIT_ORDER.indexOf(ready[a]!) - COMMIT_ORDER.indexOf(ready[b]!) || a - b);
      for (const key of order) await commits.current.get(key)?.();
    } finally {
      setCommittingAll(false);
    }
  };
  const readyHandlers = useRef(new Map<number, (info: ReadyInfo | null) => void>());
  const handlerFor = (key: number) => {
    let h = readyHandlers.current.get(key);
    if (!h) {
      h = (info) => onReady(key, info);
      readyHandlers.current.set(key, h);
    }
    return h;
  };

  const add = async (list: FileList | readonly File[] | null) => {
    if (!list || list.length === 0) return;
    const files = await readFiles(list);
    setPicked((p) => [...files, ...p]);
  };

  // Files dropped elsewhere on the app, handed over by DataContext.
  useEffect(() => {
    if (droppedFiles.length) void add(takeDroppedFiles());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [droppedFiles]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add(e.dataTransfer.files);
  };

  return (
    <div className="import-panel">
      <div className={`drop-zone${over ? ' over' : ''}`} data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
        onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <p className="drop-title">{t('data.drop')}</p>
        <p>
          {t('data.dropOr')}{' '}
          <label className="btn primary file-pick">
            {t('data.pick')}
            <input ref={input} type="file" multiple data-testid="import-input" className="visually-hidden"
              accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.parquet,.json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                void add(e.target.files).finally(() => {
                  if (input.current) input.current.value = ''; // the same file can be chosen again after fixing it
                });
              }} />
          </label>
        </p>
        <p className="muted">{t('data.dropHint')}</p>
      </div>
      {readyKeys.length >= 2 && (
        <div className="commit-all">
          <button type="button" className="btn primary" data-testid="import-commit-all" disabled={committingAll} onClick={() => void commitAll()}>
            {committingAll ? t('data.committing') : t('data.commitAll', { n: readyKeys.length })}
          </button>
          <span className="note">{t('data.commitAllNote')}</span>
        </div>
      )}
      {picked.map((p) => (
        <PlanCard key={p.key} file={p.file} onReady={handlerFor(p.key)} onAnalysed={onAnalysed} refsVersion={refsVersion} onRemove={() => setPicked((all) => all.filter((x) => x.key !== p.key))} />
      ))}
    </div>
  );
}
