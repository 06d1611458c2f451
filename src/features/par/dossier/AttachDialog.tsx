// Attaching evidence to a criterion of a unit: files dropped on its row or picked here, each with its number and
// symbol, date, issuing body and subject; the section or page for this criterion; and the other criteria and units
// the same document backs. Or an existing document linked to the criterion. One stored write either way.
import { useEffect, useRef, useState } from 'react';
import { useData } from '../../../app/DataContext';
import { useI18n } from '../../../i18n/i18n';
import { formatBytes } from '../../../i18n/format';
import { docCatalogue, fitsInStorage, MAX_EVIDENCE_BYTES, type Dossier, type EvidenceLink } from '../../../domain/dossier';
import { StorageFullError } from '../../../store/kv';
import { askPersistence, storageInfo } from '../../../store/quota';
import type { ParUnit, ParYear } from '../model';
import { attachFiles, dateOk, linkExisting, type DocFields } from './edits';
import { readEvidenceFiles, type EvidenceFile, type Refused } from './evidenceFiles';
import { Modal } from './Modal';

export interface AttachTarget {
  unit: ParUnit;
  code: string;
  files: File[];
}

const EMPTY_FIELDS: DocFields = { title: '', number: '', date: '', issuer: '' };
/** A file just read, with its subject prefilled from its name. */
const withFields = (files: readonly EvidenceFile[]) => files.map((file) => ({ file, fields: { ...EMPTY_FIELDS, title: file.name.replace(/\.[^.]+$/, '') } }));

/** A date typed day first (15/03/2025), whatever the browser's language: checked as typed. */
export function DateField({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId: string }) {
  const { t } = useI18n();
  const bad = !dateOk({ title: '', number: '', issuer: '', date: value });
  return (
    <label>
      {t('par.d.fDate')}
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('par.d.datePlaceholder')}
        value={value}
        aria-invalid={bad || undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {bad && (
        <span className="field-error" role="alert">
          {t('par.d.badDate')}
        </span>
      )}
    </label>
  );
}

export function AttachDialog({
  model,
  target,
  dossier,
  onClose,
  onSaved,
}: {
  model: ParYear;
  target: AttachTarget;
  dossier: Dossier;
  onClose: () => void;
  /** After a successful write, with the message to show. */
  onSaved: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const { unit, code } = target;
  const [picked, setPicked] = useState<{ file: EvidenceFile; fields: DocFields }[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [section, setSection] = useState('');
  const [codes, setCodes] = useState<Set<string>>(() => new Set([code]));
  const [units, setUnits] = useState<Set<string>>(() => new Set());
  const [existing, setExisting] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const leaves = unit.score.nodes.filter((n) => n.leaf && n.applicable);
  const node = unit.score.byCode.get(code);
  const others = model.units.filter((u) => u.unitCode !== unit.unitCode);
  const existingDocs = docCatalogue(dossier.docs, model.year).map((e) => e.doc);

  async function add(files: readonly File[]) {
    if (!files.length) return;
    setError(null);
    const read = await readEvidenceFiles(files);
    setRefused((r) => [...r, ...read.refused]);
    setPicked((p) => [...p, ...withFields(read.ok)]);
  }

  // Files dropped on the row come in with the dialog.
  const dropped = target.files;
  useEffect(() => {
    let live = true;
    if (dropped.length)
      void readEvidenceFiles(dropped).then((read) => {
        if (!live) return;
        setRefused(read.refused);
        setPicked(withFields(read.ok));
      });
    return () => {
      live = false;
    };
  }, [dropped]);

  /** Every criterion and unit chosen: the section given belongs to the criterion the dialog was opened for. */
  function links(): EvidenceLink[] {
    const out: EvidenceLink[] = [];
    for (const u of [unit.unitCode, ...units]) {
      for (const c of codes)
        out.push({ year: model.year, unitCode: u, criterion: c, section: u === unit.unitCode && c === code && section.trim() ? section.trim() : null });
    }
    return out;
  }

  async function save(what: 'files' | 'existing') {
    if (!db) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'files') {
        const bytes = picked.reduce((a, p) => a + p.file.bytes.length, 0);
        const info = await storageInfo();
        if (!fitsInStorage(bytes, info.usage, info.quota)) {
          setError(t('par.d.reason.space'));
          return;
        }
        void askPersistence(); // the user's own files are in the store now: ask the browser to keep them
        await attachFiles(db, picked, links());
        onSaved(t('par.d.attached', { n: picked.length }));
      } else {
        await linkExisting(db, existing, links());
        onSaved(t('par.d.linked', { code }));
      }
      await refresh();
      onClose();
    } catch (e) {
      console.error(e);
      setError(e instanceof StorageFullError ? t('par.d.full') : t('par.d.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  const setField = (i: number, k: keyof DocFields, v: string) => setPicked((p) => p.map((x, j) => (j === i ? { ...x, fields: { ...x.fields, [k]: v } } : x)));
  const toggle = (set: Set<string>, v: string) => {
    const n = new Set(set);
    if (n.has(v)) n.delete(v);
    else n.add(v);
    return n;
  };
  const reason = (r: Refused) => t(`par.d.reason.${r.reason}`, { max: formatBytes(MAX_EVIDENCE_BYTES, locale) });

  return (
    <Modal title={t('par.d.dlgTitle')} onClose={onClose} testId="attach-dialog" wide>
      <p className="dlg-for">
        {t('par.d.dlgFor', { unit: unit.unitName, code })} {node && <span className="muted">{node.name}</span>}
      </p>
      <div
        className="attach-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void add([...e.dataTransfer.files]);
        }}
      >
        {t('par.d.dropZone')}{' '}
        <button type="button" onClick={() => input.current?.click()} data-testid="attach-pick">
          {t('par.d.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,application/pdf,image/*"
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {refused.length > 0 && (
        <ul className="refused" role="alert" data-testid="attach-refused">
          {refused.map((r, i) => (
            <li key={i}>{t('par.d.refused', { file: r.name, reason: reason(r) })}</li>
          ))}
        </ul>
      )}
      {picked.map((p, i) => (
        <fieldset key={`${p.file.sha256}-${i}`} className="doc-fields" data-testid="attach-file">
          <legend>
            <span className="file-name">{p.file.name}</span>{' '}
            <span className="muted">
              {t(`par.d.kind.${p.file.kind}`)} · {formatBytes(p.file.bytes.length, locale)}
            </span>
            <button type="button" className="link-button" onClick={() => setPicked((x) => x.filter((_, j) => j !== i))}>
              {t('par.d.cancel')}
            </button>
          </legend>
          <label className="wide">
            {t('par.d.fTitle')}
            <input type="text" value={p.fields.title} onChange={(e) => setField(i, 'title', e.target.value)} data-testid="attach-title" />
          </label>
          <label>
            {t('par.d.fNumber')}
            <input type="text" value={p.fields.number} onChange={(e) => setField(i, 'number', e.target.value)} data-testid="attach-number" />
          </label>
          <DateField value={p.fields.date} onChange={(v) => setField(i, 'date', v)} testId="attach-date" />
          <label className="wide">
            {t('par.d.fIssuer')}
            <input type="text" value={p.fields.issuer} onChange={(e) => setField(i, 'issuer', e.target.value)} data-testid="attach-issuer" />
          </label>
        </fieldset>
      ))}
      <label className="section-field">
        {t('par.d.fSection')}
        <input type="text" value={section} onChange={(e) => setSection(e.target.value)} data-testid="attach-section" />
      </label>
      <details className="also" open={codes.size > 1}>
        <summary>
          {t('par.d.alsoCriteria')} ({codes.size})
        </summary>
        <div className="check-list" data-testid="attach-criteria">
          {leaves.map((n) => (
            <label key={n.code} title={n.name}>
              <input
                type="checkbox"
                checked={codes.has(n.code)}
                disabled={n.code === code}
                onChange={() => setCodes((s) => toggle(s, n.code))}
                data-code={n.code}
              />
              <span className="code">{n.code}</span> {n.name}
            </label>
          ))}
        </div>
      </details>
      {others.length > 0 && (
        <details className="also" open={units.size > 0}>
          <summary>
            {t('par.d.alsoUnits')} ({units.size})
          </summary>
          <div className="check-list" data-testid="attach-units">
            {others.map((u) => (
              <label key={u.unitCode}>
                <input type="checkbox" checked={units.has(u.unitCode)} onChange={() => setUnits((s) => toggle(s, u.unitCode))} data-unit={u.unitCode} />
                {u.unitName}
              </label>
            ))}
          </div>
        </details>
      )}
      {error && (
        <p className="error" role="alert" data-testid="attach-error">
          {error}
        </p>
      )}
      <div className="dlg-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || picked.length === 0 || !picked.every((p) => dateOk(p.fields))}
          onClick={() => void save('files')}
          data-testid="attach-save"
        >
          {busy ? t('par.d.saving') : t('par.d.save', { n: picked.length })}
        </button>
        <button type="button" onClick={onClose}>
          {t('par.d.cancel')}
        </button>
      </div>
      {existingDocs.length > 0 && (
        <div className="existing">
          <label>
            {t('par.d.existing')}
            <select value={existing} onChange={(e) => setExisting(e.target.value)} data-testid="attach-existing">
              <option value="">{t('par.d.existingNone')}</option>
              {existingDocs.map((d) => (
                <option key={d.id} value={d.id}>
                  {[d.number, d.title].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy || !existing} onClick={() => void save('existing')} data-testid="attach-link">
            {t('par.d.link')}
          </button>
        </div>
      )}
    </Modal>
  );
}
