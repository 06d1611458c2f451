// par_scores: each unit's self-assessed and appraised points per criterion. Needs that year's criteria tree
// (loaded before, or staged in the same batch) to check codes and maxima: those checks are batchChecks.
import { headerSchemaOf, type ColumnSpec, type StageCtx } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';
import { fictionalAsideIdsSql } from '../demoAside';

const scoreNote = {
  vi: 'Số từ 0 đến điểm tối đa của tiêu chí; «không áp dụng» nếu tiêu chí không áp dụng; để trống nếu chưa chấm',
  en: 'Number from 0 to the criterion’s max points; “không áp dụng” (N/A) if it does not apply; blank = not scored yet',
};

const columns: ColumnSpec[] = [
  { key: 'year', vi: 'Năm', aliases: ['year', 'nam'], type: 'year', required: true, cellRequired: true },
  { key: 'unit_code', vi: 'Mã đơn vị', aliases: ['mã đv', 'unit code', 'code đơn vị'], type: 'text', required: true, cellRequired: true },
  { key: 'unit_name', vi: 'Tên đơn vị', aliases: ['đơn vị', 'unit', 'unit name'], type: 'text', required: false },
  {
    key: 'criterion_code',
    vi: 'Mã tiêu chí',
    aliases: ['tiêu chí mã', 'criterion', 'criterion code', 'mã tc'],
    type: 'criterionCode',
    required: true,
    cellRequired: true,
  },
  {
    key: 'self_score',
    vi: 'Điểm tự đánh giá',
    aliases: ['tự đánh giá', 'tự chấm', 'điểm tự chấm', 'self score', 'self assessment'],
    type: 'parScore',
    required: true,
    note: scoreNote,
  },
  {
    key: 'appraised_score',
    vi: 'Điểm thẩm định',
    aliases: ['thẩm định', 'điểm thẩm định', 'appraised', 'appraised score'],
    type: 'parScore',
    required: false,
    note: scoreNote,
  },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng', aliases: ['kiểm chứng', 'evidence', 'tài liệu'], type: 'text', required: false },
  { key: 'note', vi: 'Ghi chú', aliases: ['note', 'notes', 'ghi chú'], type: 'text', required: false },
];

/**
 * The criteria every score is checked against: what will be loaded once the batch has landed. Loaded criteria, less the
 * fictional demo criteria that step aside for the user's scores, less the years a par_criteria file of the batch
 * replaces (a year's tree is replaced whole), plus that file's rows.
 */
function criteriaSourceSql(ctx: StageCtx): string {
  const batch = ctx.pending.filter((p) => p.kind === 'par_criteria' && p.typed);
  const where = batch.map((p) => `year NOT IN (SELECT year FROM ${p.typed} WHERE year IS NOT NULL)`);
  if (ctx.own) where.push(`dataset_id NOT IN (${fictionalAsideIdsSql(['par_scores', ...ctx.pending.map((p) => p.kind)])})`);
  const parts = [`SELECT year, code, max_points FROM par_criteria${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`];
  for (const p of batch) parts.push(`SELECT year, code, max_points FROM ${p.typed} WHERE year IS NOT NULL AND code IS NOT NULL`);
  return `(${parts.join(' UNION ALL ')})`;
}

export const parScores: TabularFormat = {
  kind: 'par_scores',
  table: 'par_scores',
  columns,
  example: ['2025', 'X001-VP', 'Văn phòng HĐND và UBND xã', '3.2.1', '1', '0.75', 'Quyết định số 12/QĐ-UBND ngày 15/3/2025', ''],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [duplicateRowsCheck(typ, ['year', 'unit_code', 'criterion_code'], 'criterion_code', 'ingest.problem.scoredTwice')],
  batchChecks: (ctx, typ) => {
    const crit = criteriaSourceSql(ctx);
    const above = (k: 'self_score' | 'appraised_score') => ({
      severity: 'error' as const,
      key: 'ingest.problem.aboveMax',
      column: k,
      params: ['max', 'code'] as [string, string],
      sql: `SELECT t.__row AS row, t.raw_${k} AS value, CAST(c.max_points AS VARCHAR) AS a, t.criterion_code AS b
            FROM ${typ} t JOIN ${crit} c ON c.year = t.year AND c.code = t.criterion_code WHERE t.${k} > c.max_points + 1e-9`,
    });
    return [
      {
        severity: 'error',
        key: 'ingest.problem.noCriteria',
        column: 'year',
        params: ['year'],
        sql: `SELECT min(__row) AS row, any_value(raw_year) AS value, CAST(year AS VARCHAR) AS a, NULL::VARCHAR AS b FROM ${typ}
              WHERE year IS NOT NULL AND year NOT IN (SELECT year FROM ${crit}) GROUP BY year`,
      },
      {
        severity: 'error',
        key: 'ingest.problem.unknownCriterion',
        column: 'criterion_code',
        params: ['year'],
        sql: `SELECT __row AS row, raw_criterion_code AS value, CAST(year AS VARCHAR) AS a, NULL::VARCHAR AS b FROM ${typ} t
              WHERE criterion_code IS NOT NULL AND year IN (SELECT year FROM ${crit})
                AND NOT EXISTS (SELECT 1 FROM ${crit} c WHERE c.year = t.year AND c.code = t.criterion_code)`,
      },
      above('self_score'),
      above('appraised_score'),
    ];
  },
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT s.dataset_id, s.year || ' · ' || s.unit_code AS what FROM par_scores s
     JOIN (SELECT DISTINCT year, unit_code FROM ${typ}) t ON t.year = s.year AND t.unit_code = s.unit_code`,
  deleteDuplicates: (typ) => [
    `DELETE FROM par_scores s USING (SELECT DISTINCT year, unit_code FROM ${typ}) t WHERE t.year = s.year AND t.unit_code = s.unit_code`,
  ],
  insert: (typ, id) =>
    `INSERT INTO par_scores SELECT '${id}', year, unit_code, unit_name, criterion_code,
       NOT (na_self_score OR na_appraised_score), self_score, appraised_score, evidence, note, NULL FROM ${typ}`,
  coverage: (typ) => `SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END AS label FROM ${typ}`,
};
