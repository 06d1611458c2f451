// Scores typed into a unit's criteria tree: written to par_scores with the date, kept with the dataset
// (persistDataset), and undoable by writing the previous values back.
import type { Db } from '../../db/types';
import { persistDataset } from '../../store/persist';
import { deleteParScoreSql, insertParScoreSql, updateParScoreSql } from './queries';

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

export async function saveScore(db: Db, target: EditTarget, before: ScoreValues | null, after: ScoreValues, label: string): Promise<UndoEntry> {
  await write(db, target, after, before !== null);
  await persistDataset(db, target.datasetId);
  return { target, before, label };
}

export async function undoEdit(db: Db, entry: UndoEntry): Promise<void> {
  const t = entry.target;
  if (entry.before === null) await db.query(deleteParScoreSql(), [t.datasetId, t.year, t.unitCode, t.criterion]);
  else await write(db, t, entry.before, true);
  await persistDataset(db, t.datasetId);
}
