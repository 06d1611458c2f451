import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Reader } from '../../db/types';
import { SCHEMA_SQL } from '../../db/schema';
import { SATISFIED_MIN } from '../../domain/sipas';
import { errorPlace, errorText, runAppQuery, runChecked } from './run';
import { examples, inlineSql } from './examples';
import { cellText, collector, exportCell, exportRows, RESULT_LIMITS, sortOrder } from './result';
import { previewQuery, summarizeQuery } from './queries';
import { sql } from '../../sql/sql';

// The reader of db/reader.ts on DuckDB-WASM's synchronous Node build: the same tokenizer, search path and READ ONLY
// transaction, results handed over batch by batch.
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
let db: duckdb.DuckDBBindings;
let app: duckdb.DuckDBConnection;
let reader: Reader;

beforeAll(async () => {
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  app = db.connect();
  app.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  app.query(SCHEMA_SQL);
  const conn = db.connect();
  conn.query(`SET search_path = 'shown,main'`);
  reader = {
    async tokenize(text) {
      const t = db.tokenize(text);
      return { offsets: [...t.offsets], types: [...t.types] };
    },
    async read(text, params, take) {
      conn.query('BEGIN TRANSACTION READ ONLY');
      try {
        const table = params.length ? conn.prepare(text).query(...params) : conn.query(text);
        for (const b of table.batches) if (!take(b)) break;
        return table.schema;
      } finally {
        conn.query('ROLLBACK');
      }
    },
    async cancel() {},
  };
});
afterAll(() => app?.close());

describe('running an analyst’s statement', () => {
  it('returns the rows of a GROUP BY, its columns typed, through the shown views', async () => {
    app.query(`INSERT INTO datasets VALUES ('d1', 'units', 'u.csv', 3, NULL, now()::TIMESTAMP, false, NULL, NULL)`);
    app.query(`INSERT INTO units VALUES ('d1', 'A', 'Đơn vị A', 'Xã', NULL), ('d1', 'B', 'Đơn vị B', 'Phòng', 'A'), ('d1', 'C', 'Đơn vị C', 'Phòng', 'A')`);
    const o = await runChecked(reader, 'SELECT type, count(*) AS n FROM units GROUP BY type ORDER BY type');
    expect(o.kind).toBe('done');
    if (o.kind !== 'done') return;
    // count(*) is a BIGINT, which the engine hands over as a double (castBigIntToDouble): no fixed decimals.
    expect(o.result.columns).toEqual([
      { name: 'type', kind: 'text', scale: null },
      { name: 'n', kind: 'number', scale: null },
    ]);
    expect([0, 1].map((r) => [o.result.value(r, 0), o.result.value(r, 1)])).toEqual([
      ['Phòng', 2],
      ['Xã', 1],
    ]);
  });

  it('refuses before running, and the data stays', async () => {
    const o = await runChecked(reader, 'SELECT 1; DELETE FROM units');
    expect(o).toMatchObject({ kind: 'refused', verdict: { reason: 'multiple', word: 'DELETE' } });
    const n = await runChecked(reader, 'SELECT count(*) AS n FROM units');
    expect(n.kind === 'done' && n.result.value(0, 0)).toBe(3);
  });

  it('refuses a table function the catalogue has but the list does not allow', async () => {
    expect(await runChecked(reader, 'SELECT * FROM checkpoint()')).toMatchObject({ kind: 'refused', verdict: { reason: 'tableFunction' } });
  });

  it('cannot write even if a statement got past the check: the transaction is read only', async () => {
    // Straight to the reader, as a hole in the check would: DuckDB itself refuses the write.
    const o = await runAppQuery(reader, sql`DELETE FROM main.units`);
    expect(o.kind).toBe('error');
    expect(o.kind === 'error' && o.message).toMatch(/read-only/);
    expect(Number((app.query('SELECT count(*) AS n FROM units').toArray()[0] as { n: number }).n)).toBe(3);
  });

  it('gives DuckDB’s message and the place it points at', async () => {
    const text = 'SELECT unit_code,\n       unit_nme\nFROM units';
    const o = await runChecked(reader, text);
    expect(o.kind).toBe('error');
    if (o.kind !== 'error') return;
    expect(errorText(o.message)).toMatch(/unit_nme/);
    expect(errorText(o.message)).not.toMatch(/LINE/);
    const place = errorPlace(o.message, text)!;
    expect(place).toEqual({ line: 2, column: 8, offset: text.indexOf('unit_nme') });
  });

  it('previews and summarizes a table with the app’s own statements', async () => {
    const p = await runAppQuery(reader, previewQuery({ schema: 'shown', name: 'units' }));
    expect(p.kind === 'done' && p.result.rowCount).toBe(3);
    const s = await runAppQuery(reader, summarizeQuery({ schema: 'shown', name: 'units' }));
    expect(s.kind === 'done' && s.result.column(0)).toEqual(['dataset_id', 'unit_code', 'unit_name', 'type', 'parent_code']);
  });
});

describe('where an error points', () => {
  it('reads the caret under a long line shown between "..."', () => {
    const text = `SELECT ${'a, '.repeat(60)}zz FROM t`;
    const col = text.indexOf('zz');
    const shown = text.slice(col - 30, col + 20);
    const message = `Binder Error: Referenced column "zz" not found\n\nLINE 1: ...${shown}...\n${' '.repeat('LINE 1: ...'.length + 30)}^`;
    expect(errorPlace(message, text)).toEqual({ line: 1, column: col + 1, offset: col });
  });

  it('has none for a message without a place', () => {
    expect(errorPlace('Parser Error: syntax error at end of input', 'SELECT')).toBeNull();
  });
});

describe('examples', () => {
  it('writes the SIPAS rate from the shared fragment, its parameter as a literal', () => {
    const text = inlineSql(sql`x >= ${SATISFIED_MIN} AND y = ${"it's"} AND z = '?'`);
    expect(text).toBe(`x >= ${SATISFIED_MIN} AND y = 'it''s' AND z = '?'`);
  });

  it('the SIPAS example gives the rate computed here from the same answers', async () => {
    app.query(`INSERT INTO datasets VALUES ('s1', 'sipas_responses', 's.csv', 9, NULL, now()::TIMESTAMP, false, NULL, NULL)`);
    // Point P1 in 2026 Q1: answers 5×3, 4×2, 3×1, 1×4 → satisfied 5, valid 10; P2: 4×7, 2×3 → 7 of 10.
    const counts: [string, number, number][] = [
      ['P1', 5, 3],
      ['P1', 4, 2],
      ['P1', 3, 1],
      ['P1', 1, 4],
      ['P2', 4, 7],
      ['P2', 2, 3],
    ];
    for (const [p, answer, n] of counts) app.query(`INSERT INTO sipas_counts VALUES ('s1', 2026, 1, 1, '${p}', 'TC1.1', 1, ${answer}, ${n})`);
    const expected = ['P1', 'P2'].map((p) => {
      const rows = counts.filter((c) => c[0] === p);
      const valid = rows.reduce((a, c) => a + c[2], 0);
      const ok = rows.filter((c) => c[1] >= SATISFIED_MIN).reduce((a, c) => a + c[2], 0);
      return [p, Math.round((1000 * ok) / valid) / 10, valid];
    });
    const ex = examples([]).find((e) => e.id === 'sipasByPoint')!;
    const o = await runChecked(reader, ex.sql);
    expect(o.kind).toBe('done');
    if (o.kind !== 'done') return;
    expect(o.result.columns.map((c) => c.name)).toEqual(['kỳ', 'điểm_phục_vụ', 'tỷ_lệ_hài_lòng', 'số_câu_trả_lời']);
    expect([0, 1].map((r) => [o.result.value(r, 1), o.result.value(r, 2), o.result.value(r, 3)])).toEqual(expected);
    expect(o.result.value(0, 0)).toBe('2026-Q1');
  });

  it('every example passes the check and runs on the app’s tables', async () => {
    const own = {
      name: 'bang_thu',
      schema: 'main' as const,
      own: true,
      fileName: 'bảng thử.csv',
      rows: 2,
      columns: [
        { name: 'Tỉnh', type: 'VARCHAR' },
        { name: 'so', type: 'BIGINT' },
      ],
    };
    app.query(`CREATE TABLE bang_thu ("Tỉnh" VARCHAR, so BIGINT); INSERT INTO bang_thu VALUES ('A', 1), ('A', 2)`);
    const list = examples([own]);
    expect(list.map((e) => e.id)).toEqual(['ownTable', 'sipasByPoint', 'parLost', 'papiRank', 'datasets']);
    for (const ex of list) expect(await runChecked(reader, ex.sql)).toMatchObject({ kind: 'done' });
    const o = await runChecked(reader, list[0]!.sql);
    expect(o.kind === 'done' && [o.result.value(0, 0), o.result.value(0, 1), o.result.value(0, 2)]).toEqual(['A', 2, 3]);
  });
});

describe('results cut at the limits', () => {
  const rows = 10_000;
  const batchesOf = (text: string) => app.query(text);

  it('keeps exactly the limit, says it cut, and keeps the engine’s order', () => {
    const table = batchesOf(`SELECT range AS i FROM range(${rows})`);
    const c = collector({ rows: 4_500, bytes: RESULT_LIMITS.bytes });
    let taken = 0;
    for (const b of table.batches) {
      taken++;
      if (!c.take(b)) break;
    }
    const rs = c.finish(table.schema);
    expect(rs.rowCount).toBe(4_500);
    expect(rs.truncated).toBe(true);
    expect(rs.value(4_499, 0)).toBe(4_499);
    expect(taken).toBeLessThan(table.batches.length); // it stopped reading
  });

  it('does not call a result cut that ends exactly at the limit', () => {
    const table = batchesOf(`SELECT range AS i FROM range(${rows})`);
    const c = collector({ rows, bytes: RESULT_LIMITS.bytes });
    for (const b of table.batches) if (!c.take(b)) break;
    const rs = c.finish(table.schema);
    expect([rs.rowCount, rs.truncated]).toEqual([rows, false]);
  });

  it('stops at the byte budget', () => {
    const table = batchesOf(`SELECT repeat('x', 1000) AS s FROM range(${rows})`);
    const c = collector({ rows: RESULT_LIMITS.rows, bytes: 1_000_000 });
    for (const b of table.batches) if (!c.take(b)) break;
    const rs = c.finish(table.schema);
    expect(rs.truncated).toBe(true);
    expect(rs.rowCount).toBeLessThan(rows);
    expect(rs.rowCount).toBeGreaterThanOrEqual(1_000); // a million bytes of 1,000-byte strings, in whole batches
  });
});

describe('values as the grid shows them and downloads keep them', () => {
  const resultOf = (text: string) => {
    const table = app.query(text);
    const c = collector();
    for (const b of table.batches) c.take(b);
    return c.finish(table.schema);
  };

  it('reads every kind DuckDB sends: integers, BIGINT, HUGEINT sums, DECIMAL, doubles, dates, times, text, lists, NULL', () => {
    const rs = resultOf(`SELECT 7::INTEGER AS i, 9007199254740991::BIGINT AS b, sum(x)::HUGEINT AS h, (-12345.678)::DECIMAL(12,3) AS d,
      1.5::DOUBLE AS f, DATE '2026-03-09' AS dt, TIMESTAMP '2026-03-09 07:05:04.25' AS ts, TIME '12:34:56' AS tm, 'Hòa An' AS s,
      [1, 2] AS l, NULL::INTEGER AS z, true AS ok
      FROM (VALUES (40), (2)) v(x)`);
    expect(rs.columns.map((c) => `${c.name}:${c.kind}:${c.scale}`)).toEqual([
      'i:number:0',
      'b:number:null',
      'h:number:0',
      'd:number:3',
      'f:number:null',
      'dt:date:null',
      'ts:timestamp:null',
      'tm:text:null',
      's:text:null',
      'l:text:null',
      'z:number:0',
      'ok:bool:null',
    ]);
    const row = rs.columns.map((_, c) => rs.value(0, c));
    expect(row).toEqual([
      7,
      9007199254740991,
      42,
      -12345.678,
      1.5,
      Date.UTC(2026, 2, 9),
      Date.UTC(2026, 2, 9, 7, 5, 4, 250),
      '12:34:56',
      'Hòa An',
      '[1,2]',
      null,
      true,
    ]);
    const vi = rs.columns.map((c, k) => cellText(row[k]!, c, 'vi'));
    expect(vi).toEqual([
      '7',
      '9.007.199.254.740.991',
      '42',
      '-12.345,678',
      '1,5',
      '09/03/2026',
      '09/03/2026 07:05:04.250',
      '12:34:56',
      'Hòa An',
      '[1,2]',
      '',
      'true',
    ]);
    expect(cellText(row[3]!, rs.columns[3]!, 'en')).toBe('-12,345.678');
    expect(rs.columns.map((c, k) => exportCell(row[k]!, c))).toEqual([
      7,
      9007199254740991,
      42,
      -12345.678,
      1.5,
      '2026-03-09',
      '2026-03-09 07:05:04.250',
      '12:34:56',
      'Hòa An',
      '[1,2]',
      null,
      true,
    ]);
  });

  it('writes years without a thousands separator, other integers with one', () => {
    const rs = resultOf(`SELECT 2024 AS năm, 2024 AS year_of_report, 2024 AS số_phiếu`);
    expect(rs.columns.map((c, k) => cellText(rs.value(0, k), c, 'vi'))).toEqual(['2024', '2024', '2.024']);
  });

  it('sorts numbers and Vietnamese text, blanks last both ways, ties in the engine’s order', () => {
    const names = ['Đà Nẵng', 'An Giang', null, 'Bạc Liêu', 'Ấp Bắc', 'an giang', 'Zeta', 'Điện Biên'];
    const byCollator = (dir: 1 | -1) =>
      names
        .map((v, i) => [v, i] as const)
        .sort(([a, i], [b, j]) =>
          a === null ? (b === null ? i - j : 1) : b === null ? -1 : dir * new Intl.Collator('vi', { numeric: true }).compare(a, b) || i - j,
        )
        .map(([, i]) => i);
    expect([...sortOrder(names, 'text', 'asc', 'vi')]).toEqual(byCollator(1));
    expect([...sortOrder(names, 'text', 'desc', 'vi')]).toEqual(byCollator(-1));
    const nums = [3, null, -1, 3, 10, 2.5];
    expect([...sortOrder(nums, 'number', 'asc', 'vi')]).toEqual([2, 5, 0, 3, 4, 1]);
    expect([...sortOrder(nums, 'number', 'desc', 'vi')]).toEqual([4, 0, 3, 5, 2, 1]);
  });

  it('downloads rows in the order shown', () => {
    const rs = resultOf(`SELECT * FROM (VALUES ('b', 2), ('a', 1), ('=c', 3)) v(k, n)`);
    const order = sortOrder(rs.column(1), 'number', 'desc', 'vi');
    expect(exportRows(rs, order)).toEqual([
      ['=c', 3],
      ['b', 2],
      ['a', 1],
    ]);
    expect(exportRows(rs, null, 2)).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });
});
