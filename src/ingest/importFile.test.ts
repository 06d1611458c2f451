import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, commitPlan, discardPlan, importFile } from './importFile';
import { importFiles } from './importFiles';
import { csv } from './__fixtures__/make';
import type { ImportOutcome } from './types';

const T = 120_000;
const ok = (o: ImportOutcome) => {
  if (!o.ok) throw new Error(JSON.stringify(o.problems, null, 1));
  return o;
};

describe('index_scores (long)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'lands every row with its types, decimal comma read in a ; file',
    async () => {
      const o = ok(
        await importFile(
          db,
          csv('pci.csv', [
            'Chỉ số;Năm;Mã đơn vị;Tên đơn vị;Thành phần;Điểm;Điểm tối đa;Xếp hạng;Trên tổng số;Nguồn',
            'PCI;2024;P46;Thừa Thiên Huế;;68,5;100;12;63;VCCI',
            'pci;2024;P01;Hà Nội;CP1;7,25;10;;;VCCI',
          ]),
        ),
      );
      expect(o.plan.kind).toBe('index_scores');
      expect(o.plan.delimiter).toBe(';');
      expect(o.plan.decimalComma).toBe(true);
      expect(o.plan.coverage).toBe('2024');
      const rows = await db.query(
        `SELECT index_code, year, unit_code, component, score, max_score, rank, rank_of FROM index_scores WHERE dataset_id = ? ORDER BY unit_code`,
        [o.datasetId],
      );
      expect(rows).toEqual([
        { index_code: 'PCI', year: 2024, unit_code: 'P01', component: 'CP1', score: 7.25, max_score: 10, rank: null, rank_of: null },
        { index_code: 'PCI', year: 2024, unit_code: 'P46', component: '', score: 68.5, max_score: 100, rank: 12, rank_of: 63 },
      ]);
      const [d] = await db.query(`SELECT kind, file_name, row_count, coverage FROM datasets WHERE id = ?`, [o.datasetId]);
      expect(d).toEqual({ kind: 'index_scores', file_name: 'pci.csv', row_count: 2, coverage: '2024' });
    },
    T,
  );

  it(
    'names the row, column, value and what was expected',
    async () => {
      const plan = await analyseFile(
        db,
        csv('bad.csv', [
          'Chỉ số,Năm,Mã đơn vị,Điểm',
          'PCI,2024,P46,68.5',
          'XYZ,2024,P47,60',
          'PCI,1999,P48,60',
          'PCI,2024,P49,abc',
          'PCI,2024,P50,120',
          'PCI,2024,,50',
          'PCI,2024,P46,70',
        ]),
      );
      const found = plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key]);
      expect(found).toEqual(
        expect.arrayContaining([
          [3, 'Chỉ số', 'XYZ', 'ingest.problem.indexCode'],
          [4, 'Năm', '1999', 'ingest.problem.year'],
          [5, 'Điểm', 'abc', 'ingest.problem.number'],
          [6, 'Điểm', '120', 'ingest.problem.aboveMaxScore'],
          [7, 'Mã đơn vị', '', 'ingest.problem.required'],
          [8, 'Mã đơn vị', 'P46', 'ingest.problem.duplicateRow'],
        ]),
      );
      expect(plan.errorCount).toBe(6);
      expect(plan.problems.find((p) => p.row === 8)?.expected.params?.first).toBe(2);
      await discardPlan(db, plan);
    },
    T,
  );
});

describe('PAR criteria and scores', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);
  const criteria = csv('tieuchi_2025.csv', [
    'Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa',
    '2025,3,Cải cách thủ tục hành chính,10',
    '2025,3.1,Công khai TTHC,4',
    '2025,3.2,Giải quyết TTHC,5',
    '2025,3.2.1,Đúng hạn,5',
  ]);
  const scores = (lines: string[]) =>
    csv('diem_2025.csv', ['Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú', ...lines]);

  it(
    'refuses scores when the year has no criteria, and says to import them first',
    async () => {
      const plan = await analyseFile(db, scores(['2025,X001-VP,Văn phòng,3.1,4,4,,']));
      expect(plan.problems[0]).toMatchObject({
        row: 2,
        column: 'Năm',
        expected: { key: 'ingest.problem.noCriteria', params: expect.objectContaining({ year: 2025 }) },
      });
      await discardPlan(db, plan);
    },
    T,
  );

  it(
    'warns when children do not add up to the parent',
    async () => {
      const o = ok(await importFile(db, criteria));
      // 3.1 + 3.2 = 9, not 10
      expect(o.plan.problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          row: 2,
          column: 'Điểm tối đa',
          expected: expect.objectContaining({ key: 'ingest.problem.childrenSum', params: expect.objectContaining({ code: '3', sum: 9 }) }),
        }),
      ]);
    },
    T,
  );

  it(
    'refuses a score above the criterion max, an unknown code and a criterion scored twice',
    async () => {
      const plan = await analyseFile(
        db,
        scores([
          '2025,X001-VP,Văn phòng,3.1,4,3.5,,',
          '2025,X001-VP,Văn phòng,3.2.1,"12,5",,,',
          '2025,X001-VP,Văn phòng,9.9,1,,,',
          '2025,X001-VP,Văn phòng,3.1,2,,,',
          '2025,X001-KT,Phòng Kinh tế,3.1,không áp dụng,N/A,,',
          '2025,X001-KT,Phòng Kinh tế,3.2.1,-1,,,',
        ]),
      );
      const found = plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key]);
      expect(found).toEqual(
        expect.arrayContaining([
          [3, 'Điểm tự đánh giá', '12,5', 'ingest.problem.parScore'],
          [4, 'Mã tiêu chí', '9.9', 'ingest.problem.unknownCriterion'],
          [5, 'Mã tiêu chí', '3.1', 'ingest.problem.scoredTwice'],
          [7, 'Điểm tự đánh giá', '-1', 'ingest.problem.min'],
        ]),
      );
      expect(plan.errorCount).toBe(4);
      await discardPlan(db, plan);
      const plan2 = await analyseFile(db, scores(['2025,X001-VP,Văn phòng,3.2.1,12.5,,,']));
      expect(plan2.problems).toEqual([
        expect.objectContaining({
          row: 2,
          column: 'Điểm tự đánh giá',
          value: '12.5',
          expected: expect.objectContaining({ key: 'ingest.problem.aboveMax', params: expect.objectContaining({ max: 5, code: '3.2.1' }) }),
        }),
      ]);
      await discardPlan(db, plan2);
    },
    T,
  );

  it(
    'lands scores, "không áp dụng" as not applicable and blanks as not scored',
    async () => {
      const o = ok(
        await importFile(
          db,
          scores([
            '2025,X001-VP,Văn phòng,3.1,4,3.5,QĐ 12,',
            '2025,X001-KT,Phòng Kinh tế,3.1,không áp dụng,,,',
            '2025,X001-KT,Phòng Kinh tế,3.2.1,,,,chưa chấm',
          ]),
        ),
      );
      const rows = await db.query(
        `SELECT unit_code, criterion_code, applicable, self_score, appraised_score, evidence, note FROM par_scores WHERE dataset_id = ? ORDER BY unit_code, criterion_code`,
        [o.datasetId],
      );
      expect(rows).toEqual([
        { unit_code: 'X001-KT', criterion_code: '3.1', applicable: false, self_score: null, appraised_score: null, evidence: null, note: null },
        { unit_code: 'X001-KT', criterion_code: '3.2.1', applicable: true, self_score: null, appraised_score: null, evidence: null, note: 'chưa chấm' },
        { unit_code: 'X001-VP', criterion_code: '3.1', applicable: true, self_score: 4, appraised_score: 3.5, evidence: 'QĐ 12', note: null },
      ]);
    },
    T,
  );
});

describe('atomicity', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);
  const units = csv('units.csv', ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', 'X001,Xã Hòa An,Xã,', 'X001-VP,Văn phòng,CQ,X001']);

  it(
    'a bad file after a good one leaves the good one intact and adds nothing',
    async () => {
      ok(await importFile(db, units));
      const bad = await importFile(db, csv('units2.csv', ['Mã đơn vị,Tên đơn vị', 'Y001,Xã Khác', 'Y002,']));
      expect(bad.ok).toBe(false);
      expect(await db.query(`SELECT unit_code FROM units ORDER BY 1`)).toEqual([{ unit_code: 'X001' }, { unit_code: 'X001-VP' }]);
      expect(await db.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM datasets`)).toEqual([{ n: 1 }]);
    },
    T,
  );

  it(
    'a failure in the middle of the commit leaves nothing behind',
    async () => {
      // The catalogue insert fails after the rows went in: the rows must be rolled back too.
      const failing: Db = {
        ...db,
        query: (sql, params) => (sql.startsWith('INSERT INTO datasets') ? Promise.reject(new Error('disk full')) : db.query(sql, params)),
      };
      const o = await importFile(failing, csv('units3.csv', ['Mã đơn vị,Tên đơn vị', 'Z001,Xã Z']));
      expect(o.ok).toBe(false);
      // The engine's text is worded for the user (translateError) and kept as the technical detail.
      if (!o.ok)
        expect(o.problems[0]).toMatchObject({
          expected: { key: 'ingest.problem.commitFailed', params: { detail: 'ingest.reason.storage' } },
          technical: 'disk full',
        });
      expect(await db.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM units WHERE unit_code = 'Z001'`)).toEqual([{ n: 0 }]);
      expect(await db.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM datasets`)).toEqual([{ n: 1 }]);
    },
    T,
  );

  it(
    'imports several files in dependency order (criteria before scores)',
    async () => {
      const out = await importFiles(db, [
        csv('diem.csv', ['Năm,Mã đơn vị,Mã tiêu chí,Điểm tự đánh giá', '2024,X001-VP,1.1,2']),
        csv('tieuchi.csv', ['Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa', '2024,1,Chỉ đạo điều hành,2', '2024,1.1,Kế hoạch CCHC,2']),
      ]);
      expect(out.map((o) => [o.plan?.kind, o.ok])).toEqual([
        ['par_criteria', true],
        ['par_scores', true],
      ]);
    },
    T,
  );

  it(
    'commitPlan after discardPlan refuses instead of landing half a file',
    async () => {
      const plan = await analyseFile(db, csv('u.csv', ['Mã đơn vị,Tên đơn vị', 'Q1,Q']));
      await discardPlan(db, plan);
      const o = await commitPlan(db, plan);
      expect(o.ok).toBe(false);
    },
    T,
  );
});

describe('files selected together', () => {
  it(
    'scores checked against criteria staged alongside land after them, and are refused if the criteria never land',
    async () => {
      const db = await createNodeDb();
      const crit = await analyseFile(db, csv('tc.csv', ['Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa', '2023,1,Chỉ đạo,2']));
      const scores = await analyseFile(db, csv('d.csv', ['Năm,Mã đơn vị,Mã tiêu chí,Điểm tự đánh giá', '2023,A,1,2']));
      expect(scores.errorCount).toBe(0); // the staged criteria count
      await discardPlan(db, crit); // … but they are dropped
      const o = await commitPlan(db, scores);
      expect(o.ok).toBe(false);
      if (!o.ok) expect(o.problems[0]?.expected.key).toBe('ingest.problem.noCriteria');
      expect(await db.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM par_scores`)).toEqual([{ n: 0 }]);
    },
    T,
  );
});

describe('headers', () => {
  it(
    'warns about a column outside the format and about a known column given twice, and ignores both',
    async () => {
      const db = await createNodeDb();
      const o = await importFile(db, csv('u.csv', ['Mã đơn vị,Tên đơn vị,Dân số,Tên đơn vị', 'A,Một,1200,Khác']));
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.problems.map((p) => [p.severity, p.column, p.expected.key])).toEqual([
        ['warning', 'Dân số', 'ingest.problem.extraColumn'],
        ['warning', 'Tên đơn vị', 'ingest.problem.duplicateHeader'],
      ]);
      expect(await db.query(`SELECT unit_name FROM units`)).toEqual([{ unit_name: 'Một' }]);
    },
    T,
  );
});

describe('progress', () => {
  it(
    'reports reading, staging and checking in order',
    async () => {
      const db = await createNodeDb();
      const steps: string[] = [];
      const plan = await analyseFile(db, csv('u.csv', ['Mã đơn vị,Tên đơn vị', 'A,Một']), {}, { onProgress: (p) => steps.push(`${p.file}:${p.step}`) });
      expect(steps).toEqual(['u.csv:reading', 'u.csv:staging', 'u.csv:checking']);
      await discardPlan(db, plan);
    },
    T,
  );
});
