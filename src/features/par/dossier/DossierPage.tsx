// #/dossier: the commune's PAR dossier for Sở Nội vụ — how ready each unit is, the list of evidence documents, the
// package (download, and import on another machine), and a reminder to back up.
import { useMemo, useRef, useState } from 'react';
import type { Route } from '../../../app/route';
import { formatHash } from '../../../app/route';
import { replaceParams } from '../../../app/useRoute';
import { useData } from '../../../app/DataContext';
import { useSettings } from '../../../app/useSettings';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { formatBytes } from '../../../i18n/format';
import { vi, type MessageKey } from '../../../i18n/vi';
import { saveBlob } from '../../../export/download';
import { communeReadiness, docCatalogue, type Dossier, type EvidenceDoc } from '../../../domain/dossier';
import type { Problem } from '../../../ingest/types';
import { ArchiveError } from '../../../store/archive';
import { StorageFullError } from '../../../store/kv';
import { useParYear, useParYears } from '../useParYear';
import type { ParYear } from '../model';
import { useDossier } from './useDossier';
import { DocList } from './DocList';
import { DocPreview } from './DocPreview';
import { ReadyBadge } from './Readiness';
import { BackupReminder } from './BackupReminder';
import { buildPackage, readinessOf } from './package';
import { importPackage, readPackage } from './packageImport';
import '../par.css';

type Note = { kind: 'ok' | 'error'; text: string } | null;

export function DossierPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const years = useParYears();
  const yearList = years.data ?? [];
  const year = Number(route.params.year) || yearList[0];
  const { model, loading, error } = useParYear(year);
  const { dossier, skipped } = useDossier();
  const { datasets } = useData();
  const [note, setNote] = useState<Note>(null);
  const [viewing, setViewing] = useState<EvidenceDoc | null>(null);
  const ownData = datasets.some((d) => !d.is_demo) || dossier.docs.length > 0 || dossier.notes.length > 0;
  const unitNames = useMemo(() => new Map((model?.units ?? []).map((u) => [u.unitCode, u.unitName])), [model]);
  const current = model && model.year === year && model.units.length > 0 ? model : null;

  return (
    <section className="par-page dossier-page" data-testid="dossier-page">
      <h1>{t('par.d.title')}</h1>
      <p className="lead">{t('par.d.lead')}</p>
      <BackupReminder ownData={ownData} />
      {skipped > 0 && <p className="note">{t('par.d.skipped', { n: skipped })}</p>}
      <div className="par-toolbar no-print">
        {yearList.length > 0 && (
          <label className="control">
            {t('par.year')}
            <select value={year} onChange={(e) => replaceParams(route, { year: e.target.value })} data-testid="dossier-year">
              {yearList.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="par-exports">
          {current && <PackageButton model={current} dossier={dossier} onNote={setNote} />}
          <PackageImport onNote={setNote} onYear={(y) => replaceParams(route, { year: String(y) })} />
        </div>
      </div>
      {note && (
        <p className={note.kind === 'ok' ? 'note-ok' : 'error'} role="status" data-testid="dossier-note">
          {note.text}
        </p>
      )}
      {years.loading ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : yearList.length === 0 ? (
        <p className="empty" data-testid="dossier-empty">
          {t('par.d.noPar')}
        </p>
      ) : error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : loading || !model ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : !current ? (
        <p className="empty">{t('par.noScores', { year: String(year) })}</p>
      ) : (
        <>
          <h2>{t('par.d.readyTitle', { year: current.year })}</h2>
          <p className="note">{t('par.d.readyHint')}</p>
          <ReadinessTable model={current} dossier={dossier} />
          <h2>{t('par.d.listTitle', { year: current.year })}</h2>
          <DocList
            entries={docCatalogue(dossier.docs, current.year)
              .map((e) => ({ ...e, links: e.links.filter((l) => unitNames.has(l.unitCode)) }))
              .filter((e) => e.links.length > 0)}
            unitNames={unitNames}
            onView={setViewing}
            testId="commune-doc-list"
          />
        </>
      )}
      {viewing && (
        <DocPreview
          doc={dossier.docs.find((d) => d.id === viewing.id) ?? viewing}
          from={null}
          unitNames={unitNames}
          onClose={() => setViewing(null)}
          onSaved={(m) => setNote({ kind: 'ok', text: m })}
        />
      )}
    </section>
  );
}

function ReadinessTable({ model, dossier }: { model: ParYear; dossier: Dossier }) {
  const { t } = useI18n();
  const readiness = useMemo(() => readinessOf(model, dossier), [model, dossier]);
  const total = communeReadiness([...readiness.values()]);
  return (
    <div className="par-scroll">
      <table className="data-table readiness-table" data-testid="readiness-table">
        <thead>
          <tr>
            <th scope="col">{t('par.d.col.unit')}</th>
            <th scope="col" className="num">
              {t('par.d.col.applicable')}
            </th>
            <th scope="col" className="num">
              {t('par.d.col.scored')}
            </th>
            <th scope="col" className="num">
              {t('par.d.col.backed')}
            </th>
            <th scope="col" className="num">
              {t('par.d.col.explained')}
            </th>
            <th scope="col" className="num">
              {t('par.d.col.answered')}
            </th>
            <th scope="col">{t('par.d.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {model.units.map((u) => {
            const r = readiness.get(u.unitCode)!;
            return (
              <tr key={u.unitCode} data-unit={u.unitCode} className={u.own ? 'own' : undefined}>
                <th scope="row">
                  <a href={formatHash(['par'], { year: model.year, view: 'unit', unit: u.unitCode })}>{u.unitName}</a>
                  {u.own && <span className="tag">{t('par.ownTag')}</span>}
                </th>
                <td className="num">{r.applicable}</td>
                <td className="num" data-testid="r-scored">
                  {r.scored}
                </td>
                <td className="num" data-testid="r-backed">
                  {r.backed}
                </td>
                <td className="num" data-testid="r-explained">
                  {r.explained}/{r.needExplanation}
                </td>
                <td className="num">
                  {r.answered}/{r.needAnswer}
                </td>
                <td>
                  <ReadyBadge ready={r.ready} testId="r-status" />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="readiness-total">
            <th scope="row">{t('par.d.total')}</th>
            <td className="num">{total.applicable}</td>
            <td className="num">{total.scored}</td>
            <td className="num">{total.backed}</td>
            <td className="num">
              {total.explained}/{total.needExplanation}
            </td>
            <td className="num">
              {total.answered}/{total.needAnswer}
            </td>
            <td data-testid="readiness-units">{t('par.d.readyUnits', { ready: total.readyUnits, units: total.units })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PackageButton({ model, dossier, onNote }: { model: ParYear; dossier: Dossier; onNote: (n: Note) => void }) {
  const { t, locale } = useI18n();
  const [settings] = useSettings();
  const [busy, setBusy] = useState(false);
  async function make() {
    setBusy(true);
    onNote(null);
    try {
      const built = await buildPackage({ model, dossier, province: settings.province, preferredCommune: settings.commune });
      saveBlob(built.fileName, new Blob([built.bytes as BlobPart], { type: 'application/zip' }));
      const notReady = [...readinessOf(model, dossier).values()].filter((r) => !r.ready).length;
      const done = t('par.d.pkgDone', { file: built.fileName, size: formatBytes(built.bytes.length, locale) });
      onNote({ kind: 'ok', text: notReady ? `${done} ${t('par.d.pkgNotReady', { n: notReady })}` : done });
    } catch (e) {
      console.error(e);
      onNote({ kind: 'error', text: t('par.d.failed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="primary" onClick={() => void make()} disabled={busy} title={t('par.d.pkgTitle')} data-testid="dossier-package">
      {busy ? t('par.d.pkgBusy') : t('par.d.pkg')}
    </button>
  );
}

/** Why an archive was refused, in words. */
export function archiveReason(e: unknown, t: Translate): string {
  if (e instanceof ArchiveError) return t(`par.d.why.${e.problem}`, { detail: e.detail });
  if (e instanceof StorageFullError) return t('par.d.full');
  return e instanceof Error ? e.message : String(e);
}

function problemLine(p: Problem, t: Translate): string {
  const params: Record<string, string | number> = { ...(p.expected.params ?? {}) };
  if (p.row !== undefined) params.row ??= p.row;
  if (p.column !== undefined) params.column ??= p.column;
  if (p.value !== undefined) params.value ??= p.value;
  const text = p.expected.key in vi ? t(p.expected.key as MessageKey, params) : p.expected.key;
  return `${p.file}: ${text}`;
}

function PackageImport({ onNote, onYear }: { onNote: (n: Note) => void; onYear: (year: number) => void }) {
  const { t } = useI18n();
  const { db, refresh } = useData();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function take(file: File) {
    if (!db) return;
    setBusy(true);
    onNote(null);
    const fail = (reason: string) => onNote({ kind: 'error', text: t('par.d.importFailed', { file: file.name, reason }) });
    try {
      const pkg = await readPackage(new Uint8Array(await file.arrayBuffer()));
      const m = pkg.manifest;
      const question = t('par.d.importConfirm', {
        year: m.year,
        commune: m.commune.name,
        units: m.units.length,
        docs: pkg.dossier.docs.length,
        notes: pkg.dossier.notes.length,
      });
      if (!window.confirm(question)) return;
      const out = await importPackage(db, pkg, file.name);
      if (!out.ok)
        return fail(
          t('par.d.importProblems', {
            problems: out.problems
              .slice(0, 3)
              .map((p) => problemLine(p, t))
              .join('; '),
          }),
        );
      await refresh();
      onYear(m.year);
      onNote({
        kind: 'ok',
        text: t('par.d.imported', { year: m.year, units: m.units.length, docs: pkg.dossier.docs.length, notes: pkg.dossier.notes.length }),
      });
    } catch (e) {
      if (!(e instanceof ArchiveError)) console.error(e); // a refused package is the user's news, not a fault
      fail(archiveReason(e, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy || !db} title={t('par.d.importTitle')} data-testid="dossier-import">
        {busy ? t('par.d.importBusy') : t('par.d.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="dossier-import-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void take(f);
        }}
      />
    </>
  );
}
