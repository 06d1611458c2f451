// The PAPI files as published go through importFile unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { loadRefProvincesSql } from './formats/papiWide';
import { analyseFile, discardPlan, importFile } from './importFile';
import { csv } from './__fixtures__/make';

const T = 120_000;
const root = path.resolve(__dirname, '../..');
const papi = (year: number) => ({ name: `${year}.csv`, bytes: new Uint8Array(fs.readFileSync(path.join(root, 'data/papi/csv', `${year}.csv`))) });

describe('PAPI wide files', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.registerFile('ref.csv', new Uint8Array(fs.readFileSync(path.join(root, 'data/ref/provinces_63_to_34.csv'))));
    await db.exec(loadRefProvincesSql('ref.csv'));
  }, T);

  it(
    '2021: year from the file name, Thừa Thiên Huế on top with 48.06, incomplete provinces flagged',
    async () => {
      const o = await importFile(db, papi(2021));
      if (!o.ok) throw new Error(JSON.stringify(o.problems.slice(0, 3)));
      expect([o.plan.kind, o.plan.coverage, o.plan.rowCount]).toEqual(['index_scores', '2021', 63]);
      // SC52 is empty for every province in 2021: 28 sub-dimensions measured; P14, P15 and P18 miss some.
      const flagged = o.plan.problems.filter((p) => p.expected.key === 'ingest.problem.papiIncomplete');
      expect(flagged.map((p) => p.value).sort()).toEqual(['P14', 'P15', 'P18']);
      expect(flagged.every((p) => p.severity === 'warning' && p.expected.params?.of === 28)).toBe(true);
      const [top] = await db.query<{ unit_name: string; total: number }>(
        `
      SELECT unit_name, round(sum(score), 2) AS total FROM index_scores WHERE dataset_id = ? GROUP BY unit_code, unit_name
      HAVING count(*) = 28 ORDER BY total DESC LIMIT 1`,
        [o.datasetId],
      );
      expect(top).toEqual({ unit_name: 'Thừa Thiên Huế', total: 48.06 });
    },
    T,
  );

  it(
    'a bad cell names its SC column and Excel row; a file without a year in its name is refused',
    async () => {
      const plan = await analyseFile(db, csv('papi_2030.csv', ['Province,SC11,SC12,SC13', 'P01,0.8,1.6,1.5', 'P02,0.6,x,1.4', 'P03,0.6,12,1.4']));
      expect(plan.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value, p.expected.key])).toEqual([
        [3, 'SC12', 'x', 'ingest.problem.number'],
        [4, 'SC12', '12', 'ingest.problem.papiRange'],
      ]);
      await discardPlan(db, plan);
      const noYear = await analyseFile(db, csv('papi.csv', ['Province,SC11,SC12,SC13', 'P01,0.8,1.6,1.5']));
      expect(noYear.problems.map((p) => p.expected.key)).toEqual(['ingest.problem.yearFromName']);
    },
    T,
  );

  it(
    'importing the same year again asks before replacing',
    async () => {
      const plan = await analyseFile(db, papi(2021));
      expect(plan.questions.duplicates?.description).toBe('PAPI 2021');
      await discardPlan(db, plan);
    },
    T,
  );
});
