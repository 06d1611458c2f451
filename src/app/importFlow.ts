// What the Dữ liệu page (and the benchmark) call: analyse → commit → persist.
// A check first brings this tab up to the stored data (another tab may have loaded the same quarter); a commit holds
// the writer lock of every tab, catches up again, and stores what it changed before its DuckDB transaction commits.
import type { Db } from '../db/types';
import type { Answers, ImportOutcome, ImportPlan, SourceFile } from '../ingest/types';
import { analyseFile, commitPlan, discardPlan, stagedOf } from '../ingest/importFile';
import { recheckBatch } from '../ingest/batch';
import { commitBatch, type BatchTouched, type Touched } from '../ingest/commit';
import { exclusive, revertUnlocked, StaleStoreError, syncUnlocked, writer, writeUnlocked, type WaitOptions } from '../store/persist';

interface ImportMeta {
  isDemo?: boolean;
  source?: string;
}

/** Where a check is (for the file's progress bar): reading and decoding, staging in the engine, checking cells. */
export type CheckStep = 'reading' | 'staging' | 'checking';
/** Where a commit is: writing the rows into the tables, then saving them in the browser's storage. */
export type CommitStep = 'loading' | 'saving';

/** Brings this tab up to the store before a check; a store that cannot be read does not stop the check (the commit reads it again). */
async function catchUp(db: Db): Promise<void> {
  await syncUnlocked(db).catch((e: unknown) => console.error('could not read the stored data', e));
}

/** Stages and checks a file; nothing is committed. Serialised with commits so staging never lands inside another import's transaction. */
export function analyse(
  db: Db,
  file: SourceFile,
  answers?: Answers,
  opts?: WaitOptions & { batch?: string; onStep?: (step: CheckStep) => void },
): Promise<ImportPlan> {
  // DuckDB takes ownership of registered buffers (detaches them): hand it a copy so the file can be analysed again
  // after the user changes the kind, encoding or date order.
  return exclusive(async () => {
    await catchUp(db);
    const onStep = opts?.onStep;
    return analyseFile(db, { name: file.name, bytes: file.bytes.slice() }, answers, { batch: opts?.batch, onProgress: onStep && ((p) => onStep(p.step)) });
  }, opts);
}

/**
 * Checks every file of a batch again, against the batch and what is loaded now (after one file of it changed, or the
 * data did, here or in another tab). Plans are updated in place.
 */
export function recheckAll(db: Db, batch: string): Promise<void> {
  return exclusive(async () => {
    await catchUp(db);
    await recheckBatch(db, batch);
  });
}

export function discard(db: Db, plan: ImportPlan): Promise<void> {
  return exclusive(() => discardPlan(db, plan));
}

/** A write refused because another tab wrote first (only where Web Locks are missing) is tried again this often. */
const STALE_RETRIES = 2;

/**
 * Commits an analysed plan, all or nothing, and stores it in the same go: the new dataset, what is left of those a
 * "replace" took rows from, and the removal of those it emptied are written in one storage transaction before the
 * DuckDB transaction commits. If storage refuses (full), DuckDB rolls back and the error is thrown: nothing changed,
 * here or after a reload.
 */
export function commitAndPersist(
  db: Db,
  plan: ImportPlan,
  answers?: Answers,
  meta?: ImportMeta,
  opts?: WaitOptions & { onStep?: (step: CommitStep) => void },
): Promise<ImportOutcome> {
  // From the click on: a batch re-check while this waits for the lock leaves the plan (and its question) alone.
  const entry = stagedOf(plan);
  if (entry) entry.busy = true;
  return writer<ImportOutcome>(async () => {
    for (let attempt = 0; ; attempt++) {
      // Another tab may have changed the data since the check: catch up, so the commit asks about what is there now.
      await syncUnlocked(db);
      const stored: { t: Touched | null } = { t: null };
      try {
        opts?.onStep?.('loading');
        const outcome = await commitPlan(db, plan, answers, meta, {
          beforeCommit: async (t) => {
            opts?.onStep?.('saving');
            await writeUnlocked(db, { save: [t.datasetId, ...t.replaced.filter((id) => id !== t.datasetId)], drop: t.removed });
            stored.t = t;
          },
        });
        if (outcome.ok || !stored.t) return outcome;
        // Stored, but DuckDB's COMMIT failed: load what is stored, so this tab shows what a reload would (the file).
        const t = stored.t;
        console.error('DuckDB could not commit an import that was stored; reloading it from storage', outcome.problems);
        await revertUnlocked(db, [t.datasetId, ...t.replaced, ...t.removed]);
        return { ok: true, datasetId: t.datasetId, plan, replaced: t.replaced, removed: t.removed };
      } catch (e) {
        if (e instanceof StaleStoreError && attempt < STALE_RETRIES) continue;
        await discardPlan(db, plan).catch(() => undefined);
        throw e;
      }
    }
  }, opts).finally(() => {
    if (entry) entry.busy = false;
  });
}

/**
 * "Nạp cả N tệp": lands the plans of a batch in one DuckDB transaction and stores every dataset it touched in one
 * storage write before COMMIT — all or nothing, here and after a reload. Outcomes in the order given.
 */
export function commitBatchAndPersist(
  db: Db,
  items: readonly { plan: ImportPlan; answers: Answers }[],
  meta?: ImportMeta,
  opts?: WaitOptions & { onStep?: (step: CommitStep) => void },
): Promise<ImportOutcome[]> {
  const entries = items.map((i) => stagedOf(i.plan));
  for (const e of entries) if (e) e.busy = true;
  return writer<ImportOutcome[]>(async () => {
    for (let attempt = 0; ; attempt++) {
      await syncUnlocked(db);
      const stored: { t: BatchTouched | null } = { t: null };
      try {
        opts?.onStep?.('loading');
        const outcomes = await commitBatch(db, items, meta, {
          beforeCommit: async (t) => {
            opts?.onStep?.('saving');
            await writeUnlocked(db, { save: [...new Set([...t.datasetIds, ...t.replaced, ...t.removed])], drop: t.removed });
            stored.t = t;
          },
        });
        if (outcomes.every((o) => o.ok) || !stored.t) return outcomes;
        // Stored, but DuckDB's COMMIT failed: load what is stored, so this tab shows what a reload would (the batch).
        const t = stored.t;
        console.error('DuckDB could not commit a batch that was stored; reloading it from storage', outcomes);
        await revertUnlocked(db, [...t.datasetIds, ...t.replaced, ...t.removed]);
        return items.map(({ plan }, i) => ({ ok: true, datasetId: t.datasetIds[i] ?? '', plan, replaced: t.replaced, removed: t.removed }));
      } catch (e) {
        if (e instanceof StaleStoreError && attempt < STALE_RETRIES) continue;
        for (const { plan } of items) await discardPlan(db, plan).catch(() => undefined);
        throw e;
      }
    }
  }, opts).finally(() => {
    for (const e of entries) if (e) e.busy = false;
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
