// sipas_items: the questionnaire (item code, element 1–5, text). Optional; when loaded, responses are checked against it.
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

const columns: ColumnSpec[] = [
  {
    key: 'item_code',
    vi: 'Mã câu hỏi',
    aliases: ['mã', 'code', 'item', 'item code', 'câu hỏi', 'mã chỉ tiêu'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Như tên cột trong tệp phiếu, ví dụ TC2.3', en: 'As the column is named in the responses file, e.g. TC2.3' },
  },
  {
    key: 'element',
    vi: 'Yếu tố',
    aliases: ['element', 'yếu tố', 'tiêu chí'],
    type: 'element',
    required: false,
    min: 1,
    max: 5,
    note: { vi: '1–5; để trống thì lấy từ mã (TC2.3 → 2)', en: '1–5; blank = taken from the code (TC2.3 → 2)' },
  },
  { key: 'text', vi: 'Nội dung', aliases: ['nội dung câu hỏi', 'câu hỏi nội dung', 'question', 'text', 'mô tả'], type: 'text', required: false },
];

/** Element from an item code: "TC2.3" → 2 (SQL). */
const elementFromCodeSql = (x: string) => `TRY_CAST(regexp_extract(${x}, '([1-5])\\.[0-9]+$', 1) AS TINYINT)`;

export const sipasItems: TabularFormat = {
  kind: 'sipas_items',
  table: 'sipas_items',
  columns,
  example: ['TC2.3', '2', 'Thành phần hồ sơ mà người dân phải nộp là đúng quy định'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [
    duplicateRowsCheck(typ, ['item_code'], 'item_code'),
    {
      severity: 'error',
      key: 'ingest.problem.itemElement',
      column: 'item_code',
      sql: `SELECT __row AS row, raw_item_code AS value, NULL::VARCHAR a, NULL::VARCHAR b FROM ${typ}
            WHERE item_code IS NOT NULL AND element IS NULL AND ${elementFromCodeSql('item_code')} IS NULL`,
    },
  ],
  loadedDuplicates: (typ) => `SELECT DISTINCT i.dataset_id, i.item_code AS what FROM sipas_items i JOIN ${typ} t ON t.item_code = i.item_code`,
  deleteDuplicates: (typ) => [`DELETE FROM sipas_items WHERE item_code IN (SELECT item_code FROM ${typ})`],
  insert: (typ, id) => `INSERT INTO sipas_items SELECT '${id}', item_code, coalesce(element, ${elementFromCodeSql('item_code')}), text FROM ${typ}`,
  coverage: () => `SELECT NULL AS label`,
};
