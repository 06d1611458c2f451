// The plan's three formats through the real import pipeline (Node DuckDB): words read as the app stores them, bad
// cells named by row and column with nothing loaded, the commune's SIPAS target kept as the one row the app has.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, importFile } from './importFile';
import { csv } from './__fixtures__/make';
import { detectKind, FORMATS } from './formats';

const T = 120_000;
const count = async (db: Db, table: string) => (await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`))[0]!.n;

describe('plan formats', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it('recognises each template header as its format', () => {
    for (const k of ['plan_targets', 'plan_indicators', 'plan_tasks'] as const) expect(detectKind(FORMATS[k].headers)).toBe(k);
    // the plan's own table headings
    expect(detectKind(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'])).toBe('plan_tasks');
  });

  it(
    'plan_targets: comparison words, levels, dates and thresholds as stored; the commune SIPAS row is not loaded',
    async () => {
      const o = await importFile(
        db,
        csv('chi_tieu.csv', [
          'Năm,Mã chỉ tiêu,Chỉ tiêu,Đo bằng,Mã đơn vị,So sánh,Ngưỡng,Kỳ theo dõi,Số kế hoạch,Ngày kế hoạch',
          '2026,CT1,Phấn đấu mức độ hài lòng đạt trên 90%,SIPAS,,trên,90,Quý,12/KH-UBND,15/01/2026',
          '2026,CT2,100% TTHC đủ điều kiện được cung cấp DVC trực tuyến toàn trình,DVC_TOAN_TRINH,,từ … trở lên,100,Quý,12/KH-UBND,15/01/2026',
          '2026,CT3,Điểm tiếp nhận thôn Đông hài lòng trên 85%,Mức độ hài lòng,X001-DTN1,>,"85,5",6 tháng,,',
          '2026,CT4,PCI của tỉnh không thấp hơn hạng 20,Xếp hạng PCI,,không quá,20,Năm,,',
        ]),
      );
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.kind).toBe('plan_targets');
      expect(o.plan.problems.map((p) => [p.severity, p.expected.key, p.row])).toEqual([['warning', 'ingest.problem.sipasTargetRow', 2]]);
      const rows = await db.query(
        `SELECT code, measure, unit_code, comparison, threshold, period_level, plan_date FROM plan_targets WHERE dataset_id = ? ORDER BY code`,
        [o.datasetId],
      );
      expect(rows).toEqual([
        { code: 'CT2', measure: 'DVC_TOAN_TRINH', unit_code: null, comparison: '>=', threshold: '100', period_level: 'quarter', plan_date: '2026-01-15' },
        { code: 'CT3', measure: 'SIPAS', unit_code: 'X001-DTN1', comparison: '>', threshold: '85,5', period_level: 'half', plan_date: null },
        { code: 'CT4', measure: 'PCI_RANK', unit_code: null, comparison: '<=', threshold: '20', period_level: 'year', plan_date: null },
      ]);
    },
    T,
  );

  it(
    'plan_targets: names the row and column of a comparison, a threshold and a date it cannot read; nothing lands',
    async () => {
      const before = await count(db, 'plan_targets');
      const plan = await analyseFile(
        db,
        csv('sai.csv', [
          'Năm,Mã chỉ tiêu,Chỉ tiêu,Đo bằng,So sánh,Ngưỡng,Ngày kế hoạch',
          '2027,A,x,PCI,khoảng,70,',
          '2027,B,y,DTI,≥,75,',
          '2027,C,z,PAR_BAND,≥,Giỏi,31/02/2027',
          '2027,C,w,PAR,≥,80,',
        ]),
      );
      const got = plan.problems.filter((p) => p.severity === 'error').map((p) => [p.expected.key, p.row, p.column, p.value]);
      expect(got).toEqual([
        ['ingest.problem.comparison', 2, 'So sánh', 'khoảng'],
        ['ingest.problem.threshold', 3, 'Ngưỡng', '75'],
        ['ingest.problem.threshold', 4, 'Ngưỡng', 'Giỏi'],
        ['ingest.problem.date', 4, 'Ngày kế hoạch', '31/02/2027'],
        ['ingest.problem.duplicateRow', 5, 'Mã chỉ tiêu', 'C'],
      ]);
      expect(plan.problems.find((p) => p.expected.key === 'ingest.problem.threshold' && p.row === 3)?.expected.params?.measure).toBe('DTI');
      expect(await count(db, 'plan_targets')).toBe(before);
    },
    T,
  );

  it(
    'plan_indicators: periods as keys, x of N checked',
    async () => {
      const o = await importFile(
        db,
        csv('chi_bao.csv', [
          'Mã chỉ báo,Tên chỉ báo,Kỳ,Số đạt,Tổng số',
          'DVC_TOAN_TRINH,TTHC toàn trình,Quý 1/2026,118,124',
          'DVC_TOAN_TRINH,TTHC toàn trình,2026-Q2,124,124',
        ]),
      );
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT period, x, n FROM plan_indicators WHERE dataset_id = ? ORDER BY period`, [o.datasetId])).toEqual([
        { period: '2026-Q1', x: 118, n: 124 },
        { period: '2026-Q2', x: 124, n: 124 },
      ]);
      const bad = await analyseFile(db, csv('sai_chi_bao.csv', ['Mã chỉ báo,Kỳ,Số đạt,Tổng số', 'A,Quý 5/2026,1,2', 'A,2026-Q3,7,5']));
      expect(bad.problems.map((p) => [p.expected.key, p.row, p.column])).toEqual([
        ['ingest.problem.period', 2, 'Kỳ'],
        ['ingest.problem.xAboveN', 3, 'Số đạt'],
      ]);
    },
    T,
  );

  it(
    'plan_tasks: the plan table as written, section titles skipped, the year from the timing, statuses as keys',
    async () => {
      const o = await importFile(
        db,
        csv('nhiem_vu.csv', [
          'STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện,Tình trạng,Ngày hoàn thành',
          'I,CÔNG TÁC CHỈ ĐẠO,,,,,',
          '1,Ban hành kế hoạch CCHC năm 2026,Văn phòng HĐND và UBND xã,,Quý I/2026,Đã hoàn thành,20/01/2026',
          '2,Tuyên truyền dịch vụ công trực tuyến,Trung tâm Phục vụ hành chính công xã,"Văn phòng HĐND và UBND xã; Đoàn Thanh niên",Thường xuyên năm 2026,Đang thực hiện,',
          '3,Rà soát TTHC,Phòng Kinh tế,,Trước ngày 30/6/2026,,',
        ]),
      );
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.coverage).toBe('2026');
      expect(
        await db.query(`SELECT task_id, year, code, lead, timing, status, done_date FROM plan_tasks WHERE dataset_id = ? ORDER BY task_id`, [o.datasetId]),
      ).toEqual([
        { task_id: 3, year: 2026, code: '1', lead: 'Văn phòng HĐND và UBND xã', timing: 'Quý I/2026', status: 'done', done_date: '2026-01-20' },
        { task_id: 4, year: 2026, code: '2', lead: 'Trung tâm Phục vụ hành chính công xã', timing: 'Thường xuyên năm 2026', status: 'doing', done_date: null },
        { task_id: 5, year: 2026, code: '3', lead: 'Phòng Kinh tế', timing: 'Trước ngày 30/6/2026', status: null, done_date: null },
      ]);
    },
    T,
  );

  it(
    'plan_tasks: a timing without a year, a timing it cannot read and a status it does not know are named; nothing lands',
    async () => {
      const before = await count(db, 'plan_tasks');
      const plan = await analyseFile(
        db,
        csv('sai_nhiem_vu.csv', [
          'Nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện,Tình trạng',
          'A,Văn phòng,Quý II,',
          'B,Văn phòng,khi có thể 2026,',
          'C,Văn phòng,Quý II/2026,Tạm hoãn',
        ]),
      );
      expect(plan.problems.map((p) => [p.expected.key, p.row, p.column, p.value])).toEqual([
        ['ingest.problem.timingYear', 2, 'Thời gian thực hiện', 'Quý II'],
        ['ingest.problem.timing', 3, 'Thời gian thực hiện', 'khi có thể 2026'],
        ['ingest.problem.taskStatus', 4, 'Tình trạng', 'Tạm hoãn'],
      ]);
      expect(await count(db, 'plan_tasks')).toBe(before);
    },
    T,
  );
});
