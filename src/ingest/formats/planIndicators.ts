// plan_indicators: entered indicators of the plan — what the app does not compute, a count x of N per period and
// unit (TTHC offered fully online of all TTHC, dossiers handled electronically of all dossiers). A target measures
// one by its code (plan_targets.measure).
import { parsePeriod, periodLabel } from '../../domain/periods';
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';
import { rewriteFrom, unreadCheck } from './planRows';

const columns: ColumnSpec[] = [
  {
    key: 'indicator',
    vi: 'Mã chỉ báo',
    aliases: ['chỉ báo', 'mã chỉ tiêu', 'indicator', 'indicator code'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Mã mà chỉ tiêu ghi ở cột Đo bằng, ví dụ DVC_TOAN_TRINH', en: 'The code a target names in its Đo bằng column, e.g. DVC_TOAN_TRINH' },
  },
  { key: 'name', vi: 'Tên chỉ báo', aliases: ['nội dung', 'tên', 'name'], type: 'text', required: false },
  {
    key: 'period',
    vi: 'Kỳ',
    aliases: ['kỳ báo cáo', 'quý', 'thời gian', 'period'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: '2026-Q1, Quý 1/2026, 2026-H1 hoặc 2026', en: '2026-Q1, Quý 1/2026, 2026-H1 or 2026' },
  },
  {
    key: 'unit_code',
    vi: 'Mã đơn vị',
    aliases: ['đơn vị', 'unit', 'unit code'],
    type: 'text',
    required: false,
    note: { vi: 'Để trống = toàn xã', en: 'Blank = the whole commune' },
  },
  {
    key: 'x',
    vi: 'Số đạt',
    aliases: ['tử số', 'số lượng đạt', 'kết quả', 'đạt', 'x'],
    type: 'integer',
    required: true,
    cellRequired: true,
    min: 0,
    note: { vi: 'Số nguyên ≥ 0, không lớn hơn Tổng số', en: 'Whole number ≥ 0, not above Tổng số' },
  },
  { key: 'n', vi: 'Tổng số', aliases: ['mẫu số', 'tổng', 'n'], type: 'integer', required: true, cellRequired: true, min: 0 },
  { key: 'note', vi: 'Ghi chú', aliases: ['nguồn', 'note', 'source'], type: 'text', required: false },
];

export const planIndicators: TabularFormat = {
  kind: 'plan_indicators',
  table: 'plan_indicators',
  columns,
  example: ['DVC_TOAN_TRINH', 'TTHC được cung cấp dịch vụ công trực tuyến toàn trình', '2026-Q1', '', '118', '124', 'Cổng dịch vụ công tỉnh'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: async (ctx, typ) => {
    // Periods as the app keys them (2026-Q1), so a file's "Quý 1/2026" and another's "2026-Q1" are the same period.
    await rewriteFrom(ctx.db, typ, 'period', ['raw_period'], (raw) => {
      const p = parsePeriod(raw!);
      return p && periodLabel(p);
    });
    return [
      unreadCheck(typ, 'period', 'ingest.problem.period'),
      duplicateRowsCheck(typ, ['indicator', 'period', 'unit_code'], 'indicator'),
      {
        severity: 'error',
        key: 'ingest.problem.xAboveN',
        column: 'x',
        params: ['of'],
        sql: `SELECT __row AS row, raw_x AS value, CAST(n AS VARCHAR) AS a, NULL::VARCHAR AS b FROM ${typ} WHERE x > n`,
      },
    ];
  },
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT p.dataset_id, p.indicator || ' · ' || p.period AS what FROM plan_indicators p JOIN ${typ} t
     ON t.indicator = p.indicator AND t.period = p.period AND t.unit_code IS NOT DISTINCT FROM p.unit_code`,
  deleteDuplicates: (typ) => [
    `DELETE FROM plan_indicators p USING ${typ} t WHERE t.indicator = p.indicator AND t.period = p.period AND t.unit_code IS NOT DISTINCT FROM p.unit_code`,
  ],
  insert: (typ, id) => `INSERT INTO plan_indicators SELECT '${id}', indicator, name, period, unit_code, x, n, note, NULL FROM ${typ}`,
  coverage: (typ) => `SELECT CASE WHEN min(period) = max(period) THEN min(period) ELSE min(period) || '–' || max(period) END AS label FROM ${typ}`,
};
