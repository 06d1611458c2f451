import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import { fetchParScoreYears, fetchReportPeriods } from './queries';

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});

describe('report periods', () => {
  it('lists SIPAS quarters and the years of SIPAS and PAR, newest first, each once', async () => {
    await db.exec(`DELETE FROM sipas_counts; DELETE FROM par_scores;
      INSERT INTO sipas_counts VALUES ('d', 2025, 2, 4, 'A', 'TC1.1', 1, 5, 3), ('d', 2026, 1, 1, 'A', 'TC1.1', 1, 4, 2),
        ('d', 2026, 1, 2, 'A', 'TC1.1', 1, 4, 2), ('d', 2026, 1, 2, 'B', 'TC1.1', 1, 3, 1), ('d', 2023, NULL, NULL, 'A', 'TC1.1', 1, 5, 1);
      INSERT INTO par_scores (dataset_id, year, unit_code, criterion_code) VALUES ('p', 2024, 'A', '1.1'), ('p', 2025, 'A', '1.1');`);
    expect(await fetchReportPeriods(db)).toEqual(['2026-Q2', '2026-Q1', '2026', '2025-Q4', '2025', '2024', '2023']);
    expect(await fetchParScoreYears(db)).toEqual([2025, 2024]);
  });
  it('is empty without data', async () => {
    await db.exec('DELETE FROM sipas_counts; DELETE FROM par_scores;');
    expect(await fetchReportPeriods(db)).toEqual([]);
  });
});
