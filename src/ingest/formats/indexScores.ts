// index_scores, long: one row per index, year, unit and component (empty component = the overall score).
import { INDEX_CODES, INDICES } from '../../domain/indices';
import { lit } from '../sql';
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

/** The registry's ceilings as the template's note writes them: "PAR, SIPAS, PCI ≤ 100; PAPI ≤ 80; DTI ≤ 1". */
function ceilings(): string {
  const values = [...new Set(INDEX_CODES.map((c) => INDICES[c].ceiling))].sort((a, b) => b - a);
  return values.map((v) => `${INDEX_CODES.filter((c) => INDICES[c].ceiling === v).join(', ')} ≤ ${v}`).join('; ');
}

const columns: ColumnSpec[] = [
  {
    key: 'index',
    vi: 'Chỉ số',
    aliases: ['index code', 'index_code', 'bộ chỉ số', 'tên chỉ số'],
    type: 'indexCode',
    required: true,
    cellRequired: true,
    note: { vi: 'PAR, SIPAS, PAPI, PCI hoặc DTI', en: 'PAR, SIPAS, PAPI, PCI or DTI' },
  },
  { key: 'year', vi: 'Năm', aliases: ['year', 'nam'], type: 'year', required: true, cellRequired: true },
  { key: 'unit_code', vi: 'Mã đơn vị', aliases: ['mã tỉnh', 'mã', 'code', 'unit code', 'province code'], type: 'text', required: true, cellRequired: true },
  { key: 'unit_name', vi: 'Tên đơn vị', aliases: ['tên tỉnh', 'đơn vị', 'tỉnh', 'unit', 'unit name', 'province', 'tên'], type: 'text', required: false },
  {
    key: 'component',
    vi: 'Thành phần',
    aliases: ['chỉ số thành phần', 'lĩnh vực', 'nội dung', 'trụ cột', 'component'],
    type: 'text',
    required: false,
    note: { vi: 'Để trống = điểm tổng', en: 'Blank = the overall score' },
  },
  {
    key: 'score',
    vi: 'Điểm',
    aliases: ['điểm số', 'giá trị', 'value', 'score', 'kết quả'],
    type: 'number',
    required: true,
    min: 0,
    note: { vi: `Số ≥ 0; ${ceilings()}; không lớn hơn Điểm tối đa`, en: `Number ≥ 0; ${ceilings()}; not above max score` },
  },
  { key: 'max_score', vi: 'Điểm tối đa', aliases: ['max', 'max score', 'thang điểm', 'tối đa'], type: 'number', required: false, min: 0 },
  { key: 'rank', vi: 'Xếp hạng', aliases: ['hạng', 'thứ hạng', 'rank', 'vị trí'], type: 'integer', required: false, min: 1 },
  { key: 'rank_of', vi: 'Trên tổng số', aliases: ['tổng số', 'rank of', 'out of', 'số đơn vị'], type: 'integer', required: false, min: 1 },
  { key: 'source', vi: 'Nguồn', aliases: ['source', 'nguồn số liệu'], type: 'text', required: false },
];

/** The largest score each index can have when the file gives no max score: the registry's ceiling. */
const CEILING_SQL = `CASE "index" ${INDEX_CODES.map((c) => `WHEN ${lit(c)} THEN ${INDICES[c].ceiling}`).join(' ')} END`;

export const indexScores: TabularFormat = {
  kind: 'index_scores',
  table: 'index_scores',
  columns,
  example: ['PCI', '2024', 'P31', 'Thừa Thiên Huế', '', '68.5', '100', '12', '63', 'VCCI'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [
    duplicateRowsCheck(typ, ['index', 'year', 'unit_code', 'component'], 'unit_code'),
    {
      severity: 'error',
      key: 'ingest.problem.aboveMaxScore',
      column: 'score',
      params: ['max'],
      sql: `SELECT __row AS row, raw_score AS value, CAST(coalesce(max_score, ${CEILING_SQL}) AS VARCHAR) AS a, NULL::VARCHAR AS b
            FROM ${typ} WHERE score > coalesce(max_score, ${CEILING_SQL})`,
    },
    {
      severity: 'error',
      key: 'ingest.problem.rankAboveOf',
      column: 'rank',
      params: ['of'],
      sql: `SELECT __row AS row, raw_rank AS value, CAST(rank_of AS VARCHAR) AS a, NULL::VARCHAR AS b FROM ${typ} WHERE rank > rank_of`,
    },
  ],
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT s.dataset_id, s.index_code || ' ' || s.year AS what FROM index_scores s
     JOIN (SELECT DISTINCT "index", year, unit_code FROM ${typ}) t ON t."index" = s.index_code AND t.year = s.year AND t.unit_code = s.unit_code`,
  deleteDuplicates: (typ) => [
    `DELETE FROM index_scores s USING (SELECT DISTINCT "index", year, unit_code FROM ${typ}) t
     WHERE t."index" = s.index_code AND t.year = s.year AND t.unit_code = s.unit_code`,
  ],
  insert: (typ, id) =>
    `INSERT INTO index_scores SELECT '${id}', "index", year, unit_code, unit_name, coalesce(component, ''), score, max_score, rank, rank_of, source FROM ${typ}`,
  coverage: (typ) => `SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END AS label FROM ${typ}`,
};
