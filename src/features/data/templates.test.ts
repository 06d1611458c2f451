import { describe, expect, it } from 'vitest';
import { exampleCells, templateCsv, templateXlsx, type TemplateFormat } from './templates';

const par: TemplateFormat = {
  kind: 'par_scores',
  columns: [
    { key: 'year', vi: 'Năm', type: 'year', required: true },
    { key: 'criterion_code', vi: 'Mã tiêu chí', type: 'criterionCode', required: true },
    { key: 'self_score', vi: 'Điểm tự đánh giá', type: 'parScore', required: true },
    { key: 'evidence', vi: 'Tài liệu kiểm chứng', type: 'text', required: false },
  ],
  example: ['2025', '3.10', '0,75', '=HYPERLINK("x")'],
};

describe('templates', () => {
  it('writes a CSV with a UTF-8 BOM, the Vietnamese header and the example row', () => {
    const csv = templateCsv(par);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')).toEqual(['Năm,Mã tiêu chí,Điểm tự đánh giá,Tài liệu kiểm chứng', `2025,3.10,"0,75","'=HYPERLINK(""x"")"`, '']);
  });

  it('gives XLSX real numbers for numeric columns but keeps codes as text', () => {
    expect(exampleCells(par)).toEqual([2025, '3.10', 0.75, '=HYPERLINK("x")']);
  });

  it('writes an XLSX workbook whose first sheet reads back the header and row', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(await templateXlsx(par), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    expect(rows).toEqual([['Năm', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'], [2025, '3.10', 0.75, `'=HYPERLINK("x")`]]);
  });
});

describe('a template with more headers than columns (SIPAS)', () => {
  const sipas: TemplateFormat = {
    kind: 'sipas_responses',
    headers: ['Kỳ', 'Mã đơn vị', 'Mã phiếu', 'TC1.1', 'TC1.2'],
    columns: [
      { key: 'period', vi: 'Kỳ', type: 'text', required: true },
      { key: 'unit_code', vi: 'Mã đơn vị', type: 'text', required: true },
      { key: 'respondent_id', vi: 'Mã phiếu', type: 'text', required: false },
    ],
    example: ['2026-Q1', 'X001-TTPV', 'P0001', '5', 'Hài lòng'],
  };
  it('writes every header and answer', () => {
    expect(templateCsv(sipas).slice(1).split('\r\n')[0]).toBe('Kỳ,Mã đơn vị,Mã phiếu,TC1.1,TC1.2');
    expect(exampleCells(sipas)).toEqual(['2026-Q1', 'X001-TTPV', 'P0001', 5, 'Hài lòng']);
  });
});
