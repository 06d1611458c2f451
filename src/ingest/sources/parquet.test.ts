import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimalText, viaArrow, viaHyparquet } from './parquet';

/** A Parquet file written by DuckDB (node-api) from a SELECT. */
async function parquetOf(select: string): Promise<Uint8Array> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const file = path.join(os.tmpdir(), `parquet-test-${process.pid}-${Math.random().toString(36).slice(2)}.parquet`);
  const conn = await (await DuckDBInstance.create()).connect();
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.unlinkSync(file);
  return bytes;
}

const csvText = (b: Uint8Array) => new TextDecoder().decode(b);

describe('Parquet → CSV', () => {
  it('Arrow path and hyparquet give the same cells for every common type', async () => {
    const bytes = await parquetOf(`SELECT * FROM (VALUES
      ('a,b', 'q"uote', 'line\nbreak', '', 1::TINYINT, 2::INTEGER, 3000000000::BIGINT, 1.5::DOUBLE, DATE '2024-01-05',
       TIMESTAMP '2024-01-05 10:00:00', TIMESTAMP '2024-01-05 00:00:00', true, 'Hòa An', uuid '00000000-0000-0000-0000-0000000000a1'),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
      AS t("Tên, có phẩy", s2, s3, s4, ti, i, bi, d, dt, ts, ts0, b, vn, u)`);
    const fast = await viaArrow(bytes);
    const js = await viaHyparquet(bytes);
    expect(csvText(fast.csv)).toBe(csvText(js.csv));
    expect(fast.first).toEqual(js.first);
    expect(csvText(fast.csv)).toBe(
      '"Tên, có phẩy",s2,s3,s4,ti,i,bi,d,dt,ts,ts0,b,vn,u\n' +
        '"a,b","q""uote","line\nbreak",,1,2,3000000000,1.5,2024-01-05,2024-01-05T10:00:00.000Z,2024-01-05,true,Hòa An,00000000-0000-0000-0000-0000000000a1\n' +
        ',,,,,,,,,,,,,\n',
    );
    expect(fast.first[0]).toEqual([
      'a,b',
      'q"uote',
      'line\nbreak',
      '',
      '1',
      '2',
      '3000000000',
      '1.5',
      '2024-01-05',
      '2024-01-05T10:00:00.000Z',
      '2024-01-05',
      'true',
      'Hòa An',
      '00000000-0000-0000-0000-0000000000a1',
    ]);
  });

  it('decimals as written, without float noise', async () => {
    const bytes = await parquetOf(
      `SELECT 48.06::DECIMAL(4,2) AS a, 12.50::DECIMAL(18,3) AS b, -0.05::DECIMAL(5,2) AS c, 123456789012345678901234.5::DECIMAL(38,1) AS d`,
    );
    expect((await viaArrow(bytes)).first).toEqual([['48.06', '12.5', '-0.05', '123456789012345678901234.5']]);
    expect([decimalText('4806', 2), decimalText('-5', 2), decimalText('1200', 2), decimalText('7', 0)]).toEqual(['48.06', '-0.05', '12', '7']);
  });

  it('a file without rows gives its header', async () => {
    const read = await viaArrow(await parquetOf(`SELECT 'x' AS "Mã đơn vị", 1 AS n WHERE false`));
    expect([read.header, csvText(read.csv), read.first]).toEqual([['Mã đơn vị', 'n'], 'Mã đơn vị,n\n', []]);
  });

  it('many row groups and batches keep the row order', async () => {
    const bytes = await parquetOf(`SELECT 'R' || range AS id, range % 7 AS k FROM range(200000)`);
    const fast = await viaArrow(bytes);
    const lines = csvText(fast.csv).split('\n');
    expect(lines.length).toBe(200002);
    expect([lines[1], lines[200000]]).toEqual(['R0,0', 'R199999,2']);
  });
});
