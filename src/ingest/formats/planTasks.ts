// plan_tasks: the plan's tasks (Nhiệm vụ) as its table lists them — task, lead unit (Đơn vị chủ trì), supporting
// units (Đơn vị phối hợp), timing as written ("Thường xuyên", "Quý II/2026", "Trước ngày 30/6/2026"), status,
// result or evidence, note. Timing and status words are read by src/domain/planTasks.ts.
import { parseDay, parseTaskStatus, parseTiming, timingYear } from '../../domain/planTasks';
import { headerSchemaOf, type ColumnSpec } from './spec';
import type { TabularFormat } from './tabular';
import { rewriteFrom, unreadCheck } from './planRows';

const columns: ColumnSpec[] = [
  { key: 'code', vi: 'STT', aliases: ['số thứ tự', 'tt', 'mã nhiệm vụ', 'no'], type: 'text', required: false },
  {
    key: 'year',
    vi: 'Năm',
    aliases: ['year', 'năm kế hoạch'],
    type: 'year',
    required: false,
    note: { vi: 'Năm của kế hoạch; có thể bỏ trống nếu thời gian thực hiện ghi năm', en: 'The plan’s year; may be blank when the timing names one' },
  },
  {
    key: 'task',
    vi: 'Nhiệm vụ',
    aliases: ['nội dung nhiệm vụ', 'nội dung', 'nhiệm vụ, giải pháp', 'nội dung công việc', 'công việc', 'task'],
    type: 'text',
    required: true,
    cellRequired: true,
  },
  {
    key: 'lead',
    vi: 'Đơn vị chủ trì',
    aliases: ['chủ trì', 'cơ quan chủ trì', 'đơn vị thực hiện', 'cơ quan thực hiện', 'lead unit', 'lead'],
    type: 'text',
    required: true,
    cellRequired: true,
  },
  {
    key: 'support',
    vi: 'Đơn vị phối hợp',
    aliases: ['phối hợp', 'cơ quan phối hợp', 'supporting units', 'support'],
    type: 'text',
    required: false,
    note: { vi: 'Nhiều đơn vị cách nhau bởi dấu phẩy hoặc chấm phẩy', en: 'Several units separated by commas or semicolons' },
  },
  {
    key: 'timing',
    vi: 'Thời gian thực hiện',
    aliases: ['thời gian', 'thời hạn', 'thời gian hoàn thành', 'hạn hoàn thành', 'timing', 'deadline'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: {
      vi: 'Thường xuyên; Quý II/2026; 6 tháng đầu năm; Tháng 6/2026; Trước ngày 30/6/2026',
      en: 'Thường xuyên (ongoing); Quý II/2026; 6 tháng đầu năm; Tháng 6/2026; Trước ngày 30/6/2026',
    },
  },
  {
    key: 'status',
    vi: 'Tình trạng',
    aliases: ['trạng thái', 'tiến độ', 'kết quả thực hiện', 'status'],
    type: 'text',
    required: false,
    note: { vi: 'Chưa thực hiện, Đang thực hiện hoặc Hoàn thành', en: 'Chưa thực hiện (not started), Đang thực hiện (in progress) or Hoàn thành (done)' },
  },
  {
    key: 'done_date',
    vi: 'Ngày hoàn thành',
    aliases: ['hoàn thành ngày', 'done date'],
    type: 'text',
    required: false,
    note: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  },
  {
    key: 'result',
    vi: 'Kết quả, sản phẩm',
    aliases: ['kết quả', 'sản phẩm', 'sản phẩm, kết quả', 'tài liệu kiểm chứng', 'minh chứng', 'result', 'evidence'],
    type: 'text',
    required: false,
  },
  { key: 'note', vi: 'Ghi chú', aliases: ['note', 'notes'], type: 'text', required: false },
];

export const planTasks: TabularFormat = {
  kind: 'plan_tasks',
  table: 'plan_tasks',
  columns,
  example: [
    '1',
    '2026',
    'Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình',
    'Trung tâm Phục vụ hành chính công xã',
    'Văn phòng HĐND và UBND xã; Đoàn Thanh niên xã',
    'Thường xuyên',
    'Đang thực hiện',
    '',
    '',
    '',
  ],
  headerSchema: headerSchemaOf(columns),
  extraChecks: async (ctx, typ) => {
    // A printed plan's section titles ("I. CÔNG TÁC CHỈ ĐẠO") fill the task column alone: they are not tasks.
    await ctx.db.exec(`DELETE FROM ${typ} WHERE raw_lead IS NULL AND raw_support IS NULL AND raw_timing IS NULL AND raw_status IS NULL
      AND raw_result IS NULL AND raw_done_date IS NULL AND (raw_code IS NULL OR regexp_full_match(upper(raw_code), '[IVXL]+\\.?|[A-Z]\\.?'))`);
    // The year: its column, else the one the timing names ("Quý II/2026").
    await rewriteFrom(ctx.db, typ, 'year', ['raw_timing', 'year', 'raw_year'], (timing, year, written) => {
      if (written !== null) return year; // a year written in its column stands (and is reported if it is none)
      const y = timingYear(timing!);
      return y === null ? null : String(y);
    });
    await rewriteFrom(ctx.db, typ, 'timing', ['raw_timing', 'year'], (raw, year) =>
      year === null || parseTiming(raw!, Number(year)) ? raw!.normalize('NFC').trim() : null,
    );
    await rewriteFrom(ctx.db, typ, 'status', ['raw_status'], (raw) => {
      const s = parseTaskStatus(raw!);
      return s === 'invalid' ? null : s;
    });
    await rewriteFrom(ctx.db, typ, 'done_date', ['raw_done_date'], (raw) => parseDay(raw!));
    return [
      {
        severity: 'error',
        key: 'ingest.problem.timingYear',
        column: 'timing',
        sql: `SELECT __row AS row, raw_timing AS value, NULL::VARCHAR AS a, NULL::VARCHAR AS b FROM ${typ} WHERE raw_timing IS NOT NULL AND year IS NULL`,
      },
      unreadCheck(typ, 'timing', 'ingest.problem.timing'),
      unreadCheck(typ, 'status', 'ingest.problem.taskStatus'),
      unreadCheck(typ, 'done_date', 'ingest.problem.date'),
    ];
  },
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT p.dataset_id, p.year || ' · ' || p.task AS what FROM plan_tasks p JOIN ${typ} t ON t.year = p.year AND lower(t.task) = lower(p.task)`,
  deleteDuplicates: (typ) => [`DELETE FROM plan_tasks WHERE (year, lower(task)) IN (SELECT year, lower(task) FROM ${typ})`],
  insert: (typ, id) =>
    `INSERT INTO plan_tasks SELECT '${id}', __row, year, code, task, lead, support, timing, status, done_date, result, note, NULL, NULL FROM ${typ}`,
  coverage: (typ) => `SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END AS label FROM ${typ}`,
};
