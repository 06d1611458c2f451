// The dataset catalogue: what is loaded, from which file, covering which years.
import type { Db } from '../db/types';
import { FICTIONAL_SOURCE } from '../domain/demoRule';

export interface DatasetInfo {
  id: string;
  kind: string;
  file_name: string;
  row_count: number;
  coverage: string | null;
  imported_at: string;
  is_demo: boolean;
  source: string | null;
  table_name: string | null;
  /** False for fictional demo data set aside because the user loaded their own of the kind (db/shown.ts). */
  shown: boolean;
}

/** What a chart built from some kinds of data names as its source: each dataset's source, else its file name. */
export function sourcesOf(datasets: readonly DatasetInfo[], kinds: readonly string[]): string | undefined {
  const names = [...new Set(datasets.filter((d) => d.shown && kinds.includes(d.kind)).map((d) => d.source || d.file_name))];
  return names.length ? names.join('; ') : undefined;
}

/** The shipped fictional data (as db/shown.ts's shown.fictional): the real PAPI is shipped too, but is not fiction. */
const isFictional = (d: DatasetInfo) => d.is_demo && d.source === FICTIONAL_SOURCE;

/** Whether any figure may show fictional rows: the "Dữ liệu minh họa" badge of the app, slides, report and pictures. */
export const showsFiction = (datasets: readonly DatasetInfo[]) => datasets.some((d) => d.shown && isFictional(d));

/** Every source of what is shown (each dataset's source, else its file name), for the deck's and report's source line. */
export function allSources(datasets: readonly DatasetInfo[]): string[] {
  return [...new Set(datasets.filter((d) => d.shown).map((d) => d.source || d.file_name))];
}

/** "2011–2024" from the smallest and largest value; one value stays as it is. */
export function rangeLabel(min: string | number | null, max: string | number | null): string | null {
  if (min === null || max === null) return null;
  return String(min) === String(max) ? String(min) : `${min}–${max}`;
}

const LIST_DATASETS_SQL = `
SELECT id, kind, file_name, row_count, coverage, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, is_demo, source, table_name,
       id IN (SELECT id FROM shown.datasets) AS shown
FROM datasets ORDER BY imported_at DESC, id`;

export async function listDatasets(db: Db): Promise<DatasetInfo[]> {
  return db.query<DatasetInfo & Record<string, unknown>>(LIST_DATASETS_SQL);
}
