// What the Dữ liệu page (and the benchmark) call: analyse → commit → persist, one writer at a time.
import type { Db } from '../../db/types';
import type { Answers, ImportOutcome, ImportPlan, SourceFile } from '../../ingest/types';
// INTERIM until src/ingest/importFile.ts lands.
const mods = import.meta.glob<typeof import('../../ingest/types') & Record<string, (...a: never[]) => Promise<never>>>('../../ingest/importFile.ts', { eager: true });
const ingest = Object.values(mods)[0] as unknown as {
  analyseFile(db: Db, f: SourceFile, a?: Answers): Promise<ImportPlan>;
  commitPlan(db: Db, p: ImportPlan, a?: Answers, m?: ImportMeta): Promise<ImportOutcome>;
  discardPlan(db: Db, p: ImportPlan): Promise<void>;
};
const analyseFile: typeof ingest.analyseFile = (...a) => ingest.analyseFile(...a);
const commitPlan: typeof ingest.commitPlan = (...a) => ingest.commitPlan(...a);
const discardPlan: typeof ingest.discardPlan = (...a) => ingest.discardPlan(...a);
import { deleteDatasetUnlocked, exclusive, persistDataset } from '../../store/persist';

export interface ImportMeta {
  isDemo?: boolean;
  source?: string;
}

/** Stages and checks a file; nothing is committed. Serialised with commits so staging never lands inside another import's transaction. */
export function analyse(db: Db, file: SourceFile, answers?: Answers): Promise<ImportPlan> {
  return exclusive(() => analyseFile(db, file, answers));
}

export function discard(db: Db, plan: ImportPlan): Promise<void> {
  return exclusive(() => discardPlan(db, plan));
}

/**
 * Commits an analysed plan (all or nothing) and saves the new dataset in the browser. If saving fails (storage
 * full) the new dataset is removed again, so what is shown is what will be there after a reload.
 * Datasets whose rows a "replace" changed are saved again too.
 */
export function commitAndPersist(db: Db, plan: ImportPlan, answers?: Answers, meta?: ImportMeta): Promise<ImportOutcome> {
  return exclusive(async () => {
    const outcome = await commitPlan(db, plan, answers, meta);
    if (!outcome.ok) return outcome;
    try {
      await persistDataset(db, outcome.datasetId);
    } catch (e) {
      await deleteDatasetUnlocked(db, outcome.datasetId).catch((err: unknown) => console.error(err));
      throw e;
    }
    for (const id of plan.questions.duplicates?.datasetIds ?? []) {
      if (id !== outcome.datasetId) await persistDataset(db, id);
    }
    return outcome;
  });
}

/** analyse + commit + persist: one file in, one saved dataset out (or the problems that refused it). */
export async function importAndPersist(db: Db, file: SourceFile, answers?: Answers, meta?: ImportMeta): Promise<ImportOutcome> {
  const plan = await analyse(db, file, answers);
  if (plan.problems.some((p) => p.severity === 'error')) {
    await discard(db, plan);
    return { ok: false, plan, problems: plan.problems };
  }
  return commitAndPersist(db, plan, answers, meta);
}
