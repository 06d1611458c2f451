// The commit: one transaction that takes out the fictional demo data the user's file displaces (demoAside.ts),
// checks the file again against what is loaded by then (its criteria or questions), (on "replace") deletes the rows
// sharing keys with the file, inserts the new rows, registers the dataset, and drops datasets left empty. Any failure
// rolls back: nothing already loaded is lost. A batch (files picked together) lands the same way, every file in
// dependency order inside ONE transaction: all or nothing.
// `beforeCommit` runs inside that transaction, before COMMIT (the app stores what changed there; if it throws, the
// transaction rolls back and the error is thrown on).
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { registerDataset } from './register';
import type { Answers, DemoAside, ImportOutcome, ImportPlan, Problem } from './types';
import { discardPlan, loadedDuplicates, stagedOf, type Staged } from './staged';
import { translateProblem } from './translateError';
import { COMMIT_ORDER, TABULAR } from './formats';
import { sipasCommitSql } from './formats/sipasResponses';
import { tableNameFor, typedSelectSql } from './formats/table';
import { problem } from './problems';
import { ident, lit, newId } from './sql';
import { batchProblems } from './batch';
import { takeDemoAside, yieldToUser } from './demoAside';
import { FICTIONAL_SOURCE } from '../domain/demoRule';

type Meta = { isDemo?: boolean; source?: string };

const fail = (entry: Staged, problems: Problem[]): ImportOutcome => ({ ok: false, plan: entry.plan, problems });

/** The datasets a commit touched: the new one, older ones a replace took rows from, older ones it emptied (deleted). */
export interface Touched {
  datasetId: string;
  replaced: string[];
  removed: string[];
}

export interface CommitHooks {
  beforeCommit?(touched: Touched): Promise<void>;
}

/** What a batch commit touched: every new dataset, and the older ones its files took rows from or emptied. */
export interface BatchTouched {
  datasetIds: string[];
  replaced: string[];
  removed: string[];
}

interface BatchHooks {
  beforeCommit?(touched: BatchTouched): Promise<void>;
}

/** What can be refused before the transaction starts: errors, unanswered date order or unit. */
async function precheck(db: Db, entry: Staged, answers: Answers): Promise<Problem[] | null> {
  const { plan } = entry;
  const where = { file: plan.file };
  if (plan.errorCount > 0) return [problem(where, 'error', 'ingest.problem.hasErrors', {}), ...plan.problems];
  if (plan.questions.dateOrder && !answers.dateOrder) return [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'dateOrder' })];
  if (entry.variant === 'parSheet') {
    if (!answers.unit?.code) return [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'unit' })];
    await db.exec(
      `UPDATE ${entry.typed!} SET unit_code = ${lit(answers.unit.code.normalize('NFC').trim())}, unit_name = ${lit(answers.unit.name.normalize('NFC').trim())}`,
    );
  }
  return null;
}

type Landed = { ok: true; datasetId: string; replaced: string[]; removed: string[]; leftOut?: DemoAside } | { ok: false; problems: Problem[] };

/**
 * Lands one staged file; call it inside the transaction. `ours`: datasets created earlier in the same batch (a file
 * overlapping another file of the batch is refused, not asked about: the answer would concern a dataset that does
 * not exist yet).
 */
async function land(db: Db, entry: Staged, answers: Answers, meta: Meta, ours: ReadonlyMap<string, string>): Promise<Landed> {
  const { plan, ctx, kind } = entry;
  const where = { file: plan.file };
  const replaced: string[] = [];
  const removed: string[] = [];
  let leftOut: DemoAside | undefined;
  let rowCount = plan.rowCount;
  if (!meta.isDemo) {
    // The fictional demo data this file would mix with steps aside first (so it is never asked about as a duplicate).
    const out = await takeDemoAside(db, { kinds: [kind], indexTyped: kind === 'index_scores' && entry.typed ? [entry.typed] : [] });
    removed.push(...out.removed);
    replaced.push(...out.replaced);
  } else if (meta.source === FICTIONAL_SOURCE) {
    // A fictional demo file never lands beside the user's own data of its kind: what clashes is left out.
    const y = await yieldToUser(db, plan.file, kind, entry.typed);
    if (y?.whole) return { ok: false, problems: [problem(where, 'error', 'ingest.problem.demoLeftOut', {})] };
    if (y) {
      leftOut = y.leftOut;
      const [n] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${entry.typed!}`);
      rowCount = n?.n ?? rowCount;
    }
  }
  // Checked against what the batch would land; now against what has landed (criteria of the batch, inside this transaction).
  const again = (await batchProblems(entry, { ...ctx, pending: [] })).filter((p) => p.severity === 'error');
  if (again.length) return { ok: false, problems: again };

  // Asked again at commit: another file or tab may have landed since the analysis.
  const dups = await loadedDuplicates(entry, answers);
  const overlap = dups?.datasetIds.find((id) => ours.has(id));
  if (overlap) return { ok: false, problems: [problem(where, 'error', 'ingest.problem.batchOverlap', {}, { other: ours.get(overlap)! })] };
  if (dups && answers.onDuplicate === 'cancel') return { ok: false, problems: [problem(where, 'error', 'ingest.problem.cancelled', {})] };
  // "Replace" covers the datasets it was asked about: one loaded since (another tab, another file) is asked again.
  const asked = new Set(plan.questions.duplicates?.datasetIds ?? []);
  if (dups && (answers.onDuplicate !== 'replace' || dups.datasetIds.some((id) => !asked.has(id)))) {
    plan.questions.duplicates = dups;
    return { ok: false, problems: [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'duplicates' })] };
  }
  const replace = dups !== null;

  const datasetId = newId(kind);
  let tableName: string | null = null;
  let statements: string[];
  if (kind === 'sipas_responses') {
    statements = await sipasCommitSql(ctx, datasetId, answers.dateOrder ?? 'dmy', replace);
  } else if (kind === 'table') {
    tableName = await tableNameFor(db, plan.file);
    statements = [`CREATE TABLE ${ident(tableName)} AS SELECT ${await typedSelectSql(ctx)} FROM ${ctx.stg} ORDER BY rowid`];
  } else {
    const f = TABULAR[kind];
    statements = [...(replace ? f.deleteDuplicates(entry.typed!) : []), f.insert(entry.typed!, datasetId)];
  }
  for (const s of statements) await db.exec(s);
  await registerDataset(db, {
    id: datasetId,
    kind,
    fileName: plan.file,
    rowCount,
    coverage: plan.coverage,
    isDemo: meta.isDemo ?? false,
    source: meta.source ?? null,
    tableName,
  });
  for (const id of dups?.datasetIds ?? []) {
    const [r] = await db.query<{ n: number }>(
      `SELECT CAST(${DATA_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE dataset_id = ${lit(id)})`).join(' + ')} AS INTEGER) AS n`,
    );
    if ((r?.n ?? 0) === 0) {
      await db.exec(`DELETE FROM datasets WHERE id = ${lit(id)}`);
      removed.push(id);
    } else replaced.push(id);
  }
  return leftOut ? { ok: true, datasetId, replaced, removed, leftOut } : { ok: true, datasetId, replaced, removed };
}

const commitFailed = (entry: Staged, e: unknown): Problem[] => [
  problem({ file: entry.plan.file }, 'error', 'ingest.problem.commitFailed', {}, { detail: e instanceof Error ? e.message : String(e) }),
];

export async function commitStaged(db: Db, entry: Staged, answers: Answers, meta: Meta, hooks: CommitHooks = {}): Promise<ImportOutcome> {
  const early = await precheck(db, entry, answers);
  if (early) return fail(entry, early);
  const hook: { error?: { e: unknown } } = {};
  let landed: Landed;
  await db.exec('BEGIN TRANSACTION');
  try {
    landed = await land(db, entry, answers, meta, new Map());
    if (!landed.ok) {
      await db.exec('ROLLBACK');
      return fail(entry, landed.problems);
    }
    await beforeCommit(hooks.beforeCommit, { datasetId: landed.datasetId, replaced: landed.replaced, removed: landed.removed }, hook);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    if (hook.error) throw hook.error.e;
    return fail(entry, commitFailed(entry, e));
  }
  const { datasetId, replaced, removed, leftOut } = landed;
  return leftOut ? { ok: true, datasetId, plan: entry.plan, replaced, removed, leftOut } : { ok: true, datasetId, plan: entry.plan, replaced, removed };
}

/**
 * Runs the caller's last step inside the open transaction (saving to storage). Its error is remembered apart, so the
 * caller rethrows it after ROLLBACK instead of reporting it as a failed commit.
 */
async function beforeCommit<T>(fn: ((arg: T) => Promise<void>) | undefined, arg: T, hook: { error?: { e: unknown } }): Promise<void> {
  if (!fn) return;
  try {
    await fn(arg);
  } catch (e) {
    hook.error = { e };
    throw e;
  }
}

/** Files of a batch in the order they land: references first (COMMIT_ORDER), then as picked. */
function landingOrder<T extends { entry: Staged }>(items: readonly T[]): T[] {
  return items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => COMMIT_ORDER.indexOf(a.x.entry.kind) - COMMIT_ORDER.indexOf(b.x.entry.kind) || a.i - b.i)
    .map((y) => y.x);
}

/**
 * Lands a batch in one transaction, in dependency order; every outcome in the order given. If one file is refused
 * (a problem found at commit, a question to answer), nothing lands: that file says why, the others that they were
 * not loaded because of it.
 */
async function commitStagedBatch(
  db: Db,
  items: readonly { entry: Staged; answers: Answers }[],
  meta: Meta,
  hooks: BatchHooks = {},
): Promise<{ ok: boolean; outcomes: ImportOutcome[] }> {
  const outcomes = new Map<Staged, ImportOutcome>();
  const refuse = (culprit: Staged, problems: Problem[]) => ({
    ok: false,
    outcomes: items.map(({ entry }) =>
      entry === culprit
        ? fail(entry, problems)
        : fail(entry, [problem({ file: entry.plan.file }, 'error', 'ingest.problem.batchRefused', {}, { other: culprit.plan.file })]),
    ),
  });
  for (const { entry, answers } of items) {
    const early = await precheck(db, entry, answers);
    if (early) return refuse(entry, early);
  }
  const ours = new Map<string, string>();
  const touched: BatchTouched = { datasetIds: [], replaced: [], removed: [] };
  const hook: { error?: { e: unknown } } = {};
  let current: Staged = items[0]!.entry;
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const { entry, answers } of landingOrder(items)) {
      current = entry;
      const landed = await land(db, entry, answers, meta, ours);
      if (!landed.ok) {
        await db.exec('ROLLBACK');
        return refuse(entry, landed.problems);
      }
      ours.set(landed.datasetId, entry.plan.file);
      touched.datasetIds.push(landed.datasetId);
      touched.replaced.push(...landed.replaced);
      touched.removed.push(...landed.removed);
      outcomes.set(entry, { ok: true, datasetId: landed.datasetId, plan: entry.plan, replaced: landed.replaced, removed: landed.removed });
    }
    await beforeCommit(hooks.beforeCommit, touched, hook);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    if (hook.error) throw hook.error.e;
    return refuse(current, commitFailed(current, e));
  }
  return { ok: true, outcomes: items.map(({ entry }) => outcomes.get(entry)!) };
}

/**
 * Lands the plans of a batch, all or nothing, in one transaction (commit.ts); outcomes in the order given. A file the
 * commit refused is freed like a single refused file — unless it waits for an answer; the others stay staged, so the
 * batch can be loaded once that file is answered or removed. Throws only what hooks threw (nothing landed).
 */
export async function commitBatch(
  db: Db,
  items: readonly { plan: ImportPlan; answers: Answers }[],
  meta: Meta = {},
  hooks: BatchHooks = {},
): Promise<ImportOutcome[]> {
  const entries = items.map(({ plan, answers }) => ({ plan, answers, entry: stagedOf(plan) }));
  const gone = entries.find((e) => !e.entry);
  if (gone)
    return entries.map(({ plan }) => ({
      ok: false,
      plan,
      problems: [
        plan === gone.plan
          ? problem({ file: plan.file }, 'error', 'ingest.problem.planGone', {})
          : problem({ file: plan.file }, 'error', 'ingest.problem.batchRefused', {}, { other: gone.plan.file }),
      ],
    }));
  const staged = entries.map((e) => ({ entry: e.entry!, answers: e.answers }));
  for (const s of staged) s.entry.busy = true;
  try {
    const { outcomes } = await commitStagedBatch(db, staged, meta, hooks);
    const out = outcomes.map((o) => (o.ok ? o : { ...o, problems: o.problems.map((p) => translateProblem(p, 'commit')) }));
    for (const [i, o] of out.entries()) {
      if (o.ok) await discardPlan(db, o.plan);
      else if (!o.problems.some((p) => p.expected.key === 'ingest.problem.answerNeeded' || p.expected.key === 'ingest.problem.batchRefused'))
        await discardPlan(db, entries[i]!.plan);
    }
    return out;
  } finally {
    for (const s of staged) s.entry.busy = false;
  }
}
