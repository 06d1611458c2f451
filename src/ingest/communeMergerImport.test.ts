import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { loadRefProvincesSql } from './formats/papiWide';
import { analyseFile, importFile } from './importFile';
import { csv, utf8 } from './__fixtures__/make';

const T = 120_000;

describe('commune_merger (a commune crosswalk the user loads)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.registerFile('ref.csv', fs.readFileSync(path.resolve(import.meta.dirname, '../../data/ref/provinces_63_to_34.csv')));
    await db.exec(loadRefProvincesSql('ref.csv'));
  }, T);

  it(
    'reads a CSV with the crosswalk’s own headers; "TP HCM", "Tỉnh Khánh Hoà" land as Hồ Chí Minh, Khánh Hòa',
    async () => {
      const o = await importFile(
        db,
        csv('sap_nhap.csv', [
          'Tỉnh,Xã mới,Sáp nhập từ',
          'Huế,Phú Xuân,"Phường Gia Hội, Phường Phú Hậu"',
          'TP HCM,Sài Gòn,"Phường Bến Nghé, Phường Đa Kao"',
          'Tỉnh Khánh Hoà,Nha Trang,"Phường Lộc Thọ, Phường Vĩnh Nguyên"',
        ]),
      );
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.kind).toBe('commune_merger');
      expect(o.plan.coverage).toBe('Huế, Hồ Chí Minh, Khánh Hòa');
      expect(await db.query('SELECT province, new_commune, former_communes FROM commune_merger WHERE dataset_id = ? ORDER BY province', [o.datasetId])).toEqual(
        [
          { province: 'Huế', new_commune: 'Phú Xuân', former_communes: 'Phường Gia Hội, Phường Phú Hậu' },
          { province: 'Hồ Chí Minh', new_commune: 'Sài Gòn', former_communes: 'Phường Bến Nghé, Phường Đa Kao' },
          { province: 'Khánh Hòa', new_commune: 'Nha Trang', former_communes: 'Phường Lộc Thọ, Phường Vĩnh Nguyên' },
        ],
      );
    },
    T,
  );

  it(
    'reads a JSON file shaped like communes_2025.json, entry k as row k + 1',
    async () => {
      const json = JSON.stringify([{ columns: ['Huế', 'Thuận Hóa', 'Phường Phú Hội, Phường Phú Nhuận'] }, { columns: ['Huế', 'Dương Nỗ', 'Không sáp nhập'] }]);
      const o = await importFile(db, utf8('hue.json', json));
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.kind).toBe('commune_merger');
      expect(o.plan.rowCount).toBe(2);
    },
    T,
  );

  it(
    'names the row and column of a province not among the 34 and of a new commune listed twice (under another name of its province); nothing lands',
    async () => {
      const before = await db.query('SELECT count(*)::INTEGER AS n FROM commune_merger');
      const plan = await analyseFile(
        db,
        csv('sai.csv', [
          'Tỉnh,Xã mới,Xã cũ',
          'Huế,Kim Long,"Phường Long Hồ, Phường Kim Long"',
          'Quảng Nam,Hội An,"Phường Minh An, Phường Cẩm Phô"',
          'Thừa Thiên Huế,Kim Long,Phường Hương Long',
          'Huế,Vỹ Dạ,',
        ]),
      );
      expect(plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key])).toEqual([
        [3, 'Tỉnh', 'Quảng Nam', 'ingest.problem.province34'],
        [4, 'Xã mới', 'Kim Long', 'ingest.problem.duplicateRow'],
        [5, 'Xã cũ', '', 'ingest.problem.required'],
      ]);
      expect(await db.query('SELECT count(*)::INTEGER AS n FROM commune_merger')).toEqual(before);
    },
    T,
  );

  it(
    'refuses JSON of another shape, saying what it expected and where',
    async () => {
      const plan = await analyseFile(db, utf8('khac.json', JSON.stringify([{ columns: ['Huế', 'Phú Xuân', 'Phường Gia Hội'] }, { columns: ['Huế', ''] }])));
      expect(plan.problems).toHaveLength(1);
      expect(plan.problems[0]!.expected.key).toBe('ingest.problem.unreadable');
      expect(String(plan.problems[0]!.expected.params?.detail)).toMatch(/communes_2025\.json.*phần tử thứ 2/);
    },
    T,
  );
});
