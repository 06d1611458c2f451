import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { decode, detectEncoding } from './decode';
import { detectDecimalComma, detectDelimiter } from './delimiter';
import { matchHeaders } from './headers';
import { foldKey } from '../domain/vnNames';
import { analyseFile, importFile } from './importFile';
import { TABULAR } from './formats';
import { detectKind } from './formats';
import { utf16, windows1258 } from './__fixtures__/make';

const T = 120_000;
const UNITS = 'Mã đơn vị,Tên đơn vị,Loại\r\nX001,Xã Hòa An,Xã\r\nX001-VP,Văn phòng HĐND và UBND xã,Cơ quan chuyên môn\r\n';

describe('encodings', () => {
  it('detects UTF-8 with and without BOM, UTF-16 LE/BE and Windows-1258', () => {
    const u8 = new TextEncoder().encode(UNITS);
    expect(detectEncoding(u8)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...u8]))).toBe('utf-8-bom');
    expect(detectEncoding(utf16(UNITS))).toBe('utf-16le');
    expect(detectEncoding(utf16(UNITS, true))).toBe('utf-16be');
    expect(detectEncoding(windows1258(UNITS))).toBe('windows-1258');
  });

  it('turns every encoding into the same NFC UTF-8 text', () => {
    const expected = UNITS.normalize('NFC');
    for (const bytes of [utf16(UNITS), utf16(UNITS, true), windows1258(UNITS), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(UNITS)])]) {
      expect(new TextDecoder().decode(decode(bytes).utf8)).toBe(expected);
    }
    // Windows-1258 writes tone marks as combining characters: the bytes really differ from a precomposed encoding
    expect(windows1258('ị').length).toBe(2);
  });

  it('keeps UTF-8 bytes as they are (no copy for the large files)', () => {
    const u8 = new TextEncoder().encode(UNITS);
    expect(decode(u8).utf8).toBe(u8);
  });
});

describe('delimiters and decimal comma', () => {
  it('finds , ; tab and |, quotes respected', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter('"x, y";b;c\n1;2;3\n')).toBe(';');
  });
  it('reads a decimal comma only where the delimiter is not a comma', () => {
    expect(detectDecimalComma(';', [['PCI', '68,5']])).toBe(true);
    expect(detectDecimalComma(';', [['PCI', '68.5']])).toBe(false);
    expect(detectDecimalComma(',', [['PCI', '68,5']])).toBe(false);
  });
});

describe('header matching', () => {
  const cols = TABULAR.par_scores.columns;
  it('forgives case, missing diacritics, NFD, underscores and English names', () => {
    expect(foldKey('Mã_đơn vị')).toBe(foldKey('MA DON VI'));
    const headers = ['NAM', 'ma_don_vi', 'Mã tiêu chí'.normalize('NFD'), 'diem tu danh gia', 'appraised_score', 'Tài liệu kiểm chứng'.normalize('NFD')];
    const m = matchHeaders(headers, cols);
    expect(m.byIndex).toEqual(['year', 'unit_code', 'criterion_code', 'self_score', 'appraised_score', 'evidence']);
    expect(detectKind(headers)).toBe('par_scores');
  });
  it('leaves a table with a stray "code" column as a plain table', () => {
    expect(detectKind(['code', 'population', 'area', 'density'])).toBe('table');
  });
});

describe('files in other encodings import like UTF-8', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'Windows-1258 units file: names land NFC and join with UTF-8 data',
    async () => {
      const o = await importFile(db, { name: 'donvi.csv', bytes: windows1258(UNITS) });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.encoding).toBe('windows-1258');
      expect(await db.query(`SELECT unit_name FROM units WHERE unit_name = ?`, ['Văn phòng HĐND và UBND xã'.normalize('NFC')])).toHaveLength(1);
    },
    T,
  );

  it(
    'UTF-16 tab-separated file with NFD headers and decimal comma',
    async () => {
      const text = ['Chỉ số\tNăm\tMã đơn vị\tĐiểm'.normalize('NFD'), 'DTI\t2024\tP46\t0,6961'].join('\r\n') + '\r\n';
      const plan = await analyseFile(db, { name: 'dti.txt', bytes: utf16(text) });
      expect([plan.kind, plan.encoding, plan.delimiter, plan.decimalComma, plan.errorCount]).toEqual(['index_scores', 'utf-16le', '\t', true, 0]);
      expect(plan.columns.map((c) => c.header)).toEqual(['Chỉ số', 'Năm', 'Mã đơn vị', 'Điểm']); // shown NFC
    },
    T,
  );

  it(
    'NFD cell values are stored NFC',
    async () => {
      const text = `Mã đơn vị,Tên đơn vị\nH1,${'Thừa Thiên Huế'.normalize('NFD')}\n`;
      const o = await importFile(db, { name: 'nfd.csv', bytes: new TextEncoder().encode(text) });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT unit_code FROM units WHERE unit_name = ?`, ['Thừa Thiên Huế'])).toEqual([{ unit_code: 'H1' }]);
    },
    T,
  );
});

describe('a Windows-1258 byte after the first megabyte', () => {
  it('is found while staging and the file is read again as Windows-1258', async () => {
    const db = await createNodeDb();
    const filler = Array.from({ length: 70_000 }, (_, i) => `U${i},Don vi ${i}`).join('\r\n'); // > 1 MB of ASCII
    const text = `Ma don vi,Ten don vi\r\n${filler}\r\nX9,Trạm Y tế\r\n`;
    const bytes = windows1258(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const o = await importFile(db, { name: 'late.csv', bytes });
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(o.plan.encoding).toBe('windows-1258');
    expect(await db.query(`SELECT unit_name FROM units WHERE unit_code = 'X9'`)).toEqual([{ unit_name: 'Trạm Y tế' }]);
  }, 120_000);
});
