import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import type { Db } from '../../db/types';
import { run } from '../../sql/sql';
import {
  deleteParScoreQuery,
  insertParScoreQuery,
  parCriteriaQuery,
  parCriteriaYearsQuery,
  parScoresQuery,
  parUnitsQuery,
  updateParScoreQuery,
} from './queries';
import { buildYear, findOwnUnit, type CriterionRow, type ScoreRow, type UnitRow } from './model';

const CUT = { excellent: 90, good: 80, fair: 70, average: 50 };
let db: Db;

beforeAll(async () => {
  db = await createNodeDb();
  await db.exec(`
INSERT INTO datasets VALUES ('old', 'par_scores', 'a.csv', 3, '2025', TIMESTAMP '2026-01-01 08:00', false, NULL, NULL),
                            ('new', 'par_scores', 'b.csv', 3, '2025', TIMESTAMP '2026-02-01 08:00', false, NULL, NULL),
                            ('crit', 'par_criteria', 'c.csv', 5, '2024–2025', TIMESTAMP '2026-01-01 08:00', false, NULL, NULL);
INSERT INTO par_criteria VALUES ('crit', 2025, '1', 'Chỉ đạo', 6), ('crit', 2025, '1.1', 'Kế hoạch', 4), ('crit', 2025, '1.2', 'Báo cáo', 2),
                                ('crit', 2025, '2', 'Thể chế', 4), ('crit', 2024, '1', 'Chỉ đạo', 10);
INSERT INTO par_scores VALUES
  ('old', 2025, 'X', 'Xã', '1.1', true, 4, 3, 'KH 1', NULL, NULL),
  ('new', 2025, 'X', 'Xã', '1.1', true, 4, 4, 'KH 1', NULL, NULL),   -- the newer import wins
  ('new', 2025, 'X', 'Xã', '1.2', true, 2, 1.5, NULL, NULL, NULL),
  ('new', 2025, 'X', 'Xã', '2', true, 3, 3, 'x', NULL, NULL),
  ('new', 2025, 'X-A', 'Đơn vị A', '1.1', true, 4, 3.5, NULL, NULL, NULL),
  ('new', 2025, 'X-A', 'Đơn vị A', '1.2', false, NULL, NULL, NULL, NULL, NULL),
  ('new', 2025, 'X-A', 'Đơn vị A', '2', true, 4, 3.5, NULL, NULL, NULL),
  ('new', 2025, 'X-B', 'Đơn vị B', '1.1', true, 4, NULL, NULL, NULL, NULL),
  ('new', 2024, 'X-A', 'Đơn vị A', '1', true, 8, 7, NULL, NULL, NULL);
INSERT INTO units VALUES ('u', 'X', 'Xã', 'Xã', NULL), ('u', 'X-A', 'Đơn vị A', NULL, 'X'), ('u', 'X-B', 'Đơn vị B', NULL, 'X');
`);
}, 60_000); // DuckDB-WASM takes a few seconds to start when the machine is busy

async function year(y: number) {
  const criteria = await run<CriterionRow & Record<string, unknown>>(db, parCriteriaQuery(y));
  const prevCriteria = await run<CriterionRow & Record<string, unknown>>(db, parCriteriaQuery(y - 1));
  const rows = await run<ScoreRow & Record<string, unknown>>(db, parScoresQuery([y, y - 1]));
  const units = await run<UnitRow & Record<string, unknown>>(db, parUnitsQuery);
  return buildYear({
    year: y,
    criteria,
    scores: rows.filter((r) => r.year === y),
    prevCriteria,
    prevScores: rows.filter((r) => r.year === y - 1),
    units,
    cutoffs: CUT,
    preferredOwn: null,
  });
}

describe('PAR queries against DuckDB', { timeout: 30_000 }, () => {
  it('lists the years with a criteria tree, newest first', async () => {
    expect((await run(db, parCriteriaYearsQuery)).map((r) => r.year)).toEqual([2025, 2024]);
  });
  it('keeps the newest import of a duplicated score', async () => {
    const rows = await run<ScoreRow & Record<string, unknown>>(db, parScoresQuery([2025]));
    expect(rows.filter((r) => r.unit_code === 'X' && r.criterion_code === '1.1')).toMatchObject([{ dataset_id: 'new', appraised_score: 4 }]);
  });
  it('scores, ranks and compares units: X-A has 7 of 8 applicable points = 87.50, +17.50 on 2024 (7/10)', async () => {
    const m = await year(2025);
    expect(m.ownCode).toBe('X');
    expect(m.units.map((u) => u.unitCode)).toEqual(['X', 'X-A', 'X-B']);
    const x = m.units[0]!;
    expect([x.score.appraisedIndex, x.rank, x.band]).toEqual([85, null, 'good']); // (4+1.5+3)/10; the commune is not ranked among its units
    const a = m.units[1]!;
    expect([a.score.applicableMax, a.score.appraisedIndex, a.rank, a.band, a.prevIndex, a.change]).toEqual([8, 87.5, 1, 'good', 70, 17.5]);
    const b = m.units[2]!;
    expect([b.score.appraisedIndex, b.score.missingAppraised, b.rank, b.band]).toEqual([null, 3, null, null]); // 1.1 unappraised, 1.2 and 2 unscored
    expect(m.rankedOf).toBe(1);
  });
  it('updates a typed score with its date, inserts a missing row, and undoes the insert', async () => {
    await run(
      db,
      updateParScoreQuery(
        { datasetId: 'new', year: 2025, unitCode: 'X-A', criterion: '1.1' },
        { applicable: true, self: 4, appraised: 2, evidence: 'KH 2', note: 'sửa', editedAt: '2026-11-25T10:30:00' },
      ),
    );
    await run(
      db,
      insertParScoreQuery(
        { datasetId: 'new', year: 2025, unitCode: 'X-B', unitName: 'Đơn vị B', criterion: '2' },
        { applicable: true, self: 4, appraised: 4, evidence: null, note: null, editedAt: '2026-11-25T10:31:00' },
      ),
    );
    const m = await year(2025);
    const a = m.units.find((u) => u.unitCode === 'X-A')!;
    expect(a.score.appraisedIndex).toBe(68.75); // (2 + 3.5) / 8
    expect(a.rows.get('1.1')).toMatchObject({ evidence: 'KH 2', note: 'sửa', edited_at: '2026-11-25T10:30:00' });
    expect(m.units.find((u) => u.unitCode === 'X-B')!.score.missingAppraised).toBe(2);
    await run(db, deleteParScoreQuery({ datasetId: 'new', year: 2025, unitCode: 'X-B', criterion: '2' }));
    expect((await year(2025)).units.find((u) => u.unitCode === 'X-B')!.score.missingAppraised).toBe(3);
  });
});

describe('findOwnUnit', () => {
  it('prefers the commune set in Settings, then the parent in the units list, then the code prefix', () => {
    expect(findOwnUnit(['X', 'X-A'], [], 'X-A')).toBe('X-A');
    expect(findOwnUnit(['X', 'X-A'], [{ unit_code: 'X-A', unit_name: 'A', parent_code: 'X' }], null)).toBe('X');
    expect(findOwnUnit(['Q1', 'Q1-B', 'Q1-C'], [], null)).toBe('Q1');
    expect(findOwnUnit(['A', 'B'], [], null)).toBeNull();
  });
});
