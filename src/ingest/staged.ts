// Files analysed and not yet committed or discarded ("staged"): their registry, their plan's problem counts, the
// duplicate question asked of them, and freeing them. Shared by the analysis (importFile.ts), the batch re-checks
// (batch.ts) and the commit (commit.ts), so none of those needs another.
import type { Db } from '../db/types';
import type { Answers, ImportPlan, Problem } from './types';
import type { Kind } from '../domain/kinds';
import type { StageCtx } from './formats/spec';
import { TABULAR } from './formats';
import { dropSipas, sipasLoadedDuplicates } from './formats/sipasResponses';
import { dropStaging } from './staging';
import { sortProblems } from './problems';

export interface Staged {
  ctx: StageCtx;
  kind: Kind;
  /** Typed table of a tabular kind. */
  typed: string | null;
  plan: ImportPlan;
  /** Wide or one-unit layouts of a canonical kind. */
  variant?: 'papiWide' | 'parSheet';
  /** The batch it was picked with (AnalyseOptions.batch; '' = calls without one): see batch.ts. */
  batch: string;
  /** The file's own problems, those that do not depend on the rest of the batch. */
  base: Problem[];
  /** Being committed: batch re-checks leave its plan alone. */
  busy?: boolean;
}

/** Files analysed but not committed or discarded yet, by staging id. */
const staged = new Map<string, Staged>();

export function stagedOf(plan: ImportPlan): Staged | undefined {
  return plan.stagingId ? staged.get(plan.stagingId) : undefined;
}

/** Keeps an analysed file until it is committed or discarded. */
export function keepStaged(entry: Staged): void {
  staged.set(entry.ctx.id, entry);
}

/** Every file analysed and not committed or discarded yet. */
export function stagedEntries(): Staged[] {
  return [...staged.values()];
}

/** Sets the plan's problems (the first ones, sorted) and counts. */
export function finish(plan: ImportPlan, problems: Problem[]): ImportPlan {
  plan.errorCount = problems.filter((p) => p.severity === 'error').reduce((n, p) => n + (p.count ?? 1), 0);
  plan.warningCount = problems.filter((p) => p.severity === 'warning').reduce((n, p) => n + (p.count ?? 1), 0);
  plan.problems = sortProblems(problems);
  return plan;
}

/** Datasets already loaded that share keys with the staged file (asked as replace / cancel). */
export async function loadedDuplicates(entry: Staged, answers: Answers): Promise<{ description: string; datasetIds: string[] } | null> {
  const { ctx, kind, typed } = entry;
  let rows: { dataset_id: string; what: string }[] = [];
  if (kind === 'sipas_responses') {
    rows = await sipasLoadedDuplicates(ctx, answers.dateOrder ?? 'dmy');
  } else if (kind !== 'table' && typed) {
    rows = await ctx.db.query<{ dataset_id: string; what: string }>(TABULAR[kind].loadedDuplicates(typed));
  }
  // Fictional demo data this file takes out is not a duplicate: it simply goes (demoAside.ts).
  const aside = new Set([...(entry.plan.demoAside?.datasets ?? []), ...(entry.plan.demoAside?.rows ?? [])].map((d) => d.id));
  if (aside.size) rows = rows.filter((r) => !aside.has(r.dataset_id));
  if (!rows.length) return null;
  const whats = [...new Set(rows.map((r) => r.what))].sort();
  const description = whats.length > 5 ? `${whats.slice(0, 5).join(', ')} … (+${whats.length - 5})` : whats.join(', ');
  return { description, datasetIds: [...new Set(rows.map((r) => r.dataset_id))].sort() };
}

export async function discardStaged(entry: Staged): Promise<void> {
  const { ctx } = entry;
  if (entry.kind === 'sipas_responses') await dropSipas(ctx);
  await dropStaging(ctx.db, ctx.id, entry.typed ? [entry.typed] : []);
  staged.delete(ctx.id);
}

/** Forgets a plan and frees its staging tables. Safe to call twice. */
export async function discardPlan(db: Db, plan: ImportPlan): Promise<void> {
  const entry = stagedOf(plan);
  if (entry) await discardStaged(entry);
  else if (plan.stagingId) await dropStaging(db, plan.stagingId);
}
