// plan_targets: the commune plan's targets (Chỉ tiêu) — year, code, the text as the plan writes it, what measures it
// (a figure the app computes, or an entered indicator's code), the comparison as written ("trên" is strictly above),
// the threshold, how often it is tracked, and the plan's number and date. Words are read by src/domain/plan.ts.
import { measureKey, parseComparison, parseMeasure, parsePlanLevel, parseThreshold, SIPAS_TARGET_CODE } from '../../domain/plan';
import { parseDay } from '../../domain/planTasks';
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';
import { rewriteFrom, unreadCheck } from './planRows';

const columns: ColumnSpec[] = [
  { key: 'year', vi: 'Năm', aliases: ['year', 'năm kế hoạch'], type: 'year', required: true, cellRequired: true },
  {
    key: 'code',
    vi: 'Mã chỉ tiêu',
    aliases: ['mã', 'stt', 'số thứ tự', 'target code', 'code'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Không trùng trong một năm, ví dụ CT1', en: 'Unique within a year, e.g. CT1' },
  },
  {
    key: 'text',
    vi: 'Chỉ tiêu',
    aliases: ['nội dung chỉ tiêu', 'chỉ tiêu kế hoạch', 'nội dung', 'target'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Như kế hoạch viết', en: 'As the plan writes it' },
  },
  {
    key: 'measure',
    vi: 'Đo bằng',
    aliases: ['thước đo', 'chỉ số đo', 'đo lường', 'measure', 'mã chỉ báo'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: {
      vi: 'SIPAS, PAR, PAR_BAND (xếp loại), PAPI, PCI, DTI, PAPI_RANK, PCI_RANK, DTI_RANK; hoặc mã chỉ báo nhập (x trên N mỗi kỳ)',
      en: 'SIPAS, PAR, PAR_BAND (band), PAPI, PCI, DTI, PAPI_RANK, PCI_RANK, DTI_RANK; or an entered indicator’s code (x of N per period)',
    },
  },
  {
    key: 'unit_code',
    vi: 'Mã đơn vị',
    aliases: ['đơn vị', 'điểm phục vụ', 'unit', 'unit code'],
    type: 'text',
    required: false,
    note: { vi: 'Để trống = toàn xã (PAPI, PCI, DTI: tỉnh)', en: 'Blank = the whole commune (PAPI, PCI, DTI: the province)' },
  },
  {
    key: 'comparison',
    vi: 'So sánh',
    aliases: ['phép so sánh', 'điều kiện', 'comparison'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'trên (>), từ … trở lên (≥), không quá (≤), bằng (=)', en: 'trên (>), từ … trở lên (≥), không quá (≤), bằng (=)' },
  },
  {
    key: 'threshold',
    vi: 'Ngưỡng',
    aliases: ['mức', 'mục tiêu', 'giá trị mục tiêu', 'chỉ tiêu đặt ra', 'threshold'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: {
      vi: 'Số (90 hoặc 92,5; DTI 0–1; xếp hạng: số nguyên), hoặc xếp loại: Xuất sắc, Tốt, Khá…',
      en: 'Number (90 or 92.5; DTI 0–1; rank: whole number), or a band: Xuất sắc, Tốt, Khá…',
    },
  },
  {
    key: 'period_level',
    vi: 'Kỳ theo dõi',
    aliases: ['kỳ đánh giá', 'tần suất', 'kỳ báo cáo', 'period'],
    type: 'text',
    required: false,
    note: { vi: 'Quý, 6 tháng hoặc Năm; để trống = Năm', en: 'Quý (quarter), 6 tháng (half-year) or Năm (year); blank = year' },
  },
  { key: 'plan_no', vi: 'Số kế hoạch', aliases: ['số văn bản', 'số hiệu', 'kế hoạch số', 'plan no'], type: 'text', required: false },
  {
    key: 'plan_date',
    vi: 'Ngày kế hoạch',
    aliases: ['ngày ban hành', 'ngày văn bản', 'plan date'],
    type: 'text',
    required: false,
    note: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  },
];

export const planTargets: TabularFormat = {
  kind: 'plan_targets',
  table: 'plan_targets',
  columns,
  example: [
    '2026',
    'CT2',
    '100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình',
    'DVC_TOAN_TRINH',
    '',
    'đạt',
    '100',
    'Quý',
    '12/KH-UBND',
    '15/01/2026',
  ],
  headerSchema: headerSchemaOf(columns),
  extraChecks: async (ctx, typ) => {
    // As the app stores them: the measure's key, the comparison's symbol, the level's key, ISO dates.
    await rewriteFrom(ctx.db, typ, 'measure', ['raw_measure'], (raw) => {
      const m = parseMeasure(raw!);
      return m && measureKey(m);
    });
    await rewriteFrom(ctx.db, typ, 'comparison', ['raw_comparison'], (raw) => parseComparison(raw!));
    await rewriteFrom(ctx.db, typ, 'threshold', ['raw_threshold', 'measure'], (raw, measure) => {
      const m = measure === null ? null : parseMeasure(measure);
      // Without a measure the row is reported for that; the threshold is not judged against nothing.
      return !m || parseThreshold(m, raw!) ? raw!.normalize('NFC').trim() : null;
    });
    await rewriteFrom(ctx.db, typ, 'period_level', ['raw_period_level'], (raw) => parsePlanLevel(raw!));
    await rewriteFrom(ctx.db, typ, 'plan_date', ['raw_plan_date'], (raw) => parseDay(raw!));
    return [
      duplicateRowsCheck(typ, ['year', 'code'], 'code'),
      unreadCheck(typ, 'comparison', 'ingest.problem.comparison'),
      unreadCheck(typ, 'threshold', 'ingest.problem.threshold', ['measure'], 'measure'),
      unreadCheck(typ, 'period_level', 'ingest.problem.planLevel'),
      unreadCheck(typ, 'plan_date', 'ingest.problem.date'),
      {
        // The commune's SIPAS target is one row the app keeps (src/domain/plan.ts sipasTargetRow): one definition.
        severity: 'warning',
        key: 'ingest.problem.sipasTargetRow',
        column: 'measure',
        sql: `SELECT __row AS row, raw_measure AS value, NULL::VARCHAR AS a, NULL::VARCHAR AS b FROM ${typ}
              WHERE measure = '${SIPAS_TARGET_CODE}' AND unit_code IS NULL`,
      },
    ];
  },
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT p.dataset_id, p.year || ' · ' || p.code AS what FROM plan_targets p JOIN ${typ} t ON t.year = p.year AND t.code = p.code`,
  deleteDuplicates: (typ) => [`DELETE FROM plan_targets WHERE (year, code) IN (SELECT year, code FROM ${typ})`],
  insert: (typ, id) =>
    `INSERT INTO plan_targets SELECT '${id}', year, code, text, measure, unit_code, comparison, threshold, coalesce(period_level, 'year'),
       plan_no, plan_date, NULL FROM ${typ} WHERE NOT (measure = '${SIPAS_TARGET_CODE}' AND unit_code IS NULL)`,
  coverage: (typ) => `SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END AS label FROM ${typ}`,
};
