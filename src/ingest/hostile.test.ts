// Hostile and odd spreadsheet/binary files (issue 14): refused in the user's words, never a JS crash, never the
// engine's English or internal table names, and nothing loaded.
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { translator } from '../i18n/i18n';
import { problemParts } from '../features/data/problemText';
import { analyseFile, discardPlan, importFile } from './importFile';
import { pseudoRandomBytes, utf8, windows1258, xlsxWithSheetXml, zipStored } from './__fixtures__/make';
import { cleanTechnical, FileError, translateError } from './translateError';
import type { ImportPlan, Problem } from './types';

const T = 120_000;
const vi = translator('vi');
const en = translator('en');

/** What the Dữ liệu page shows for each problem, in Vietnamese (message plus technical fold). */
const shown = (plan: ImportPlan | { problems: Problem[] }) =>
  plan.problems.map((p) => {
    const parts = problemParts(p, vi);
    return `${parts.file}: ${parts.text} ${parts.extra.join(' ')}`;
  });

const datasets = async (db: Db) => (await db.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM datasets'))[0]!.n;

const inline = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const HEADER = `<row r="1">${inline('A1', 'Mã đơn vị')}${inline('B1', 'Tên đơn vị')}</row>`;
const ROW2 = `<row r="2">${inline('A2', 'X01')}${inline('B2', 'Xã Một')}</row>`;

/** The file is refused before staging: one error, nothing staged, nothing loaded, no internal names, no raw English. */
async function expectRefused(db: Db, name: string, bytes: Uint8Array, key: string): Promise<ImportPlan> {
  const before = await datasets(db);
  const plan = await analyseFile(db, { name, bytes });
  expect(plan.problems.map((p) => p.expected.key)).toEqual([key]);
  expect(plan.stagingId).toBeNull();
  expect(plan.rowCount).toBe(0);
  const o = await importFile(db, { name, bytes });
  expect(o.ok).toBe(false);
  expect(await datasets(db)).toBe(before);
  for (const text of shown(plan)) {
    expect(text).toContain(name);
    expect(text).not.toMatch(/_stg_|_imp_|Error|undefined|Cannot read/);
  }
  return plan;
}

describe('spreadsheet and binary files that are not what their name says', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'case 5: 20 KB of random bytes named .xlsx is "không phải tệp Excel", not a one-sheet table',
    async () => {
      const bytes = pseudoRandomBytes(20 * 1024, 3);
      // SheetJS alone reads these bytes as a text sheet "Sheet1" (how they used to load as a table).
      expect(XLSX.read(bytes, { type: 'array', dense: true }).SheetNames).toEqual(['Sheet1']);
      const plan = await expectRefused(db, 'ngau_nhien.xlsx', bytes, 'ingest.problem.notExcel');
      expect(shown(plan)[0]).toContain('không phải tệp Excel');
      expect(problemParts(plan.problems[0]!, en).text).toContain('not an Excel file');
    },
    T,
  );

  it(
    'other non-workbooks named .xlsx/.xls: text, a Word document, a truncated workbook',
    async () => {
      await expectRefused(db, 'that_ra_la_csv.xlsx', new TextEncoder().encode('Mã đơn vị,Tên đơn vị\nX01,Xã Một\n'), 'ingest.problem.notExcelText');
      const docx = zipStored({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
      await expectRefused(db, 'van_ban.xlsx', docx, 'ingest.problem.notExcel');
      await expectRefused(db, 'anh.xls', pseudoRandomBytes(5000, 7), 'ingest.problem.notExcel');
      const real = xlsxWithSheetXml(`<sheetData>${HEADER}${ROW2}</sheetData>`);
      await expectRefused(db, 'tai_do.xlsx', real.subarray(0, real.length - 40), 'ingest.problem.excelTruncated');
      // A damaged workbook whose directory is intact: SheetJS's error is worded, its text kept as the technical detail.
      const broken = zipStored({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"/></sheets>' });
      const plan = await analyseFile(db, { name: 'hong.xlsx', bytes: broken });
      expect(plan.stagingId).toBeNull();
      expect(plan.problems.map((p) => [p.expected.key, p.expected.params?.detail, p.technical])).toEqual([
        ['ingest.problem.unreadable', 'ingest.reason.excelBroken', 'Unknown Namespace:'],
      ]);
      expect(shown(plan)[0]).toContain('Không đọc được tệp: tệp Excel bị hỏng');
    },
    T,
  );

  it(
    'case 9: a binary file named .csv is "không phải tệp văn bản CSV", not DuckDB\'s dump',
    async () => {
      const plan = await expectRefused(db, 'nhi_phan.csv', pseudoRandomBytes(20 * 1024, 1), 'ingest.problem.notText');
      expect(shown(plan)[0]).toContain('không phải tệp văn bản CSV');
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...pseudoRandomBytes(3000, 3)]);
      const pngPlan = await expectRefused(db, 'anh_chup.csv', png, 'ingest.problem.notTextKnown');
      expect(shown(pngPlan)[0]).toContain('không phải tệp văn bản CSV mà là tệp PNG');
      // Without an extension, or .txt / .json: the same.
      await expectRefused(db, 'du_lieu', pseudoRandomBytes(4000, 4), 'ingest.problem.notText');
      await expectRefused(db, 'xa.json', pseudoRandomBytes(4000, 5), 'ingest.problem.notText');
    },
    T,
  );

  it(
    'text files stay text: UTF-16, Windows-1258 and a CSV with a few odd control characters are read',
    async () => {
      const utf16 = new Uint8Array([
        0xff,
        0xfe,
        ...[...'Mã đơn vị,Tên đơn vị\r\nX01,Xã Một\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      ]);
      for (const [name, bytes] of [
        ['u16.csv', utf16],
        ['vt.csv', new TextEncoder().encode('Mã đơn vị,Tên đơn vị\nX01,"Xã\u000bMột\u0007"\n')],
        ['w1258.csv', windows1258('Mã đơn vị,Tên đơn vị\r\nX01,Xã Hòa An\r\n')],
      ] as const) {
        const plan = await analyseFile(db, { name, bytes });
        expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(plan.rowCount).toBe(1);
        await discardPlan(db, plan);
      }
    },
    T,
  );

  it(
    'a .parquet that is not one: "không phải tệp Parquet"; one cut short; one with a bad footer',
    async () => {
      await expectRefused(db, 'so_lieu.parquet', pseudoRandomBytes(20 * 1024, 6), 'ingest.problem.notParquet');
      const head = new Uint8Array([0x50, 0x41, 0x52, 0x31, ...pseudoRandomBytes(500, 8)]);
      await expectRefused(db, 'cut.parquet', head, 'ingest.problem.parquetTruncated');
      const bad = new Uint8Array([...head, 0xff, 0xff, 0, 0, 0x50, 0x41, 0x52, 0x31]);
      const plan = await analyseFile(db, { name: 'bad.parquet', bytes: bad });
      expect(plan.problems.map((p) => [p.expected.key, p.expected.params?.detail])).toEqual([['ingest.problem.unreadable', 'ingest.reason.parquetBroken']]);
      expect(plan.problems[0]!.technical).toMatch(/parquet/i);
      expect(shown(plan)[0]).toContain('Không đọc được tệp: tệp Parquet bị hỏng');
    },
    T,
  );
});

describe('spreadsheet oddities', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'case 8: a lone cell in row 1,048,576 is refused naming the cell, without a crash or a million rows',
    async () => {
      const bytes = xlsxWithSheetXml(
        `<dimension ref="A1:B1048576"/><sheetData>${HEADER}${ROW2}<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData>`,
      );
      const t0 = Date.now();
      const plan = await expectRefused(db, 'don_vi.xlsx', bytes, 'ingest.problem.farCell');
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(plan.problems[0]!.expected.params).toMatchObject({ sheet: 'Trang1', cell: 'A1048576', gap: 1048573 });
      expect(shown(plan)[0]).toContain('ô A1048576');
    },
    T,
  );

  it(
    'the same cell as SheetJS writes it (aoa_to_sheet, then a cell at A1048576)',
    async () => {
      const ws = XLSX.utils.aoa_to_sheet([
        ['Mã đơn vị', 'Tên đơn vị'],
        ['X01', 'Xã Một'],
      ]);
      ws.A1048576 = { t: 's', v: 'x' };
      ws['!ref'] = 'A1:B1048576';
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
      const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
      const plan = await expectRefused(db, 'sheetjs.xlsx', bytes, 'ingest.problem.farCell');
      expect(plan.problems[0]!.expected.params).toMatchObject({ cell: 'A1048576' });
    },
    T,
  );

  it(
    'a bogus <dimension>, a formatted empty cell at the last row and a cell far right: read as the data they hold',
    async () => {
      const cases = {
        'dim.xlsx': `<dimension ref="A1:XFD1048576"/><sheetData>${HEADER}${ROW2}</sheetData>`,
        'styled.xlsx': `<sheetData>${HEADER}${ROW2}<row r="1048576"><c r="A1048576" s="0"/>${inline('B1048576', '   ')}</row></sheetData>`,
        'xfd.xlsx': `<sheetData>${HEADER}<row r="2">${inline('A2', 'X01')}${inline('B2', 'Xã Một')}${inline('XFD2', 'lạc')}</row></sheetData>`,
        'bogus_col.xlsx': `<sheetData>${HEADER}<row r="2">${inline('A2', 'X01')}${inline('B2', 'Xã Một')}<c r="ZZZZZZ2"><v>1</v></c></row></sheetData>`,
      };
      for (const [name, xml] of Object.entries(cases)) {
        const t0 = Date.now();
        const plan = await analyseFile(db, { name, bytes: xlsxWithSheetXml(xml) });
        expect([name, plan.kind, plan.rowCount, plan.problems.filter((p) => p.severity === 'error')]).toEqual([name, 'units', 1, []]);
        expect(Date.now() - t0).toBeLessThan(20_000);
        await discardPlan(db, plan);
      }
    },
    T,
  );

  it(
    'sparse rows within reach are read with the row numbers Excel shows; trailing empty rows are dropped',
    async () => {
      // Data in rows 2 and 5000 (a gap of 4997 empty rows), then a formatted empty row far below.
      const xml = `<sheetData>${HEADER}${ROW2}<row r="5000">${inline('A5000', 'X02')}</row><row r="900000"><c r="C900000" s="1"/></row></sheetData>`;
      const plan = await analyseFile(db, { name: 'thua.xlsx', bytes: xlsxWithSheetXml(xml) });
      expect(plan.rowCount).toBe(4999);
      expect(plan.problems.map((p) => [p.row, p.column, p.expected.key])).toEqual([[5000, 'Tên đơn vị', 'ingest.problem.required']]);
      await discardPlan(db, plan);
    },
    T,
  );

  it(
    'a sheet whose only cell is far down is refused; another sheet with a far cell does not stop the good one',
    async () => {
      await expectRefused(
        db,
        'xa.xlsx',
        xlsxWithSheetXml(`<sheetData><row r="600000">${inline('C600000', 'Mã đơn vị')}${inline('D600000', 'Tên đơn vị')}</row></sheetData>`),
        'ingest.problem.farCell',
      );
      const ws = XLSX.utils.aoa_to_sheet([['ghi chú']]);
      ws.A900000 = { t: 's', v: 'x' };
      ws['!ref'] = 'A1:A900000';
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, 'Ghi chú');
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet([
          ['Mã đơn vị', 'Tên đơn vị'],
          ['X01', 'Xã Một'],
        ]),
        'Đơn vị',
      );
      const plan = await analyseFile(db, { name: 'hai_trang.xlsx', bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) });
      expect([plan.sheet, plan.kind, plan.rowCount, plan.errorCount]).toEqual(['Đơn vị', 'units', 1, 0]);
      await discardPlan(db, plan);
    },
    T,
  );
});

describe("engine and library errors in the user's words", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'DuckDB refusing a file: the reason in Vietnamese, the original (without internal names) folded',
    async () => {
      // Case 9's text as DuckDB wrote it, thrown by the staging read_csv of a file the pipeline cannot explain otherwise.
      const dump = (id: string) =>
        `Invalid Input Error: Error when sniffing file "_ingest_${id}.csv".\nIt was not possible to automatically detect the CSV parsing dialect\nPossible fixes:\n* Disable the parser's strict mode (strict_mode=false)\n\n\nLINE 1: ... REPLACE TEMP TABLE _stg_${id} AS SELECT * FROM read_csv('_ingest_${id}.csv', header = true...`;
      const failing: Db = {
        ...db,
        exec: (sql) => {
          const m = /TEMP TABLE _stg_(imp_[a-z0-9]+_[a-z0-9]+)/.exec(sql);
          return m ? Promise.reject(new Error(dump(m[1]!))) : db.exec(sql);
        },
      };
      const plan = await analyseFile(failing, utf8('khong_tach.csv', 'Mã đơn vị,Tên đơn vị\nX01,Xã Một\n'));
      expect(plan.problems).toHaveLength(1);
      const p = plan.problems[0]!;
      expect([p.expected.key, p.expected.params?.detail]).toEqual(['ingest.problem.unreadable', 'ingest.reason.csvShape']);
      expect(shown(plan)[0]).toBe(
        'Tệp «khong_tach.csv»: Không đọc được tệp: không tách được tệp thành bảng: các dòng không cùng số cột, hoặc dấu phân cách, dấu ngoặc kép không nhất quán ',
      );
      expect(p.technical).toMatch(/^Invalid Input Error: Error when sniffing file "khong_tach\.csv"/);
      expect(p.technical).not.toMatch(/_stg_|_ingest_|_imp_|LINE 1/);
      expect(problemParts(p, vi).technical).toBe(p.technical);
    },
    T,
  );

  it('translateError maps the known shapes and keeps unknown ones unworded but folded', () => {
    const duck =
      'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: 1,2,3\nExpected Number of Columns: 2 Found: 3\n\nLINE 1: CREATE TEMP TABLE _stg_imp_abc_def AS SELECT';
    expect(translateError(new Error(duck), 'f.csv')).toEqual({
      key: 'ingest.problem.unreadable',
      params: { detail: 'ingest.reason.csvColumnsAt', line: 7, expected: 2, found: 3 },
      technical: 'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: 1,2,3\nExpected Number of Columns: 2 Found: 3',
    });
    expect(translateError(new Error('Invalid Input Error: Invalid unicode (byte sequence mismatch) detected in CSV file'), 'f.csv').params.detail).toBe(
      'ingest.reason.encoding',
    );
    expect(translateError(new Error('Out of Memory Error: failed to allocate data of size 2.0 GiB')).params.detail).toBe('ingest.reason.memory');
    expect(translateError(new RangeError('Invalid array length'), 'x.xlsx', 'excel').params.detail).toBe('ingest.reason.memory');
    expect(translateError(new Error('File is password-protected'), 'x.xlsx', 'excel').params.detail).toBe('ingest.reason.excelEncrypted');
    expect(translateError(new TypeError("Cannot read properties of undefined (reading '0')"), 'x.xlsx', 'excel')).toMatchObject({
      params: { detail: 'ingest.reason.excelBroken' },
      technical: "TypeError: Cannot read properties of undefined (reading '0')",
    });
    expect(translateError(new Error('parquet unsupported compression codec: LZO'), 'x.parquet', 'parquet').params.detail).toBe(
      'ingest.reason.parquetUnsupported',
    );
    expect(translateError(new Error('Constraint Error: duplicate key'), 'f.csv', 'commit')).toMatchObject({
      key: 'ingest.problem.commitFailed',
      params: { detail: 'ingest.reason.engine' },
    });
    expect(translateError(new Error('something new'), 'f.csv').params.detail).toBe('ingest.reason.unknown');
    expect(translateError(new FileError('ingest.problem.notExcel'), 'f.xlsx')).toEqual({ key: 'ingest.problem.notExcel', params: {}, technical: null });
    expect(cleanTechnical('Error when sniffing file "_ingest_imp_mx5l8b5w_kr5vin.csv" into _stg_imp_mx5l8b5w_kr5vin and _typ_imp_a_b', 'mine.csv')).toBe(
      'Error when sniffing file "mine.csv" into (staging) and (staging)',
    );
  });

  it('every reason and refusal has its words in both languages', () => {
    const p = (key: string, params: Record<string, string | number> = {}): Problem => ({ severity: 'error', file: 'f', expected: { key, params } });
    for (const t of [vi, en]) {
      const text = problemParts(p('ingest.problem.unreadable', { detail: 'ingest.reason.csvColumnsAt', line: 7, expected: 2, found: 3 }), t).text;
      expect(text).toMatch(/7.*3.*2/);
      expect(text).not.toContain('ingest.');
      expect(problemParts(p('ingest.problem.commitFailed', { detail: 'ingest.reason.storage' }), t).text).not.toContain('ingest.');
    }
  });
});
