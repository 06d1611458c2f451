// units: the commune's units and service points (codes, names, type, parent).
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

const columns: ColumnSpec[] = [
  {
    key: 'unit_code',
    vi: 'Mã đơn vị',
    aliases: ['mã', 'code', 'unit code', 'mã đv', 'ma dv'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Mã duy nhất của đơn vị', en: 'Unique code of the unit' },
  },
  { key: 'unit_name', vi: 'Tên đơn vị', aliases: ['tên', 'name', 'đơn vị', 'unit'], type: 'text', required: true, cellRequired: true },
  {
    key: 'type',
    vi: 'Loại',
    aliases: ['loại đơn vị', 'unit type', 'kind'],
    type: 'text',
    required: false,
    note: { vi: 'Xã, Cơ quan chuyên môn, Đơn vị sự nghiệp, Điểm phục vụ…', en: 'Commune, department, public service unit, service point…' },
  },
  { key: 'parent_code', vi: 'Mã đơn vị cấp trên', aliases: ['mã cấp trên', 'parent', 'parent code', 'cấp trên'], type: 'text', required: false },
];

export const units: TabularFormat = {
  kind: 'units',
  table: 'units',
  columns,
  example: ['X001-VP', 'Văn phòng HĐND và UBND xã', 'Cơ quan chuyên môn', 'X001'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [duplicateRowsCheck(typ, ['unit_code'], 'unit_code')],
  loadedDuplicates: (typ) => `SELECT DISTINCT u.dataset_id, u.unit_code AS what FROM units u JOIN ${typ} t ON t.unit_code = u.unit_code`,
  deleteDuplicates: (typ) => [`DELETE FROM units WHERE unit_code IN (SELECT unit_code FROM ${typ})`],
  insert: (typ, id) => `INSERT INTO units SELECT '${id}', unit_code, unit_name, type, parent_code FROM ${typ}`,
  coverage: () => `SELECT NULL AS label`,
};
