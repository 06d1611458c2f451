import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, commitPlan, importFile } from './importFile';
import { csv } from './__fixtures__/make';

const T = 120_000;
const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(`SELECT CAST((${sql}) AS INTEGER) AS n`))[0]?.n ?? -1;

describe('re-importing rows already loaded', () => {
  let db: Db;
  let first: string;
  beforeAll(async () => {
    db = await createNodeDb();
    const o = await importFile(db, csv('pci_2023_2024.csv', ['Chỉ số,Năm,Mã đơn vị,Điểm', 'PCI,2023,P46,66', 'PCI,2024,P46,68', 'PCI,2024,P01,70']));
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    first = o.datasetId;
  }, T);

  const again = () => csv('pci_2024.csv', ['Chỉ số,Năm,Mã đơn vị,Điểm', 'PCI,2024,P46,69', 'PCI,2024,P01,71']);

  it(
    'asks, naming what is loaded and which datasets hold it',
    async () => {
      const plan = await analyseFile(db, again());
      expect(plan.questions.duplicates).toEqual({ description: 'PCI 2024', datasetIds: [first] });
      const o = await commitPlan(db, plan); // no answer yet: nothing lands, the plan waits
      expect(o.ok).toBe(false);
      const cancelled = await commitPlan(db, plan, { onDuplicate: 'cancel' });
      expect(cancelled.ok).toBe(false);
      expect(await count(db, `SELECT count(*) FROM index_scores`)).toBe(3);
      expect(await count(db, `SELECT sum(score) FROM index_scores`)).toBe(66 + 68 + 70);
    },
    T,
  );

  it(
    'replace deletes the same keys in the same transaction and keeps the rest of the old dataset',
    async () => {
      const o = await importFile(db, again(), { onDuplicate: 'replace' });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.replaced).toEqual([first]);
      expect(o.removed).toEqual([]);
      expect(await db.query(`SELECT year, unit_code, score, dataset_id = '${first}' AS old FROM index_scores ORDER BY year, unit_code`)).toEqual([
        { year: 2023, unit_code: 'P46', score: 66, old: true },
        { year: 2024, unit_code: 'P01', score: 71, old: false },
        { year: 2024, unit_code: 'P46', score: 69, old: false },
      ]);
    },
    T,
  );

  it(
    'a dataset emptied by replace leaves the catalogue',
    async () => {
      const u1 = await importFile(db, csv('units.csv', ['Mã đơn vị,Tên đơn vị', 'X1,Một']));
      if (!u1.ok) throw new Error('setup');
      const u2 = await importFile(db, csv('units_new.csv', ['Mã đơn vị,Tên đơn vị', 'X1,Một (mới)', 'X2,Hai']), { onDuplicate: 'replace' });
      if (!u2.ok) throw new Error(JSON.stringify(u2.problems));
      expect(u2.removed).toEqual([u1.datasetId]);
      expect(await count(db, `SELECT count(*) FROM datasets WHERE id = '${u1.datasetId}'`)).toBe(0);
      expect(await db.query(`SELECT unit_code, unit_name FROM units ORDER BY 1`)).toEqual([
        { unit_code: 'X1', unit_name: 'Một (mới)' },
        { unit_code: 'X2', unit_name: 'Hai' },
      ]);
    },
    T,
  );

  it(
    'SIPAS: same period and unit is a duplicate; another quarter is not',
    async () => {
      const q1 = await importFile(db, csv('s1.csv', ['Kỳ,Mã đơn vị,TC1.1', '2026-Q1,A,5', '2026-Q1,B,4']));
      if (!q1.ok) throw new Error('setup');
      const q2 = await analyseFile(db, csv('s2.csv', ['Kỳ,Mã đơn vị,TC1.1', '2026-Q2,A,5']));
      expect(q2.questions.duplicates).toBeUndefined();
      const again = await analyseFile(db, csv('s3.csv', ['Kỳ,Mã đơn vị,TC1.1', '15/03/2026,A,1']));
      expect(again.questions.duplicates).toEqual({ description: '2026-Q1 · A', datasetIds: [q1.datasetId] });
      const o = await commitPlan(db, again, { onDuplicate: 'replace' });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT unit_code, answer FROM sipas_counts WHERE quarter = 1 ORDER BY 1`)).toEqual([
        { unit_code: 'A', answer: 1 },
        { unit_code: 'B', answer: 4 },
      ]);
    },
    T,
  );
});
