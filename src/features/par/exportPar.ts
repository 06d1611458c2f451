// The submission files of a year: an XLSX with a summary sheet and one sheet per unit in the usual layout,
// and CSVs. Headers are Vietnamese whatever the UI language: the files go to Sở Nội vụ. Numbers stay numbers.
import type { Cell } from '../../export/cells';
import type { Sheet } from '../../export/xlsx';
import type { Band } from '../../domain/parScoring';
import type { ParUnit, ParYear } from './model';

const BAND_VI: Record<Band, string> = { excellent: 'Xuất sắc', good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' };
export const NA_TEXT = 'không áp dụng';

export const SUMMARY_COLUMNS = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Chỉ số tự đánh giá (%)',
  'Chỉ số thẩm định (%)',
  'Xếp hạng',
  'Xếp loại',
  'Ghi chú',
];
const UNIT_COLUMNS = ['STT/Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú'];
/** The import format of par_scores: a file in this layout imports back to the same numbers. */
export const SCORES_COLUMNS = ['Năm', 'Mã đơn vị', 'Tên đơn vị', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú'];

const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function summaryRows(m: ParYear): Cell[][] {
  return m.units.map((u, i) => [
    i + 1,
    u.unitCode,
    u.unitName,
    r2(u.score.applicableMax),
    r2(u.score.selfPoints),
    u.score.missingAppraised ? null : r2(u.score.appraisedPoints),
    u.score.selfIndex,
    u.score.appraisedIndex,
    u.rank,
    u.band ? BAND_VI[u.band] : null,
    u.own
      ? 'Đơn vị cấp xã (không xếp hạng cùng các đơn vị trực thuộc)'
      : u.score.missingAppraised
        ? `Chưa thẩm định xong: còn ${u.score.missingAppraised} tiêu chí`
        : null,
  ]);
}

export function unitRows(u: ParUnit): Cell[][] {
  const rows: Cell[][] = u.score.nodes.map((n) => {
    if (n.leaf && !n.applicable) return [n.code, n.name, n.max, NA_TEXT, NA_TEXT, n.evidence, n.note];
    return [n.code, n.name, n.leaf ? n.max : n.applicableMax, r2(n.self), r2(n.appraised), n.leaf ? n.evidence : null, n.leaf ? n.note : null];
  });
  rows.push(['', 'Tổng cộng', r2(u.score.applicableMax), r2(u.score.selfPoints), u.score.missingAppraised ? null : r2(u.score.appraisedPoints), null, null]);
  rows.push([
    '',
    'Chỉ số (%)',
    null,
    u.score.selfIndex,
    u.score.appraisedIndex,
    null,
    u.score.missingAppraised ? `Chưa thẩm định xong: còn ${u.score.missingAppraised} tiêu chí` : null,
  ]);
  return rows;
}

/** Leaf scores in the import layout (every unit of the year). */
export function scoreRows(m: ParYear): Cell[][] {
  const out: Cell[][] = [];
  for (const u of m.units) {
    for (const n of u.score.nodes) {
      if (!n.leaf || !u.rows.has(n.code)) continue;
      out.push(
        n.applicable
          ? [m.year, u.unitCode, u.unitName, n.code, n.self, n.appraised, n.evidence, n.note]
          : [m.year, u.unitCode, u.unitName, n.code, NA_TEXT, NA_TEXT, n.evidence, n.note],
      );
    }
  }
  return out;
}

export function submissionSheets(m: ParYear): Sheet[] {
  return [
    { name: 'Tổng hợp', columns: SUMMARY_COLUMNS, rows: summaryRows(m), widths: [5, 12, 36, 11, 11, 11, 12, 12, 9, 11, 40] },
    ...m.units.map((u) => ({ name: u.unitCode, columns: UNIT_COLUMNS, rows: unitRows(u), widths: [8, 60, 11, 11, 11, 40, 30] })),
    { name: 'Dữ liệu điểm', columns: SCORES_COLUMNS, rows: scoreRows(m), widths: [6, 12, 30, 10, 11, 11, 40, 30] },
  ];
}
