// The import pipeline: analyseFile stages a file and checks it (nothing committed), commitPlan lands it
// all or nothing, discardPlan forgets it. importFile = analyse + commit.
import type { Db } from '../db/types';
import type { AnalyseOptions, Answers, ImportOutcome, ImportPlan, Problem, SourceFile } from './types';
import type { Kind } from '../domain/kinds';
import { matchHeaders, type HeaderMatch } from './headers';
import { isPapiWide, papiChecks, papiTypedSql, yearFromFileName } from './formats/papiWide';
import { readCsv } from './sources/csv';
import { readJson } from './sources/json';
import { routeOf } from './sources/sniff';
import { errorProblem, translateProblem, type ErrorSource } from './translateError';
import type { TextSource } from './sources/types';
import { dropStaging, stageCsv, stageRegistered, stagingFile, stagingTable } from './staging';
import { detectKind, TABULAR } from './formats';
import { columnChecks, typedTableSql } from './formats/tabular';
import type { StageCtx } from './formats/spec';
import { analyseSipas, dropSipas } from './formats/sipasResponses';
import { itemElement, sipasResponsesColumns } from './formats/sipasResponses';
import { problem, runChecks } from './problems';
import { lit, newId } from './sql';
import { fillBlankLines } from './blankLines';
import { CsvShapeError, NotUtf8Error, nulProblem, shapeProblem } from './csvShape';
import { isUtf8 } from './decode';
import { oneLineEnding } from './lineEndings';
import type { OnRefused } from './staging';
import { guessUnit, isParSheet, parSheet, parSheetYear } from './formats/parSheet';
import { commitStaged, type CommitHooks } from './commit';
import { checkInBatch } from './batch';
import { discardStaged, finish, keepStaged, stagedOf, type Staged } from './staged';

export { discardPlan, stagedOf } from './staged';

function emptyPlan(file: string, kind: Kind = 'table'): ImportPlan {
  return {
    file,
    kind,
    rowCount: 0,
    columns: [],
    preview: [],
    problems: [],
    questions: {},
    coverage: null,
    stagingId: null,
    encoding: null,
    delimiter: null,
    decimalComma: false,
    sheet: null,
    errorCount: 0,
    warningCount: 0,
  };
}

/** Durations the benchmark reads (performance.getEntriesByType('measure')); harmless elsewhere. */
function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // no User Timing here (old runtimes): nothing to record
  }
}

/** PAPI wide: Province is the unit code; every SCxy column holds a component's score. */
function papiMatch(headers: readonly string[]): HeaderMatch {
  const byKey = new Map<string, number>();
  const byIndex = headers.map((h, i) => {
    if (/^province$/i.test(h.trim())) {
      byKey.set('unit_code', i);
      return 'unit_code';
    }
    return /^SC\d+$/i.test(h.trim()) ? 'score' : null;
  });
  return { byKey, byIndex };
}

/** Reads any supported file into a text table: CSV/TSV directly, XLSX and Parquet through lazily loaded readers. */
async function readSource(file: SourceFile, answers: Answers): Promise<TextSource> {
  // routeOf refuses what is not what its name says (random bytes named .xlsx, a PNG named .csv) before any reader.
  const route = routeOf(file.name, file.bytes);
  if (route === 'parquet') return (await import('./sources/parquet')).readParquet(file);
  if (route === 'spreadsheet') return (await import('./sources/xlsx')).readXlsx(file, answers);
  if (route === 'json') return readJson(file, answers);
  return readCsv(file, answers);
}

/** The reader a file went to, for wording its errors (never throws). */
function sourceOf(file: SourceFile): ErrorSource | undefined {
  try {
    const r = routeOf(file.name, file.bytes);
    return r === 'parquet' ? 'parquet' : r === 'spreadsheet' ? 'excel' : 'text';
  } catch {
    return undefined;
  }
}

/** Stages the file and runs every check. Nothing is committed; the plan is the preview. */
export async function analyseFile(db: Db, file: SourceFile, answers: Answers = {}, options: AnalyseOptions = {}): Promise<ImportPlan> {
  let src: TextSource;
  try {
    options.onProgress?.({ file: file.name, step: 'reading' });
    const t0 = performance.now();
    src = await readSource(file, answers);
    measure('chiso:ingest-read', t0);
  } catch (e) {
    const plan = emptyPlan(file.name);
    return finish(plan, [errorProblem({ file: file.name }, e, sourceOf(file))]);
  }
  return analyseText(db, file.name, src, answers, options);
}

async function analyseText(db: Db, fileName: string, src: TextSource, answers: Answers, options: AnalyseOptions = {}): Promise<ImportPlan> {
  const { headers, rows } = src.head;
  // PAPI as published (Province, SC11 … SC83; year in the file name) is index_scores in wide form.
  const papi = (answers.kind === undefined || answers.kind === 'index_scores') && isPapiWide(headers);
  // The one-unit PAR sheet (criteria rows for one unit, named by the sheet or file) is par_scores.
  const sheetForm = !papi && (answers.kind === undefined || answers.kind === 'par_scores') && isParSheet(headers);
  const kind = papi ? 'index_scores' : sheetForm ? 'par_scores' : (answers.kind ?? detectKind(headers));
  const plan = emptyPlan(fileName, kind);
  Object.assign(plan, { encoding: src.encoding, delimiter: src.delimiter, decimalComma: src.decimalComma, sheet: src.sheet });
  if (src.sheets) plan.sheets = src.sheets;
  plan.preview = [headers, ...rows.slice(0, 10)];
  const problems: Problem[] = [];
  const where = { file: fileName };
  if (headers.length === 0) return finish(plan, [problem(where, 'error', 'ingest.problem.empty', {})]);

  const format = sheetForm ? parSheet : kind === 'table' || kind === 'sipas_responses' ? null : TABULAR[kind];
  const columns = kind === 'table' ? [] : kind === 'sipas_responses' ? sipasResponsesColumns : format!.columns;
  const match = papi ? papiMatch(headers) : matchHeaders(headers, columns);
  // SIPAS item columns (TC2.3 …) are read as questions of their element: shown as `item:2`, not as unknown.
  const itemOf = (h: string) => (kind === 'sipas_responses' ? itemElement(h) : null);
  plan.columns = headers.map((h, i) => ({
    header: h,
    canonical: kind === 'table' ? h : (match.byIndex[i] ?? (itemOf(h) !== null ? `item:${itemOf(h)}` : null)),
  }));

  const id = newId('imp');
  const ctx: StageCtx = {
    db,
    file: fileName,
    id,
    stg: stagingTable(id),
    headers,
    match,
    decimalComma: src.decimalComma,
    answers,
    firstRow: src.firstRow,
    col: (key) => (match.byKey.has(key) ? `c${match.byKey.get(key)}` : null),
    header: (key) => (match.byKey.has(key) ? headers[match.byKey.get(key)!]! : (columns.find((c) => c.key === key)?.vi ?? key)),
    pending: [], // set by checkInBatch
    own: !options.isDemo,
  };

  // Structure: the header against the format's zod schema (required columns present).
  const papiYear = papi ? yearFromFileName(fileName) : null;
  if (papi && papiYear === null) return finish(plan, [problem(where, 'error', 'ingest.problem.yearFromName', {})]);
  const sheetYear = sheetForm ? parSheetYear(fileName, src.sheet) : null;
  if (sheetForm && sheetYear === null) return finish(plan, [problem(where, 'error', 'ingest.problem.parSheetYear', {})]);
  if (kind !== 'table' && !papi) {
    const schema = format?.headerSchema ?? null;
    const parsed = schema?.safeParse(Object.fromEntries(match.byKey));
    const missing =
      kind === 'sipas_responses'
        ? sipasResponsesColumns.filter((c) => c.required && !match.byKey.has(c.key))
        : parsed && !parsed.success
          ? columns.filter((c) => c.required && !match.byKey.has(c.key))
          : [];
    for (const c of missing)
      problems.push(problem(where, 'error', 'ingest.problem.missingColumn', { column: c.vi }, { names: [c.vi, c.key, ...c.aliases.slice(0, 3)].join(', ') }));
    if (kind !== 'sipas_responses')
      headers.forEach((h, i) => {
        if (match.byIndex[i] !== null) return;
        // A second column with a known name (two "Điểm" columns) is not the same as a column nobody knows.
        const twice = matchHeaders([h], columns).byIndex[0] !== null;
        problems.push(problem(where, 'warning', twice ? 'ingest.problem.duplicateHeader' : 'ingest.problem.extraColumn', { column: h }));
      });
    if (missing.length) return finish(plan, problems);
  }

  const t0 = performance.now();
  options.onProgress?.({ file: fileName, step: 'staging' });
  src = { ...src, utf8: fillBlankLines(src.utf8, src.delimiter, headers.length) };
  // CSV shape faults are named at their row and column (csvShape): a NUL before staging, the rest when DuckDB refuses.
  const shape = { file: fileName, headers, delimiter: src.delimiter, firstRow: src.firstRow };
  const nul = nulProblem(shape, src.utf8);
  if (nul) return finish(plan, [...problems, nul]);
  const onRefused: OnRefused = (bytes) => {
    // Looked like UTF-8 in its first megabyte but is not: read it again as Windows-1258 (in the catch below).
    if (src.encoding === 'utf-8' && !answers.encoding && src.retry && !isUtf8(bytes)) throw new NotUtf8Error(bytes);
    const one = oneLineEnding(bytes);
    if (one !== bytes) return { bytes: fillBlankLines(one, src.delimiter, headers.length) };
    const fault = shapeProblem(shape, bytes);
    return fault ? { problem: fault } : null;
  };
  let sipas: Awaited<ReturnType<typeof analyseSipas>> | null = null;
  try {
    if (kind === 'sipas_responses') {
      // The 1M-row path: the aggregate reads the file itself; the row-level staging happens only if a problem
      // needs row numbers (see analyseSipas).
      const file = stagingFile(id);
      await db.registerFile(file, src.utf8);
      try {
        sipas = await analyseSipas(ctx, file, src.delimiter, () => stageRegistered(db, id, file, src.delimiter, headers.length, onRefused));
      } finally {
        await db.dropFile(file);
      }
      plan.rowCount = sipas.rows;
    } else {
      plan.rowCount = (await stageCsv(db, id, src.utf8, src.delimiter, headers.length, onRefused)).rows;
    }
    measure('chiso:ingest-stage', t0);
  } catch (e) {
    await dropStaging(db, id);
    if (kind === 'sipas_responses') await dropSipas(ctx);
    // Looked like UTF-8 in its first megabyte but is not: read it again as Windows-1258 — from the bytes DuckDB
    // was given (the file's own buffer went to DuckDB with them).
    if (e instanceof NotUtf8Error) return analyseText(db, fileName, src.retry!('windows-1258', e.bytes), answers, options);
    if (e instanceof CsvShapeError) return finish(plan, [...problems, e.problem]);
    return finish(plan, [...problems, errorProblem(where, e)]);
  }
  plan.stagingId = id;
  options.onProgress?.({ file: fileName, step: 'checking' });
  const entry: Staged = { ctx, kind, typed: null, plan, batch: options.batch ?? '', base: [] };
  if (papi) entry.variant = 'papiWide';
  if (sheetForm) entry.variant = 'parSheet';
  try {
    if (plan.rowCount === 0) problems.push(problem(where, 'error', 'ingest.problem.empty', {}));
    else if (sipas) {
      problems.push(...sipas.problems);
      plan.questions = sipas.questions;
      plan.coverage = sipas.coverage;
    } else if (kind === 'table') {
      // typed at commit; nothing to check beyond being readable
    } else if (papi) {
      const typed = `_typ_${id}`;
      await db.exec(papiTypedSql(ctx, typed, papiYear));
      entry.typed = typed;
      problems.push(...(await runChecks(ctx, papiChecks(ctx, typed))));
      const [cov] = await db.query<{ label: string | null }>(TABULAR.index_scores.coverage(typed));
      plan.coverage = cov?.label ?? null;
    } else if (sheetForm) {
      const typed = `_typ_${id}`;
      await db.exec(typedTableSql(ctx, parSheet, typed));
      // Rows without a code, or numbered I, II, III…, are section titles or totals of the printed form, not scores.
      await db.exec(`DELETE FROM ${typed} WHERE raw_criterion_code IS NULL OR regexp_full_match(upper(raw_criterion_code), '[IVXL]+\\.?')`);
      const unit = answers.unit ?? (await guessUnit(db, fileName, src.sheet));
      await db.exec(
        `UPDATE ${typed} SET year = ${sheetYear}, unit_code = ${lit(unit.code ?? '?')}, unit_name = ${unit.name === null ? 'NULL' : lit(unit.name)}`,
      );
      entry.typed = typed;
      if (!answers.unit) plan.questions.unit = unit;
      const f = TABULAR.par_scores;
      problems.push(...(await runChecks(ctx, [...columnChecks(ctx, parSheet, typed), ...((await f.extraChecks?.(ctx, typed)) ?? [])])));
      const [cov] = await db.query<{ label: string | null }>(f.coverage(typed));
      plan.coverage = cov?.label ?? null;
    } else if (kind !== 'sipas_responses') {
      const f = TABULAR[kind];
      const typed = `_typ_${id}`;
      await db.exec(typedTableSql(ctx, f, typed));
      entry.typed = typed;
      problems.push(...(await runChecks(ctx, [...columnChecks(ctx, f, typed), ...((await f.extraChecks?.(ctx, typed)) ?? [])])));
      const [cov] = await db.query<{ label: string | null }>(f.coverage(typed));
      plan.coverage = cov?.label ?? null;
    }
  } catch (e) {
    await discardStaged(entry);
    plan.stagingId = null;
    return finish(plan, [...problems, errorProblem(where, e)]);
  }
  measure('chiso:ingest-checks', t0);
  entry.base = problems;
  keepStaged(entry);
  // Checks against the rest of the batch (criteria for scores), the demo data it takes out, the duplicate question.
  try {
    await checkInBatch(entry);
  } catch (e) {
    await discardStaged(entry);
    plan.stagingId = null;
    return finish(plan, [...problems, errorProblem(where, e)]);
  }
  return plan;
}

/** Lands a plan: all rows and its catalogue entry, or nothing. The staging is freed either way. */
export async function commitPlan(
  db: Db,
  plan: ImportPlan,
  answers: Answers = {},
  meta: { isDemo?: boolean; source?: string } = {},
  hooks: CommitHooks = {},
): Promise<ImportOutcome> {
  const entry = stagedOf(plan);
  if (!entry) return { ok: false, plan, problems: [problem({ file: plan.file }, 'error', 'ingest.problem.planGone', {})] };
  const t0 = performance.now();
  const outcome = await commitStaged(db, entry, answers, meta, hooks); // throws only what hooks threw: the plan stays staged
  if (!outcome.ok) outcome.problems = outcome.problems.map((p) => translateProblem(p, 'commit')); // no raw engine text
  measure('chiso:ingest-commit', t0);
  // A plan waiting for an answer stays staged so the user can answer and commit again.
  const waiting = !outcome.ok && outcome.problems.some((p) => p.expected.key === 'ingest.problem.answerNeeded');
  if (!waiting) await discardStaged(entry);
  return outcome;
}

/** analyseFile + commitPlan. */
export async function importFile(db: Db, file: SourceFile, answers: Answers = {}, meta: { isDemo?: boolean; source?: string } = {}): Promise<ImportOutcome> {
  const plan = await analyseFile(db, file, answers, { isDemo: meta.isDemo });
  if (!plan.stagingId) return { ok: false, plan, problems: plan.problems };
  return commitPlan(db, plan, answers, meta);
}
