import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, commitPlan, discardPlan, importFile } from './importFile';
import { csv } from './__fixtures__/make';

const T = 120_000;

// Hand-counted: unit A, 2026-Q1, TC1.1 answers 5, 4 ("Hài lòng"), 3, 2 → satisfied 2 of 4 = 50 %;
// TC2.1 answers "rat hai long" (5), blank, 1 → satisfied 1 of 2 = 50 %, the blank counts nowhere.
// Unit A 15/02/2026 (a date in Q1) joins 2026-Q1. Unit B, 2026-H1: TC1.1 = 4 → 1 of 1.
const responses = csv('sipas.csv', [
  'Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC2.1',
  '2026-Q1,A,1,5,rat hai long',
  '2026-Q1,A,2,Hài lòng,',
  '2026-Q1,A,3,3,1',
  '15/02/2026,A,4,2,',
  '2026-H1,B,5,4,',
]);

describe('SIPAS responses', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'lands answer counts and respondents per period and unit; rates follow by hand',
    async () => {
      const o = await importFile(db, responses);
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.kind).toBe('sipas_responses');
      expect(o.plan.coverage).toBe('2026-Q1–2026-H1');
      // Item columns are shown as what they become (a question of an element), not as unknown columns.
      expect(o.plan.columns.slice(3)).toEqual([
        { header: 'TC1.1', canonical: 'item:1' },
        { header: 'TC2.1', canonical: 'item:2' },
      ]);
      const rates = await db.query(
        `
      SELECT year, half, quarter, unit_code, item_code, element,
             CAST(sum(n) FILTER (WHERE answer >= 4) AS INTEGER) AS ok, CAST(sum(n) AS INTEGER) AS answers
      FROM sipas_counts WHERE dataset_id = ? GROUP BY ALL ORDER BY unit_code, item_code`,
        [o.datasetId],
      );
      expect(rates).toEqual([
        { year: 2026, half: 1, quarter: 1, unit_code: 'A', item_code: 'TC1.1', element: 1, ok: 2, answers: 4 },
        { year: 2026, half: 1, quarter: 1, unit_code: 'A', item_code: 'TC2.1', element: 2, ok: 1, answers: 2 },
        { year: 2026, half: 1, quarter: null, unit_code: 'B', item_code: 'TC1.1', element: 1, ok: 1, answers: 1 },
      ]);
      const sheets = await db.query(`SELECT unit_code, quarter, CAST(respondents AS INTEGER) AS r FROM sipas_sheets WHERE dataset_id = ? ORDER BY unit_code`, [
        o.datasetId,
      ]);
      expect(sheets).toEqual([
        { unit_code: 'A', quarter: 1, r: 4 },
        { unit_code: 'B', quarter: null, r: 1 },
      ]);
    },
    T,
  );

  it(
    'refuses answers outside 1–5, unknown labels and unreadable periods with row and column',
    async () => {
      const plan = await analyseFile(
        db,
        csv('bad.csv', ['Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC2.1', '2026-Q1,A,1,6,4', '2026-Q5,A,2,4,rất tốt', '2026-Q1,,3,4,4', '2026-Q1,A,1,4,4']),
      );
      const found = plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key]);
      expect(found).toEqual(
        expect.arrayContaining([
          [2, 'TC1.1', '6', 'ingest.problem.answer'],
          [3, 'TC2.1', 'rất tốt', 'ingest.problem.answer'],
          [3, 'Kỳ', '2026-Q5', 'ingest.problem.period'],
          [4, 'Mã đơn vị', '', 'ingest.problem.required'],
          [5, 'Mã phiếu', '1', 'ingest.problem.duplicateRespondent'],
        ]),
      );
      expect(plan.errorCount).toBe(5);
      const o = await commitPlan(db, plan);
      expect(o.ok).toBe(false);
    },
    T,
  );

  it(
    'asks for the date order when every date reads both ways',
    async () => {
      const plan = await analyseFile(db, csv('dates.csv', ['Kỳ,Mã đơn vị,TC1.1', '03/04/2026,C,5', '01/02/2026,C,4']));
      expect(plan.questions.dateOrder).toBe(true);
      const refused = await commitPlan(db, plan);
      expect(refused.ok).toBe(false);
      const o = await commitPlan(db, plan, { dateOrder: 'mdy' }); // March 4 and January 2: both Q1
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT quarter, CAST(respondents AS INTEGER) AS r FROM sipas_sheets WHERE dataset_id = ?`, [o.datasetId])).toEqual([
        { quarter: 1, r: 2 },
      ]);
      await discardPlan(db, plan);
    },
    T,
  );

  it(
    'rows with fewer cells than the header (trailing blanks dropped by some tools) count as blank answers',
    async () => {
      const o = await importFile(db, { name: 'short.csv', bytes: new TextEncoder().encode('Kỳ,Mã đơn vị,TC1.1,TC1.2\r\n2025-Q4,Z,5\r\n2025-Q4,Z,4,3\r\n') });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT item_code, answer, CAST(n AS INTEGER) AS n FROM sipas_counts WHERE dataset_id = ? ORDER BY 1, 2`, [o.datasetId])).toEqual([
        { item_code: 'TC1.1', answer: 4, n: 1 },
        { item_code: 'TC1.1', answer: 5, n: 1 },
        { item_code: 'TC1.2', answer: 3, n: 1 },
      ]);
    },
    T,
  );
});
