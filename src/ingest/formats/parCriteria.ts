// par_criteria: the PAR criteria tree of a year. Codes carry the tree: '3' lĩnh vực, '3.2' tiêu chí, '3.2.1' thành phần.
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

const columns: ColumnSpec[] = [
  { key: 'year', vi: 'Năm', aliases: ['year', 'nam'], type: 'year', required: true, cellRequired: true },
  {
    key: 'code',
    vi: 'Mã tiêu chí',
    aliases: ['mã', 'stt', 'code', 'criterion code', 'số thứ tự', 'tt'],
    type: 'criterionCode',
    required: true,
    cellRequired: true,
    note: { vi: '1 (lĩnh vực), 1.2 (tiêu chí), 1.2.3 (tiêu chí thành phần)', en: '1 (area), 1.2 (criterion), 1.2.3 (sub-criterion)' },
  },
  {
    key: 'name',
    vi: 'Tiêu chí',
    aliases: ['tên tiêu chí', 'nội dung', 'name', 'criterion', 'lĩnh vực, tiêu chí, tiêu chí thành phần'],
    type: 'text',
    required: true,
    cellRequired: true,
  },
  {
    key: 'max_points',
    vi: 'Điểm tối đa',
    aliases: ['điểm chuẩn', 'max', 'max points', 'thang điểm', 'tối đa'],
    type: 'number',
    required: true,
    cellRequired: true,
    min: 0,
  },
];

/** Parent code in SQL: '3.2.1' → '3.2'; a top-level code has none. */
const parentCodeSql = (x: string) => `CASE WHEN contains(${x}, '.') THEN regexp_replace(${x}, '\\.[0-9]+$', '') END`;

export const parCriteria: TabularFormat = {
  kind: 'par_criteria',
  table: 'par_criteria',
  columns,
  example: ['2025', '3.2.1', 'Công khai đầy đủ, kịp thời thủ tục hành chính', '1'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [
    duplicateRowsCheck(typ, ['year', 'code'], 'code'),
    {
      // A warning, not an error: some provinces give a lĩnh vực points of its own beyond its tiêu chí.
      severity: 'warning',
      key: 'ingest.problem.childrenSum',
      column: 'max_points',
      params: ['code', 'sum'],
      sql: `SELECT p.__row AS row, p.raw_max_points AS value, p.code AS a, CAST(round(c.total, 4) AS VARCHAR) AS b
            FROM ${typ} p JOIN (SELECT year, ${parentCodeSql('code')} AS parent, sum(max_points) AS total FROM ${typ}
                                 WHERE code IS NOT NULL GROUP BY ALL) c ON c.year = p.year AND c.parent = p.code
            WHERE abs(c.total - p.max_points) > 1e-9`,
    },
  ],
  loadedDuplicates: (typ) => `SELECT DISTINCT c.dataset_id, 'PAR ' || c.year AS what FROM par_criteria c WHERE c.year IN (SELECT year FROM ${typ})`,
  // A year's tree is replaced whole: mixing two versions of a tree would make maxima meaningless.
  deleteDuplicates: (typ) => [`DELETE FROM par_criteria WHERE year IN (SELECT year FROM ${typ})`],
  insert: (typ, id) => `INSERT INTO par_criteria SELECT '${id}', year, code, name, max_points FROM ${typ}`,
  coverage: (typ) => `SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END AS label FROM ${typ}`,
};
