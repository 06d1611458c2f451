import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import type { Db } from '../../db/types';
import { saveChange, undoEdit } from './editing';

let db: Db;
const row = async (unit: string, code: string) =>
  (
    await db.query(
      `SELECT applicable, self_score, appraised_score, evidence, note, edited_at IS NOT NULL AS edited FROM par_scores WHERE unit_code = ? AND criterion_code = ?`,
      [unit, code],
    )
  )[0];

beforeAll(async () => {
  db = await createNodeDb();
  await db.exec(`
INSERT INTO datasets VALUES ('s', 'par_scores', 's.csv', 2, '2025', TIMESTAMP '2026-01-01 08:00', false, NULL, NULL);
INSERT INTO par_scores VALUES ('s', 2025, 'A', 'Đơn vị A', '1.1', true, 2, 1.5, 'KH 1', NULL, NULL),
                              ('s', 2025, 'A', 'Đơn vị A', '1.2', true, 1, 1, NULL, NULL, NULL);`);
}, 60_000);

describe('typed scores', { timeout: 30_000 }, () => {
  // a busy machine makes the first DuckDB calls slow
  const where = (criterion: string) => ({ year: 2025, unitCode: 'A', unitName: 'Đơn vị A', criterion });
  it('applies two quick edits of one row on top of each other, dates them, and undoes them in turn', async () => {
    const u1 = await saveChange(db, where('1.1'), 's', { self: 1.75 }, 'self');
    const u2 = await saveChange(db, where('1.1'), 's', { appraised: 1.25 }, 'appraised');
    expect(await row('A', '1.1')).toMatchObject({ self_score: 1.75, appraised_score: 1.25, evidence: 'KH 1', edited: true });
    await undoEdit(db, u2);
    expect(await row('A', '1.1')).toMatchObject({ self_score: 1.75, appraised_score: 1.5, edited: true });
    await undoEdit(db, u1);
    expect(await row('A', '1.1')).toMatchObject({ self_score: 2, appraised_score: 1.5, edited: false });
  });
  it('marks a leaf "không áp dụng" and back', async () => {
    const u = await saveChange(db, where('1.2'), 's', { applicable: false }, 'na');
    expect(await row('A', '1.2')).toMatchObject({ applicable: false, self_score: 1 });
    await undoEdit(db, u);
    expect(await row('A', '1.2')).toMatchObject({ applicable: true });
  });
  it('creates the row of a leaf that had none, in the given dataset, and undo removes it', async () => {
    const u = await saveChange(db, where('2.1'), 's', { self: 3 }, 'new');
    expect(await row('A', '2.1')).toMatchObject({ applicable: true, self_score: 3, appraised_score: null, edited: true });
    expect(u.target.datasetId).toBe('s');
    await undoEdit(db, u);
    expect(await row('A', '2.1')).toBeUndefined();
  });
});
