import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import type { SourceFile } from '../../ingest/types';
import { PlanCard } from './PlanCard';

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
              accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.parquet,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                void add(e.target.files).finally(() => {
                  if (input.current) input.current.value = ''; // the same file can be chosen again after fixing it
                });
              }} />
          </label>
        </p>
        <p className="muted">{t('data.dropHint')}</p>
      </div>
      {picked.map((p) => (
        <PlanCard key={p.key} file={p.file} onRemove={() => setPicked((all) => all.filter((x) => x.key !== p.key))} />
      ))}
    </div>
  );
}
