// Scores typed into a unit's criteria tree: written to par_scores with the date, kept with the dataset
// (persistDataset), and undoable by writing the previous values back.
import type { Db } from '../../db/types';
import { exclusive, persistDataset } from '../../store/persist';
import { currentParScoreSql, deleteParScoreSql, insertParScoreSql, updateParScoreSql } from './queries';

export interface ScoreValues {
  applicable: boolean;
  self: number | null;
  appraised: number | null;
  evidence: string | null;
  note: string | null;
  editedAt: string | null;
}

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
export const editStamp = (d = new Date()) => d.toISOString().slice(0, 19);

async function write(db: Db, t: EditTarget, v: ScoreValues, exists: boolean) {
  if (exists) {
    await db.query(updateParScoreSql(), [v.applicable, v.self, v.appraised, v.evidence, v.note, v.editedAt, t.datasetId, t.year, t.unitCode, t.criterion]);
  } else {
    await db.query(insertParScoreSql(), [t.datasetId, t.year, t.unitCode, t.unitName, t.criterion, v.applicable, v.self, v.appraised, v.evidence, v.note, v.editedAt]);
  }
}

/**
 * Applies a change to the row as it is in the database now (not as the page last showed it), so two quick edits
 * of one row never undo each other. `fallbackDatasetId` receives the row when the leaf had none.
 */
export function saveChange(db: Db, where: Omit<EditTarget, 'datasetId'>, fallbackDatasetId: string, patch: Partial<ScoreValues>, label: string): Promise<UndoEntry> {
  return exclusive(() => saveChangeUnlocked(db, where, fallbackDatasetId, patch, label)); // never inside an import's transaction
}

async function saveChangeUnlocked(db: Db, where: Omit<EditTarget, 'datasetId'>, fallbackDatasetId: string, patch: Partial<ScoreValues>, label: string): Promise<UndoEntry> {
  const [row] = await db.query(currentParScoreSql(), [where.year, where.unitCode, where.criterion]);
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
  await write(db, target, { ...base, ...patch, editedAt: editStamp() }, before !== null);
  await persistDataset(db, target.datasetId);
  return { target, before, label };
}

export function undoEdit(db: Db, entry: UndoEntry): Promise<void> {
  return exclusive(async () => {
    const t = entry.target;
    if (entry.before === null) await db.query(deleteParScoreSql(), [t.datasetId, t.year, t.unitCode, t.criterion]);
    else await write(db, t, entry.before, true);
    await persistDataset(db, t.datasetId);
  });
}
