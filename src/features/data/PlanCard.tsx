import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { formatInteger } from '../../i18n/format';
import { KINDS, type Answers, type ImportPlan, type Kind, type Problem, type SourceFile } from '../../ingest/types';
import { StaleStoreError, StorageFullError } from '../../store/persist';
import { analyse, commitAndPersist, discard, recheck } from './importFlow';
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

/** One file of a batch: what was detected, the checks, the questions, then "Nạp dữ liệu". Each file lands whole or not at all. */
export interface ReadyInfo {
  kind: Kind;
  commit(): Promise<void>;
}

// Problems that another file of the same batch may solve (criteria or questions picked together with the scores/answers).
const NEEDS_REFERENCE = new Set(['ingest.problem.noCriteria', 'ingest.problem.unknownCriterion', 'ingest.problem.unknownItem']);
export const REFERENCE_KINDS: readonly Kind[] = ['units', 'par_criteria', 'sipas_items', 'commune_merger'];

interface Props {
  file: SourceFile;
  onRemove: () => void;
  onReady?: (info: ReadyInfo | null) => void;
  /** Called with the kind after each analysis (the panel counts staged reference files). */
  onAnalysed?: (kind: Kind) => void;
  /** Bumped when a reference file (criteria, items, units) of the batch was staged: re-check if it may help. */
  refsVersion?: number;
}

export function PlanCard({ file, onRemove, onReady, onAnalysed, refsVersion = 0 }: Props) {
  const { t, locale } = useI18n();
  const { db, refresh, startReport, revision } = useData();
  const [state, setState] = useState<CardState>({ s: 'analysing' });
  // Waiting for another operation on the data (another file's check or load here, another tab's change).
  const [waiting, setWaiting] = useState(false);
  // Answers that change what the analysis finds (kind, date order, unit) re-run it; the duplicate answer is for the commit.
  const [answers, setAnswers] = useState<Answers>({});
  const [unitDraft, setUnitDraft] = useState<{ code: string; name: string } | null>(null);
  const committed = useRef(false);
  const [retry, setRetry] = useState(0);
  const analysisKey = JSON.stringify([answers.kind, answers.dateOrder, answers.unit, answers.encoding, answers.delimiter, answers.decimalComma]);

  useEffect(() => {
    if (!db) return;
    let live = true;
    let plan: ImportPlan | null = null;
    setState({ s: 'analysing' });
    const forAnalysis: Answers = { ...answers, onDuplicate: undefined };
    analyse(db, file, forAnalysis, { onWait: (w) => live && setWaiting(w) }).then(
      (p) => {
        plan = p;
        setWaiting(false);
        if (!live) return void discard(db, p).catch(() => undefined);
        setState({ s: 'ready', plan: p });
        onAnalysed?.(p.kind);
        if (p.questions.unit && !forAnalysis.unit) setUnitDraft({ code: p.questions.unit.code ?? '', name: p.questions.unit.name ?? '' });
      },
      (e: unknown) => live && setState({ s: 'failed', ...failure(e, t, file.name), storageFull: false, read: true }),
    );
    return () => {
      live = false;
      if (plan && !committed.current) void discard(db, plan).catch(() => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, file, analysisKey, retry]);

  const plan = 'plan' in state ? state.plan : null;

  // The data changed under a plan waiting to be loaded (another tab, another file): ask the duplicate question again.
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (revision === seenRevision.current) return;
    seenRevision.current = revision;
    if (!db || state.s !== 'ready') return;
    const p = state.plan;
    let live = true;
    recheck(db, p, answers).then(
      (added) => {
        if (!live) return;
        if (added) setAnswers((a) => ({ ...a, onDuplicate: undefined }));
        setState((s) => (s.s === 'ready' && s.plan === p ? { s: 'ready', plan: p } : s));
      },
      (e: unknown) => console.error(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);
  const needsReference = state.s === 'ready' && plan !== null && plan.problems.some((p) => NEEDS_REFERENCE.has(p.expected.key));
  useEffect(() => {
    if (needsReference) setRetry((r) => r + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refsVersion]);
  const errors = plan ? plan.errorCount : 0;
  const q = plan?.questions ?? {};
  const needsDate = !!q.dateOrder && !answers.dateOrder;
  const needsDup = !!q.duplicates && answers.onDuplicate !== 'replace';
  const needsUnit = !!q.unit && !answers.unit;
  const canCommit = state.s === 'ready' && errors === 0 && !needsDate && !needsDup && !needsUnit;

  async function commit() {
    if (!db || !plan) return;
    setState({ s: 'committing', plan });
    try {
      const out = await commitAndPersist(db, plan, answers, undefined, { onWait: setWaiting });
      if (out.ok) {
        committed.current = true;
        setState({ s: 'done', plan: out.plan });
      } else if (out.problems.some((p) => p.expected.key === 'ingest.problem.answerNeeded')) {
        // Another file or tab landed since the analysis and now overlaps: the plan stays staged and shows the new
        // question, unanswered (a "replace" given before covered only what it was asked about).
        if (out.problems.some((p) => p.expected.params?.what === 'duplicates')) setAnswers((a) => ({ ...a, onDuplicate: undefined }));
        setState({ s: 'ready', plan: out.plan ?? plan });
      } else {
        committed.current = true; // the pipeline freed the staging
        setState({ s: 'refused', plan: out.plan ?? plan, problems: out.problems });
      }
    } catch (e) {
      console.error(e);
      setState({ s: 'failed', ...failure(e, t, file.name), storageFull: e instanceof StorageFullError, read: false, stale: e instanceof StaleStoreError });
    } finally {
      setWaiting(false);
      await refresh();
    }
  }

  // Tells the panel this card can be loaded now (for "Nạp tất cả"), with the commit to run.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    onReady?.(canCommit && plan ? { kind: answers.kind ?? plan.kind, commit: () => commitRef.current() } : null);
  }, [canCommit, plan, answers.kind, onReady]);
  useEffect(() => () => onReady?.(null), [onReady]);

  async function cancel() {
    if (db && plan) await discard(db, plan).catch(() => undefined);
    committed.current = true; // nothing left to discard
    setState({ s: 'cancelled' });
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

      {state.s === 'analysing' && <p className="note" role="status"><span className="spinner" aria-hidden="true" />{t('data.analysing')}</p>}
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
              <button type="button" className="btn-choice" data-testid="dup-replace" aria-pressed={answers.onDuplicate === 'replace'} disabled={state.s !== 'ready'}
                onClick={() => setAnswers((a) => ({ ...a, onDuplicate: 'replace' }))}>
                {t('data.qDupReplace')}
              </button>
              <button type="button" className="btn-choice" data-testid="dup-cancel" disabled={state.s !== 'ready'} onClick={() => void cancel()}>
                {t('data.qDupCancel')}
              </button>
              {answers.onDuplicate === 'replace' && <p className="note">{t('data.qDupReplaced')}</p>}
            </fieldset>
          )}

          <div className="plan-actions">
            <button type="button" className="btn primary" data-testid="import-commit" disabled={!canCommit} onClick={() => void commit()}>
              {state.s === 'committing' ? t('data.committing') : t('data.commit')}
            </button>
            {errors === 0 && (needsDate || needsDup || needsUnit) && <span className="note">{t('data.commitNeedsAnswer')}</span>}
          </div>
        </>
      )}
    </article>
  );
}
