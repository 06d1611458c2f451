// Which units are the user's: the commune (chosen in Settings, else told by the loaded data) and whether the user has
// data of their own. Read by every page that speaks for "your" commune (app/useUnits.ts, the deck, the report).
import type { Db } from '../db/types';
import { LOCAL_INDICES } from '../domain/indices';
import { run, sql, type Sql } from '../sql/sql';

/** True once the user has loaded data of their own (not the shipped demo, not a plain table). */
const hasOwn = sql`SELECT count(*) > 0 FROM datasets WHERE NOT is_demo AND kind <> 'table'`;
const hasOwnDataQuery = sql`SELECT (${hasOwn}) AS own`;

/**
 * The commune: the unit chosen in Settings if the units list has it, else the unit most others name as their
 * parent (the commune of its offices and schools). Once the user has data of their own, the fictional demo's units
 * are never taken for theirs. `preferred`: the code chosen, or null.
 */
function communeQuery(preferred: string | null): Sql {
  return sql`
SELECT u.unit_code, any_value(u.unit_name) AS unit_name
FROM shown.units u
WHERE u.dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${hasOwn})
GROUP BY u.unit_code
ORDER BY (u.unit_code = ${preferred}) DESC NULLS LAST,
         (SELECT count(*) FROM shown.units c WHERE c.parent_code = u.unit_code) DESC, u.unit_code
LIMIT 1`;
}

/**
 * Without a units list: the one local unit (not a province) that has index rows of an index that scores communes (the
 * registry's LOCAL_INDICES: PAR, SIPAS), if there is exactly one.
 * Province keys as in db/shown.ts.
 */
const loneLocalUnitQuery = sql`
SELECT unit_code, any_value(unit_name) AS unit_name FROM shown.index_scores
WHERE index_code IN (${LOCAL_INDICES}) AND (dataset_id NOT IN (SELECT id FROM shown.fictional) OR NOT (${hasOwn}))
  AND unit_code NOT IN (SELECT k FROM shown.province_keys) AND coalesce(unit_name, '') NOT IN (SELECT k FROM shown.province_keys)
GROUP BY unit_code`;

export async function fetchCommune(db: Db, preferred: string | null): Promise<{ code: string; name: string } | null> {
  const [r] = await run<{ unit_code: string; unit_name: string }>(db, communeQuery(preferred));
  if (r) return { code: r.unit_code, name: r.unit_name };
  const lone = await run<{ unit_code: string; unit_name: string | null }>(db, loneLocalUnitQuery);
  return lone.length === 1 ? { code: lone[0]!.unit_code, name: lone[0]!.unit_name ?? lone[0]!.unit_code } : null;
}

export async function hasOwnData(db: Db): Promise<boolean> {
  const [r] = await run<{ own: boolean }>(db, hasOwnDataQuery);
  return !!r?.own;
}
