// The `shown` schema: what every figure reads. Same tables as main, less the fictional demo rows that the user's own
// data displaces (rules in domain/demoRule.ts), so no figure can pool the demo commune with the user's rows — a rule
// the queries get for free by reading `shown.x` instead of `x`. Imports, edits and storage work on the main tables.
import { DISPLACED_BY, FICTIONAL_SOURCE, LOCAL_INDEX_ROWS_DISPLACED_BY } from '../domain/demoRule';

const str = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]) => xs.map(str).join(', ');

/** The main tables, each with a view of the same name and columns in `shown`. */
const PLAIN = [
  'par_criteria',
  'par_scores',
  'sipas_counts',
  'sipas_sheets',
  'sipas_items',
  'units',
  'commune_merger',
  'plan_targets',
  'plan_indicators',
  'plan_tasks',
] as const;

const hiddenWhen = Object.entries(DISPLACED_BY)
  .map(([kind, by]) => `(f.kind = ${str(kind)} AND EXISTS (SELECT 1 FROM main.datasets u WHERE NOT u.is_demo AND u.kind IN (${list(by!)})))`)
  .join('\n     OR ');

const localDisplaced = Object.entries(LOCAL_INDEX_ROWS_DISPLACED_BY)
  .map(([index, by]) => `(i.index_code = ${str(index)} AND EXISTS (SELECT 1 FROM main.datasets u WHERE NOT u.is_demo AND u.kind IN (${list(by)})))`)
  .join('\n       OR ');

/**
 * Whether the unit of a row (aliased `a`, with unit_code and unit_name) is a province: its code or name is in the
 * reference list. Anything else is local (commune, ward, unit), also when the name is blank. The one definition of an
 * index row's level, here and at import (ingest/demoAside.ts).
 */
export const isProvinceSql = (a: string) =>
  `coalesce(${a}.unit_code IN (SELECT k FROM shown.province_keys) OR ${a}.unit_name IN (SELECT k FROM shown.province_keys), false)`;

export const SHOWN_SQL = `
CREATE SCHEMA IF NOT EXISTS shown;
-- The shipped fictional data ("Dữ liệu minh họa"); the real PAPI data is demo too (shipped) but not fiction.
CREATE OR REPLACE VIEW shown.fictional AS
  SELECT id, kind FROM main.datasets WHERE is_demo AND source = ${str(FICTIONAL_SOURCE)};
-- Fictional datasets set aside whole, because the user loaded data of a kind that displaces them.
CREATE OR REPLACE VIEW shown.hidden AS
  SELECT f.id FROM shown.fictional f
  WHERE ${hiddenWhen};
CREATE OR REPLACE VIEW shown.datasets AS
  SELECT * FROM main.datasets WHERE id NOT IN (SELECT id FROM shown.hidden);
${PLAIN.map((t) => `CREATE OR REPLACE VIEW shown.${t} AS SELECT * FROM main.${t} WHERE dataset_id NOT IN (SELECT id FROM shown.hidden);`).join('\n')}
-- A province is a unit whose code or name is in the reference list; anything else is local (commune, ward, unit).
CREATE OR REPLACE VIEW shown.province_keys AS
  SELECT papi_code AS k FROM main.ref_provinces WHERE papi_code IS NOT NULL
  UNION SELECT old_province FROM main.ref_provinces UNION SELECT new_unit FROM main.ref_provinces;
-- Index rows: a fictional row steps aside when the user has rows of the same index at the same level, and the
-- fictional commune's own PAR or SIPAS rows when the user loaded the data they come from.
CREATE OR REPLACE VIEW shown.index_scores AS
WITH leveled AS (
  SELECT i.*, ${isProvinceSql('i')} AS _province,
         i.dataset_id IN (SELECT id FROM shown.fictional) AS _fictional
  FROM main.index_scores i
),
own AS (
  SELECT DISTINCT l.index_code, l._province FROM leveled l JOIN main.datasets d ON d.id = l.dataset_id WHERE NOT d.is_demo
)
SELECT * EXCLUDE (_province, _fictional) FROM leveled i
WHERE NOT i._fictional
   OR (NOT EXISTS (SELECT 1 FROM own o WHERE o.index_code = i.index_code AND o._province = i._province)
       AND NOT (NOT i._province AND (${localDisplaced})));
`;
