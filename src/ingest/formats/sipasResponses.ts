// sipas_responses: one row per respondent (phiếu), one column per item (TC2.3 …). Lands aggregated:
// sipas_counts (answers per period, unit, item and level) and sipas_sheets (respondents per period and unit).
// Built for 1,000,000-row files: one GROUP BY over the staged text (a histogram per item column), then
// everything else — answer labels, periods, duplicates, the final counts — works on that small result.
import type { Analysis, ColumnSpec, StageCtx } from './spec';
import type { Problem } from '../types';
import { answerLevel } from '../../domain/sipasAnswers';
import { dateOrderOf, parsePeriod, periodLabel, periodSortKey, type DateOrder, type Period } from '../../domain/periods';
import { ident, lit } from '../sql';
import { csvSource } from '../staging';
import type { Delimiter } from '../delimiter';
import { problem } from '../problems';
import { fictionalAsideIdsSql } from '../demoAside';

const columns: ColumnSpec[] = [
  {
    key: 'period',
    vi: 'Kỳ',
    aliases: ['kỳ báo cáo', 'kỳ khảo sát', 'period', 'thời gian', 'ngày khảo sát', 'ngày', 'date', 'quý'],
    type: 'text',
    required: true,
    cellRequired: true,
    note: { vi: '2026-Q1, 2026-H1, 2026 hoặc ngày dd/mm/yyyy', en: '2026-Q1, 2026-H1, 2026 or a date dd/mm/yyyy' },
  },
  {
    key: 'unit_code',
    vi: 'Mã đơn vị',
    aliases: ['mã điểm phục vụ', 'đơn vị', 'unit', 'unit code', 'service point', 'mã đv'],
    type: 'text',
    required: true,
    cellRequired: true,
  },
  {
    key: 'respondent_id',
    vi: 'Mã phiếu',
    aliases: ['số phiếu', 'phiếu', 'respondent', 'respondent id', 'id', 'stt'],
    type: 'text',
    required: false,
    note: { vi: 'Không trùng trong cùng kỳ và đơn vị', en: 'Unique within a period and unit' },
  },
];

export const sipasResponsesColumns = columns;
export const SIPAS_EXAMPLE = ['2026-Q1', 'X001-TTPV', 'P0001', '5', 'Hài lòng', '4', '', '3'];
export const SIPAS_EXAMPLE_ITEMS = ['TC1.1', 'TC1.2', 'TC2.1', 'TC2.2', 'TC3.1'];

/** An item column: "TC2.3", "Q2.3", "2.3", "tc 2.3" → element 2. */
export function itemElement(header: string): number | null {
  const m = /^[A-Za-zĐđ]{0,4}\s*([1-5])\.(\d{1,3})$/.exec(header.normalize('NFC').trim());
  return m ? Number(m[1]) : null;
}

interface SipasState {
  agg: string;
  items: { col: string; code: string; element: number; h: string }[];
  periods: string[];
  dateOrder: DateOrder | 'ambiguous' | null;
  levels: Map<string, number>;
}

const states = new Map<string, SipasState>();

/** The item columns of a staged file. */
function sipasItems(ctx: StageCtx) {
  return ctx.headers
    .map((h, i) => ({ col: `c${i}`, code: h, element: ctx.match.byIndex[i] === null ? itemElement(h) : null, h: `h${i}` }))
    .filter((x): x is { col: string; code: string; element: number; h: string } => x.element !== null);
}

/**
 * Checks a registered SIPAS file. One GROUP BY reads the file itself (no staging table on the happy path: at a
 * million rows, materialising 15 text columns costs as much as the read); `stage` builds the row-level staging
 * table only when a problem needs row numbers, or when the file has short rows the fast reader refuses.
 */
export async function analyseSipas(ctx: StageCtx, file: string, delimiter: Delimiter, stage: () => Promise<number>): Promise<Analysis & { rows: number }> {
  const { db } = ctx;
  const problems: Problem[] = [];
  const items = sipasItems(ctx);
  const P = ctx.col('period')!;
  const U = ctx.col('unit_code')!;
  const R = ctx.col('respondent_id');
  const agg = `_agg_${ctx.id}`;
  let staged: Promise<number> | null = null;
  const ensureStaged = () => (staged ??= stage());
  if (items.length === 0) {
    problems.push(problem(ctx, 'error', 'ingest.problem.noItems', {}));
    return { problems, questions: {}, coverage: null, rows: await ensureStaged() };
  }
  // The one pass over all rows: respondents per period and unit, distinct respondent ids (a repeat shows as fewer
  // distinct ids than ids), and per item how often each written answer occurs.
  const aggSql = (from: string) => `CREATE OR REPLACE TEMP TABLE ${agg} AS
    SELECT ${P} AS period, ${U} AS unit, count(*) AS n,
           ${R ? `count(${R}) AS idn, count(DISTINCT ${R}) AS ids` : '0 AS idn, 0 AS ids'},
           ${items.map((x) => `histogram(${x.col}) AS ${x.h}`).join(', ')}
    FROM ${from} WHERE NOT (${ctx.headers.map((_, i) => `c${i} IS NULL`).join(' AND ')}) GROUP BY ${P}, ${U}`; // blank rows are not respondents
  try {
    await db.exec(aggSql(csvSource(file, delimiter, ctx.headers.length)));
  } catch {
    await ensureStaged(); // short rows: the staging reader pads them (and rethrows what is really malformed)
    await db.exec(aggSql(ctx.stg));
  }
  const [totals] = await db.query<{ rows: number; dupGroups: number }>(
    `SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS rows, CAST(count_if(ids < idn) AS INTEGER) AS dupGroups FROM ${agg}`,
  );
  const rows = totals?.rows ?? 0;
  if (rows === 0) return { problems, questions: {}, coverage: null, rows };

  const rc = { ...ctx, ensureStaged };
  // Distinct written values as rows (no lists: the json extension is not bundled, and Arrow lists differ per Db).
  const valueRows = await db.query<{ w: string; v: string | null }>(
    [
      `SELECT DISTINCT 'periods' AS w, period AS v FROM ${agg}`,
      ...items.map((x) => `SELECT DISTINCT '${x.h}' AS w, unnest(map_keys(${x.h})) AS v FROM ${agg}`),
    ].join(' UNION ALL '),
  );
  const distinct: Record<string, (string | null)[]> = {};
  for (const r of valueRows) (distinct[r.w] ??= []).push(r.v);
  const periods = (distinct.periods ?? []).filter((p): p is string => p !== null);

  // Answers: map every distinct written value once; only bad values send us back to the rows.
  const levels = new Map<string, number>();
  const badByItem: { col: string; code: string; values: string[] }[] = [];
  for (const x of items) {
    const values = (distinct[x.h] ?? []).filter((v): v is string => v !== null);
    const bad: string[] = [];
    for (const v of values) {
      const level = answerLevel(v);
      if (level === undefined) bad.push(v);
      else if (level !== null) levels.set(v, level);
    }
    if (bad.length) badByItem.push({ col: x.col, code: x.code, values: bad });
  }
  for (const b of badByItem) {
    problems.push(...(await rowProblems(rc, `${b.col} IN (${b.values.map(lit).join(', ')})`, b.col, b.code, 'ingest.problem.answer')));
  }

  // Periods and units: required, and periods must read as a period.
  // Blank units and periods show up as group keys of the aggregate: only then are the rows looked up.
  const [blank] = await db.query<{ u: number; p: number }>(
    `SELECT CAST(count_if(nullif(trim(unit), '') IS NULL) AS INTEGER) AS u, CAST(count_if(nullif(trim(period), '') IS NULL) AS INTEGER) AS p FROM ${agg}`,
  );
  if (blank?.u) problems.push(...(await rowProblems(rc, `nullif(trim(${U}), '') IS NULL`, U, ctx.header('unit_code'), 'ingest.problem.required')));
  const dateOrder = dateOrderOf(periods);
  const order: DateOrder = ctx.answers.dateOrder ?? (dateOrder === 'mdy' ? 'mdy' : 'dmy');
  const badPeriods = periods.filter((p) => p.trim() !== '' && parsePeriod(p, order) === null);
  if (blank?.p) problems.push(...(await rowProblems(rc, `nullif(trim(${P}), '') IS NULL`, P, ctx.header('period'), 'ingest.problem.required')));
  if (badPeriods.length)
    problems.push(...(await rowProblems(rc, `${P} IN (${badPeriods.map(lit).join(', ')})`, P, ctx.header('period'), 'ingest.problem.period')));

  // The same respondent twice in one period and unit: seen in the aggregate, located in the rows only then.
  if (R && (totals?.dupGroups ?? 0) > 0)
    problems.push(
      ...(await rowProblems(
        rc,
        `rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY ${P}, ${U}, ${R} ORDER BY rowid) AS k FROM ${ctx.stg} WHERE ${R} IS NOT NULL) WHERE k > 1)`,
        R,
        ctx.header('respondent_id'),
        'ingest.problem.duplicateRespondent',
      )),
    );

  // Item codes are checked against the questionnaire by sipasBatchProblems (it depends on the batch).
  states.set(ctx.id, { agg, items, periods, dateOrder, levels });
  const parsed = periods.map((p) => parsePeriod(p, order)).filter((p): p is Period => p !== null);
  parsed.sort((a, b) => periodSortKey(a) - periodSortKey(b));
  const coverage = parsed.length
    ? parsed.length === 1 || periodLabel(parsed[0]!) === periodLabel(parsed.at(-1)!)
      ? periodLabel(parsed[0]!)
      : `${periodLabel(parsed[0]!)}–${periodLabel(parsed.at(-1)!)}`
    : null;
  return {
    problems,
    questions: dateOrder === 'ambiguous' && !ctx.answers.dateOrder ? { dateOrder: true } : {},
    coverage,
    rows,
  };
}

/**
 * Item codes must be known once a questionnaire will be loaded: the loaded one less the fictional demo questions that
 * step aside for the user's answers and less the codes a sipas_items file of the batch replaces, plus that file's.
 */
export async function sipasBatchProblems(ctx: StageCtx): Promise<Problem[]> {
  const st = states.get(ctx.id);
  if (!st) return [];
  const batch = ctx.pending.filter((p) => p.kind === 'sipas_items' && p.typed);
  const where = batch.map((p) => `item_code NOT IN (SELECT item_code FROM ${p.typed} WHERE item_code IS NOT NULL)`);
  if (ctx.own) where.push(`dataset_id NOT IN (${fictionalAsideIdsSql(['sipas_responses', ...ctx.pending.map((p) => p.kind)])})`);
  const itemSources = [
    `SELECT item_code FROM sipas_items${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    ...batch.map((p) => `SELECT item_code FROM ${p.typed}`),
  ];
  const known = await ctx.db.query<{ code: string }>(`SELECT DISTINCT item_code AS code FROM (${itemSources.join(' UNION ALL ')}) WHERE item_code IS NOT NULL`);
  const knownSet = new Set(known.map((r) => r.code));
  if (knownSet.size === 0) return [];
  return st.items.filter((x) => !knownSet.has(x.code)).map((x) => problem(ctx, 'error', 'ingest.problem.unknownItem', { column: x.code, value: x.code }));
}

/** Problems for the rows matching `where`, grouped by value (first row + count), at most 200. Stages the file first. */
async function rowProblems(
  ctx: StageCtx & { ensureStaged: () => Promise<number> },
  where: string,
  col: string,
  header: string,
  key: string,
): Promise<Problem[]> {
  await ctx.ensureStaged();
  const rows = await ctx.db.query<{ row: number; value: string | null; n: number }>(
    `SELECT CAST(min(rowid) + ${ctx.firstRow} AS INTEGER) AS row, ${col} AS value, CAST(count(*) AS INTEGER) AS n FROM ${ctx.stg} WHERE ${where} GROUP BY ${col} ORDER BY row LIMIT 200`,
  );
  return rows.map((r) => problem(ctx, 'error', key, { row: r.row, column: header, value: r.value ?? '', count: r.n }));
}

/** Temp table raw period → year, half, quarter under the chosen date order. */
async function periodMap(ctx: StageCtx, st: SipasState, order: DateOrder): Promise<string> {
  const t = `_pmap_${ctx.id}`;
  const rows = st.periods.map((raw) => [raw, parsePeriod(raw, order)] as const).filter((x): x is [string, Period] => x[1] !== null);
  await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${t} (raw VARCHAR, year SMALLINT, half TINYINT, quarter TINYINT)`);
  if (rows.length)
    await ctx.db.exec(`INSERT INTO ${t} VALUES ${rows.map(([raw, p]) => `(${lit(raw)}, ${p.year}, ${p.half ?? 'NULL'}, ${p.quarter ?? 'NULL'})`).join(', ')}`);
  return t;
}

async function answerMap(ctx: StageCtx, st: SipasState): Promise<string> {
  const t = `_amap_${ctx.id}`;
  await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${t} (raw VARCHAR, level TINYINT)`);
  if (st.levels.size) await ctx.db.exec(`INSERT INTO ${t} VALUES ${[...st.levels].map(([raw, l]) => `(${lit(raw)}, ${l})`).join(', ')}`);
  return t;
}

const sheetsOf = (agg: string, pmap: string) =>
  `SELECT p.year, p.half, p.quarter, nfc_normalize(trim(a.unit)) AS unit_code, sum(a.n) AS respondents
   FROM ${agg} a JOIN ${pmap} p ON p.raw = a.period WHERE nullif(trim(a.unit), '') IS NOT NULL GROUP BY ALL`;

/** Loaded SIPAS data for the same period and unit: SELECT dataset_id, what. */
export async function sipasLoadedDuplicates(ctx: StageCtx, order: DateOrder): Promise<{ dataset_id: string; what: string }[]> {
  const st = states.get(ctx.id);
  if (!st) return [];
  const pmap = await periodMap(ctx, st, order);
  return ctx.db.query<{ dataset_id: string; what: string }>(
    `SELECT DISTINCT s.dataset_id, CAST(s.year AS VARCHAR) || coalesce('-Q' || s.quarter, '-H' || s.half, '') || ' · ' || s.unit_code AS what
     FROM sipas_sheets s JOIN (${sheetsOf(st.agg, pmap)}) t
       ON s.year = t.year AND s.half IS NOT DISTINCT FROM t.half AND s.quarter IS NOT DISTINCT FROM t.quarter AND s.unit_code = t.unit_code`,
  );
}

/** Statements of the commit transaction: optional replace, then counts and sheets. */
export async function sipasCommitSql(ctx: StageCtx, datasetId: string, order: DateOrder, replace: boolean): Promise<string[]> {
  const st = states.get(ctx.id);
  if (!st) throw new Error('SIPAS staging lost');
  const pmap = await periodMap(ctx, st, order);
  const amap = await answerMap(ctx, st);
  const sheets = `_sheets_${ctx.id}`;
  const id = lit(datasetId);
  const long = st.items
    .map(
      (x) => `SELECT period, unit, ${lit(x.code.normalize('NFC').trim())} AS item, ${x.element} AS element,
                        unnest(map_keys(${x.h})) AS raw, unnest(map_values(${x.h})) AS cnt FROM ${st.agg}`,
    )
    .join(' UNION ALL ');
  const out = [`CREATE OR REPLACE TEMP TABLE ${sheets} AS ${sheetsOf(st.agg, pmap)}`];
  if (replace) {
    const match = `USING ${sheets} t WHERE s.year = t.year AND s.half IS NOT DISTINCT FROM t.half AND s.quarter IS NOT DISTINCT FROM t.quarter AND s.unit_code = t.unit_code`;
    out.push(`DELETE FROM sipas_counts s ${match}`, `DELETE FROM sipas_sheets s ${match}`);
  }
  out.push(
    `INSERT INTO sipas_counts
     SELECT ${id}, p.year, p.half, p.quarter, nfc_normalize(trim(x.unit)), x.item, x.element, m.level, sum(x.cnt)
     FROM (${long}) x JOIN ${amap} m ON m.raw = x.raw JOIN ${pmap} p ON p.raw = x.period
     WHERE nullif(trim(x.unit), '') IS NOT NULL GROUP BY ALL`,
    `INSERT INTO sipas_sheets SELECT ${id}, year, half, quarter, unit_code, respondents FROM ${sheets}`,
  );
  return out;
}

export async function dropSipas(ctx: StageCtx): Promise<void> {
  await ctx.db.exec(['_agg_', '_pmap_', '_amap_', '_sheets_'].map((p) => `DROP TABLE IF EXISTS ${ident(p + ctx.id)}`).join('; '));
  states.delete(ctx.id);
}
