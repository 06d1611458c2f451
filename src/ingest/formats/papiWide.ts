// PAPI files as published (one row per province, one column per sub-dimension SCxy, year from the file name),
// turned into long index_scores rows by DuckDB's UNPIVOT. Blank cells stay absent, so an incomplete
// province-year is visible as fewer components than its year has. What a sub-dimension column is and how the rows
// name their source are the registry's (domain/papi.ts, domain/indices.ts).
import { PAPI_SOURCE } from '../../domain/indices';
import { PAPI_SUB_DIMENSION } from '../../domain/papi';
import { lit } from '../sql';
import type { Check, StageCtx } from './spec';

/** A header that names a sub-dimension (SC52), as the file writes it ("sc52 " too). */
const isSubDimension = (header: string) => new RegExp(PAPI_SUB_DIMENSION, 'i').test(header.trim());

export function yearFromFileName(name: string): number | null {
  const m = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(name);
  return m ? Number(m[1]) : null;
}

/** SQL that inserts the registered file `fileName` into index_scores under `datasetId`. */
export function insertPapiWideSql(fileName: string, datasetId: string, year: number): string {
  return `
INSERT INTO index_scores
SELECT ${lit(datasetId)}, 'PAPI', ${year}, u.Province, coalesce(p.old_province, u.Province), u.component,
       CAST(u.score AS DOUBLE), NULL, NULL, NULL, ${lit(PAPI_SOURCE)}
FROM (
  UNPIVOT (SELECT * FROM read_csv(${lit(fileName)}, header = true, all_varchar = true))
  ON COLUMNS(${lit(PAPI_SUB_DIMENSION)}) INTO NAME component VALUE score
) u
LEFT JOIN ref_provinces p ON p.papi_code = u.Province
WHERE trim(u.score) <> ''`;
}

export function loadRefProvincesSql(fileName: string): string {
  return `
INSERT INTO ref_provinces
SELECT old_province, papi_hnks_code, new_unit_2025, new_unit_type
FROM read_csv(${lit(fileName)}, header = true, all_varchar = true)`;
}

// ── The same files through the import pipeline (analyseFile / importFile) ────────────────────────────────────

/** PAPI as published: a Province column of P-codes and SCxy columns, one per sub-dimension. */
export function isPapiWide(headers: readonly string[]): boolean {
  return headers.some((h) => /^province$/i.test(h.trim())) && headers.filter(isSubDimension).length >= 3;
}

/**
 * Typed rows in the shape of index_scores' typed table (so its duplicate, insert and coverage SQL apply):
 * one row per province and sub-dimension; blank cells stay absent, so an incomplete province-year shows.
 */
export function papiTypedSql(ctx: StageCtx, typ: string, year: number | null): string {
  const prov = ctx.headers.findIndex((h) => /^province$/i.test(h.trim()));
  const scs = ctx.headers.map((h, i) => ({ h: h.trim().toUpperCase(), i })).filter((x) => isSubDimension(x.h));
  const long = scs
    .map((x) => `SELECT rowid, ${lit(x.h)} AS component, ${lit(ctx.headers[x.i]!)} AS header, nullif(trim(c${x.i}), '') AS raw FROM ${ctx.stg}`)
    .join(' UNION ALL ');
  return `CREATE OR REPLACE TEMP TABLE ${typ} AS
    SELECT CAST(l.rowid + ${ctx.firstRow} AS INTEGER) AS __row, 'PAPI' AS "index", CAST(${year ?? 'NULL'} AS INTEGER) AS year,
           nullif(trim(s.c${prov}), '') AS unit_code, coalesce(p.old_province, nullif(trim(s.c${prov}), '')) AS unit_name,
           l.component, l.header, TRY_CAST(l.raw AS DOUBLE) AS score, l.raw AS raw_score, s.c${prov} AS raw_unit_code,
           CAST(NULL AS DOUBLE) AS max_score, CAST(NULL AS INTEGER) AS rank, CAST(NULL AS INTEGER) AS rank_of,
           ${lit(PAPI_SOURCE)} AS source
    FROM (${long}) l JOIN ${ctx.stg} s ON s.rowid = l.rowid
    LEFT JOIN (SELECT DISTINCT papi_code, old_province FROM ref_provinces) p ON p.papi_code = trim(s.c${prov})
    WHERE l.raw IS NOT NULL`;
}

export function papiChecks(ctx: StageCtx, typ: string): Check[] {
  const prov = ctx.headers.findIndex((h) => /^province$/i.test(h.trim()));
  // Sub-dimensions measured that year = SC columns with any value (2011–2017 files carry empty SC7x/SC8x columns).
  const scCount = `(SELECT count(DISTINCT component) FROM ${typ})`;
  const P = `c${prov}`;
  return [
    {
      severity: 'error',
      key: 'ingest.problem.number',
      columnFrom: 'b',
      sql: `SELECT __row AS row, raw_score AS value, NULL::VARCHAR AS a, header AS b FROM ${typ} WHERE score IS NULL`,
    },
    {
      severity: 'error',
      key: 'ingest.problem.papiRange',
      columnFrom: 'b',
      sql: `SELECT __row AS row, raw_score AS value, NULL::VARCHAR AS a, header AS b FROM ${typ} WHERE score < 0 OR score > 10`,
    },
    {
      severity: 'error',
      key: 'ingest.problem.required',
      column: 'unit_code',
      sql: `SELECT CAST(rowid + ${ctx.firstRow} AS INTEGER) AS row, '' AS value, NULL::VARCHAR AS a, NULL::VARCHAR AS b FROM ${ctx.stg} WHERE nullif(trim(${P}), '') IS NULL`,
    },
    {
      severity: 'error',
      key: 'ingest.problem.duplicateRow',
      column: 'unit_code',
      params: ['first'],
      sql: `SELECT row, value, CAST(first AS VARCHAR) AS a, NULL::VARCHAR AS b FROM (
              SELECT CAST(rowid + ${ctx.firstRow} AS INTEGER) AS row, trim(${P}) AS value,
                     min(rowid + ${ctx.firstRow}) OVER (PARTITION BY trim(${P})) AS first
              FROM ${ctx.stg} WHERE nullif(trim(${P}), '') IS NOT NULL) WHERE row > first`,
    },
    {
      // Not an error: the published data really has gaps. Totals over an incomplete set are not scores (flag, never rank).
      severity: 'warning',
      key: 'ingest.problem.papiIncomplete',
      column: 'unit_code',
      params: ['n', 'of'],
      sql: `SELECT min(__row) AS row, unit_code AS value, CAST(count(*) AS VARCHAR) AS a, CAST(${scCount} AS VARCHAR) AS b FROM ${typ}
            WHERE score IS NOT NULL GROUP BY unit_code HAVING count(*) < ${scCount}
            UNION ALL
            SELECT CAST(rowid + ${ctx.firstRow} AS INTEGER), trim(${P}), '0', CAST(${scCount} AS VARCHAR) FROM ${ctx.stg}
            WHERE nullif(trim(${P}), '') IS NOT NULL AND rowid NOT IN (SELECT __row - ${ctx.firstRow} FROM ${typ})`,
    },
  ];
}
