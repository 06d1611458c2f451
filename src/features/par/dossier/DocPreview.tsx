// One evidence document: PDF in the browser's own viewer, an image as it is, Word and Excel to download; its details
// (editable), the criteria it backs, and — opened from a criterion — taking it off that criterion.
import { useEffect, useState } from 'react';
import { useData } from '../../../app/DataContext';
import { useI18n } from '../../../i18n/i18n';
import { formatBytes } from '../../../i18n/format';
import { saveBlob } from '../../../export/download';
import { dayText, type CriterionRef, type EvidenceDoc } from '../../../domain/dossier';
import { readFile } from '../../../store/documents';
import { StorageFullError } from '../../../store/kv';
import { dateOk, saveDocFields, unlink, type DocFields } from './edits';
import { DateField } from './AttachDialog';
import { Modal } from './Modal';
import { LinkList } from './DocList';

export function DocPreview({
  doc,
  from,
  unitNames,
  onClose,
  onSaved,
}: {
  doc: EvidenceDoc;
  /** The criterion it was opened from: offers to take it off there. */
  from: CriterionRef | null;
  unitNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const [url, setUrl] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [fields, setFields] = useState<DocFields>({ title: doc.title, number: doc.number ?? '', date: dayText(doc.date), issuer: doc.issuer ?? '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The file as a blob: URL of its own (checked) type, for the viewer; revoked when the dialog closes.
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void readFile(doc.sha256).then((b) => {
      if (!live) return;
      if (!b) return setMissing(true);
      setBytes(b);
      if (doc.kind === 'pdf' || doc.kind === 'image') setUrl((made = URL.createObjectURL(new Blob([b as BlobPart], { type: doc.mime }))));
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc.sha256, doc.kind, doc.mime]);

  async function act(fn: () => Promise<unknown>, message: string, close: boolean) {
    if (!db) return;
    setBusy(true);
    setError(null);
    try {
      await fn();
      onSaved(message);
      await refresh();
      if (close) onClose();
    } catch (e) {
      console.error(e);
      setError(e instanceof StorageFullError ? t('par.d.full') : t('par.d.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  const title = [doc.number, doc.title].filter(Boolean).join(' · ');
  const set = (k: keyof DocFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const changed =
    fields.title !== doc.title || fields.number !== (doc.number ?? '') || fields.date !== dayText(doc.date) || fields.issuer !== (doc.issuer ?? '');

  return (
    <Modal title={t('par.d.previewTitle')} onClose={onClose} testId="doc-preview" wide>
      <div className="preview-layout">
        <div className="preview-view" data-testid="preview-view">
          {missing ? (
            <p className="error" role="alert">
              {t('par.d.missingFile')}
            </p>
          ) : doc.kind === 'pdf' && url ? (
            <iframe src={url} title={title} data-testid="preview-pdf" />
          ) : doc.kind === 'image' && url ? (
            <img src={url} alt={title} data-testid="preview-image" />
          ) : doc.kind === 'word' || doc.kind === 'excel' ? (
            <p className="note">{t('par.d.noPreview')}</p>
          ) : (
            <div className="chart-skeleton" aria-busy="true" />
          )}
        </div>
        <div className="preview-side">
          <p className="file-line">
            <span className="file-name" data-testid="preview-file">
              {doc.fileName}
            </span>{' '}
            <span className="muted">
              {t(`par.d.kind.${doc.kind}`)} · {formatBytes(doc.size, locale)}
            </span>
          </p>
          <button
            type="button"
            disabled={!bytes}
            onClick={() => bytes && saveBlob(doc.fileName, new Blob([bytes as BlobPart], { type: doc.mime }))}
            data-testid="preview-download"
          >
            {t('par.d.download')}
          </button>
          <div className="doc-fields compact">
            <label className="wide">
              {t('par.d.fTitle')}
              <input type="text" value={fields.title} onChange={set('title')} data-testid="preview-title" />
            </label>
            <label>
              {t('par.d.fNumber')}
              <input type="text" value={fields.number} onChange={set('number')} data-testid="preview-number" />
            </label>
            <DateField value={fields.date} onChange={(v) => setFields((f) => ({ ...f, date: v }))} testId="preview-date" />
            <label className="wide">
              {t('par.d.fIssuer')}
              <input type="text" value={fields.issuer} onChange={set('issuer')} data-testid="preview-issuer" />
            </label>
          </div>
          <button
            type="button"
            disabled={busy || !changed || !dateOk(fields)}
            onClick={() => void act(() => saveDocFields(db!, doc.id, fields, doc.fileName), t('par.d.infoSaved'), false)}
            data-testid="preview-save"
          >
            {t('par.d.saveInfo')}
          </button>
          <h3>{t('par.d.usedFor')}</h3>
          <LinkList links={doc.links} unitNames={unitNames} testId="preview-links" />
          {from && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              data-testid="preview-unlink"
              onClick={() =>
                window.confirm(t('par.d.confirmUnlink', { title, code: from.criterion })) &&
                void act(() => unlink(db!, doc.id, from), t('par.d.unlinked', { code: from.criterion }), true)
              }
            >
              {t('par.d.unlink', { code: from.criterion })}
            </button>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
    </Modal>
  );
}
