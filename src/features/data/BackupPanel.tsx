// "Sao lưu" / "Khôi phục từ bản sao lưu" on Dữ liệu (issue 20), with how much of the browser's storage is used,
// whether it is kept persistently, and when the last backup was made.
import { useEffect, useRef, useState } from 'react';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { formatBytes, formatDateTime, formatPercent } from '../../i18n/format';
import { saveBlob } from '../../export/download';
import { backupDue, storageLevel } from '../../domain/dossier';
import { ArchiveError, isBackedUpLocalKey, makeBackup, readBackup, readBackupMark, restoreBackup, writeBackupMark } from '../../store/backup';
import { StorageFullError } from '../../store/kv';
import { askPersistence, storageInfo, type StorageInfo } from '../../store/quota';
import { readDossier } from '../../store/documents';
import { storedRevision } from '../../store/store';

type Note = { kind: 'ok' | 'error'; text: string } | null;

/** The app's own localStorage values (settings, pins, language, saved queries). */
function localValues(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k && isBackedUpLocalKey(k)) out[k] = localStorage.getItem(k) ?? '';
  }
  return out;
}

/** The backup's localStorage values replace the app's own; views that follow settings hear of it. */
function restoreLocal(values: Readonly<Record<string, string>>) {
  for (const k of Object.keys(localValues())) if (!(k in values)) localStorage.removeItem(k);
  for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
  for (const k of Object.keys(values)) window.dispatchEvent(new StorageEvent('storage', { key: k }));
}

const stamp = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}`;
};

export function BackupPanel() {
  const { t, locale } = useI18n();
  const { db, datasets, revision, refresh } = useData();
  const [busy, setBusy] = useState<'make' | 'restore' | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [state, setState] = useState<{ due: boolean; changes: number | null; last: ReturnType<typeof readBackupMark> }>({ due: false, changes: null, last: null });
  const input = useRef<HTMLInputElement>(null);

  // Usage, quota and the reminder: read again after every change to the data.
  useEffect(() => {
    let live = true;
    void (async () => {
      const [i, rev, dossier] = await Promise.all([storageInfo(), storedRevision(), readDossier().catch(() => null)]);
      if (!live) return;
      setInfo(i);
      const last = readBackupMark();
      const ownData = datasets.some((d) => !d.is_demo) || (dossier?.docs.length ?? 0) > 0 || (dossier?.notes.length ?? 0) > 0;
      setState({ ...backupDue({ ownData, revision: rev, last, now: new Date() }), last });
    })();
    return () => {
      live = false;
    };
  }, [revision, datasets]);

  const why = (e: unknown) =>
    e instanceof ArchiveError ? t(`data.backup.why.${e.problem}`, { detail: e.detail })
      : e instanceof StorageFullError ? t('data.backup.full')
        : e instanceof Error ? e.message : String(e);

  async function make() {
    setBusy('make');
    setNote(null);
    try {
      const now = new Date();
      const made = await makeBackup(localValues(), now);
      const file = `Chiso_sao_luu_${stamp(now)}.zip`;
      saveBlob(file, new Blob([made.bytes as BlobPart], { type: 'application/zip' }));
      const mark = { revision: made.revision, at: now.toISOString() };
      writeBackupMark(mark);
      setState({ due: false, changes: 0, last: mark });
      const text = t('data.backup.made', { datasets: made.counts.datasets, documents: made.counts.documents, file, size: formatBytes(made.bytes.length, locale) });
      setNote({ kind: 'ok', text: made.skipped ? `${text} ${t('data.backup.madeSkipped', { n: made.skipped })}` : text });
      void askPersistence();
      await refresh();
    } catch (e) {
      console.error(e);
      setNote({ kind: 'error', text: t('data.backup.failed', { message: why(e) }) });
    } finally {
      setBusy(null);
    }
  }

  async function restore(file: File) {
    if (!db) return;
    setBusy('restore');
    setNote(null);
    try {
      const content = await readBackup(new Uint8Array(await file.arrayBuffer()));
      const date = formatDateTime(new Date(content.createdAt), locale);
      if (!window.confirm(t('data.backup.confirm', { date, datasets: content.counts.datasets, documents: content.counts.documents }))) return;
      let skipped = 0;
      await restoreBackup(db, content, { onWait: setWaiting, onSkipped: () => skipped++ });
      restoreLocal(content.local);
      // What is stored now is exactly a backup: the reminder starts counting from here.
      writeBackupMark({ revision: await storedRevision(), at: new Date().toISOString() });
      const text = t('data.backup.restored', { date, datasets: content.counts.datasets, documents: content.counts.documents });
      setNote({ kind: skipped ? 'error' : 'ok', text: skipped ? `${text} ${t('data.backup.restoredSkipped', { n: skipped })}` : text });
    } catch (e) {
      if (!(e instanceof ArchiveError)) console.error(e); // a refused backup is the user's news, not a fault
      setNote({ kind: 'error', text: t('data.backup.refused', { file: file.name, reason: why(e) }) });
    } finally {
      setWaiting(false);
      await refresh();
      setBusy(null);
    }
  }

  async function persist() {
    const ok = await askPersistence();
    setInfo(await storageInfo());
    if (!ok) setNote({ kind: 'error', text: t('data.backup.persistRefused') });
  }

  const level = storageLevel(info?.usage ?? null, info?.quota ?? null);
  return (
    <div className="backup" data-testid="backup" aria-busy={busy !== null}>
      <p className="muted">{t('data.backup.intro')}</p>
      <p data-testid="backup-usage">
        {info && info.usage !== null && info.quota !== null
          ? t('data.backup.usage', { used: formatBytes(info.usage, locale), quota: formatBytes(info.quota, locale), pct: formatPercent((info.usage / info.quota) * 100, locale, 1) })
          : t('data.backup.usageUnknown')}
        {' '}
        {info?.persisted === true ? t('data.backup.persisted') : info?.persisted === false ? t('data.backup.notPersisted') : null}
        {info?.persisted === false && <> <button type="button" className="btn-small" onClick={() => void persist()} data-testid="backup-persist">{t('data.backup.persist')}</button></>}
      </p>
      {(level === 'warn' || level === 'critical') && (
        <p className="warning-box" role="alert" data-testid="storage-warning">{t(level === 'critical' ? 'data.backup.critical' : 'data.backup.warn')}</p>
      )}
      <p data-testid="backup-last">
        {state.last ? t('data.backup.last', { time: formatDateTime(new Date(state.last.at), locale), changes: state.changes ?? 0 }) : t('data.backup.never')}
      </p>
      {state.due && <p className="warning-box" role="status" data-testid="backup-due">{t('data.backup.due')}</p>}
      <div className="catalogue-actions">
        <button type="button" className="btn primary" onClick={() => void make()} disabled={busy !== null} data-testid="backup-make">
          {busy === 'make' ? t('data.backup.making') : t('data.backup.make')}
        </button>
        <button type="button" className="btn" onClick={() => input.current?.click()} disabled={busy !== null || !db} data-testid="backup-restore">
          {busy === 'restore' ? t('data.backup.restoring') : t('data.backup.restore')}
        </button>
        <input ref={input} type="file" accept=".zip,application/zip" hidden data-testid="backup-restore-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void restore(f);
          }} />
        {waiting && busy !== null && <p className="note" role="status">{t('data.waiting')}</p>}
        {note && <p className={note.kind === 'ok' ? 'note-ok' : 'error'} role="status" data-testid="backup-note">{note.text}</p>}
      </div>
    </div>
  );
}
