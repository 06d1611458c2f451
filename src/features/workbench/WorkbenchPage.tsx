// #/sql "Phân tích": SQL over every loaded table for analysts. The query lives in the link (q), so a link reruns it;
// results show as a grid or a chart and download as CSV or Excel. Everything runs on the reader connection, read only.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { useQuery } from '../../app/useQuery';
import type { Reader } from '../../db/types';
import { useI18n, type Translate } from '../../i18n/i18n';
import { formatDateTime, formatInteger, type Locale } from '../../i18n/format';
import { downloadCsv, downloadXlsx, safeFileName } from '../../export/download';
import { DefinedChart } from '../../charts/Chart';
import type { Sql } from '../../sql/sql';
import { Editor, type EditorTable } from './Editor';
import { ResultGrid, type GridSort } from './ResultGrid';
import { TableList, docOf } from './TableList';
import { ChartControls } from './ChartControls';
import { workbenchChart } from './chartDefs';
import { examples } from './examples';
import { buildChart, defaultSpec, specFromParams, specParams, type ChartNote, type ChartSpec } from './model';
import { loadTables, previewQuery, summarizeQuery, type QueryableTable } from './queries';
import { RESULT_LIMITS, exportRows, sortOrder } from './result';
import { errorPlace, errorText, runAppQuery, runChecked, type ErrorPlace, type Outcome } from './run';
import { addToHistory, HISTORY_KEY, readStored, removeSaved, restoreHistory, restoreSaved, SAVED_KEY, saveQuery, writeStored } from './store';
import './workbench.css';

type Source = { kind: 'query'; sql: string } | { kind: 'preview' | 'summarize'; table: string };
type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; source: Source }
  /** `run`: which run this is (the page's count), on the result as data-run for the benchmark and tests. */
  | { kind: 'outcome'; source: Source; outcome: Outcome; place: ErrorPlace | null; run: number };

/** Rows an Excel download holds: beyond, SheetJS in a tab takes minutes and gigabytes; the CSV has them all. */
const XLSX_ROWS = 100_000;

export function WorkbenchPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { db, datasets } = useData();
  const [text, setText] = useState(route.params.q ?? '');
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [sort, setSort] = useState<GridSort | null>(null);
  const [order, setOrder] = useState<Int32Array | null>(null);
  const [sorting, setSorting] = useState(false);
  const [history, setHistory] = useState(() => restoreHistory(readStored(HISTORY_KEY)));
  const [saved, setSaved] = useState(() => restoreSaved(readStored(SAVED_KEY)));
  const [saveName, setSaveName] = useState('');
  const runId = useRef(0);
  /** The query last run from the link or the editor: a link naming another one runs it. */
  const lastRun = useRef<string | null>(null);
  const tab = route.params.view === 'chart' ? 'chart' : 'table';

  const tablesQ = useQuery((d) => loadTables(d, datasets), [datasets]);
  const tables = tablesQ.data;
  const editorTables = useMemo<EditorTable[]>(
    () =>
      (tables ?? []).map((x) => ({
        name: x.name,
        detail: t('workbench.tables.rows', { n: formatInteger(x.rows, locale) }),
        info: docOf(t, x),
        columns: x.columns.map((c) => ({ name: c.name, type: c.type, info: docOf(t, x, c.name) })),
      })),
    [tables, t, locale],
  );

  const reader = useCallback(async (): Promise<Reader> => {
    const r = await db?.reader?.();
    if (!r) throw new Error('DuckDB is not ready');
    return r;
  }, [db]);

  const start = useCallback(
    async (source: Source, go: (r: Reader) => Promise<Outcome>) => {
      const id = ++runId.current;
      const r = await reader();
      await r.cancel(); // a statement still running gives way to the new one
      setState({ kind: 'running', source });
      setSort(null);
      setOrder(null);
      const outcome = await go(r);
      if (id !== runId.current) return;
      const place = outcome.kind === 'error' && source.kind === 'query' ? errorPlace(outcome.message, source.sql) : null;
      setState({ kind: 'outcome', source, outcome, place, run: id });
      if (source.kind === 'query') {
        const entry = {
          sql: source.sql,
          at: new Date().toISOString(),
          rows: outcome.kind === 'done' ? outcome.result.rowCount : null,
          ms: outcome.kind === 'done' ? outcome.ms : null,
        };
        setHistory((h) => {
          const next = addToHistory(h, entry);
          writeStored(HISTORY_KEY, next);
          return next;
        });
      }
    },
    [reader],
  );

  const runText = useCallback(
    (sqlText: string) => {
      lastRun.current = sqlText;
      if (sqlText !== (route.params.q ?? '')) replaceParams(route, { q: sqlText });
      void start({ kind: 'query', sql: sqlText }, (r) => runChecked(r, sqlText));
    },
    [route, start],
  );
  const runApp = useCallback((source: Source, q: Sql) => void start(source, (r) => runAppQuery(r, q)), [start]);

  // A link with a query runs it once the engine is ready (and again when the link names another query).
  const linked = route.params.q;
  useEffect(() => {
    if (!db || linked === undefined || linked === lastRun.current) return;
    setText(linked);
    runText(linked);
  }, [db, linked, runText]);

  const cancel = () => void reader().then((r) => r.cancel());
  const running = state.kind === 'running';
  const outcome = state.kind === 'outcome' ? state.outcome : null;
  const result = outcome?.kind === 'done' ? outcome.result : null;
  const querySource = state.kind === 'outcome' && state.source.kind === 'query' ? state.source.sql : null;

  function onSort(col: number) {
    if (!result) return;
    const dir = sort?.col === col ? (sort.dir === 'asc' ? 'desc' : null) : 'asc';
    setSorting(true);
    // After a paint, so "Đang sắp xếp…" shows while a million rows are ordered.
    setTimeout(() => {
      setSort(dir ? { col, dir } : null);
      setOrder(dir ? sortOrder(result.column(col), result.columns[col]!.kind, dir, locale) : null);
      setSorting(false);
    }, 0);
  }

  // The chart: the link's columns if the result has them, else a first guess.
  const spec = useMemo<ChartSpec | null>(
    () => (result ? (specFromParams(route.params, result.columns) ?? defaultSpec(result.columns)) : null),
    [result, route.params],
  );
  const blank = t('workbench.chart.blank');
  const chartModel = useMemo(
    () => (result && spec && querySource !== null ? buildChart(result, spec, querySource, locale, blank) : null),
    [result, spec, querySource, locale, blank],
  );
  const setSpec = (next: ChartSpec) => replaceParams(route, specParams(next));
  const setTab = (view: 'table' | 'chart') => replaceParams(route, { view: view === 'chart' ? 'chart' : undefined });

  const fileBase = () => safeFileName(`${t('workbench.fileName')}_${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}`);
  const names = () => result!.columns.map((c) => c.name);

  const list = useMemo(() => examples(tables ?? []), [tables]);
  /** A query picked from a menu goes into the editor (not run), and the menu closes. */
  const pick = (sqlText: string, from: HTMLElement) => {
    setText(sqlText);
    from.closest('details')?.removeAttribute('open');
  };

  const title = (s: Source) =>
    s.kind === 'preview'
      ? t('workbench.of.preview', { table: s.table })
      : s.kind === 'summarize'
        ? t('workbench.of.summarize', { table: s.table })
        : t('workbench.of.query');

  return (
    <section className="workbench">
      <h1>{t('workbench.title')}</h1>
      <p className="lead">{t('workbench.lead')}</p>
      <div className="wb-layout">
        <aside aria-label={t('workbench.tables')}>
          <TableList
            tables={tables}
            onPreview={(x: QueryableTable) => runApp({ kind: 'preview', table: x.name }, previewQuery(x))}
            onSummarize={(x: QueryableTable) => runApp({ kind: 'summarize', table: x.name }, summarizeQuery(x))}
          />
        </aside>
        <div className="wb-main">
          <p className="wb-label" aria-hidden="true">
            {t('workbench.editor')}
          </p>
          <Editor
            value={text}
            onChange={setText}
            onRun={() => runText(text)}
            tables={editorTables}
            errorAt={state.kind === 'outcome' && state.place ? state.place.offset : null}
            label={t('workbench.editor')}
            placeholderText={t('workbench.placeholder')}
          />
          <div className="wb-actions">
            <button type="button" className="btn primary" onClick={() => runText(text)} disabled={!db} title={t('workbench.runTitle')} data-testid="sql-run">
              {t('workbench.run')} <kbd>Ctrl+Enter</kbd>
            </button>
            {running && (
              <button type="button" className="btn" onClick={cancel} data-testid="sql-cancel">
                {t('workbench.cancel')}
              </button>
            )}
            <details className="wb-menu" data-testid="examples">
              <summary>{t('workbench.examples')}</summary>
              <div className="wb-menu-panel">
                <ul>
                  {list.map((ex) => (
                    <li key={ex.id}>
                      <button type="button" data-example={ex.id} onClick={(e) => pick(ex.sql, e.currentTarget)}>
                        {t(ex.title, ex.vars)}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </details>
            <details className="wb-menu" data-testid="history">
              <summary>{t('workbench.history')}</summary>
              <div className="wb-menu-panel">
                {history.length === 0 ? (
                  <p className="note">{t('workbench.historyEmpty')}</p>
                ) : (
                  <ul>
                    {history.map((h) => (
                      <li key={h.at + h.sql}>
                        <button type="button" onClick={(e) => pick(h.sql, e.currentTarget)} title={h.sql}>
                          <code>{h.sql.replace(/\s+/g, ' ').slice(0, 80)}</code>
                          <span className="note">
                            {t('workbench.historyItem', {
                              time: formatDateTime(new Date(h.at), locale),
                              outcome: h.rows === null ? t('workbench.historyFailed') : t('workbench.tables.rows', { n: formatInteger(h.rows, locale) }),
                            })}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="note">{t('workbench.keptHere')}</p>
              </div>
            </details>
            <details className="wb-menu" data-testid="saved">
              <summary>{t('workbench.saved')}</summary>
              <div className="wb-menu-panel">
                <form
                  className="wb-save"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (!saveName.trim() || !text.trim()) return;
                    const next = saveQuery(saved, { name: saveName, sql: text, savedAt: new Date().toISOString() });
                    setSaved(next);
                    writeStored(SAVED_KEY, next);
                    setSaveName('');
                  }}
                >
                  <input
                    value={saveName}
                    onChange={(e) => setSaveName(e.target.value)}
                    placeholder={t('workbench.saveName')}
                    aria-label={t('workbench.saveName')}
                    data-testid="save-name"
                  />
                  <button type="submit" className="btn-small" disabled={!saveName.trim() || !text.trim()} data-testid="save-query">
                    {t('workbench.save')}
                  </button>
                </form>
                {saved.length === 0 ? (
                  <p className="note">{t('workbench.savedEmpty')}</p>
                ) : (
                  <ul>
                    {saved.map((q) => (
                      <li key={q.name} className="wb-saved">
                        <button type="button" onClick={(e) => pick(q.sql, e.currentTarget)} title={q.sql} data-testid="saved-open">
                          {q.name}
                        </button>
                        <button
                          type="button"
                          className="btn-small"
                          onClick={() => {
                            const next = removeSaved(saved, q.name);
                            setSaved(next);
                            writeStored(SAVED_KEY, next);
                          }}
                        >
                          {t('workbench.delete')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="note">{t('workbench.keptHere')}</p>
              </div>
            </details>
          </div>

          <div className="wb-status" role="status" aria-live="polite" data-testid="sql-status">
            {state.kind === 'running' && <span className="wb-running">{t('workbench.running')}</span>}
            {outcome?.kind === 'cancelled' && <span>{t('workbench.cancelled')}</span>}
          </div>
          {outcome?.kind === 'refused' && (
            <div className="error wb-refused" role="alert" data-testid="sql-refused" data-reason={outcome.verdict.reason}>
              <strong>{t('workbench.refusedTitle')}</strong>
              <p>{t(`workbench.refused.${outcome.verdict.reason}`, { word: outcome.verdict.word })}</p>
            </div>
          )}
          {outcome?.kind === 'error' && (
            <div className="error wb-error" role="alert" data-testid="sql-error">
              <strong>{t('workbench.error')}</strong>
              <pre>{errorText(outcome.message)}</pre>
              {state.kind === 'outcome' && state.place && (
                <p data-testid="sql-error-place">{t('workbench.errorAt', { line: state.place.line, column: state.place.column })}</p>
              )}
            </div>
          )}

          {state.kind === 'outcome' && result && (
            <div className="wb-result" data-testid="sql-result" data-run={state.run}>
              <div className="wb-result-head">
                <h2>{title(state.source)}</h2>
                <span className="note" data-testid="result-summary">
                  {t('workbench.rows', {
                    rows: formatInteger(result.rowCount, locale),
                    columns: result.columns.length,
                    ms: formatInteger(outcome!.kind === 'done' ? outcome!.ms : 0, locale),
                  })}
                </span>
                <span className="wb-downloads">
                  <button
                    type="button"
                    className="btn-small"
                    disabled={result.rowCount === 0}
                    onClick={() => downloadCsv(`${fileBase()}.csv`, names(), exportRows(result, order))}
                    data-testid="download-csv"
                  >
                    {t('workbench.csv')}
                  </button>
                  <button
                    type="button"
                    className="btn-small"
                    disabled={result.rowCount === 0}
                    onClick={() =>
                      void downloadXlsx(`${fileBase()}.xlsx`, [{ name: title(state.source), columns: names(), rows: exportRows(result, order, XLSX_ROWS) }])
                    }
                    data-testid="download-xlsx"
                  >
                    {t('workbench.xlsx')}
                  </button>
                </span>
              </div>
              {result.truncated && (
                <p className="warn" role="note" data-testid="result-truncated">
                  {t('workbench.truncated', {
                    rows: formatInteger(result.rowCount, locale),
                    limit: formatInteger(RESULT_LIMITS.rows, locale),
                    mb: formatInteger(RESULT_LIMITS.bytes / 2 ** 20, locale),
                  })}
                </p>
              )}
              {result.rowCount > XLSX_ROWS && <p className="note">{t('workbench.xlsxCut', { n: formatInteger(XLSX_ROWS, locale) })}</p>}
              {result.rowCount === 0 && (
                <p className="empty" data-testid="result-empty">
                  {t('workbench.noRows')}
                </p>
              )}
              {state.source.kind === 'query' && (
                <div className="tabs" role="tablist">
                  <button type="button" role="tab" aria-selected={tab === 'table'} onClick={() => setTab('table')} data-testid="tab-table">
                    {t('workbench.tab.table')}
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'chart'} onClick={() => setTab('chart')} data-testid="tab-chart">
                    {t('workbench.tab.chart')}
                  </button>
                </div>
              )}
              {tab === 'chart' && state.source.kind === 'query' ? (
                <div className="wb-chart" data-testid="result-chart">
                  {spec && chartModel ? (
                    <>
                      <ChartControls columns={result.columns} spec={spec} onChange={setSpec} />
                      {chartModel.notes.map((n) => (
                        <p key={n.kind} className="note" data-testid="chart-note">
                          {noteText(t, locale, n)}
                        </p>
                      ))}
                      <DefinedChart view={workbenchChart} model={chartModel} />
                    </>
                  ) : (
                    <p className="empty">{t('workbench.chart.noNumbers')}</p>
                  )}
                </div>
              ) : (
                result.columns.length > 0 && <ResultGrid result={result} order={order} sort={sort} onSort={onSort} sorting={sorting} />
              )}
              {sorting && (
                <p className="note" role="status">
                  {t('workbench.sorting')}
                </p>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function noteText(t: Translate, locale: Locale, n: ChartNote): string {
  switch (n.kind) {
    case 'summed':
      return t('workbench.chart.summed');
    case 'noNumbers':
      return t('workbench.chart.noNumbers');
    default:
      return t(`workbench.chart.${n.kind}`, { n: formatInteger(n.n, locale) });
  }
}
