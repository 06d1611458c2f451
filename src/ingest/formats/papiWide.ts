// PAPI files as published (one row per province, one column per sub-dimension SCxy, year from the file name),
// turned into long index_scores rows by DuckDB's UNPIVOT. Blank cells stay absent, so an incomplete
// province-year is visible as fewer components than its year has.

export function yearFromFileName(name: string): number | null {
  const m = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(name);
  return m ? Number(m[1]) : null;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SQL that inserts the registered file `fileName` into index_scores under `datasetId`. */
export function insertPapiWideSql(fileName: string, datasetId: string, year: number): string {
  return `
INSERT INTO index_scores
SELECT ${q(datasetId)}, 'PAPI', ${year}, u.Province, coalesce(p.old_province, u.Province), u.component,
       CAST(u.score AS DOUBLE), NULL, NULL, NULL, 'PAPI, UNDP & CECODES'
FROM (
  UNPIVOT (SELECT * FROM read_csv(${q(fileName)}, header = true, all_varchar = true))
  ON COLUMNS('^SC[0-9]+$') INTO NAME component VALUE score
) u
LEFT JOIN ref_provinces p ON p.papi_code = u.Province
WHERE trim(u.score) <> ''`;
}

export function loadRefProvincesSql(fileName: string): string {
  return `
INSERT INTO ref_provinces
SELECT old_province, papi_hnks_code, new_unit_2025, new_unit_type
FROM read_csv(${q(fileName)}, header = true, all_varchar = true)`;
}
