// A unit's criteria tree: max / self / appraised / difference / evidence / note / explanation, with flags,
// and score entry (validated as typed, saved with the dataset, undoable, marked "sửa tại đây" with the date).
// Evidence documents are attached to a leaf by dropping files on its row or through its "Đính kèm" button, and
// opened from its chips; explanations are typed in edit mode (issue 20).
import { useRef, useState, type DragEvent } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import type { ParNode } from '../../domain/parScoring';
import type { ParUnit, ParYear } from './model';
import { saveChange, undoEdit, type ScoreValues, type UndoEntry } from './editing';
import { fmtEditDate, fmtPoints } from './format';
import { ScoreField, TextField } from './ScoreField';
import { NA_TEXT } from './exportPar';
import { checkCriterion, docsOf, type CriterionRef, type Dossier, type EvidenceDoc } from '../../domain/dossier';
import { AttachDialog, type AttachTarget } from './dossier/AttachDialog';
import { DocPreview } from './dossier/DocPreview';
import { saveNote } from './dossier/edits';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

export function UnitTree({
  model,
  unit,
  route,
  dossier,
  unitNames,
  lacking,
}: {
  model: ParYear;
  unit: ParUnit;
  route: Route;
  dossier: Dossier;
  unitNames: ReadonlyMap<string, string>;
  /** Leaves with no evidence at all (domain/dossier.withoutEvidence): flagged "thiếu tài liệu". */
  lacking: ReadonlySet<string>;
}) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const editing = route.params.edit === '1';
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [attach, setAttach] = useState<AttachTarget | null>(null);
  const [preview, setPreview] = useState<{ doc: EvidenceDoc; from: CriterionRef } | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const refOf = (code: string): CriterionRef => ({ year: model.year, unitCode: unit.unitCode, criterion: code });
  const notes = new Map(dossier.notes.filter((n) => n.year === model.year && n.unitCode === unit.unitCode).map((n) => [n.criterion, n]));
  const queue = useRef<Promise<unknown>>(Promise.resolve()); // saves run one after another, in the order typed

  function run(task: () => Promise<void>) {
    setStatus({ kind: 'saving' });
    queue.current = queue.current.then(task).then(
      async () => {
        await refresh();
        setStatus({ kind: 'saved' });
      },
      (e: unknown) => setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  }

  function save(n: ParNode, patch: Partial<ScoreValues>, label: string) {
    if (!db) return;
    run(async () => {
      const where = { year: model.year, unitCode: unit.unitCode, unitName: unit.unitName, criterion: n.code };
      const entry = await saveChange(db, where, unit.datasetId, patch, label);
      setUndo((u) => [...u, entry]);
    });
  }

  function saveExplanation(code: string, patch: { explanation?: string | null; answer?: string | null }) {
    if (!db) return;
    run(() => saveNote(db, refOf(code), patch).then(() => undefined));
  }

  /** Files dropped on a leaf's row open the attach dialog with them (and never reach the page's import). */
  const dropProps = (code: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (dropOn !== code) setDropOn(code);
    },
    onDragLeave: () => setDropOn((c) => (c === code ? null : c)),
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDropOn(null);
      const files = [...e.dataTransfer.files];
      if (files.length) setAttach({ unit, code, files });
    },
  });

  function undoLast() {
    const last = undo[undo.length - 1];
    if (!db || !last) return;
    setUndo((u) => u.slice(0, -1));
    run(() => undoEdit(db, last));
  }

  const scoreText = (v: number | null) => (v === null ? '' : fmtPoints(v, locale));
  const lastUndo = undo[undo.length - 1];
  // "Mất điểm nhiều nhất trước": the leaves alone, by points lost (max − appraised, else max − self), largest first.
  const byLost = route.params.order === 'lost';
  const lostOf = (n: ParNode) => (n.applicable ? n.max - (n.appraised ?? n.self ?? 0) : -1);
  const nodes = byLost ? unit.score.nodes.filter((n) => n.leaf).sort((a, b) => lostOf(b) - lostOf(a)) : unit.score.nodes;

  return (
    <section className="par-tree-section">
      <div className="par-tree-head">
        <h3>{t('par.u.tree')}</h3>
        <label className="control no-print">
          {t('par.u.order')}
          <select
            value={byLost ? 'lost' : 'tree'}
            onChange={(e) => replaceParams(route, { order: e.target.value === 'lost' ? 'lost' : undefined })}
            data-testid="par-tree-order"
          >
            <option value="tree">{t('par.u.orderTree')}</option>
            <option value="lost">{t('par.u.orderLost')}</option>
          </select>
        </label>
        <div className="par-edit-tools no-print">
          {editing && lastUndo && (
            <button type="button" onClick={undoLast} data-testid="par-undo">
              {t('par.u.undo', { what: lastUndo.label })}
            </button>
          )}
          <span className="save-status" role="status" data-testid="save-status">
            {status.kind === 'saving'
              ? t('par.u.saving')
              : status.kind === 'saved'
                ? t('par.u.saved')
                : status.kind === 'failed'
                  ? t('par.u.saveFailed', { message: status.message })
                  : ''}
          </span>
          <button
            type="button"
            className={editing ? 'primary' : undefined}
            onClick={() => replaceParams(route, { edit: editing ? undefined : '1' })}
            aria-pressed={editing}
            data-testid="par-edit"
          >
            {editing ? t('par.u.editDone') : t('par.u.edit')}
          </button>
        </div>
      </div>
      {editing && <p className="note no-print">{t('par.u.editHint')}</p>}
      <div className="par-scroll">
        <table className="data-table par-tree" data-testid="par-tree">
          <thead>
            <tr>
              <th scope="col">{t('par.u.code')}</th>
              <th scope="col">{t('par.u.criterion')}</th>
              <th scope="col" className="num">
                {t('par.u.max')}
              </th>
              <th scope="col" className="num">
                {t('par.u.self')}
              </th>
              <th scope="col" className="num">
                {t('par.u.appraised')}
              </th>
              <th scope="col" className="num">
                {t('par.u.diff')}
              </th>
              {editing && <th scope="col">{t('par.u.na')}</th>}
              <th scope="col">{t('par.u.evidence')}</th>
              <th scope="col">{t('par.d.explanation')}</th>
              <th scope="col">{t('par.u.note')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => {
              const row = unit.rows.get(n.code);
              const diff = n.self !== null && n.appraised !== null ? n.self - n.appraised : null;
              const na = !n.applicable; // a leaf marked "không áp dụng", or a parent whose every leaf is
              const docs = n.leaf ? docsOf(dossier.docs, refOf(n.code)) : [];
              const note = notes.get(n.code);
              const check = n.leaf ? checkCriterion(n, docs.length, note) : null;
              return (
                <tr
                  key={n.code}
                  className={`depth-${Math.min(n.depth, 3)} ${n.leaf ? 'leaf' : 'parent'} ${na ? 'na' : ''} ${dropOn === n.code ? 'drop-on' : ''}`}
                  data-code={n.code}
                  {...(n.leaf ? dropProps(n.code) : {})}
                >
                  <td className="code">{n.code}</td>
                  <td className="crit" style={{ paddingLeft: `${0.6 + (byLost ? 0 : n.depth) * 1.1}rem` }}>
                    {n.name}
                    {n.leaf && n.applicable && (
                      <span className="row-flags">
                        {n.missingSelf > 0 && <span className="flag warn">{t('par.u.flagUnscored')}</span>}
                        {n.missingAppraised > 0 && <span className="flag">{t('par.u.flagUnappraised')}</span>}
                        {lacking.has(n.code) && (
                          <span className="flag warn" data-testid="flag-evidence">
                            {t('par.u.flagEvidence')}
                          </span>
                        )}
                        {check?.needsExplanation && !check.explained && (
                          <span className="flag warn" data-testid="flag-explain">
                            {t('par.d.flagExplain')}
                          </span>
                        )}
                        {check?.needsAnswer && !check.answered && (
                          <span className="flag" data-testid="flag-answer">
                            {t('par.d.flagAnswer')}
                          </span>
                        )}
                      </span>
                    )}
                    {row?.edited_at && (
                      <span
                        className="edited-mark"
                        title={t('par.u.editedTitle', { time: fmtEditDate(row.edited_at, locale, true) })}
                        data-testid="edited-mark"
                      >
                        {t('par.u.editedMark', { date: fmtEditDate(row.edited_at, locale) })}
                      </span>
                    )}
                  </td>
                  <td className="num">
                    {na ? <span className="muted">{fmtPoints(n.max, locale)}</span> : fmtPoints(n.leaf ? n.max : n.applicableMax, locale)}
                  </td>
                  {editing && n.leaf ? (
                    <>
                      <td className="num">
                        {na ? (
                          <span className="muted">{NA_TEXT}</span>
                        ) : (
                          <ScoreField
                            value={scoreText(n.self)}
                            max={n.max}
                            label={`${n.code} ${t('par.u.self')}`}
                            testId={`score-self-${n.code}`}
                            onCommit={(v) =>
                              save(n, v.kind === 'na' ? { applicable: false } : { self: v.kind === 'score' ? v.value : null }, `${n.code} · ${t('par.u.self')}`)
                            }
                          />
                        )}
                      </td>
                      <td className="num">
                        {na ? (
                          <span className="muted">{NA_TEXT}</span>
                        ) : (
                          <ScoreField
                            value={scoreText(n.appraised)}
                            max={n.max}
                            label={`${n.code} ${t('par.u.appraised')}`}
                            testId={`score-appr-${n.code}`}
                            onCommit={(v) =>
                              save(
                                n,
                                v.kind === 'na' ? { applicable: false } : { appraised: v.kind === 'score' ? v.value : null },
                                `${n.code} · ${t('par.u.appraised')}`,
                              )
                            }
                          />
                        )}
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="num self">{na ? <span className="muted">{t('par.m.na')}</span> : fmtPoints(n.self, locale)}</td>
                      <td className="num">{na ? <span className="muted">{t('par.m.na')}</span> : fmtPoints(n.appraised, locale)}</td>
                    </>
                  )}
                  <td className={`num diff ${diff !== null && diff > 0 ? 'over' : ''}`}>
                    {diff === null || diff === 0 ? (diff === 0 ? '0' : '') : `${diff > 0 ? '+' : '−'}${fmtPoints(Math.abs(diff), locale)}`}
                  </td>
                  {editing && (
                    <td>
                      {n.leaf && (
                        <input
                          type="checkbox"
                          checked={na}
                          aria-label={`${n.code} ${t('par.u.na')}`}
                          data-testid={`score-na-${n.code}`}
                          onChange={(e) => save(n, { applicable: !e.target.checked }, `${n.code} · ${t('par.u.na')}`)}
                        />
                      )}
                    </td>
                  )}
                  <td className="evidence">
                    {n.leaf && (
                      <div className="doc-chips" data-testid={`docs-${n.code}`}>
                        {docs.map((d) => (
                          <button
                            key={d.id}
                            type="button"
                            className={`doc-chip kind-${d.kind}`}
                            title={`${d.fileName}${d.number ? ` · ${d.number}` : ''}`}
                            data-testid="doc-chip"
                            data-doc-id={d.id}
                            onClick={() => setPreview({ doc: d, from: refOf(n.code) })}
                          >
                            {d.number ?? d.title}
                          </button>
                        ))}
                        <button
                          type="button"
                          className="attach no-print"
                          title={t('par.d.attachTitle', { code: n.code })}
                          aria-label={t('par.d.attachTitle', { code: n.code })}
                          data-testid={`attach-${n.code}`}
                          onClick={() => setAttach({ unit, code: n.code, files: [] })}
                        >
                          + {t('par.d.attach')}
                        </button>
                      </div>
                    )}
                    {editing && n.leaf ? (
                      <TextField
                        value={n.evidence ?? ''}
                        label={`${n.code} ${t('par.u.evidence')}`}
                        testId={`score-ev-${n.code}`}
                        onCommit={(v) => save(n, { evidence: v.trim() || null }, `${n.code} · ${t('par.u.evidence')}`)}
                      />
                    ) : n.leaf && n.evidence ? (
                      <span className="ev-text">{n.evidence}</span>
                    ) : null}
                  </td>
                  <td className="explain-cell">
                    {n.leaf &&
                      !na &&
                      (editing ? (
                        <>
                          <TextField
                            multiline
                            value={note?.explanation ?? ''}
                            label={`${n.code} ${t('par.d.explanation')}`}
                            testId={`explain-${n.code}`}
                            onCommit={(v) => saveExplanation(n.code, { explanation: v })}
                          />
                          {(check?.needsAnswer || note?.answer) && (
                            <label className="answer-field">
                              {t('par.d.answer')}
                              <TextField
                                multiline
                                value={note?.answer ?? ''}
                                label={`${n.code} ${t('par.d.answer')}`}
                                testId={`answer-${n.code}`}
                                onCommit={(v) => saveExplanation(n.code, { answer: v })}
                              />
                            </label>
                          )}
                        </>
                      ) : (
                        <>
                          {note?.explanation && (
                            <span className="explanation" data-testid={`explanation-${n.code}`}>
                              {note.explanation}
                            </span>
                          )}
                          {note?.answer && (
                            <span className="answer">
                              <strong>{t('par.d.answer')}:</strong> {note.answer}
                            </span>
                          )}
                        </>
                      ))}
                  </td>
                  <td className="note-cell">
                    {editing && n.leaf ? (
                      <TextField
                        value={n.note ?? ''}
                        label={`${n.code} ${t('par.u.note')}`}
                        testId={`score-note-${n.code}`}
                        onCommit={(v) => save(n, { note: v.trim() || null }, `${n.code} · ${t('par.u.note')}`)}
                      />
                    ) : n.leaf ? (
                      n.note
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {attach && db && (
        <AttachDialog model={model} target={attach} dossier={dossier} onClose={() => setAttach(null)} onSaved={() => setStatus({ kind: 'saved' })} />
      )}
      {preview && (
        <DocPreview
          doc={dossier.docs.find((d) => d.id === preview.doc.id) ?? preview.doc}
          from={preview.from}
          unitNames={unitNames}
          onClose={() => setPreview(null)}
          onSaved={() => setStatus({ kind: 'saved' })}
        />
      )}
    </section>
  );
}
