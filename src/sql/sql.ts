// One way to write SQL: the `sql` tagged template. A value written as ${value} becomes a bound parameter (`?`), never
// text spliced into the query; a fragment written as ${fragment} is composed in place, its parameters in order; a name
// (table, column) goes through sql.ident, the one quoting helper. As Observable Framework's DuckDB client:
//   sql`SELECT * FROM shown.units WHERE unit_code = ${code}`  →  { text: 'SELECT … WHERE unit_code = ?', params: [code] }
import type { Db, Param, Row } from '../db/types';

/** A piece of SQL with its parameters, `?` for each, in order. Built only by `sql` and its helpers. */
export class Sql {
  private constructor(
    readonly text: string,
    readonly params: readonly Param[],
  ) {}

  /** @internal */
  static of(text: string, params: readonly Param[]): Sql {
    return new Sql(text, params);
  }
}

/** What ${…} takes: a parameter value, a fragment, or a list of either (written comma-separated). */
type SqlValue = Param | Sql | readonly (Param | Sql)[];

function isParam(v: unknown): v is Param {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function append(v: Param | Sql, text: string[], params: Param[]): void {
  if (v instanceof Sql) {
    text.push(v.text);
    params.push(...v.params);
  } else if (isParam(v)) {
    text.push('?');
    params.push(v);
  } else {
    // undefined, NaN, objects: a bug in the caller, never something to send to the database.
    throw new TypeError(`sql: cannot bind ${String(v)} (${typeof v})`);
  }
}

function tag(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  const text: string[] = [strings[0]!];
  const params: Param[] = [];
  values.forEach((v, i) => {
    if (Array.isArray(v)) {
      // An empty list is written NULL, so `x IN (${[]})` matches nothing rather than failing to parse.
      if (v.length === 0) text.push('NULL');
      (v as readonly (Param | Sql)[]).forEach((x, j) => {
        if (j > 0) text.push(', ');
        append(x, text, params);
      });
    } else {
      append(v as Param | Sql, text, params);
    }
    text.push(strings[i + 1]!);
  });
  return Sql.of(text.join(''), params);
}

/** A quoted identifier: sql.ident('shown', 'units') → "shown"."units". Quotes inside a name are doubled. */
function ident(...parts: string[]): Sql {
  if (parts.length === 0 || parts.some((p) => p === '')) throw new TypeError('sql.ident: empty name');
  return Sql.of(parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.'), []);
}

/** Fragments joined by a separator written as SQL text (', ', ' AND ', '\nUNION ALL '). */
function join(parts: readonly Sql[], separator: string): Sql {
  return Sql.of(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/** Conditions joined by AND, each in brackets; no condition is `true`. */
function and(...conds: readonly Sql[]): Sql {
  return conds.length === 0
    ? Sql.of('true', [])
    : join(
        conds.map((c) => tag`(${c})`),
        ' AND ',
      );
}

export const sql = Object.assign(tag, { ident, join, and });

/** Runs a query built with `sql` on the app's database (or a test's): its rows as plain objects. */
export function run<T extends Row = Row>(db: Db, q: Sql): Promise<T[]> {
  return db.query<T>(q.text, q.params);
}
