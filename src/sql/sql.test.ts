import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { run, sql } from './sql';

describe('the sql tag', () => {
  it('binds every value as a parameter, in order, and writes none into the text', () => {
    const q = sql`SELECT * FROM shown.units WHERE unit_code = ${"X'01"} AND year > ${2024} AND ok = ${true} AND x IS ${null}`;
    expect(q.text).toBe('SELECT * FROM shown.units WHERE unit_code = ? AND year > ? AND ok = ? AND x IS ?');
    expect(q.params).toEqual(["X'01", 2024, true, null]);
  });

  it('composes fragments in place, their parameters where they stand', () => {
    const inner = sql`b = ${2}`;
    const q = sql`SELECT ${1} AS a WHERE ${inner} AND c = ${3} AND ${sql`d = ${4}`}`;
    expect(q.text).toBe('SELECT ? AS a WHERE b = ? AND c = ? AND d = ?');
    expect(q.params).toEqual([1, 2, 3, 4]);
    // A value used twice is bound twice: the caller writes it once.
    const twice = (v: string) => sql`x = ${v} OR y = ${v}`;
    expect(twice('k').params).toEqual(['k', 'k']);
  });

  it('writes a list comma-separated, an empty one as NULL (IN matches nothing)', () => {
    expect(sql`x IN (${[2024, 2025]})`).toMatchObject({ text: 'x IN (?, ?)', params: [2024, 2025] });
    expect(sql`x IN (${[]})`).toMatchObject({ text: 'x IN (NULL)', params: [] });
    expect(sql`SELECT ${[sql`a`, sql`b + ${1}`]}`).toMatchObject({ text: 'SELECT a, b + ?', params: [1] });
  });

  it('quotes identifiers through sql.ident only, doubling quotes', () => {
    expect(sql.ident('unit_code').text).toBe('"unit_code"');
    expect(sql.ident('shown', 'units').text).toBe('"shown"."units"');
    expect(sql.ident('a"b').text).toBe('"a""b"');
    expect(() => sql.ident('')).toThrow();
  });

  it('joins conditions with AND, each bracketed; none is true', () => {
    expect(sql.and(sql`a = ${1}`, sql`b OR c`)).toMatchObject({ text: '(a = ?) AND (b OR c)', params: [1] });
    expect(sql.and().text).toBe('true');
    expect(sql.join([sql`a`, sql`${2}`], ' UNION ')).toMatchObject({ text: 'a UNION ?', params: [2] });
  });

  it('refuses values that are not parameters (undefined, NaN, objects)', () => {
    expect(() => sql`x = ${undefined as unknown as string}`).toThrow(TypeError);
    expect(() => sql`x = ${Number.NaN}`).toThrow(TypeError);
    expect(() => sql`x = ${{} as unknown as string}`).toThrow(TypeError);
  });
});

describe('running it on DuckDB', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.exec(`INSERT INTO units VALUES ('u', 'A', 'Xã A', 'Xã', NULL), ('u', 'B', 'Xã B', 'Xã', NULL)`);
  });

  it('returns rows with the values bound, a quote in a value being only a character', async () => {
    const evil = "A' OR '1'='1";
    expect(await run(db, sql`SELECT unit_code FROM units WHERE unit_code = ${evil}`)).toEqual([]);
    expect(await run(db, sql`SELECT ${"'; DROP TABLE units; --"} AS v`)).toEqual([{ v: "'; DROP TABLE units; --" }]);
    expect(await run(db, sql`SELECT unit_code FROM units WHERE unit_code IN (${['B', 'A', 'Z']}) ORDER BY unit_code`)).toEqual([
      { unit_code: 'A' },
      { unit_code: 'B' },
    ]);
    expect(await run(db, sql`SELECT count(*) AS n FROM units WHERE unit_code IN (${[]})`)).toEqual([{ n: 0 }]);
  });

  it('reads a column named with odd characters through sql.ident', async () => {
    const col = 'Tên "đơn vị"';
    expect(await run(db, sql`SELECT ${sql.ident(col)} FROM (SELECT unit_name AS ${sql.ident(col)} FROM units WHERE unit_code = ${'A'})`)).toEqual([
      { [col]: 'Xã A' },
    ]);
  });
});
