// Scores typed into a unit's criteria tree: written to par_scores with the date, stored with the dataset in the same
// go (the DuckDB change commits only once the dataset is stored), and undoable by writing the previous values back.
import type { Db } from '../../db/types';
import { changeUnlocked, syncUnlocked, writer } from '../../store/persist';
import { run } from '../../sql/sql';
import { currentParScoreQuery, datasetExistsQuery, deleteParScoreQuery, insertParScoreQuery, updateParScoreQuery, type ScoreFields } from './queries';

/** What the user types into a score row (the fields the queries write). */
export type ScoreValues = ScoreFields;

export interface EditTarget {
  datasetId: string;
  year: number;
  unitCode: string;
  unitName: string;
  criterion: string;
}

/** What it takes to undo one save: the values before, or null when the save created the row. */
export interface UndoEntry {
  target: EditTarget;
  before: ScoreValues | null;
  label: string;
}

/** The moment of an edit, as stored (UTC, to the second). */
const editStamp = (d = new Date()) => d.toISOString().slice(0, 19);

async function write(db: Db, t: EditTarget, v: ScoreValues, exists: boolean) {
  await run(db, exists ? updateParScoreQuery(t, v) : insertParScoreQuery(t, v));
}

/**
 * Applies a change to the row as it is in the database now (not as the page last showed it), so two quick edits
 * of one row never undo each other. `fallbackDatasetId` receives the row when the leaf had none.
 */
export function saveChange(
  db: Db,
  where: Omit<EditTarget, 'datasetId'>,
  fallbackDatasetId: string,
  patch: Partial<ScoreValues>,
  label: string,
): Promise<UndoEntry> {
  // The writer lock: never inside an import's transaction, never at the same time as another tab's change; caught
  // up first, so the row changed is the row as stored now.
  return writer(async () => {
    await syncUnlocked(db);
    return changeUnlocked(db, async () => {
      const entry = await saveChangeUnlocked(db, where, fallbackDatasetId, patch, label);
      return { result: entry, change: { save: [entry.target.datasetId] } };
    });
  });
}

async function saveChangeUnlocked(
  db: Db,
  where: Omit<EditTarget, 'datasetId'>,
  fallbackDatasetId: string,
  patch: Partial<ScoreValues>,
  label: string,
): Promise<UndoEntry> {
  const [row] = await run(db, currentParScoreQuery(where));
  const before: ScoreValues | null = row
    ? {
        applicable: Boolean(row.applicable),
        self: row.self_score === null ? null : Number(row.self_score),
        appraised: row.appraised_score === null ? null : Number(row.appraised_score),
        evidence: (row.evidence as string | null) ?? null,
        note: (row.note as string | null) ?? null,
        editedAt: (row.edited_at as string | null) ?? null,
      }
    : null;
  const base: ScoreValues = before ?? { applicable: true, self: null, appraised: null, evidence: null, note: null, editedAt: null };
  const target: EditTarget = { ...where, datasetId: row ? String(row.dataset_id) : fallbackDatasetId };
  // The unit's dataset may have been deleted in another tab meanwhile: no row may land outside a dataset.
  const [known] = await run(db, datasetExistsQuery(target.datasetId));
  if (!known) throw new Error(`dataset ${target.datasetId} no longer exists`);
  await write(db, target, { ...base, ...patch, editedAt: editStamp() }, before !== null);
  return { target, before, label };
}

export function undoEdit(db: Db, entry: UndoEntry): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    await changeUnlocked(db, async () => {
      const t = entry.target;
      if (entry.before === null) await run(db, deleteParScoreQuery(t));
      else await write(db, t, entry.before, true);
      return { result: undefined, change: { save: [t.datasetId] } };
    });
  });
}
