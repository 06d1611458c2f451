import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, commitPlan, importFile } from './importFile';
import { csv } from './__fixtures__/make';

const T = 120_000;

function sheet(name: string, aoa: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('one-unit PAR sheet', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
    for (const f of [
      csv('units.csv', ['Mã đơn vị,Tên đơn vị', 'X001,Xã Hòa An', 'X001-TYT,Trạm Y tế xã']),
      csv('tc.csv', ['Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa', '2025,1,Chỉ đạo điều hành,3', '2025,1.1,Kế hoạch CCHC,2', '2025,1.2,Báo cáo,1']),
    ]) {
      const o = await importFile(db, f);
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
    }
  }, T);

  const bytes = sheet('Trạm Y tế xã 2025', [
    ['BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH'],
    ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng'],
    ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 3, null, null, null],
    ['1.1', 'Kế hoạch CCHC', 2, 2, 1.5, 'KH số 5/KH-TYT'],
    ['1.2', 'Báo cáo', 1, 'không áp dụng', null, null],
    [null, 'Tổng cộng', 3, 2, 1.5, null],
  ]);

  it(
    'guesses the unit from the sheet name, asks to confirm, then lands the criteria rows',
    async () => {
      const plan = await analyseFile(db, { name: 'cham_diem.xlsx', bytes });
      expect([plan.kind, plan.coverage, plan.errorCount]).toEqual(['par_scores', '2025', 0]);
      expect(plan.questions.unit).toEqual({ code: 'X001-TYT', name: 'Trạm Y tế xã' });
      expect((await commitPlan(db, plan)).ok).toBe(false); // not confirmed yet: nothing lands
      const o = await commitPlan(db, plan, { unit: { code: 'X001-TYT', name: 'Trạm Y tế xã' } });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT unit_code, criterion_code, applicable, self_score, appraised_score FROM par_scores ORDER BY criterion_code`)).toEqual([
        { unit_code: 'X001-TYT', criterion_code: '1.1', applicable: true, self_score: 2, appraised_score: 1.5 },
        { unit_code: 'X001-TYT', criterion_code: '1.2', applicable: false, self_score: null, appraised_score: null },
      ]);
    },
    T,
  );

  it(
    'a score above the criterion max is refused with its Excel row',
    async () => {
      const bad = sheet('Trạm Y tế xã 2025', [
        ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá'],
        ['1.1', 'Kế hoạch CCHC', 2, 2.5],
      ]);
      const plan = await analyseFile(db, { name: 'x.xlsx', bytes: bad }, { unit: { code: 'X001-TYT', name: 'Trạm Y tế xã' } });
      expect(plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key])).toEqual([[2, 'Điểm tự đánh giá', '2.5', 'ingest.problem.aboveMax']]);
    },
    T,
  );
});
