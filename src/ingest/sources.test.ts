import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, discardPlan, importFile } from './importFile';

const T = 120_000;

function workbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true }), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('XLSX', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, T);

  it(
    'finds the header below a title, on the first sheet that has one, and keeps Excel row numbers',
    async () => {
      const bytes = workbook({
        'Ghi chú': [['Bảng điểm PCI do văn phòng tổng hợp']],
        Điểm: [
          ['BẢNG ĐIỂM CHỈ SỐ PCI'],
          [],
          ['Chỉ số', 'Năm', 'Mã đơn vị', 'Tên đơn vị', 'Điểm'],
          ['PCI', 2024, 'P46', 'Thừa Thiên Huế', 68.5],
          ['PCI', 2024, 'P01', 'Hà Nội', 'n/a'],
        ],
      });
      const plan = await analyseFile(db, { name: 'pci.xlsx', bytes });
      expect([plan.kind, plan.sheet, plan.encoding, plan.rowCount]).toEqual(['index_scores', 'Điểm', 'xlsx', 2]);
      expect(plan.sheets).toEqual(['Ghi chú', 'Điểm']);
      // header on Excel row 3, so the second data row is Excel row 5
      expect(plan.problems.map((p) => [p.row, p.column, p.value, p.expected.key])).toEqual([[5, 'Điểm', 'n/a', 'ingest.problem.number']]);
      await discardPlan(db, plan);
    },
    T,
  );

  it(
    'numbers and dates come through as Excel shows them; a SIPAS sheet lands',
    async () => {
      const bytes = workbook({
        Phiếu: [
          ['Kỳ', 'Mã đơn vị', 'Mã phiếu', 'TC1.1', 'TC2.1'],
          [new Date(Date.UTC(2026, 1, 15)), 'A', 1, 5, 'Hài lòng'],
          ['2026-Q1', 'A', 2, 2, null],
        ],
      });
      const o = await importFile(db, { name: 'phieu.xlsx', bytes });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(await db.query(`SELECT item_code, answer, CAST(n AS INTEGER) AS n FROM sipas_counts WHERE dataset_id = ? ORDER BY 1, 2`, [o.datasetId])).toEqual([
        { item_code: 'TC1.1', answer: 2, n: 1 },
        { item_code: 'TC1.1', answer: 5, n: 1 },
        { item_code: 'TC2.1', answer: 4, n: 1 },
      ]);
      expect(await db.query(`SELECT year, quarter, CAST(respondents AS INTEGER) AS r FROM sipas_sheets WHERE dataset_id = ?`, [o.datasetId])).toEqual([
        { year: 2026, quarter: 1, r: 2 },
      ]);
    },
    T,
  );
});

describe('Parquet', () => {
  let db: Db;
  let bytes: Uint8Array;
  beforeAll(async () => {
    db = await createNodeDb();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const file = path.join(os.tmpdir(), `ingest-test-${process.pid}.parquet`);
    const conn = await (await DuckDBInstance.create()).connect();
    await conn.run(`COPY (SELECT * FROM (VALUES ('PAPI', 2021, 'P46', 'Thừa Thiên Huế', 48.06), ('PAPI', 2021, 'P01', 'Hà Nội', 44.1))
      AS t("Chỉ số", "Năm", "Mã đơn vị", "Tên đơn vị", "Điểm")) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    bytes = new Uint8Array(fs.readFileSync(file));
    fs.unlinkSync(file);
  }, T);

  it(
    'reads a zstd Parquet file in JS and lands it like a CSV',
    async () => {
      const o = await importFile(db, { name: 'papi.parquet', bytes });
      if (!o.ok) throw new Error(JSON.stringify(o.problems));
      expect(o.plan.encoding).toBe('parquet');
      expect(await db.query(`SELECT unit_code, unit_name, score FROM index_scores ORDER BY score DESC`)).toEqual([
        { unit_code: 'P46', unit_name: 'Thừa Thiên Huế', score: 48.06 },
        { unit_code: 'P01', unit_name: 'Hà Nội', score: 44.1 },
      ]);
    },
    T,
  );
});
