import { describe, expect, it } from 'vitest';
import { buildYear, type CriterionRow, type ScoreRow } from './model';
import { scoreRows, submissionSheets, summaryRows, unitRows } from './exportPar';
import { domainLosses, selfVsAppraisedRows } from './across';
import { bandCounts } from './bandCounts';
import { validCutoffs } from './bandSettings';
import { horizontalBarOption, selfVsAppraisedOption } from './charts';
import { toXlsx } from '../../export/xlsx';

const CUT = { excellent: 90, good: 80, fair: 70, average: 50 };
const crit: CriterionRow[] = [
  { code: '1', name: 'Chỉ đạo', max_points: 6 },
  { code: '1.1', name: 'Kế hoạch', max_points: 4 },
  { code: '1.2', name: 'Báo cáo', max_points: 2 },
  { code: '2', name: 'Thể chế', max_points: 4 },
];
const row = (
  unit: string,
  name: string,
  code: string,
  self: number | null,
  appr: number | null,
  applicable = true,
  evidence: string | null = 'tl',
): ScoreRow => ({
  dataset_id: 'd',
  year: 2025,
  unit_code: unit,
  unit_name: name,
  criterion_code: code,
  applicable,
  self_score: self,
  appraised_score: appr,
  evidence,
  note: null,
  edited_at: null,
});
const scores: ScoreRow[] = [
  row('X', 'Xã', '1.1', 4, 4),
  row('X', 'Xã', '1.2', 2, 1.5),
  row('X', 'Xã', '2', 4, 3),
  row('X-A', '=Đơn vị A', '1.1', 4, 3),
  row('X-A', '=Đơn vị A', '1.2', null, null, false, null),
  row('X-A', '=Đơn vị A', '2', 4, 4),
  row('X-B', 'Đơn vị B', '1.1', 4, 2),
  row('X-B', 'Đơn vị B', '1.2', 2, null),
  row('X-B', 'Đơn vị B', '2', 3, 3, true, null),
];
const m = buildYear({ year: 2025, criteria: crit, scores, prevCriteria: [], prevScores: [], units: [], cutoffs: CUT, preferredOwn: null });

describe('submission export', () => {
  it('summarises each unit: X 8.5/10 = 85, X-A 7/8 = 87.5 ranked 1, X-B not fully appraised', () => {
    expect(summaryRows(m).map((r) => r.slice(1, 10))).toEqual([
      ['X', 'Xã', 10, 10, 8.5, 100, 85, null, 'Tốt'],
      ['X-A', '=Đơn vị A', 8, 8, 7, 100, 87.5, 1, 'Tốt'],
      ['X-B', 'Đơn vị B', 10, 9, null, 90, null, null, null],
    ]);
    expect(summaryRows(m)[2]![10]).toBe('Chưa thẩm định xong: còn 1 tiêu chí');
  });
  it('lays a unit out as STT/Mã, Tiêu chí, Điểm tối đa, self, appraised, evidence, with N/A as text and totals', () => {
    const a = m.units.find((u) => u.unitCode === 'X-A')!;
    expect(unitRows(a)).toEqual([
      ['1', 'Chỉ đạo', 4, 4, 3, null, null],
      ['1.1', 'Kế hoạch', 4, 4, 3, 'tl', null],
      ['1.2', 'Báo cáo', 2, 'không áp dụng', 'không áp dụng', null, null],
      ['2', 'Thể chế', 4, 4, 4, 'tl', null],
      ['', 'Tổng cộng', 8, 8, 7, null, null],
      ['', 'Chỉ số (%)', null, 100, 87.5, null, null],
    ]);
  });
  it('writes leaf scores in the import layout', () => {
    expect(scoreRows(m)).toContainEqual([2025, 'X-A', '=Đơn vị A', '1.2', 'không áp dụng', 'không áp dụng', null, null]);
    expect(scoreRows(m)).toHaveLength(9);
  });
  it('builds a workbook that reads back to the same numbers, one sheet per unit, formula-like text neutralised', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(await toXlsx(submissionSheets(m)), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Tổng hợp', 'X', 'X-A', 'X-B', 'Dữ liệu điểm']);
    const sum = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Tổng hợp']!, { header: 1 });
    expect(sum[2]).toEqual([2, 'X-A', "'=Đơn vị A", 8, 8, 7, 100, 87.5, 1, 'Tốt']);
    const unitA = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['X-A']!, { header: 1 });
    expect(unitA[0]).toEqual(['STT/Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú']);
    expect(typeof (unitA[2] as unknown[])[4]).toBe('number');
  });
});

describe('commune-wide figures', () => {
  it('compares self and appraised over the leaves that have both, biggest over-scorer first', () => {
    expect(selfVsAppraisedRows(m).map((r) => [r.unitCode, r.selfIndex, r.appraisedIndex, r.gapPoints])).toEqual([
      ['X-B', 87.5, 62.5, 2], // 1.1 and 2 only: self 7, appraised 5 of 8
      ['X', 100, 85, 1.5],
      ['X-A', 100, 87.5, 1],
    ]);
  });
  it('sums points lost per lĩnh vực over appraised leaves', () => {
    // 1: X 0.5 + X-A 1 + X-B 2 = 3.5 of 4+2+4+4 = 14; 2: X 1 + X-B 1 = 2 of 12
    expect(domainLosses(m)).toEqual([
      { code: '1', name: 'Chỉ đạo', lost: 3.5, pctLost: 25 },
      { code: '2', name: 'Thể chế', lost: 2, pctLost: 16.67 },
    ]);
  });
  it('counts units per band without the commune itself', () => {
    expect(bandCounts(m)).toEqual({ excellent: 0, good: 1, fair: 0, average: 0, weak: 0, pending: 1 });
  });
});

describe('band settings', () => {
  it('accepts falling cut-offs within 0–100 only', () => {
    expect(validCutoffs(CUT)).toBe(true);
    expect(validCutoffs({ ...CUT, good: 90 })).toBe(false);
    expect(validCutoffs({ ...CUT, excellent: 101 })).toBe(false);
    expect(validCutoffs({ ...CUT, average: Number.NaN })).toBe(false);
  });
});

describe('chart options', () => {
  it('draws the largest bar at the top and highlights the own unit', () => {
    const o = horizontalBarOption(
      [
        { label: 'a', value: 3 },
        { label: 'b', value: 1, highlight: true },
      ],
      { axis: 'x', series: 's', format: String },
    ) as { yAxis: { data: string[] }; series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(o.yAxis.data).toEqual(['b', 'a']);
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([1, 3]);
    expect(o.series[0]!.data[0]!.itemStyle.color).not.toBe(o.series[0]!.data[1]!.itemStyle.color);
  });
  it('puts self and appraised side by side per unit', () => {
    const o = selfVsAppraisedOption(
      [
        { label: 'A', self: 90, appraised: 80 },
        { label: 'B', self: 70, appraised: null },
      ],
      { self: 'TĐG', appraised: 'TĐ', axis: '%', format: String },
    ) as { series: { name: string; data: (number | null)[] }[] };
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['TĐG', [70, 90]],
      ['TĐ', [null, 80]],
    ]);
  });
});
