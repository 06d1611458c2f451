// The fictional demo steps aside for the user's own data, applied at import time. The rule (which fictional data
// gives way to which of the user's kinds) is domain/demoRule.ts; the views every figure reads (db/shown.ts) apply the
// same rule to what is loaded. Here it works both ways:
//  - a user's file takes the fictional data it would mix with out, in its own commit transaction (and its plan card
//    says so first); fictional rows that step aside are never asked about as duplicates;
//  - a fictional demo file (first start, "Khôi phục dữ liệu minh họa") leaves out what clashes with the user's data.
// The real PAPI data is demo (shipped) but not fiction: it never steps aside.
import { isProvinceSql } from '../db/shown';
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { DISPLACED_BY, FICTIONAL_SOURCE, LOCAL_INDEX_ROWS_DISPLACED_BY } from '../domain/demoRule';
import type { DemoAside } from './types';
import type { Kind } from '../domain/kinds';
import { lit } from './sql';

/** Kinds of fictional datasets that step aside whole when the user's data of `kinds` lands. */
function kindsAside(kinds: readonly Kind[]): Kind[] {
  return (Object.entries(DISPLACED_BY) as [Kind, readonly Kind[]][]).filter(([, by]) => by.some((k) => kinds.includes(k))).map(([k]) => k);
}

/** Indices whose fictional local rows (the demo commune's own PAR or SIPAS) step aside when the user's `kinds` land. */
function localIndicesAside(kinds: readonly Kind[]): string[] {
  return Object.entries(LOCAL_INDEX_ROWS_DISPLACED_BY)
    .filter(([, by]) => by.some((k) => kinds.includes(k)))
    .map(([i]) => i);
}

const list = (xs: readonly string[]) => xs.map(lit).join(', ');

/** The fictional datasets (shipped "Dữ liệu minh họa"), as SQL over `datasets` aliased `d`. */
const isFictionalSql = (d = 'd') => `(${d}.is_demo AND ${d}.source = ${lit(FICTIONAL_SOURCE)})`;

/** SELECT id: fictional datasets that step aside whole for the user's `kinds`. */
export function fictionalAsideIdsSql(kinds: readonly Kind[]): string {
  const aside = kindsAside(kinds);
  return aside.length ? `SELECT d.id FROM datasets d WHERE ${isFictionalSql()} AND d.kind IN (${list(aside)})` : `SELECT NULL::VARCHAR AS id WHERE false`;
}

/** Province or not: db/shown.ts's one definition of an index row's level. */
const provinceSql = isProvinceSql;

/**
 * The condition (over index_scores rows aliased `i`) of the fictional index rows that step aside for the user's data:
 * rows of an index at a level the user's index files (`indexTyped`, typed tables with an "index" column) bring, and
 * the demo commune's local PAR / SIPAS rows when the user's `kinds` are the data they come from. Null: none.
 */
function indexRowsAsideSql(kinds: readonly Kind[], indexTyped: readonly string[]): string | null {
  const parts: string[] = [];
  if (indexTyped.length)
    parts.push(
      `(i.index_code, ${provinceSql('i')}) IN (${indexTyped.map((t) => `SELECT DISTINCT upper(t."index"), ${provinceSql('t')} FROM ${t} t`).join(' UNION ')})`,
    );
  const local = localIndicesAside(kinds);
  if (local.length) parts.push(`(NOT ${provinceSql('i')} AND i.index_code IN (${list(local)}))`);
  return parts.length ? `(${parts.join(' OR ')})` : null;
}

/** What of the user's data lands: its kinds, and the typed tables of its index files. */
interface Landing {
  kinds: readonly Kind[];
  indexTyped: readonly string[];
}

/** A DemoAside of loaded datasets (with their ids). */
interface LoadedAside extends DemoAside {
  datasets: { id: string; file: string; kind: Kind }[];
  rows: { id: string; file: string; index: string; province: boolean; count: number }[];
}

/** The fictional data the user's `landing` takes out: whole datasets, and index rows of datasets that keep the rest. */
export async function demoAsideOf(db: Db, landing: Landing): Promise<LoadedAside> {
  const datasets = await db.query<{ id: string; file: string; kind: Kind }>(
    `SELECT d.id, d.file_name AS file, d.kind FROM datasets d WHERE d.id IN (${fictionalAsideIdsSql(landing.kinds)}) ORDER BY d.file_name, d.id`,
  );
  const cond = indexRowsAsideSql(landing.kinds, landing.indexTyped);
  const rows = cond
    ? await db.query<{ id: string; file: string; index: string; province: boolean; count: number }>(
        `SELECT i.dataset_id AS id, d.file_name AS file, i.index_code AS "index", ${provinceSql('i')} AS province, CAST(count(*) AS INTEGER) AS count
         FROM index_scores i JOIN datasets d ON d.id = i.dataset_id
         WHERE ${isFictionalSql()} AND d.kind = 'index_scores' AND ${cond}
         GROUP BY ALL ORDER BY file, "index", province DESC`,
      )
    : [];
  return { datasets, rows };
}

export const isEmptyAside = (a: DemoAside | undefined | null) => !a || (a.datasets.length === 0 && a.rows.length === 0);

/**
 * Takes the fictional data out that the user's `landing` displaces; call it inside the import's transaction.
 * Returns the datasets removed whole and those that lost rows but keep others (to store again in the same write).
 */
export async function takeDemoAside(db: Db, landing: Landing): Promise<{ removed: string[]; replaced: string[]; aside: DemoAside }> {
  const aside = await demoAsideOf(db, landing);
  const removed = aside.datasets.map((d) => d.id);
  for (const id of removed) {
    for (const t of DATA_TABLES) await db.exec(`DELETE FROM ${t} WHERE dataset_id = ${lit(id)}`);
    await db.exec(`DELETE FROM datasets WHERE id = ${lit(id)}`);
  }
  const cond = indexRowsAsideSql(landing.kinds, landing.indexTyped);
  const replaced: string[] = [];
  for (const id of [...new Set(aside.rows.map((r) => r.id))]) {
    await db.exec(`DELETE FROM index_scores i WHERE i.dataset_id = ${lit(id)} AND ${cond}`);
    const [left] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM index_scores WHERE dataset_id = ${lit(id)}`);
    if ((left?.n ?? 0) === 0) {
      await db.exec(`DELETE FROM datasets WHERE id = ${lit(id)}`);
      removed.push(id);
    } else {
      // One index row per file row: the catalogue counts what is left.
      await db.exec(`UPDATE datasets SET row_count = ${left!.n} WHERE id = ${lit(id)}`);
      replaced.push(id);
    }
  }
  return { removed, replaced, aside };
}

/** The kinds of the user's own data loaded now. */
async function userKinds(db: Db): Promise<Kind[]> {
  return (await db.query<{ kind: Kind }>(`SELECT DISTINCT kind FROM datasets WHERE NOT is_demo`)).map((r) => r.kind);
}

/** Kinds of fictional demo files left out whole because the user's own data of a kind they give way to is loaded. */
export async function demoKindsLeftOut(db: Db): Promise<Kind[]> {
  return kindsAside(await userKinds(db));
}

/**
 * The other way round, for a fictional demo file about to land (`typed`, of `kind`): what of it clashes with the
 * user's data loaded now. `whole`: the file is left out; otherwise its index rows of an index at a level the user
 * has (and the commune's own PAR / SIPAS rows when the user has the data they come from) are taken out of `typed`.
 * Returns what was left out, or null when nothing was.
 */
export async function yieldToUser(db: Db, file: string, kind: Kind, typed: string | null): Promise<{ whole: boolean; leftOut: DemoAside } | null> {
  const kinds = await userKinds(db);
  if (kindsAside(kinds).includes(kind)) return { whole: true, leftOut: { datasets: [{ id: null, file, kind }], rows: [] } };
  if (kind !== 'index_scores' || !typed) return null;
  const parts: string[] = [
    `(upper(t."index"), ${provinceSql('t')}) IN (SELECT i.index_code, ${provinceSql('i')} FROM index_scores i JOIN datasets d ON d.id = i.dataset_id WHERE NOT d.is_demo)`,
  ];
  const local = localIndicesAside(kinds);
  if (local.length) parts.push(`(NOT ${provinceSql('t')} AND upper(t."index") IN (${list(local)}))`);
  const cond = parts.join(' OR ');
  const rows = await db.query<{ index: string; province: boolean; count: number }>(
    `SELECT upper(t."index") AS "index", ${provinceSql('t')} AS province, CAST(count(*) AS INTEGER) AS count FROM ${typed} t WHERE ${cond} GROUP BY ALL ORDER BY 1, 2 DESC`,
  );
  if (!rows.length) return null;
  await db.exec(`DELETE FROM ${typed} t WHERE ${cond}`);
  const [left] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${typed}`);
  if ((left?.n ?? 0) === 0) return { whole: true, leftOut: { datasets: [{ id: null, file, kind }], rows: [] } };
  return { whole: false, leftOut: { datasets: [], rows: rows.map((r) => ({ id: null, file, ...r })) } };
}
