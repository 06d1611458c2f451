import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { formatInteger } from '../../i18n/format';
import { type Answers, type ImportOutcome, type ImportPlan, type Problem, type SourceFile } from '../../ingest/types';
import { KINDS, type Kind } from '../../domain/kinds';
import { StaleStoreError, StorageFullError } from '../../store/persist';
import { analyse, commitAndPersist, discard, type CheckStep, type CommitStep } from '../../app/importFlow';
import { ImportStepProgress } from './ImportProgress';
import { asideList } from './asideText';
import { ProblemList } from './ProblemList';
import { kindKey } from './Catalogue';
import { canonicalLabel } from './formatsInfo';
import { tx } from './problemText';
import { translateError } from '../../ingest/translateError';
import type { Translate } from '../../i18n/i18n';

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-1252'] as const;
const DELIMS = [
  { v: ',', label: 'data.delim.comma' },
  { v: ';', label: 'data.delim.semicolon' },
  { v: '\t', label: 'data.delim.tab' },
  { v: '|', label: 'data.delim.pipe' },
] as const;

type CardState =
  | { s: 'analysing' }
  | { s: 'ready' | 'committing'; plan: ImportPlan }
  | { s: 'done'; plan: ImportPlan }
  | { s: 'refused'; plan: ImportPlan | null; problems: Problem[] }
  | { s: 'cancelled' }
  | { s: 'failed'; message: string; technical: string | null; storageFull: boolean; read: boolean; stale?: boolean };

/** An error thrown past the pipeline's own checks, in words (ingest/translateError.ts), and its original text. */
function failure(e: unknown, t: Translate, file: string): { message: string; technical: string | null } {
  const x = translateError(e, file);
  const reason = x.params.detail;
  const message = x.key === 'ingest.problem.unreadable' && typeof reason === 'string' ? tx(t, reason, x.params) : tx(t, x.key, x.params);
  return { message, technical: x.technical };
}

/**
 * What a card of a batch tells its panel while the file waits to land with the others ("Nạp cả N tệp"): whether it can
 * land now, and how the panel lands it with the rest (one transaction for all, see importFlow.commitBatchAndPersist).
 */
export interface CardStatus {
  file: string;
  kind: Kind;
  /** Checked, no errors, every question answered. */
  ready: boolean;
  plan: ImportPlan | null;
  /** The answers to land it with. */
  answers: Answers;
  /** The batch commit starts: the card shows it is loading. */
  begin(): void;
  /** The batch commit's outcome for this file, or what it threw. */
  finish(outcome: ImportOutcome | { error: unknown }): void;
}

/** One file of a batch: what was detected, the checks, the questions, then "Nạp dữ liệu". Each file lands whole or not at all. */
interface Props {
  file: SourceFile;
  onRemove: () => void;
  /** The batch the file was picked in: its checks count what the other files of the batch will land. */
  batch?: string;
  /** Bumped when the panel has checked the batch again (plans were updated in place): show them. */
  batchVersion?: number;
  /** Something that other files' checks depend on changed here (analysed, answered, cancelled, removed, loaded). */
  onBatchChange?: () => void;
  /** The card's standing in the batch, or null once it no longer waits to land with it. */
  onStatus?: (status: CardStatus | null) => void;
}

export function PlanCard({ file, onRemove, batch, batchVersion = 0, onBatchChange, onStatus }: Props) {
  const { t, locale } = useI18n();
  const { db, refresh, startReport } = useData();
  const [state, setState] = useState<CardState>({ s: 'analysing' });
  // Waiting for another operation on the data (another file's check or load here, another tab's change).
  const [waiting, setWaiting] = useState(false);
  // Where the check or the load is (its progress bar).
  const [step, setStep] = useState<CheckStep | CommitStep | null>(null);
  // Answers that change what the analysis finds (kind, date order, unit) re-run it; the duplicate answer is for the commit.
  const [answers, setAnswers] = useState<Answers>({});
  const [unitDraft, setUnitDraft] = useState<{ code: string; name: string } | null>(null);
  const committed = useRef(false);
  // The datasets the "replace" answer was given for: a duplicate found later (another tab, another file) is asked anew.
  const replacedFor = useRef<readonly string[]>([]);
  // Not loaded because another file of the batch could not be: why, shown while the card waits again.
  const [batchNote, setBatchNote] = useState<string | null>(null);
  const changed = useRef(onBatchChange);
  changed.current = onBatchChange;
  const analysisKey = JSON.stringify([answers.kind, answers.dateOrder, answers.unit, answers.encoding, answers.delimiter, answers.decimalComma]);

  useEffect(() => {
    if (!db) return;
    let live = true;
    let plan: ImportPlan | null = null;
    setState({ s: 'analysing' });
    const forAnalysis: Answers = { ...answers, onDuplicate: undefined };
    setStep(null);
    analyse(db, file, forAnalysis, { batch, onWait: (w) => live && setWaiting(w), onStep: (st) => live && setStep(st) }).then(
      (p) => {
        plan = p;
        setWaiting(false);
        if (!live) return void discard(db, p).catch(() => undefined);
        setState({ s: 'ready', plan: p });
        changed.current?.(); // the other files of the batch count this one now
        if (p.questions.unit && !forAnalysis.unit) setUnitDraft({ code: p.questions.unit.code ?? '', name: p.questions.unit.name ?? '' });
      },
      (e: unknown) => live && setState({ s: 'failed', ...failure(e, t, file.name), storageFull: false, read: true }),
    );
    return () => {
      live = false;
      // Analysed again (another kind, date order, unit) or removed: the batch no longer counts this plan.
      if (plan && !committed.current) void discard(db, plan).catch(() => undefined).then(() => changed.current?.());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- analysed again only when what the analysis reads changes: analysisKey names those answers (a duplicate answer is not one); the batch is the card's for good; t only words a failure
  }, [db, file, analysisKey]);

  const plan = 'plan' in state ? state.plan : null;

  // The panel checked the batch again (a file of it changed, or the loaded data did): the plan was updated in place.
  useEffect(() => {
    setState((st) => (st.s === 'ready' ? { ...st } : st));
  }, [batchVersion]);
  const errors = plan ? plan.errorCount : 0;
  const q = plan?.questions ?? {};
  const needsDate = !!q.dateOrder && !answers.dateOrder;
  const replaceCovers = answers.onDuplicate === 'replace' && !!q.duplicates && q.duplicates.datasetIds.every((id) => replacedFor.current.includes(id));
  const needsDup = !!q.duplicates && !replaceCovers;
  // Checked with files of the batch still waiting: it lands with them (or after them), not before.
  const waitsForBatch = !!plan?.checkedWith?.length;
  const needsUnit = !!q.unit && !answers.unit;
  const canLand = state.s === 'ready' && errors === 0 && !needsDate && !needsDup && !needsUnit;
  const canCommit = canLand && !waitsForBatch;
  const commitAnswers: Answers = { ...answers, onDuplicate: q.duplicates ? (replaceCovers ? 'replace' : undefined) : answers.onDuplicate };

  /** What a commit (this card's, or the batch's) came to. */
  function apply(out: ImportOutcome, fallback: ImportPlan) {
    setBatchNote(null);
    if (out.ok) {
      committed.current = true;
      setState({ s: 'done', plan: out.plan });
    } else if (out.problems.some((p) => p.expected.key === 'ingest.problem.answerNeeded')) {
      // Another file or tab landed since the analysis and now overlaps: the plan stays staged and shows the new
      // question, unanswered (a "replace" given before covered only what it was asked about).
      if (out.problems.some((p) => p.expected.params?.what === 'duplicates')) setAnswers((a) => ({ ...a, onDuplicate: undefined }));
      setState({ s: 'ready', plan: out.plan ?? fallback });
    } else if (out.problems.every((p) => p.expected.key === 'ingest.problem.batchRefused')) {
      // Another file of the batch was refused, so nothing landed: this one is still staged and waits again.
      setBatchNote(t('data.batchNotLoaded', { file: String(out.problems[0]?.expected.params?.other ?? '') }));
      setState({ s: 'ready', plan: out.plan ?? fallback });
    } else {
      committed.current = true; // the pipeline freed the staging
      setState({ s: 'refused', plan: out.plan ?? fallback, problems: out.problems });
    }
  }

  function failed(e: unknown) {
    console.error(e);
    committed.current = true; // the flow freed the staging
    setState({ s: 'failed', ...failure(e, t, file.name), storageFull: e instanceof StorageFullError, read: false, stale: e instanceof StaleStoreError });
  }

  async function commit() {
    if (!db || !plan) return;
    setState({ s: 'committing', plan });
    setStep(null);
    try {
      apply(await commitAndPersist(db, plan, commitAnswers, undefined, { onWait: setWaiting, onStep: setStep }), plan);
    } catch (e) {
      failed(e);
    } finally {
      setWaiting(false);
      await refresh();
    }
  }

  // Tells the panel where this card stands in the batch ("Nạp cả N tệp" lands every waiting card in one go).
  const landRef = useRef({ apply, failed, plan });
  landRef.current = { apply, failed, plan };
  const member = state.s === 'analysing' || state.s === 'ready';
  useEffect(() => {
    if (!member) return onStatus?.(null);
    onStatus?.({
      file: file.name, kind: answers.kind ?? plan?.kind ?? 'table', ready: canLand, plan, answers: commitAnswers,
      begin: () => {
        const p = landRef.current.plan;
        if (p) setState({ s: 'committing', plan: p });
      },
      finish: (o) => {
        setWaiting(false);
        if ('error' in o) landRef.current.failed(o.error);
        else landRef.current.apply(o, landRef.current.plan!);
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- commitAnswers is a new object each render: its JSON stands for it (and for answers.kind); the file is the card's for good
  }, [member, canLand, plan, state, JSON.stringify(commitAnswers), onStatus]);
  useEffect(() => () => onStatus?.(null), [onStatus]);

  async function cancel() {
    if (db && plan) await discard(db, plan).catch(() => undefined);
    committed.current = true; // nothing left to discard
    setState({ s: 'cancelled' });
    changed.current?.();
  }

  const kind = answers.kind ?? plan?.kind;
  const headers = plan?.columns.map((c) => c.header) ?? [];
  const previewRows = plan ? (plan.preview[0]?.join('\u0000') === headers.join('\u0000') ? plan.preview.slice(1) : plan.preview) : [];
  const textFile = !!plan?.delimiter;
  return (
    <article className={`plan-card plan-${state.s}`} data-testid="import-plan" aria-busy={state.s === 'analysing' || state.s === 'committing'}>
      <header className="plan-head">
        <h3 className="file-name">{file.name}</h3>
        {state.s !== 'committing' && (
          <button type="button" className="btn-small" onClick={onRemove} data-testid="plan-remove">{t('data.discard')}</button>
        )}
      </header>

      {state.s === 'analysing' && !waiting && <ImportStepProgress step={step ?? 'reading'} />}
      {state.s === 'committing' && !waiting && step && <ImportStepProgress step={step} />}
      {waiting && (state.s === 'analysing' || state.s === 'committing') && <p className="note" role="status" data-testid="import-waiting">{t('data.waiting')}</p>}
      {state.s === 'failed' && (
        <p className="error" role="alert" data-testid="import-failed">
          {state.storageFull ? t('data.storageFull', { file: file.name }) : state.stale ? t('data.changedElsewhere', { file: file.name }) : t(state.read ? 'data.readFailed' : 'data.failed', { file: file.name, message: state.message })}
        </p>
      )}
      {state.s === 'failed' && !state.storageFull && state.technical && (
        <details className="technical"><summary>{t('data.technicalDetails')}</summary><pre>{state.technical}</pre></details>
      )}
      {state.s === 'cancelled' && <p className="note" role="status" data-testid="import-cancelled">{t('data.cancelled', { file: file.name })}</p>}
      {state.s === 'done' && (
        <p className="note-ok done" role="status" data-testid="import-done">
          {t(startReport?.durable === false ? 'data.doneNotSaved' : 'data.done', { file: file.name, rows: formatInteger(state.plan.rowCount, locale), kind: t(kindKey(state.plan.kind)) })}
        </p>
      )}
      {state.s === 'refused' && (
        <>
          <p className="error" role="alert" data-testid="import-refused">{t('data.refused', { file: file.name })}</p>
          <ProblemList file={file.name} problems={state.problems} />
        </>
      )}

      {plan && (state.s === 'ready' || state.s === 'committing') && (
        <>
          <dl className="plan-facts">
            <div>
              <dt><label htmlFor={`kind-${file.name}`}>{t('data.kindLabel')}</label></dt>
              <dd>
                <select id={`kind-${file.name}`} data-testid="kind-select" value={kind} disabled={state.s !== 'ready'}
                  onChange={(e) => setAnswers((a) => ({ ...a, kind: e.target.value as Kind, onDuplicate: undefined }))}>
                  {KINDS.map((k) => <option key={k} value={k}>{t(kindKey(k))}</option>)}
                </select>
                {!answers.kind && <span className="muted"> ({t('data.kindDetected')})</span>}
              </dd>
            </div>
            <div><dt>{t('data.rowsLabel')}</dt><dd data-testid="plan-rows">{formatInteger(plan.rowCount, locale)}</dd></div>
            <div><dt>{t('data.coverageLabel')}</dt><dd>{plan.coverage ?? '–'}</dd></div>
          </dl>

          <details className="plan-readas">
            <summary>
              {t('data.readAs')}: {[
                plan.encoding ? tx(t, `ingest.encoding.${plan.encoding}`) : null,
                plan.sheet ? `${t('data.sheet')} «${plan.sheet}»` : null,
                plan.delimiter ? t(DELIMS.find((d) => d.v === plan.delimiter)?.label ?? 'data.delim.comma') : null,
                plan.decimalComma ? t('data.decimalComma') : null,
              ].filter(Boolean).join(' · ')}
            </summary>
            {textFile && (
              <div className="readas-controls">
                <label className="control">{t('data.encoding')}
                  <select data-testid="encoding-select" value={answers.encoding ?? plan.encoding ?? 'utf-8'} disabled={state.s !== 'ready'}
                    onChange={(e) => setAnswers((a) => ({ ...a, encoding: e.target.value as Answers['encoding'] }))}>
                    {ENCODINGS.map((enc) => <option key={enc} value={enc}>{tx(t, `ingest.encoding.${enc}`)}</option>)}
                  </select>
                </label>
                <label className="control">{t('data.delimiter')}
                  <select data-testid="delimiter-select" value={answers.delimiter ?? plan.delimiter ?? ','} disabled={state.s !== 'ready'}
                    onChange={(e) => setAnswers((a) => ({ ...a, delimiter: e.target.value as Answers['delimiter'] }))}>
                    {DELIMS.map((d) => <option key={d.v} value={d.v}>{t(d.label)}</option>)}
                  </select>
                </label>
                <label className="control">
                  <input type="checkbox" data-testid="decimal-comma" checked={answers.decimalComma ?? plan.decimalComma} disabled={state.s !== 'ready'}
                    onChange={(e) => setAnswers((a) => ({ ...a, decimalComma: e.target.checked }))} />
                  {t('data.decimalComma')}
                </label>
              </div>
            )}
          </details>

          <details className="plan-mapping" open={plan.columns.some((c) => c.canonical === null)}>
            <summary>{t('data.mapping')} ({plan.columns.length})</summary>
            <div className="table-scroll">
              <table className="data-table compact">
                <thead><tr><th scope="col">{t('data.mappingHeader')}</th><th scope="col">{t('data.mappingCanonical')}</th></tr></thead>
                <tbody>
                  {plan.columns.map((c, i) => (
                    <tr key={i} className={c.canonical === null ? 'unknown' : undefined}>
                      <td>{c.header}</td>
                      <td>{c.canonical === null ? <em>{t('data.mappingUnknown')}</em> : canonicalLabel(plan.kind, c.canonical, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>

          {previewRows.length > 0 && (
            <details className="plan-preview" open>
              <summary>{t('data.preview')}</summary>
              <div className="table-scroll">
                <table className="data-table compact" data-testid="plan-preview">
                  <thead><tr>{plan.columns.map((c, i) => <th key={i} scope="col">{c.header}</th>)}</tr></thead>
                  <tbody>{previewRows.map((r, i) => <tr key={i}>{r.map((v, j) => <td key={j}>{v}</td>)}</tr>)}</tbody>
                </table>
              </div>
            </details>
          )}

          <ProblemList file={file.name} problems={plan.problems} errorCount={plan.errorCount} warningCount={plan.warningCount} />

          {plan.demoAside && (
            <p className="note" role="status" data-testid="demo-aside">{t('data.demoAside', { list: asideList(t, locale, plan.demoAside) })}</p>
          )}

          {errors === 0 && (q.dateOrder || answers.dateOrder) && (
            <fieldset className="question">
              <legend>{t('data.qDate')}</legend>
              {(['dmy', 'mdy'] as const).map((o) => (
                <button key={o} type="button" className="btn-choice" data-testid={`date-${o}`} aria-pressed={answers.dateOrder === o} disabled={state.s !== 'ready'}
                  onClick={() => setAnswers((a) => ({ ...a, dateOrder: o }))}>
                  {t(o === 'dmy' ? 'data.qDateDmy' : 'data.qDateMdy')}
                </button>
              ))}
            </fieldset>
          )}

          {errors === 0 && q.unit && (
            <fieldset className="question">
              <legend>{t('data.qUnit')}</legend>
              <label className="control">{t('data.qUnitCode')}
                <input data-testid="unit-code" value={unitDraft?.code ?? ''} onChange={(e) => setUnitDraft((u) => ({ code: e.target.value, name: u?.name ?? '' }))} />
              </label>
              <label className="control">{t('data.qUnitName')}
                <input data-testid="unit-name" value={unitDraft?.name ?? ''} onChange={(e) => setUnitDraft((u) => ({ code: u?.code ?? '', name: e.target.value }))} />
              </label>
              <button type="button" className="btn-choice" data-testid="unit-confirm" disabled={!unitDraft?.code.trim() || state.s !== 'ready'}
                aria-pressed={!!answers.unit && answers.unit.code === unitDraft?.code.trim() && answers.unit.name === unitDraft?.name.trim()}
                onClick={() => unitDraft && setAnswers((a) => ({ ...a, unit: { code: unitDraft.code.trim(), name: unitDraft.name.trim() } }))}>
                {t('data.qUnitConfirm')}
              </button>
              {answers.unit && <p className="note-ok">{t('data.qUnitConfirmed', { code: answers.unit.code, name: answers.unit.name || '–' })}</p>}
            </fieldset>
          )}

          {errors === 0 && q.duplicates && (
            <fieldset className="question">
              <legend>{t('data.qDup', { description: q.duplicates.description })}</legend>
              <button type="button" className="btn-choice" data-testid="dup-replace" aria-pressed={replaceCovers} disabled={state.s !== 'ready'}
                onClick={() => {
                  replacedFor.current = q.duplicates?.datasetIds ?? [];
                  setAnswers((a) => ({ ...a, onDuplicate: 'replace' }));
                  onBatchChange?.();
                }}>
                {t('data.qDupReplace')}
              </button>
              <button type="button" className="btn-choice" data-testid="dup-cancel" disabled={state.s !== 'ready'} onClick={() => void cancel()}>
                {t('data.qDupCancel')}
              </button>
              {replaceCovers && <p className="note">{t('data.qDupReplaced')}</p>}
            </fieldset>
          )}

          <div className="plan-actions">
            <button type="button" className="btn primary" data-testid="import-commit" disabled={!canCommit} onClick={() => void commit()}>
              {state.s === 'committing' ? t('data.committing') : t('data.commit')}
            </button>
            {errors === 0 && (needsDate || needsDup || needsUnit) && <span className="note">{t('data.commitNeedsAnswer')}</span>}
            {canLand && waitsForBatch && (
              <span className="note" data-testid="checked-with">{t('data.checkedWith', { files: plan.checkedWith!.map((f) => (locale === 'vi' ? `«${f}»` : `“${f}”`)).join(', ') })}</span>
            )}
          </div>
          {batchNote && <p className="error" role="status" data-testid="batch-not-loaded">{batchNote}</p>}
        </>
      )}
    </article>
  );
}
