// The commit: one transaction that (on "replace") deletes the rows sharing keys with the file, inserts the new
// rows, registers the dataset, and drops datasets left empty. Any failure rolls back: nothing already loaded is lost.
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { registerDataset } from '../features/data/catalogue';
import type { Answers, ImportOutcome, Problem } from './types';
import { loadedDuplicates, type Staged } from './importFile';
import { TABULAR } from './formats';
import { sipasCommitSql } from './formats/sipasResponses';
import { tableNameFor, typedSelectSql } from './formats/table';
import { problem, runChecks } from './problems';
import { ident, lit, newId } from './sql';

const fail = (entry: Staged, problems: Problem[]): ImportOutcome => ({ ok: false, plan: entry.plan, problems });

export async function commitStaged(db: Db, entry: Staged, answers: Answers, meta: { isDemo?: boolean; source?: string }): Promise<ImportOutcome> {
  const { plan, ctx, kind } = entry;
  const where = { file: plan.file };
  if (plan.errorCount > 0) return fail(entry, [problem(where, 'error', 'ingest.problem.hasErrors', {}), ...plan.problems]);
  if (plan.questions.dateOrder && !answers.dateOrder)
    return fail(entry, [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'dateOrder' })]);

  if (entry.variant === 'parSheet') {
    if (!answers.unit?.code) return fail(entry, [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'unit' })]);
    await db.exec(`UPDATE ${entry.typed!} SET unit_code = ${lit(answers.unit.code.normalize('NFC').trim())}, unit_name = ${lit(answers.unit.name.normalize('NFC').trim())}`);
  }
  // Scores were checked against criteria loaded or staged alongside; those staged ones must have landed by now.
  if (kind === 'par_scores' && entry.typed && ctx.pending.some((p) => p.kind === 'par_criteria')) {
    const strict = { ...ctx, pending: [] };
    const again = (await runChecks(strict, (await TABULAR.par_scores.extraChecks?.(strict, entry.typed)) ?? [])).filter((p) => p.severity === 'error');
    if (again.length) return fail(entry, again);
  }
  // Asked again at commit: another file may have landed since the analysis.
  const dups = await loadedDuplicates(entry, answers);
  if (dups && answers.onDuplicate === 'cancel') return fail(entry, [problem(where, 'error', 'ingest.problem.cancelled', {})]);
  if (dups && answers.onDuplicate !== 'replace') {
    plan.questions.duplicates = dups;
    return fail(entry, [problem(where, 'error', 'ingest.problem.answerNeeded', {}, { what: 'duplicates' })]);
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

  const replaced: string[] = [];
  const removed: string[] = [];
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const s of statements) await db.exec(s);
    await registerDataset(db, {
      id: datasetId, kind, fileName: plan.file, rowCount: plan.rowCount, coverage: plan.coverage,
      isDemo: meta.isDemo ?? false, source: meta.source ?? null, tableName,
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
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    return fail(entry, [problem(where, 'error', 'ingest.problem.commitFailed', {}, { detail: e instanceof Error ? e.message : String(e) })]);
  }
  return { ok: true, datasetId, plan, replaced, removed };
}
