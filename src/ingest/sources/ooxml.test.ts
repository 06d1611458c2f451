// Our XLSX reader against SheetJS: the same sheets, rows and cell texts, or it steps aside (null) for SheetJS.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { xlsxWithSheetXml, zipStored } from '../__fixtures__/make';
import { isDateFormat, serialDateText } from './excelText';
import { readOoxml, type RowScan } from './ooxml';
import { readXlsxTables } from './xlsx';

const write = (wb: XLSX.WorkBook, opts: XLSX.WritingOptions = {}) =>
  new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', ...opts }) as ArrayBuffer);

/** Both readers give the same tables, and ours did read it. */
async function same(bytes: Uint8Array) {
  expect(await readOoxml(bytes, (name) => name)).not.toBeNull();
  const own = await readXlsxTables(bytes);
  expect(own).toEqual(await readXlsxTables(bytes, 'sheetjs'));
  return own;
}

describe('own XLSX reader', () => {
  it('shared strings, numbers, dates, booleans, errors, formulas, several sheets — as SheetJS reads them', async () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet(
      [
        ['Kỳ', 'Mã đơn vị', 'Điểm', 'Ngày', 'Đạt', 'Ghi chú'],
        ['2026-Q1', 'X01', 8.5, new Date(Date.UTC(2026, 1, 15)), true, 'a "quoted", comma'],
        ['2026-Q2', 'X02', 0.1 + 0.2, new Date(Date.UTC(2025, 11, 31)), false, 'dòng 1\r\ndòng 2'],
        ['2026-Q3', 'X03', -1234567.891, 45000.99999999, null, 'A & B <c>'],
        [null, null, 1e21, 60, 'x', '   '],
      ],
      { cellDates: true },
    );
    ws.D5 = { t: 'n', v: 60, z: 'dd/mm/yyyy' };
    ws.D4 = { t: 'n', v: 45000.99999999, z: 'm/d/yy h:mm' };
    ws.G2 = { t: 'n', v: 17, f: 'C2*2' };
    ws.G3 = { t: 'e', v: 7, w: '#DIV/0!' };
    ws.H2 = { t: 's', v: 'công thức', f: '"công "&"thức"' };
    ws['!ref'] = 'A1:H5';
    XLSX.utils.book_append_sheet(wb, ws, 'Phiếu & điểm');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Ghi chú'], ['chỉ một cột']]), 'Khác');
    for (const bookSST of [true, false]) {
      const tables = await same(write(wb, { bookSST, cellDates: false }));
      expect(tables.map((t) => t.sheet)).toEqual(['Phiếu & điểm', 'Khác']);
      expect(tables[0]!.rows[0]).toEqual(['2026-Q1', 'X01', '8.5', '15/02/2026', 'TRUE', 'a "quoted", comma', '17', 'công thức']);
      expect(tables[0]!.rows[1]!.slice(0, 6)).toEqual(['2026-Q2', 'X02', '0.3', '31/12/2025', 'FALSE', 'dòng 1\ndòng 2']);
      expect(tables[0]!.rows[1]![6]).toBe('#DIV/0!');
      expect(tables[0]!.rows[3]!.slice(2, 4)).toEqual(['1e+21', '29/02/1900']);
    }
  });

  it('inline and rich strings, escapes, cells without references, the 1904 date system', async () => {
    const xml =
      '<sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Tên </t></r><r><t xml:space="preserve">đơn vị</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></is></c></row>' +
      '<row r="3"><c t="inlineStr"><is><t>X&#x31;_x000D_</t></is></c><c t="str"><v>a&lt;b&gt;&amp;&quot;c&apos;</v></c><c><v>007</v></c><c s="1"><v>1</v></c></row>' +
      '<row><c r="A4" t="b"><v>0</v></c><c r="C4"><f>1+1</f></c><c r="D4" t="n"><v>-0</v></c></row>' +
      '</sheetData>';
    const b = xlsxWithSheetXml(xml);
    const parts = Object.fromEntries(unzipStored(b));
    const types = new TextDecoder()
      .decode(parts['[Content_Types].xml'])
      .replace(
        '</Types>',
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      );
    const styled = zipStored({
      ...parts,
      '[Content_Types].xml': types,
      'xl/styles.xml':
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    });
    const [t] = await same(styled);
    expect(t!.header).toEqual(['Mã đơn vị', 'Tên đơn vị']);
    expect(t!.rows).toEqual([[], ['X1\r', 'a<b>&"c\'', '7', '01/01/1900'], ['FALSE', null, null, '0']]);
  });

  it('reads strict OOXML relationships as transitional ones', async () => {
    const parts = Object.fromEntries(unzipStored(xlsxWithSheetXml('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row></sheetData>')));
    const strict = (x: Uint8Array) =>
      new TextDecoder()
        .decode(x)
        .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/');
    const bytes = zipStored({
      ...parts,
      '_rels/.rels': strict(parts['_rels/.rels']!),
      'xl/_rels/workbook.xml.rels': strict(parts['xl/_rels/workbook.xml.rels']!),
    });
    expect(
      await readOoxml(bytes, (name, scan) => {
        const rows: unknown[] = [];
        scan((i, cells) => void rows.push([i, cells]));
        return [name, rows];
      }),
    ).toEqual([['Trang1', [[0, ['Mã']]]]]);
  });

  it('steps aside for what it does not read: prefixed XML, an old .xls, a damaged part', async () => {
    const prefixed = xlsxWithSheetXml(
      '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData>',
    );
    const scanAll = (_n: string, scan: RowScan) => scan(() => undefined);
    expect(await readOoxml(prefixed, scanAll)).toBeNull();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b']]), 'S');
    expect(await readOoxml(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer), scanAll)).toBeNull();
    expect(await readOoxml(zipStored({ 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"/></sheets></workbook>' }), scanAll)).toBeNull();
  });

  it('date formats and serials as SheetJS judges them', () => {
    for (const f of [
      'm/d/yy',
      'dd/mm/yyyy',
      '[h]:mm:ss',
      'yyyy-mm-dd;@',
      '"Ngày "d',
      'General',
      '0.00',
      '#,##0',
      '0%',
      '"d"0',
      '[Red]0.00',
      'B2yyyy',
      '@',
      '# ?/?',
      '[$-42A]dd/mm/yyyy',
    ])
      expect([f, isDateFormat(f)]).toEqual([f, XLSX.SSF.is_date(f)]);
    for (const v of [0, 1, 59, 60, 61, 45000, 45000.5, 45000.999999999, 2958465, 2958466, -1]) {
      const d = XLSX.SSF.parse_date_code(v);
      expect([v, serialDateText(v)]).toEqual([v, d ? `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}` : null]);
    }
  });
});

/** The entries of a stored (uncompressed) ZIP made by zipStored. */
function unzipStored(b: Uint8Array): [string, Uint8Array][] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: [string, Uint8Array][] = [];
  for (let p = 0; dv.getUint32(p, true) === 0x04034b50;) {
    const size = dv.getUint32(p + 18, true);
    const nameLen = dv.getUint16(p + 26, true);
    const name = new TextDecoder().decode(b.subarray(p + 30, p + 30 + nameLen));
    out.push([name, b.subarray(p + 30 + nameLen, p + 30 + nameLen + size)]);
    p += 30 + nameLen + size;
  }
  return out;
}
