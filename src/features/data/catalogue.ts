// The dataset catalogue: what is loaded, from which file, covering which years.
import type { Db } from '../../db/types';

export interface DatasetInfo {
  id: string;
  kind: string;
  file_name: string;
  row_count: number;
  coverage: string | null;
  imported_at: string;
  is_demo: boolean;
  source: string | null;
}

export interface NewDataset {
  id: string;
  kind: string;
  fileName: string;
  isDemo: boolean;
  source: string | null;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Records a dataset whose rows are already in `table`; counts its rows and the years it covers. */
export async function registerDataset(db: Db, d: NewDataset, table: 'index_scores'): Promise<void> {
  await db.exec(`
INSERT INTO datasets
SELECT ${q(d.id)}, ${q(d.kind)}, ${q(d.fileName)}, count(*),
       CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR) ELSE min(year) || '–' || max(year) END,
       now()::TIMESTAMP, ${d.isDemo}, ${d.source === null ? 'NULL' : q(d.source)}
FROM ${table} WHERE dataset_id = ${q(d.id)}`);
}

export const LIST_DATASETS_SQL = `
SELECT id, kind, file_name, row_count, coverage, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, is_demo, source
FROM datasets ORDER BY imported_at DESC, id`;

export async function listDatasets(db: Db): Promise<DatasetInfo[]> {
  return db.query<DatasetInfo & Record<string, unknown>>(LIST_DATASETS_SQL);
}
