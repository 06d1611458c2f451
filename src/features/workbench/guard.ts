// Which statements the workbench runs: one reading statement, nothing that changes data, settings or extensions, and
// nothing that reads files. Pure: text in, verdict out. The reader connection adds its own backstop (db/reader.ts: a
// READ ONLY transaction), and the text is lexed twice — here, and by DuckDB's own tokenizer — so a string or comment
// the two read differently can never hide a second statement.
//
// The limit, named: a query reads only tables already loaded. Functions and table names that read files or URLs
// (read_csv('…'), read_parquet, glob, FROM 'x.csv', FROM x.csv …) are refused whatever the path: DuckDB-WASM keeps the
// files being imported and saved (and same-origin URLs) in one file system that any path could reach.

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'comment' | 'semicolon' | 'open' | 'close' | 'comma' | 'dot' | 'op';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Words lowercased, quoted identifiers unquoted (and lowercased: DuckDB resolves names without case). */
  value: string;
  /** A string, quoted name or comment that runs to the end of the text. */
  open?: boolean;
}

const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordChar = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** The text as DuckDB's scanner (PostgreSQL's) reads it: strings, E'' escapes, $tag$ quotes, nested comments. */
export function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number, value: string, open = false) =>
    out.push(open ? { kind, start, end, value, open } : { kind, start, end, value });
  while (i < n) {
    const c = text[i]!;
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      push('comment', start, i, '');
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      push('comment', start, i, '', depth > 0);
    } else if (c === "'" || ((c === 'e' || c === 'E') && text[i + 1] === "'")) {
      // E'…' takes backslash escapes; a plain '…' only doubled quotes (standard_conforming_strings).
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      let value = '';
      let closed = false;
      while (i < n) {
        const d = text[i]!;
        if (escapes && d === '\\') {
          value += text[i + 1] ?? '';
          i += 2;
        } else if (d === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          closed = true;
          break;
        } else {
          value += d;
          i++;
        }
      }
      push('string', start, Math.min(i, n), value, !closed);
    } else if (c === '$' && /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.test(text.slice(i, i + 64))) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i))![0];
      const close = text.indexOf(tag, i + tag.length);
      const end = close < 0 ? n : close + tag.length;
      push('string', start, end, text.slice(i + tag.length, close < 0 ? n : close), close < 0);
      i = end;
    } else if (c === '"') {
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          closed = true;
          break;
        } else {
          value += text[i];
          i++;
        }
      }
      push('quoted', start, i, value.toLowerCase(), !closed);
    } else if (isWordStart(c)) {
      while (i < n && isWordChar(text[i]!)) i++;
      push('word', start, i, text.slice(start, i).toLowerCase());
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      push('number', start, i, m[0]);
    } else {
      i++;
      const kind: TokenKind = c === ';' ? 'semicolon' : c === '(' ? 'open' : c === ')' ? 'close' : c === ',' ? 'comma' : c === '.' ? 'dot' : 'op';
      push(kind, start, i, c);
    }
  }
  return out;
}

/** Why a statement is refused; each has its Vietnamese message (messages.ts, `workbench.refused.*`). */
export type Refusal =
  | 'empty'
  | 'multiple'
  | 'changesData'
  | 'files'
  | 'attach'
  | 'extensions'
  | 'settings'
  | 'notReading'
  | 'fileFunction'
  | 'tableFunction'
  | 'filePath'
  | 'unparsed';

export type Verdict = { ok: true } | { ok: false; reason: Refusal; word: string; at: number };

/** Statement heads that only read. */
const READING = new Set([
  'select',
  'with',
  'from',
  'values',
  'table',
  'describe',
  'desc',
  'summarize',
  'show',
  'pivot',
  'pivot_wider',
  'unpivot',
  'pivot_longer',
  'explain',
]);

/** Heads refused, by what they would do (anything else not READING is 'notReading'). */
const REFUSED_HEADS: Readonly<Record<string, Refusal>> = {
  insert: 'changesData',
  update: 'changesData',
  delete: 'changesData',
  merge: 'changesData',
  truncate: 'changesData',
  upsert: 'changesData',
  drop: 'changesData',
  create: 'changesData',
  alter: 'changesData',
  comment: 'changesData',
  replace: 'changesData',
  copy: 'files',
  export: 'files',
  import: 'files',
  attach: 'attach',
  detach: 'attach',
  use: 'attach',
  install: 'extensions',
  load: 'extensions',
  force: 'extensions',
  set: 'settings',
  reset: 'settings',
  pragma: 'settings',
  call: 'settings',
  begin: 'settings',
  start: 'settings',
  commit: 'settings',
  end: 'settings',
  rollback: 'settings',
  abort: 'settings',
  prepare: 'settings',
  execute: 'settings',
  deallocate: 'settings',
  checkpoint: 'settings',
  vacuum: 'settings',
  analyze: 'settings',
  analyse: 'settings',
};

/** Functions that read files or URLs, or run SQL text of their own, whatever the catalogue says they are. */
const FILE_FUNCTION =
  /^(read_|parquet_|iceberg_|delta_|sqlite_|postgres_|mysql_|st_read|glob$|sniff_csv$|query$|query_table$|json_execute_serialized_sql$|arrow_scan)/;

/**
 * Table functions a query may call: they make rows or describe the catalogue, and touch no file and no setting. Any
 * other table function of the running DuckDB (its catalogue: checkpoint(), enable_logging(), …) is refused.
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
  'repeat',
  'repeat_row',
  'duckdb_columns',
  'duckdb_constraints',
  'duckdb_databases',
  'duckdb_dependencies',
  'duckdb_functions',
  'duckdb_indexes',
  'duckdb_keywords',
  'duckdb_schemas',
  'duckdb_sequences',
  'duckdb_tables',
  'duckdb_types',
  'duckdb_views',
  'duckdb_settings',
  'duckdb_memory',
  'duckdb_optimizers',
  'pragma_table_info',
  'pragma_show',
  'pragma_version',
  'pragma_database_size',
  'pragma_platform',
  'pragma_user_agent',
]);

/** Words after which a table name or a FROM item comes. */
const TABLE_BEFORE = new Set(['from', 'join', 'describe', 'desc', 'summarize', 'show', 'pivot', 'pivot_wider', 'unpivot', 'pivot_longer', 'table', 'lateral']);
/** Clauses that end a FROM list at their depth (ON and USING do not: `FROM a JOIN b ON …, 'x.csv'` is still the list). */
const FROM_ENDS = new Set(['where', 'group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except', 'intersect', 'select', 'returning']);

/** Catalogs and schemas a qualified table name may start with; any other first part makes DuckDB look for a file. */
const SCHEMAS = new Set(['shown', 'main', 'memory', 'system', 'temp', 'information_schema', 'pg_catalog']);

/** A quoted name that DuckDB would take for a file (a replacement scan): an extension, a path, a URL. */
const looksLikeFile = (name: string) => /[./\\:]/.test(name);

export interface DuckTokens {
  /** UTF-8 byte offsets where DuckDB's tokens start. */
  offsets: readonly number[];
  /** duckdb-wasm's TokenType: 3 = OPERATOR. */
  types: readonly number[];
}

/** DuckDB's byte offsets as offsets into the JavaScript string. */
export function charOffsets(text: string, byteOffsets: readonly number[]): number[] {
  const enc = new TextEncoder();
  const byteAt: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    byteAt.push(bytes);
    const code = text.codePointAt(i)!;
    const len = enc.encode(String.fromCodePoint(code)).length;
    if (code > 0xffff) {
      byteAt.push(bytes); // the low surrogate shares its pair's start
      i++;
    }
    bytes += len;
  }
  byteAt.push(bytes);
  const charOf = new Map<number, number>();
  byteAt.forEach((b, i) => {
    if (!charOf.has(b)) charOf.set(b, i);
  });
  return byteOffsets.map((b) => charOf.get(b) ?? -1);
}

/** Where DuckDB's tokenizer sees a `;`: its OPERATOR tokens whose text begins with one. */
function duckSemicolons(text: string, duck: DuckTokens): number[] {
  const starts = charOffsets(text, duck.offsets);
  return starts.filter((s, k) => duck.types[k] === 3 && text[s] === ';');
}

const significant = (t: Token) => t.kind !== 'comment';

/** The index after the parenthesis group that opens at `i` (tokens[i] is '('); the end when it never closes. */
function skipGroup(ts: readonly Token[], i: number): number {
  let depth = 0;
  for (let k = i; k < ts.length; k++) {
    if (ts[k]!.kind === 'open') depth++;
    else if (ts[k]!.kind === 'close' && --depth === 0) return k + 1;
  }
  return ts.length;
}

/** The head word of a statement starting at `i`, after EXPLAIN and WITH …: the token that decides what it does. */
function headOf(ts: readonly Token[], i: number): number {
  while (ts[i]?.kind === 'open') i++;
  const t = ts[i];
  if (!t || t.kind !== 'word') return i;
  if (t.value === 'explain') {
    i++;
    while (ts[i]?.kind === 'word' && ['analyze', 'analyse', 'verbose'].includes(ts[i]!.value)) i++;
    if (ts[i]?.kind === 'open' && ts[i + 1]?.kind === 'word' && ts[i + 1]!.value !== 'select' && ts[i + 1]!.value !== 'with') i = skipGroup(ts, i);
    return headOf(ts, i);
  }
  if (t.value === 'with') {
    i++;
    if (ts[i]?.value === 'recursive') i++;
    // name [(columns)] [USING KEY (…)] AS [NOT] [MATERIALIZED] (body) [, …]
    for (;;) {
      while (i < ts.length && !(ts[i]!.kind === 'word' && ts[i]!.value === 'as')) i = ts[i]!.kind === 'open' ? skipGroup(ts, i) : i + 1;
      i++;
      while (ts[i]?.kind === 'word' && (ts[i]!.value === 'not' || ts[i]!.value === 'materialized')) i++;
      if (ts[i]?.kind !== 'open') return i;
      i = skipGroup(ts, i);
      if (ts[i]?.kind !== 'comma') break;
      i++;
    }
    return headOf(ts, i);
  }
  return i;
}

/** The name a call is made to when `ts[i]` is a word or quoted name followed by '('. */
const callAt = (ts: readonly Token[], i: number) => ((ts[i]!.kind === 'word' || ts[i]!.kind === 'quoted') && ts[i + 1]?.kind === 'open' ? ts[i]!.value : null);

export interface GuardContext {
  /** DuckDB's own tokens of the same text (Reader.tokenize); without them only this lexer is trusted (unit tests). */
  duckTokens?: DuckTokens;
  /** Names of the table functions and table macros of the running DuckDB (duckdb_functions()). */
  tableFunctions?: ReadonlySet<string>;
}

/** Whether the workbench may run `text`, and if not, why and at which word. */
export function checkStatement(text: string, ctx: GuardContext = {}): Verdict {
  const all = lex(text);
  const refuse = (reason: Refusal, t: Token | undefined): Verdict => ({ ok: false, reason, word: t ? text.slice(t.start, t.end) : '', at: t?.start ?? 0 });

  // Statements: split at every ';' outside strings and comments; the empty ones (a trailing ';') do not count.
  const semis = all.filter((t) => t.kind === 'semicolon');
  if (ctx.duckTokens) {
    const theirs = duckSemicolons(text, ctx.duckTokens);
    if (theirs.length !== semis.length || theirs.some((s, k) => s !== semis[k]!.start)) return refuse('unparsed', undefined);
  }
  const statements: Token[][] = [[]];
  for (const t of all) {
    if (t.kind === 'semicolon') statements.push([]);
    else if (significant(t)) statements[statements.length - 1]!.push(t);
  }
  const nonEmpty = statements.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return refuse('empty', undefined);
  if (nonEmpty.length > 1) return refuse('multiple', nonEmpty[1]![0]);
  const ts = nonEmpty[0]!;

  if (ctx.duckTokens) {
    // DuckDB's first token must be the same word: a head read differently is not a head checked.
    const k = ctx.duckTokens.types.findIndex((type) => type !== 5); // 5 = COMMENT
    const first = k < 0 ? -1 : charOffsets(text, [ctx.duckTokens.offsets[k]!])[0]!;
    if (first !== all.find(significant)!.start) return refuse('unparsed', undefined);
  }

  const head = ts[headOf(ts, 0)];
  if (!head) return refuse('notReading', ts[0]);
  const headWord = head.kind === 'word' ? head.value : '';
  if (!READING.has(headWord) || headWord === 'with' || headWord === 'explain') return refuse(REFUSED_HEADS[headWord] ?? 'notReading', head);

  // Calls and FROM items, depth by depth.
  const inFrom: boolean[] = [false];
  let depth = 0;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const name = callAt(ts, i);
    if (name !== null) {
      if (FILE_FUNCTION.test(name)) return refuse('fileFunction', t);
      if (ctx.tableFunctions?.has(name) && !ALLOWED_TABLE_FUNCTIONS.has(name)) return refuse('tableFunction', t);
    }
    if (t.kind === 'open') inFrom[++depth] = false;
    else if (t.kind === 'close') depth = Math.max(0, depth - 1);
    else if (t.kind === 'word') {
      if (t.value === 'from' || t.value === 'join') inFrom[depth] = true;
      else if (FROM_ENDS.has(t.value)) inFrom[depth] = false;
    }
    // Where a table goes (after FROM, JOIN, DESCRIBE … or a comma of a FROM list, past any opening brackets), DuckDB
    // reads a name it does not know as a file: a string ('x.csv'), a quoted name ("x.csv", also anywhere in a FROM
    // list), or a dotted name whose first part is no schema (x.csv, x.csv.gz).
    if ((t.kind === 'string' || t.kind === 'quoted' || t.kind === 'word') && callAt(ts, i) === null) {
      let k = i - 1;
      while (k >= 0 && ts[k]!.kind === 'open') k--;
      const before = ts[k];
      const tablePlace =
        before === undefined || (before.kind === 'word' && TABLE_BEFORE.has(before.value)) || (before.kind === 'comma' && inFrom[depth - (i - 1 - k)] === true);
      if (t.kind === 'string' && tablePlace) return refuse('filePath', t);
      if (t.kind === 'quoted' && looksLikeFile(t.value) && (tablePlace || inFrom[depth] === true)) return refuse('filePath', t);
      if (tablePlace && before !== undefined && ts[i + 1]?.kind === 'dot' && !SCHEMAS.has(t.value)) {
        let end = i;
        while (ts[end + 1]?.kind === 'dot' && (ts[end + 2]?.kind === 'word' || ts[end + 2]?.kind === 'quoted')) end += 2;
        return { ok: false, reason: 'filePath', word: text.slice(t.start, ts[end]!.end), at: t.start };
      }
    }
  }
  return { ok: true };
}
