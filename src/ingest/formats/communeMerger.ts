// commune_merger: a commune crosswalk of the 2025 merger (province of 34, new commune, its former communes), as
// data/ref/communes_2025.json has it. Loaded, it replaces the shipped (unofficial) crosswalk for the provinces it
// covers — e.g. the province's official list. Read from CSV/XLSX, or from a JSON file shaped like communes_2025.json.
import type { Db } from '../../db/types';
import { provinceKey } from '../../domain/vnNames';
import { run, sql } from '../../sql/sql';
import { headerSchemaOf, type ColumnSpec } from './spec';
import { duplicateRowsCheck, type TabularFormat } from './tabular';

const columns: ColumnSpec[] = [
  {
    key: 'province',
    vi: 'Tỉnh',
    aliases: ['tỉnh, thành phố', 'tỉnh thành', 'tỉnh mới', 'tỉnh thành phố', 'province'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Một trong 34 tỉnh, thành phố từ 1/7/2025, ví dụ Huế', en: 'One of the 34 provinces from 1/7/2025, e.g. Huế' },
  },
  {
    key: 'new_commune',
    vi: 'Xã mới',
    aliases: ['xã, phường mới', 'xã phường mới', 'đơn vị mới', 'tên xã mới', 'xã sau sáp nhập', 'new commune'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: 'Tên xã, phường từ 1/7/2025 (có hoặc không có chữ Xã/Phường)', en: 'Name of the commune from 1/7/2025 (with or without Xã/Phường)' },
  },
  {
    key: 'former_communes',
    vi: 'Xã cũ',
    aliases: ['các xã cũ', 'xã, phường cũ', 'đơn vị cũ', 'sáp nhập từ', 'trước sáp nhập', 'former communes'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: {
      vi: 'Các xã, phường, thị trấn cũ, cách nhau bởi dấu phẩy; huyện cũ trong ngoặc nếu trùng tên; hoặc «Không sáp nhập»',
      en: 'The former communes, comma-separated; the former district in brackets where names repeat; or “Không sáp nhập”',
    },
  },
];

/**
 * Each province written as the app names it (its key, vnNames.provinceKey, found among the 34 of ref_provinces):
 * "TP HCM", "Tỉnh Khánh Hoà" → "Hồ Chí Minh", "Khánh Hòa". Done on the typed rows before they are checked, so the
 * checks, the duplicates and the insert all see the province the rows will land under; a name that is none of the 34
 * stays as written (and is reported).
 */
async function nameProvinces(db: Db, typ: string): Promise<void> {
  const t = sql.ident(typ);
  const known = new Map((await run<{ n: string }>(db, sql`SELECT DISTINCT new_unit AS n FROM ref_provinces`)).map((r) => [provinceKey(r.n), r.n]));
  const written = await run<{ p: string }>(db, sql`SELECT DISTINCT province AS p FROM ${t} WHERE province IS NOT NULL`);
  const renames = written.flatMap(({ p }) => {
    const n = known.get(provinceKey(p));
    return n !== undefined && n !== p ? [sql`WHEN province = ${p} THEN ${n}`] : [];
  });
  if (renames.length) await run(db, sql`UPDATE ${t} SET province = CASE ${sql.join(renames, ' ')} ELSE province END`);
}

export const communeMerger: TabularFormat = {
  kind: 'commune_merger',
  table: 'commune_merger',
  columns,
  example: ['Huế', 'Phú Xuân', 'Phường Gia Hội, Phường Phú Hậu, Phường Tây Lộc, Phường Thuận Lộc, Phường Thuận Hòa, Phường Đông Ba'],
  headerSchema: headerSchemaOf(columns),
  extraChecks: async (ctx, typ) => {
    await nameProvinces(ctx.db, typ);
    return [
      duplicateRowsCheck(typ, ['province', 'new_commune'], 'new_commune'),
      {
        severity: 'error',
        key: 'ingest.problem.province34',
        column: 'province',
        sql: `SELECT __row AS row, raw_province AS value, NULL::VARCHAR a, NULL::VARCHAR b FROM ${typ}
              WHERE province IS NOT NULL AND province NOT IN (SELECT new_unit FROM ref_provinces)`,
      },
    ];
  },
  loadedDuplicates: (typ) =>
    `SELECT DISTINCT c.dataset_id, c.province || ' · ' || c.new_commune AS what FROM commune_merger c JOIN ${typ} t
     ON c.province = t.province AND c.new_commune = t.new_commune`,
  deleteDuplicates: (typ) => [`DELETE FROM commune_merger WHERE (province, new_commune) IN (SELECT province, new_commune FROM ${typ})`],
  insert: (typ, id) => `INSERT INTO commune_merger SELECT '${id}', province, new_commune, former_communes FROM ${typ}`,
  coverage: (typ) =>
    `SELECT CASE WHEN count(DISTINCT province) <= 3 THEN string_agg(DISTINCT province, ', ' ORDER BY province)
            ELSE count(DISTINCT province) || ' tỉnh, thành phố' END AS label FROM ${typ}`,
};
