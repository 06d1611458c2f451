import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { ALLOWED_TABLE_FUNCTIONS, charOffsets, checkStatement, lex, type GuardContext, type Refusal } from './guard';

// DuckDB-WASM in Node: its tokenizer is the second reading of every statement, and its catalogue names the table functions.
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
let db: duckdb.DuckDBBindings;
let conn: duckdb.DuckDBConnection;
let tableFunctions: Set<string>;
const SECRET = 'bí_mật_42';

beforeAll(async () => {
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  conn = db.connect();
  conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  conn.query(`CREATE TABLE t (a INTEGER, b VARCHAR); INSERT INTO t VALUES (1, 'x'), (2, 'y'); CREATE TABLE u (a INTEGER); CREATE TABLE "my table" (a INTEGER)`);
  // Another dataset's file, registered as an import or a save would leave it for a moment.
  db.registerFileBuffer('secret.csv', new TextEncoder().encode(`a,b\n7,${SECRET}\n`));
  tableFunctions = new Set(
    conn
      .query(`SELECT DISTINCT function_name AS n FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')`)
      .toArray()
      .map((r) => String((r as { n: string }).n)),
  );
});
afterAll(() => conn?.close());

const duckTokens = (text: string) => {
  const t = db.tokenize(text);
  return { offsets: [...t.offsets], types: [...t.types] };
};
const ctxOf = (text: string): GuardContext => ({ duckTokens: duckTokens(text), tableFunctions });
const verdict = (text: string) => checkStatement(text, ctxOf(text));
const rowsOf = (text: string) =>
  JSON.stringify(
    conn
      .query(text)
      .toArray()
      .map((r) => (r as { toJSON(): unknown }).toJSON()),
  );
const countT = () => Number((conn.query('SELECT count(*) AS n FROM t').toArray()[0] as { n: number }).n);

describe('the statements an analyst may run', () => {
  const allowed = [
    'SELECT 1',
    "select count(*) AS n from t where b = 'a;b'",
    'SELECT 1; -- ; DROP TABLE t',
    '/* ; DROP TABLE t; /* nested ; */ still a comment ; */ SELECT 1;',
    'SELECT $$;DROP TABLE t;$$ AS s',
    "SELECT $tag$ it's ; $$ $tag$ AS s",
    "SELECT E'\\'; DROP TABLE t; --' AS s",
    'SELECT "a;b" FROM (SELECT 1 AS "a;b")',
    'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), s AS MATERIALIZED (SELECT 2) SELECT * FROM r',
    'FROM t',
    "FROM t SELECT a WHERE b = 'x.csv'",
    'DESCRIBE t',
    'SUMMARIZE t',
    'SUMMARIZE SELECT a FROM t',
    'SHOW TABLES',
    'PIVOT t ON b USING sum(a)',
    'UNPIVOT (SELECT a, a AS c FROM t) ON a, c INTO NAME k VALUE v',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT count(*) FROM t',
    'VALUES (1), (2)',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'SELECT * FROM range(3)',
    'SELECT * FROM duckdb_tables()',
    "SELECT * FROM pragma_table_info('t')",
    'SELECT * FROM "my table"',
    "SELECT 'x.csv' AS name, 'secret.csv', 2",
    "SELECT * FROM t WHERE b IN ('a.csv', 'b.csv')",
    "SELECT * FROM t JOIN u ON t.a = u.a AND t.b <> 'x.csv'",
    'SELECT "a.b" FROM (SELECT 1 AS "a.b")',
    "SELECT * FROM (VALUES ('a'), ('b')) v(x)",
    'select ünicode, "đơn vị" from (select 1 as ünicode, 2 as "đơn vị")',
    'SELECT * FROM main.t JOIN memory.main.u ON t.a = u.a, information_schema.tables LIMIT 1',
    'SELECT t.a, u.a FROM t JOIN u ON t.a = u.a AND t.b <> u.a::VARCHAR ORDER BY t.a, u.a',
  ];
  it.each(allowed)('runs %s', (text) => {
    expect(checkStatement(text)).toEqual({ ok: true });
    expect(verdict(text)).toEqual({ ok: true });
    // And DuckDB does run it: the check refuses nothing valid here.
    expect(() => conn.query(text)).not.toThrow();
    expect(countT()).toBe(2);
  });

  const refused: [string, Refusal, string][] = [
    ['DROP TABLE t', 'changesData', 'DROP'],
    ['DELETE FROM t', 'changesData', 'DELETE'],
    ["UPDATE t SET b = 'z'", 'changesData', 'UPDATE'],
    ["INSERT INTO t VALUES (3, 'z')", 'changesData', 'INSERT'],
    ['TRUNCATE t', 'changesData', 'TRUNCATE'],
    ['ALTER TABLE t ADD COLUMN c INTEGER', 'changesData', 'ALTER'],
    ['CREATE TABLE z AS SELECT 1', 'changesData', 'CREATE'],
    ['create temp table z as select 1', 'changesData', 'create'],
    ['CREATE MACRO m(x) AS x + 1', 'changesData', 'CREATE'],
    ["WITH x AS (SELECT 1) INSERT INTO t SELECT 1, 'x'", 'changesData', 'INSERT'],
    ['EXPLAIN ANALYZE DELETE FROM t', 'changesData', 'DELETE'],
    ['(DELETE FROM t)', 'changesData', 'DELETE'],
    ["COPY t TO 'out.csv'", 'files', 'COPY'],
    ["COPY (SELECT * FROM t) TO 'secret.csv'", 'files', 'COPY'],
    ["EXPORT DATABASE 'dump'", 'files', 'EXPORT'],
    ["IMPORT DATABASE 'dump'", 'files', 'IMPORT'],
    ["ATTACH 'other.db' AS other", 'attach', 'ATTACH'],
    ['DETACH other', 'attach', 'DETACH'],
    ['USE other', 'attach', 'USE'],
    ['INSTALL httpfs', 'extensions', 'INSTALL'],
    ['LOAD httpfs', 'extensions', 'LOAD'],
    ['FORCE INSTALL httpfs', 'extensions', 'FORCE'],
    ['SET threads = 1', 'settings', 'SET'],
    ['SET GLOBAL enable_external_access = false', 'settings', 'SET'],
    ['RESET search_path', 'settings', 'RESET'],
    ['PRAGMA enable_profiling', 'settings', 'PRAGMA'],
    ['CALL pragma_version()', 'settings', 'CALL'],
    ['BEGIN TRANSACTION', 'settings', 'BEGIN'],
    ['COMMIT', 'settings', 'COMMIT'],
    ['ROLLBACK', 'settings', 'ROLLBACK'],
    ['CHECKPOINT', 'settings', 'CHECKPOINT'],
    ['VACUUM', 'settings', 'VACUUM'],
    ['PREPARE p AS SELECT 1', 'settings', 'PREPARE'],
    ['SELECT 1; DROP TABLE t', 'multiple', 'DROP'],
    ['SELECT 1;DROP TABLE t;', 'multiple', 'DROP'],
    ["SELECT 'a;b'; DELETE FROM t", 'multiple', 'DELETE'],
    ["SELECT 'a\\'; DROP TABLE t; --'", 'multiple', 'DROP'],
    ["SELECT 1 /* */; /* */ ATTACH 'x.db'", 'multiple', 'ATTACH'],
    ['SELECT 1; select 2', 'multiple', 'select'],
    ['GRANT SELECT ON t TO x', 'notReading', 'GRANT'],
    ['hello', 'notReading', 'hello'],
    ["SELECT * FROM read_csv('secret.csv')", 'fileFunction', 'read_csv'],
    ["SELECT * FROM read_csv_auto('secret.csv')", 'fileFunction', 'read_csv_auto'],
    ["SELECT * FROM READ_CSV /* a comment */ ('secret.csv')", 'fileFunction', 'READ_CSV'],
    ['SELECT * FROM "read_csv"(\'secret.csv\')', 'fileFunction', '"read_csv"'],
    ["SELECT * FROM main.read_csv('secret.csv')", 'fileFunction', 'read_csv'],
    ["SELECT * FROM read_parquet('x.parquet')", 'fileFunction', 'read_parquet'],
    ["SELECT * FROM read_json('x.json')", 'fileFunction', 'read_json'],
    ["SELECT * FROM read_text('secret.csv')", 'fileFunction', 'read_text'],
    ["SELECT * FROM read_blob('secret.csv')", 'fileFunction', 'read_blob'],
    ["SELECT * FROM glob('*')", 'fileFunction', 'glob'],
    ["SELECT * FROM sniff_csv('secret.csv')", 'fileFunction', 'sniff_csv'],
    ["SELECT * FROM t, LATERAL (SELECT * FROM read_csv('secret.csv'))", 'fileFunction', 'read_csv'],
    ["SELECT (SELECT count(*) FROM glob('*')) AS n", 'fileFunction', 'glob'],
    ["WITH f AS (SELECT * FROM read_csv('secret.csv')) SELECT * FROM f", 'fileFunction', 'read_csv'],
    ["SELECT * FROM query('SELECT * FROM read_csv(''secret.csv'')')", 'fileFunction', 'query'],
    ["SELECT * FROM query_table('secret.csv')", 'fileFunction', 'query_table'],
    ["SELECT * FROM 'secret.csv'", 'filePath', "'secret.csv'"],
    ["FROM 'secret.csv'", 'filePath', "'secret.csv'"],
    ['SELECT * FROM "secret.csv"', 'filePath', '"secret.csv"'],
    ['SELECT * FROM main."secret.csv"', 'filePath', '"secret.csv"'],
    ["SELECT * FROM (('secret.csv'))", 'filePath', "'secret.csv'"],
    ["SELECT * FROM t, 'secret.csv'", 'filePath', "'secret.csv'"],
    ["SELECT * FROM t JOIN 'secret.csv' s ON true", 'filePath', "'secret.csv'"],
    ["SELECT * FROM t JOIN u ON t.a = u.a, 'secret.csv'", 'filePath', "'secret.csv'"],
    ["SELECT (SELECT count(*) FROM 'secret.csv') AS n", 'filePath', "'secret.csv'"],
    ["DESCRIBE 'secret.csv'", 'filePath', "'secret.csv'"],
    ["SUMMARIZE 'secret.csv'", 'filePath', "'secret.csv'"],
    ["PIVOT 'secret.csv' ON a USING count(*)", 'filePath', "'secret.csv'"],
    ["SELECT * FROM 'https://example.org/x.csv'", 'filePath', "'https://example.org/x.csv'"],
    ['SELECT * FROM secret.csv', 'filePath', 'secret.csv'],
    ['SELECT * FROM secret . csv', 'filePath', 'secret . csv'],
    ['SELECT * FROM "secret".csv', 'filePath', '"secret".csv'],
    ['SELECT * FROM t, secret.csv.gz', 'filePath', 'secret.csv.gz'],
    ["SELECT * FROM e'secret.csv'", 'filePath', "e'secret.csv'"],
    ['SELECT * FROM $$secret.csv$$', 'filePath', '$$secret.csv$$'],
    ["SHOW 'secret.csv'", 'filePath', "'secret.csv'"],
    ["DESCRIBE SELECT * FROM 'secret.csv'", 'filePath', "'secret.csv'"],
    ["SELECT * FROM read_csv(['secret.csv'])", 'fileFunction', 'read_csv'],
    ['SELECT * FROM checkpoint()', 'tableFunction', 'checkpoint'],
    ['SELECT * FROM enable_logging()', 'tableFunction', 'enable_logging'],
    ['SELECT * FROM histogram(t, a)', 'tableFunction', 'histogram'],
  ];
  it.each(refused)('refuses %s (%s)', (text, reason, word) => {
    const v = verdict(text);
    expect(v).toEqual({ ok: false, reason, word, at: text.indexOf(word) });
    expect(checkStatement(text, { tableFunctions })).toEqual(v); // both lexers read it the same way
  });

  it("refuses what reads files because DuckDB would read them: unchecked, these show the other file's rows", () => {
    // The rest fail here for want of a file or an extension, or show no row of it (counts, bytes, its columns).
    const shows = refused.filter(([, reason]) => reason === 'fileFunction' || reason === 'filePath').map(([text]) => text);
    const showing = shows.filter(
      (text) => !/parquet|json|read_blob|glob|sniff_csv|main\."|\(\('|u\.a, '|count\(\*\) FROM 'secret|DESCRIBE|SHOW|https|\.gz/.test(text),
    );
    expect(showing.length).toBe(23);
    for (const text of showing) {
      expect(verdict(text).ok).toBe(false);
      expect(rowsOf(text)).toContain(SECRET);
    }
  });

  it('refuses the multi-statement trick that DuckDB would run whole', () => {
    conn.query('CREATE TABLE victim AS SELECT 1 AS x');
    const text = 'SELECT 1; DROP TABLE victim';
    expect(verdict(text)).toMatchObject({ ok: false, reason: 'multiple' });
    conn.query(text); // what would happen unchecked: both run
    expect(() => conn.query('SELECT * FROM victim')).toThrow(/victim/);
  });

  it('says so for nothing to run', () => {
    for (const text of ['', '   ', '-- only a comment', ';', ' ; ; /* x */']) expect(checkStatement(text)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses when DuckDB reads a ";" where this lexer does not (or the other way round)', () => {
    const text = "SELECT 'a;b' AS s";
    const theirs = duckTokens(text);
    expect(checkStatement(text, { duckTokens: theirs })).toEqual({ ok: true });
    // A tokenizer that ended the string early would see a ';' at 10: then the two readings differ.
    const semicolonAt = text.indexOf(';');
    const forged = { offsets: [...theirs.offsets, semicolonAt].sort((a, b) => a - b), types: [] as number[] };
    forged.types = forged.offsets.map((o) => (o === semicolonAt ? 3 : theirs.types[theirs.offsets.indexOf(o)]!));
    expect(checkStatement(text, { duckTokens: forged })).toMatchObject({ ok: false, reason: 'unparsed' });
  });

  it('lists no table function as allowed that reads a file or changes a setting', () => {
    for (const f of ALLOWED_TABLE_FUNCTIONS) expect(tableFunctions.has(f)).toBe(true); // every name is one of this DuckDB's
    for (const f of ['read_csv', 'read_text', 'glob', 'query', 'query_table', 'checkpoint', 'enable_logging', 'sniff_csv', 'arrow_scan'])
      expect(ALLOWED_TABLE_FUNCTIONS.has(f)).toBe(false);
  });
});

describe('lexing', () => {
  it('reads strings, quoted names, comments and dollar quotes as DuckDB does', () => {
    const text = `SELECT E'a\\'b', 'c''d', "e""f", $x$g;$x$ -- h\n/* i /* j */ k */ 1.5e3`;
    expect(lex(text).map((t) => [t.kind, t.value])).toEqual([
      ['word', 'select'],
      ['string', "a'b"],
      ['comma', ','],
      ['string', "c'd"],
      ['comma', ','],
      ['quoted', 'e"f'],
      ['comma', ','],
      ['string', 'g;'],
      ['comment', ''],
      ['comment', ''],
      ['number', '1.5e3'],
    ]);
    const eq = conn.query(`SELECT E'a\\'b' AS x, 'c''d' AS y`).toArray()[0] as { x: string; y: string };
    expect([eq.x, eq.y]).toEqual(["a'b", "c'd"]);
  });

  it('marks a string or comment left open', () => {
    expect(lex("SELECT 'abc").at(-1)).toMatchObject({ kind: 'string', open: true });
    expect(lex('SELECT 1 /* abc').at(-1)).toMatchObject({ kind: 'comment', open: true });
  });

  it('maps DuckDB byte offsets to string offsets through Vietnamese text and emoji', () => {
    const text = `SELECT 'Hòa An 😀', "đơn vị" ; x`;
    const starts = charOffsets(text, duckTokens(text).offsets);
    expect(starts.map((s) => text[s])).toEqual(['S', "'", ',', '"', ';', 'x']);
  });
});
