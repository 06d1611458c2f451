// Files picked together land together (issue 15). A batch is checked against what the batch itself will land, in
// dependency order (units → criteria → scores; questions → answers; merger tables → index scores): a scores file
// counts the criteria of the batch — not the loaded criteria of the same year they replace, nor the demo criteria that
// step aside for the user's scores. When a file of the batch changes (analysed again, answered, cancelled, removed) or
// the loaded data changes, recheckBatch checks every file of the batch again at once, on the staged tables: nothing
// is read or staged again. commit.ts lands a batch in one transaction (commitBatch).
import type { Db } from '../db/types';
import type { Problem } from './types';
import type { Kind } from '../domain/kinds';
import { COMMIT_ORDER, TABULAR } from './formats';
import type { StageCtx } from './formats/spec';
import { sipasBatchProblems } from './formats/sipasResponses';
import { runChecks } from './problems';
import { demoAsideOf, isEmptyAside } from './demoAside';
import { finish, loadedDuplicates, stagedEntries, type Staged } from './staged';

/** The kinds whose rows another kind's checks read. */
const CHECKED_AGAINST: Partial<Record<Kind, readonly Kind[]>> = {
  par_scores: ['par_criteria'],
  sipas_responses: ['sipas_items'],
};

const order = (k: Kind) => COMMIT_ORDER.indexOf(k);

/** A file of the batch lands unless it has errors (a cancelled or removed file is no longer staged). */
const lands = (e: Staged) => e.plan.errorCount === 0 && e.plan.stagingId !== null;

/** The files of `entry`'s batch that land before it. */
function pendingFor(entry: Staged, all: readonly Staged[] = stagedEntries()): Staged[] {
  return all.filter((o) => o !== entry && o.ctx.db === entry.ctx.db && o.batch === entry.batch && order(o.kind) < order(entry.kind) && lands(o));
}

/** The checks of `entry` that depend on other data (criteria, questions), against `ctx` (its pending files, or none at commit). */
export async function batchProblems(entry: Staged, ctx: StageCtx): Promise<Problem[]> {
  if (entry.kind === 'sipas_responses') return sipasBatchProblems(ctx);
  if (entry.kind === 'table' || !entry.typed) return [];
  const checks = TABULAR[entry.kind].batchChecks?.(ctx, entry.typed) ?? [];
  return checks.length ? runChecks(ctx, checks) : [];
}

/**
 * Checks a staged file within its batch and updates its plan: the batch-dependent checks against its pending files,
 * the files it was checked with, the fictional demo data it takes out (the user's files only), and the duplicate
 * question against what is loaded (asked only of a file without errors, whose unit is settled).
 */
export async function checkInBatch(entry: Staged, all: readonly Staged[] = stagedEntries()): Promise<void> {
  const { ctx, plan } = entry;
  const pending = pendingFor(entry, all);
  ctx.pending = pending.map((p) => ({ kind: p.kind, ctx: p.ctx, typed: p.typed }));
  finish(plan, [...entry.base, ...(await batchProblems(entry, ctx))]);
  const relevant = CHECKED_AGAINST[entry.kind] ?? [];
  const withFiles = pending.filter((p) => relevant.includes(p.kind)).map((p) => p.plan.file);
  if (withFiles.length) plan.checkedWith = withFiles;
  else delete plan.checkedWith;
  if (ctx.own) {
    const aside = await demoAsideOf(ctx.db, { kinds: [entry.kind], indexTyped: entry.kind === 'index_scores' && entry.typed ? [entry.typed] : [] });
    if (isEmptyAside(aside)) delete plan.demoAside;
    else plan.demoAside = aside;
  }
  const dups = plan.errorCount === 0 && !plan.questions.unit ? await loadedDuplicates(entry, ctx.answers) : null;
  if (dups) plan.questions.duplicates = dups;
  else delete plan.questions.duplicates;
}

/**
 * Checks every file of a batch again (after one of them changed, or the loaded data did), references first so that
 * each file counts its references as they now stand. Files being committed are left alone. Returns the plans checked.
 */
export async function recheckBatch(db: Db, batch: string): Promise<void> {
  const all = stagedEntries().filter((e) => e.ctx.db === db && e.batch === batch && e.plan.stagingId !== null);
  all.sort((a, b) => order(a.kind) - order(b.kind));
  for (const e of all) if (!e.busy) await checkInBatch(e, all);
}
