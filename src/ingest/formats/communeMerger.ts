// commune_merger: a commune crosswalk of the 2025 merger (province of 34, new commune, its former communes), as
// data/ref/communes_2025.json has it. Loaded, it replaces the shipped (unofficial) crosswalk for the provinces it
// covers — e.g. the province's official list. Read from CSV/XLSX, or from a JSON file shaped like communes_2025.json.
import { PROVINCE_ALIASES } from '../../domain/communeMerger';
import { lit } from '../sql';
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

const columns: ColumnSpec[] = [
  { key: 'province', vi: 'Tỉnh', aliases: ['tỉnh, thành phố', 'tỉnh thành', 'tỉnh mới', 'tỉnh thành phố', 'province'], type: 'text', required: true, cellRequired: true,
    note: { vi: 'Một trong 34 tỉnh, thành phố từ 1/7/2025, ví dụ Huế', en: 'One of the 34 provinces from 1/7/2025, e.g. Huế' } },
  { key: 'new_commune', vi: 'Xã mới', aliases: ['xã, phường mới', 'xã phường mới', 'đơn vị mới', 'tên xã mới', 'xã sau sáp nhập', 'new commune'], type: 'text', required: true, cellRequired: true,
    note: { vi: 'Tên xã, phường từ 1/7/2025 (có hoặc không có chữ Xã/Phường)', en: 'Name of the commune from 1/7/2025 (with or without Xã/Phường)' } },
  { key: 'former_communes', vi: 'Xã cũ', aliases: ['các xã cũ', 'xã, phường cũ', 'đơn vị cũ', 'sáp nhập từ', 'trước sáp nhập', 'former communes'], type: 'text', required: true, cellRequired: true,
    note: { vi: 'Các xã, phường, thị trấn cũ, cách nhau bởi dấu phẩy; huyện cũ trong ngoặc nếu trùng tên; hoặc «Không sáp nhập»', en: 'The former communes, comma-separated; the former district in brackets where names repeat; or “Không sáp nhập”' } },
];

/** The province as the app names it (the crosswalk writes "TP HCM"). */
const provinceSql = (x: string) => `CASE ${Object.entries(PROVINCE_ALIASES).map(([a, b]) => `WHEN ${x} = ${lit(a)} THEN ${lit(b)}`).join(' ')} ELSE ${x} END`;

export const communeMerger: TabularFormat = {
  kind: 'commune_merger',
  table: 'commune_merger',
  columns,
  example: ['Huế', 'Phú Xuân', 'Phường Gia Hội, Phường Phú Hậu, Phường Tây Lộc, Phường Thuận Lộc, Phường Thuận Hòa, Phường Đông Ba'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: (_ctx, typ) => [
    duplicateRowsCheck(typ, ['province', 'new_commune'], 'new_commune'),
    {
      severity: 'error', key: 'ingest.problem.province34', column: 'province',
      sql: `SELECT __row AS row, raw_province AS value, NULL::VARCHAR a, NULL::VARCHAR b FROM ${typ}
            WHERE province IS NOT NULL AND ${provinceSql('province')} NOT IN (SELECT new_unit FROM ref_provinces)`,
    },
  ],
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT c.dataset_id, c.province || ' · ' || c.new_commune AS what FROM commune_merger c JOIN ${typ} t
     ON c.province = ${provinceSql('t.province')} AND c.new_commune = t.new_commune`,
  deleteDuplicates: (typ) => [
    `DELETE FROM commune_merger WHERE (province, new_commune) IN (SELECT ${provinceSql('province')}, new_commune FROM ${typ})`,
  ],
  insert: (typ, id) =>
    `INSERT INTO commune_merger SELECT '${id}', ${provinceSql('province')}, new_commune, former_communes FROM ${typ}`,
  coverage: (typ) =>
    `SELECT CASE WHEN count(DISTINCT province) <= 3 THEN string_agg(DISTINCT ${provinceSql('province')}, ', ' ORDER BY ${provinceSql('province')})
            ELSE count(DISTINCT province) || ' tỉnh, thành phố' END AS label FROM ${typ}`,
};
