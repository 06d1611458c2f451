import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralise } from './cells';
import { toCsv } from './csv';
import { sheetName, toXlsx } from './xlsx';

describe('neutralise', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(neutralise('=1+2')).toBe("'=1+2");
    expect(neutralise('+84 912')).toBe("'+84 912");
    expect(neutralise('-x')).toBe("'-x");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('Xã Hòa An')).toBe('Xã Hòa An');
  });
  it('leaves numbers as numbers, negative ones too', () => {
    expect(neutralise(-3.5)).toBe(-3.5);
  });
});

describe('toCsv', () => {
  it('writes a BOM, quotes what needs it, and keeps machine numbers', () => {
    const csv = toCsv(
      ['Đơn vị', 'Điểm'],
      [
        ['Huế, "TP"', 48.06],
        ['=cmd', null],
        ['<img src=x onerror=alert(1)>', -1],
      ],
    );
    expect(csv).toBe('\uFEFFĐơn vị,Điểm\r\n"Huế, ""TP""",48.06\r\n\'=cmd,\r\n<img src=x onerror=alert(1)>,-1\r\n');
  });
  it('quotes cells holding ; or a tab, so Excel set to ; as list separator never splits out a formula', () => {
    const csv = toCsv(
      ['Đơn vị', 'Ghi chú'],
      [
        ['Phòng;=1+4', 'a\t=2+2'],
        ['Tổ 1', 'x'],
      ],
    );
    expect(csv).toBe('\uFEFFĐơn vị,Ghi chú\r\n"Phòng;=1+4","a\t=2+2"\r\nTổ 1,x\r\n');
    // Read back as Excel would with ';', tab or ',' as its separator: no cell starts a formula.
    for (const delimiter of [';', '\t', ',']) {
      const cells = Papa.parse<string[]>(csv.slice(1), { delimiter }).data.flat();
      expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    }
  });
});

describe('toXlsx', () => {
  it('round-trips numbers and neutralised text through SheetJS', async () => {
    const bytes = await toXlsx([{ name: 'Tổng hợp', columns: ['Đơn vị', 'Chỉ số'], rows: [['=HYPERLINK("x")', 91.25]] }]);
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Tổng hợp']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Tổng hợp']!, { header: 1 });
    expect(rows).toEqual([
      ['Đơn vị', 'Chỉ số'],
      ['\'=HYPERLINK("x")', 91.25],
    ]);
  });
  it('makes sheet names Excel accepts and keeps them unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Phòng Văn hóa – Xã hội / Thông tin và Truyền thông', taken)).toHaveLength(31);
    expect(sheetName('A', taken)).toBe('A');
    expect(sheetName('a', taken)).toBe('a~2');
  });
});
