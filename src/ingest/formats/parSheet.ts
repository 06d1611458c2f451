// The usual one-unit PAR sheet: rows of criteria (Mã/STT, Tiêu chí, Điểm tối đa, Điểm tự đánh giá, Điểm thẩm định,
// Tài liệu kiểm chứng) for one unit and one year, named by the sheet or the file. The unit is guessed and confirmed
// by the user; rows then land in par_scores exactly like the long format (same typed shape, checks and insert).
import type { Db } from '../../db/types';
import { foldText } from '../../domain/vnNames';
import { headerSchemaOf, type ColumnSpec, type FormatSpec } from './spec';
import { matchHeaders } from '../headers';
import { yearFromFileName } from './papiWide';

const columns: ColumnSpec[] = [
  { key: 'year', vi: 'Năm', aliases: [], type: 'year', required: false },
  { key: 'unit_code', vi: 'Mã đơn vị', aliases: [], type: 'text', required: false },
  { key: 'unit_name', vi: 'Tên đơn vị', aliases: [], type: 'text', required: false },
  { key: 'criterion_code', vi: 'Mã', aliases: ['stt', 'tt', 'mã tiêu chí', 'số thứ tự', 'mã số'], type: 'criterionCode', required: true },
  {
    key: 'criterion_name',
    vi: 'Tiêu chí',
    aliases: ['nội dung', 'tên tiêu chí', 'lĩnh vực, tiêu chí, tiêu chí thành phần', 'nội dung tiêu chí'],
    type: 'text',
    required: false,
  },
  { key: 'max_points', vi: 'Điểm tối đa', aliases: ['điểm chuẩn', 'thang điểm', 'tối đa'], type: 'number', required: false, min: 0 },
  { key: 'self_score', vi: 'Điểm tự đánh giá', aliases: ['tự đánh giá', 'tự chấm', 'điểm tự chấm'], type: 'parScore', required: true },
  { key: 'appraised_score', vi: 'Điểm thẩm định', aliases: ['thẩm định'], type: 'parScore', required: false },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng', aliases: ['kiểm chứng', 'tài liệu'], type: 'text', required: false },
  { key: 'note', vi: 'Ghi chú', aliases: [], type: 'text', required: false },
];

export const parSheet: FormatSpec = {
  kind: 'par_scores',
  table: 'par_scores',
  columns,
  example: ['3.2.1', 'Công khai đầy đủ, kịp thời thủ tục hành chính', '1', '1', '0.75', 'Quyết định số 12/QĐ-UBND'],
  headerSchema: headerSchemaOf(columns),
};

/** A sheet of criteria with a self-assessment column but no unit or year column. */
export function isParSheet(headers: readonly string[]): boolean {
  const m = matchHeaders(headers, columns);
  const longForm = matchHeaders(headers, [
    { key: 'unit', vi: 'Mã đơn vị', aliases: ['đơn vị', 'tên đơn vị', 'unit code'] },
    { key: 'year', vi: 'Năm', aliases: ['year'] },
  ]);
  return m.byKey.has('criterion_code') && m.byKey.has('self_score') && longForm.byKey.size === 0;
}

/** Year of the sheet: from the sheet name, else the file name. */
export const parSheetYear = (fileName: string, sheet: string | null): number | null => (sheet ? yearFromFileName(sheet) : null) ?? yearFromFileName(fileName);

/**
 * The unit the sheet is about: the loaded unit whose name (or code) appears in the sheet or file name, the longest
 * match first ("Trạm Y tế xã" before "xã"); else the name itself as a guess with no code.
 */
export async function guessUnit(db: Db, fileName: string, sheet: string | null): Promise<{ code: string | null; name: string | null }> {
  const hay = foldText(`${sheet ?? ''} ${fileName.replace(/\.[^.]+$/, '')}`.replace(/[_-]+/g, ' '));
  const units = await db.query<{ unit_code: string; unit_name: string }>(`SELECT DISTINCT unit_code, unit_name FROM units`);
  let best: { code: string; name: string; len: number } | null = null;
  for (const u of units) {
    for (const probe of [u.unit_name, u.unit_code]) {
      const f = foldText(probe.replace(/[_-]+/g, ' '));
      if (f.length >= 2 && hay.includes(f) && (!best || f.length > best.len)) best = { code: u.unit_code, name: u.unit_name, len: f.length };
    }
  }
  if (best) return { code: best.code, name: best.name };
  const bare = (sheet && !/^sheet\s*\d*$/i.test(sheet) ? sheet : fileName.replace(/\.[^.]+$/, ''))
    .replace(/\b(19|20)\d\d\b/g, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return { code: null, name: bare || null };
}
