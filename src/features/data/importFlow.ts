// What the Dữ liệu page (and the benchmark) call: analyse → commit → persist, one writer at a time.
import type { Db } from '../../db/types';
import type { Answers, ImportOutcome, ImportPlan, SourceFile } from '../../ingest/types';
import { analyseFile, commitPlan, discardPlan } from '../../ingest/importFile';
import { deleteDatasetUnlocked, exclusive, persistDataset } from '../../store/persist';

export interface ImportMeta {
  isDemo?: boolean;
  source?: string;
}

/** Stages and checks a file; nothing is committed. Serialised with commits so staging never lands inside another import's transaction. */
export function analyse(db: Db, file: SourceFile, answers?: Answers): Promise<ImportPlan> {
  // DuckDB takes ownership of registered buffers (detaches them): hand it a copy so the file can be analysed again
  // after the user changes the kind, encoding or date order.
  return exclusive(() => analyseFile(db, { name: file.name, bytes: file.bytes.slice() }, answers));
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
    // "Replace" took rows from older datasets: save what is left of them, forget the ones it emptied.
    for (const id of [...outcome.replaced, ...outcome.removed]) if (id !== outcome.datasetId) await persistDataset(db, id);
    return outcome;
  });
}

/** analyse + commit + persist: one file in, one saved dataset out (or the problems that refused it). */
export async function importAndPersist(db: Db, file: SourceFile, answers?: Answers, meta?: ImportMeta): Promise<ImportOutcome> {
  const plan = await analyse(db, file, answers);
  if (!plan.stagingId || plan.errorCount > 0) {
    await discard(db, plan);
    return { ok: false, plan, problems: plan.problems };
  }
  const outcome = await commitAndPersist(db, plan, answers, meta);
  if (!outcome.ok) await discard(db, plan); // a plan left waiting for an answer nobody will give here
  return outcome;
}
