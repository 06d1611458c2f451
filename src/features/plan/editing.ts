// Targets, indicator figures and tasks typed in on the plan page: each change is written to its table and the
// dataset it belongs to is stored in the same go (as PAR edits: features/par/editing.ts) — the writer lock, caught up
// with other tabs first, one DuckDB transaction committed only once storage has the change.
import type { Db } from '../../db/types';
import { changeUnlocked, syncUnlocked, writer } from '../../store/persist';
import { registerDataset } from '../../ingest/register';
import { takeDemoAside } from '../../ingest/demoAside';
import { newId } from '../../ingest/sql';
import { run } from '../../sql/sql';
import {
  datasetExistsQuery,
  deleteIndicatorQuery,
  dropEmptyDatasetQuery,
  deleteTargetQuery,
  deleteTaskQuery,
  indicatorRowQuery,
  insertIndicatorQuery,
  insertTargetQuery,
  insertTaskQuery,
  nextTaskIdQuery,
  refreshDatasetQuery,
  targetCodeTakenQuery,
  targetDatasetOf,
  updateTaskQuery,
  type IndicatorFields,
  type PlanTable,
  type TargetFields,
  type TaskFields,
} from './queries';

/** The moment of an edit, as stored (UTC, to the second). */
const stamp = () => new Date().toISOString().slice(0, 19);

/** A change of the plan: `fn` returns the datasets it touched (stored as they are now, or removed if they are gone). */
function change(db: Db, fn: () => Promise<{ save: string[]; drop?: string[] }>): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    await changeUnlocked(db, async () => ({ result: undefined, change: await fn() }));
  });
}

/**
 * The dataset new rows of `kind` go to: the one shown, else a new dataset of the user's ("typed in the app"), which
 * takes the fictional demo plan out as an import of the kind would.
 */
async function datasetFor(db: Db, kind: PlanTable, fileName: string): Promise<{ id: string; drop: string[] }> {
  const shown = await targetDatasetOf(db, kind);
  if (shown) return { id: shown, drop: [] };
  const aside = await takeDemoAside(db, { kinds: [kind], indexTyped: [] });
  const id = newId(kind);
  await registerDataset(db, { id, kind, fileName, rowCount: 0, coverage: null, isDemo: false, source: null });
  return { id, drop: aside.removed };
}

/** The dataset's count and coverage after the edit; a dataset left without rows goes (its stored copy with it). */
async function settle(db: Db, id: string, table: PlanTable): Promise<void> {
  await run(db, refreshDatasetQuery(id, table));
  await run(db, dropEmptyDatasetQuery(id));
}

async function mustExist(db: Db, id: string): Promise<void> {
  // Another tab may have deleted the dataset meanwhile: no row may land outside a dataset.
  if (!(await run(db, datasetExistsQuery(id))).length) throw new Error(`dataset ${id} no longer exists`);
}

export class CodeTakenError extends Error {}

/** Where a target row is: its dataset, year and code. */
export interface TargetKey {
  datasetId: string;
  year: number;
  code: string;
}

/** Adds a target, or replaces `was` (in its dataset). A code another target of the year has is refused (CodeTakenError). */
export function saveTarget(db: Db, was: TargetKey | null, f: TargetFields, newFileName: string): Promise<void> {
  return change(db, async () => {
    const taken = (await run<{ dataset_id: string }>(db, targetCodeTakenQuery(f.year, f.code))).filter(
      (r) => !(was && was.year === f.year && was.code === f.code && r.dataset_id === was.datasetId),
    );
    if (taken.length) throw new CodeTakenError(f.code);
    const place = was ? { id: was.datasetId, drop: [] } : await datasetFor(db, 'plan_targets', newFileName);
    await mustExist(db, place.id);
    if (was) await run(db, deleteTargetQuery(was.datasetId, was.year, was.code));
    await run(db, insertTargetQuery(place.id, f, stamp()));
    await settle(db, place.id, 'plan_targets');
    return { save: [place.id], drop: place.drop };
  });
}

export function deleteTarget(db: Db, key: TargetKey): Promise<void> {
  return change(db, async () => {
    await run(db, deleteTargetQuery(key.datasetId, key.year, key.code));
    await settle(db, key.datasetId, 'plan_targets');
    return { save: [key.datasetId] };
  });
}

/** An indicator's x of N for a period and unit: replaces the figure shown for them, wherever it came from. */
export function saveIndicator(db: Db, f: IndicatorFields, newFileName: string): Promise<void> {
  return change(db, async () => {
    const [had] = await run<{ dataset_id: string }>(db, indicatorRowQuery(f));
    const place = had ? { id: had.dataset_id, drop: [] } : await datasetFor(db, 'plan_indicators', newFileName);
    await mustExist(db, place.id);
    if (had) await run(db, deleteIndicatorQuery(had.dataset_id, f));
    await run(db, insertIndicatorQuery(place.id, f, stamp()));
    await settle(db, place.id, 'plan_indicators');
    return { save: [place.id], drop: place.drop };
  });
}

export interface TaskKey {
  datasetId: string;
  id: number;
}

/** Adds a task (returns where it landed), or changes `was` in place. */
export async function saveTask(db: Db, was: TaskKey | null, f: TaskFields, newFileName: string): Promise<TaskKey> {
  let key: TaskKey | null = was;
  await change(db, async () => {
    if (was) {
      await mustExist(db, was.datasetId);
      await run(db, updateTaskQuery(was.datasetId, was.id, f, stamp()));
      await settle(db, was.datasetId, 'plan_tasks');
      return { save: [was.datasetId] };
    }
    const place = await datasetFor(db, 'plan_tasks', newFileName);
    await mustExist(db, place.id);
    const [{ id } = { id: 1 }] = await run<{ id: number }>(db, nextTaskIdQuery(place.id));
    await run(db, insertTaskQuery(place.id, id, f, stamp()));
    await settle(db, place.id, 'plan_tasks');
    key = { datasetId: place.id, id };
    return { save: [place.id], drop: place.drop };
  });
  return key!;
}

export function deleteTask(db: Db, key: TaskKey): Promise<void> {
  return change(db, async () => {
    await run(db, deleteTaskQuery(key.datasetId, key.id));
    await settle(db, key.datasetId, 'plan_tasks');
    return { save: [key.datasetId] };
  });
}
