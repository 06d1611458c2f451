import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import type { SourceFile } from '../../ingest/types';
import { newId } from '../../ingest/sql';
import { commitBatchAndPersist, recheckAll, type CommitStep } from '../../app/importFlow';
import { Progress } from '../../app/ui/Progress';
import { ImportStepProgress } from './ImportProgress';
import { PlanCard, type CardStatus } from './PlanCard';

interface Picked {
  key: number;
  file: SourceFile;
}

let nextKey = 0;

/** A file's bytes, read in chunks so that a large file shows how far it is (its size is known: a determinate bar). */
async function readBytes(f: File, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (typeof f.stream !== 'function') return new Uint8Array(await f.arrayBuffer());
  const out = new Uint8Array(f.size);
  const reader = f.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    onBytes(value.length);
  }
  return at === out.length ? out : out.slice(0, at);
}

/** Bytes read of the files being picked: what the reading bar shows. */
interface Reading {
  files: string;
  done: number;
  total: number;
}

async function readFiles(list: FileList | readonly File[], onReading: (r: Reading | null) => void): Promise<Picked[]> {
  const files = [...list];
  const r: Reading = { files: files.map((f) => f.name).join(', '), done: 0, total: files.reduce((n, f) => n + f.size, 0) };
  // The bar is told at most every 100 ms: a chunk is 64 KB, a large file has thousands.
  let told = 0;
  const tell = (n: number) => {
    r.done += n;
    const now = performance.now();
    if (now - told > 100) {
      told = now;
      onReading({ ...r });
    }
  };
  try {
    return await Promise.all(files.map(async (f) => ({ key: nextKey++, file: { name: f.name, bytes: await readBytes(f, tell) } })));
  } finally {
    onReading(null);
  }
}


/**
 * Drop zone and file picker; one plan card per file. The files waiting here are one batch: each is checked against
 * what the others will land (criteria for scores, questions for answers), checked again at once when one of them or
 * the loaded data changes, and "Nạp cả N tệp" lands them all in one transaction — all or nothing.
 */
export function ImportPanel() {
  const { t, locale } = useI18n();
  const { db, revision, refresh, droppedFiles, takeDroppedFiles } = useData();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const batch = useRef(newId('batch')).current;

  // Re-checks of the batch, one at a time; a change during one asks for another after it.
  const [batchVersion, setBatchVersion] = useState(0);
  const rechecking = useRef({ running: false, again: false });
  const recheck = useCallback(() => {
    if (!db) return;
    const r = rechecking.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    void (async () => {
      try {
        do {
          r.again = false;
          await recheckAll(db, batch);
          setBatchVersion((v) => v + 1);
        } while (r.again);
      } catch (e) {
        console.error(e);
      } finally {
        r.running = false;
      }
    })();
  }, [db, batch]);

  // The loaded data changed (a file landed here, another tab changed it): the batch is checked against it again.
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (revision === seenRevision.current) return;
    seenRevision.current = revision;
    recheck();
  }, [revision, recheck]);

  // The cards waiting to land with the batch, by key.
  const statuses = useRef(new Map<number, CardStatus>());
  const [, setStatusVersion] = useState(0);
  const statusHandlers = useRef(new Map<number, (s: CardStatus | null) => void>());
  const statusFor = (key: number) => {
    let h = statusHandlers.current.get(key);
    if (!h) {
      h = (s) => {
        if (s) statuses.current.set(key, s);
        else if (!statuses.current.delete(key)) return;
        setStatusVersion((v) => v + 1);
      };
      statusHandlers.current.set(key, h);
    }
    return h;
  };
  const members = picked.map((p) => statuses.current.get(p.key)).filter((s): s is CardStatus => !!s);
  const blocking = members.filter((m) => !m.ready);

  const [committingAll, setCommittingAll] = useState<number | null>(null);
  const [batchStep, setBatchStep] = useState<CommitStep>('loading');
  const [reading, setReading] = useState<Reading | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [batchError, setBatchError] = useState<string | null>(null);
  const commitAll = async () => {
    if (!db || blocking.length || members.length < 2) return;
    const landing = [...members];
    setCommittingAll(landing.length);
    setBatchStep('loading');
    setBatchError(null);
    for (const m of landing) m.begin();
    try {
      const outs = await commitBatchAndPersist(db, landing.map((m) => ({ plan: m.plan!, answers: m.answers })), undefined, { onWait: setWaiting, onStep: setBatchStep });
      outs.forEach((o, i) => landing[i]!.finish(o));
      const culprit = outs.find((o) => !o.ok && !o.problems.every((p) => p.expected.key === 'ingest.problem.batchRefused'));
      if (culprit) setBatchError(t('data.batchRefused', { file: culprit.plan?.file ?? '' }));
    } catch (e) {
      for (const m of landing) m.finish({ error: e });
    } finally {
      setWaiting(false);
      setCommittingAll(null);
      await refresh();
    }
  };

  const add = async (list: FileList | readonly File[] | null) => {
    if (!list || list.length === 0) return;
    const files = await readFiles(list, setReading);
    setPicked((p) => [...files, ...p]);
  };

  // Files dropped elsewhere on the app, handed over by DataContext.
  useEffect(() => {
    if (droppedFiles.length) void add(takeDroppedFiles());
  }, [droppedFiles, takeDroppedFiles]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add(e.dataTransfer.files);
  };

  const n = committingAll ?? members.length;
  const quoted = (f: string) => (locale === 'vi' ? `«${f}»` : `“${f}”`);
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
        {reading && (
          <Progress label={t('ui.import.reading', { file: reading.files })} value={reading.done / 2 ** 20} max={reading.total / 2 ** 20} unit={t('ui.unit.mb')} decimals={1} delay={300} testId="import-reading" />
        )}
      </div>
      {(n >= 2 || batchError) && (
        <div className="commit-all" data-testid="commit-all-box">
          {n >= 2 && (
            <button type="button" className="btn primary" data-testid="import-commit-all" disabled={committingAll !== null || blocking.length > 0} onClick={() => void commitAll()}>
              {committingAll !== null ? t('data.committing') : t('data.commitAll', { n })}
            </button>
          )}
          {n >= 2 && <span className="note">{t('data.commitAllNote', { n })}</span>}
          {committingAll === null && n >= 2 && blocking.length > 0 && (
            <p className="note" data-testid="commit-all-blocked">{t('data.commitAllBlocked', { n, files: blocking.map((b) => quoted(b.file)).join(', ') })}</p>
          )}
          {waiting && committingAll !== null && <p className="note" role="status" data-testid="import-waiting">{t('data.waiting')}</p>}
          {!waiting && committingAll !== null && <ImportStepProgress step={batchStep} />}
          {batchError && <p className="error" role="alert" data-testid="batch-refused">{batchError}</p>}
        </div>
      )}
      {picked.map((p) => (
        <PlanCard key={p.key} file={p.file} batch={batch} batchVersion={batchVersion} onBatchChange={recheck} onStatus={statusFor(p.key)}
          onRemove={() => setPicked((all) => all.filter((x) => x.key !== p.key))} />
      ))}
    </div>
  );
}
