// Running a statement on the analysts' connection (db/reader.ts): an analyst's text is checked first (guard.ts, with
// DuckDB's own tokens and table functions), the app's own statements (queries.ts) are not; rows stream in up to the
// limits of result.ts. Every outcome is a value, so the page, a pinned chart and the tests handle each the same way.
import type { Reader } from '../../db/types';
import { CancelledError } from '../../db/reader';
import type { Sql } from '../../sql/sql';
import { checkStatement, type Verdict } from './guard';
import { tableFunctionsQuery } from './queries';
import { collector, type ResultSet } from './result';

export type Outcome =
  | { kind: 'done'; result: ResultSet; ms: number }
  | { kind: 'refused'; verdict: Extract<Verdict, { ok: false }> }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/** Runs a statement the app wrote (previews, SUMMARIZE, the catalogue of functions). */
export async function runAppQuery(reader: Reader, q: Sql): Promise<Outcome> {
  return read(reader, q.text, q.params);
}

const functionsOf = new WeakMap<Reader, Promise<Set<string>>>();

/** The table functions of the running DuckDB, asked once per connection. */
function tableFunctions(reader: Reader): Promise<Set<string>> {
  let p = functionsOf.get(reader);
  if (!p) {
    p = runAppQuery(reader, tableFunctionsQuery()).then((o) => {
      if (o.kind !== 'done') throw new Error(o.kind === 'error' ? o.message : o.kind);
      return new Set(o.result.column(0).map((v) => String(v).toLowerCase()));
    });
    p.catch(() => functionsOf.delete(reader));
    functionsOf.set(reader, p);
  }
  return p;
}

/** Checks an analyst's statement and runs it if it only reads. */
export async function runChecked(reader: Reader, text: string): Promise<Outcome> {
  const [duckTokens, functions] = await Promise.all([reader.tokenize(text), tableFunctions(reader)]);
  const verdict = checkStatement(text, { duckTokens, tableFunctions: functions });
  if (!verdict.ok) return { kind: 'refused', verdict };
  return read(reader, text, []);
}

async function read(reader: Reader, text: string, params: Sql['params']): Promise<Outcome> {
  const c = collector();
  const started = performance.now();
  try {
    const schema = await reader.read(text, params, (b) => c.take(b));
    return { kind: 'done', result: c.finish(schema), ms: Math.round(performance.now() - started) };
  } catch (e) {
    if (e instanceof CancelledError) return { kind: 'cancelled' };
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Where in the statement DuckDB's message points ("LINE 2: …" and a caret under it), as line and column from 1. */
export interface ErrorPlace {
  line: number;
  column: number;
  /** Offset into the statement's text. */
  offset: number;
}

export function errorPlace(message: string, text: string): ErrorPlace | null {
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!m) return null;
  const line = Number(m[1]);
  const lines = text.split('\n');
  const lineText = lines[line - 1];
  if (lineText === undefined) return null;
  const prefix = `LINE ${m[1]}: `.length;
  let caret = m[3]!.length - prefix;
  // DuckDB shows a window of a long line between "…" marks: find the window in the line.
  let excerpt = m[2]!;
  if (excerpt.startsWith('...')) {
    excerpt = excerpt.slice(3);
    caret -= 3;
  }
  if (excerpt.endsWith('...')) excerpt = excerpt.slice(0, -3);
  const base = Math.max(0, lineText.indexOf(excerpt));
  const column = Math.min(lineText.length, Math.max(0, base + caret));
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
  return { line, column: column + 1, offset };
}

/** DuckDB's message without its "LINE …" picture (the page marks the place in the editor instead). */
export const errorText = (message: string) => message.replace(/\n*LINE \d+: [^\n]*\n *\^[\s\S]*$/, '').trim();
