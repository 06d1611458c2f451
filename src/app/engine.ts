// Everything the app runs once DuckDB's JS has loaded: creating the tables, restoring the saved data (or the demo on a
// first start), listing the catalogue and following other tabs. DataContext loads this module beside the engine, so
// the first view (drawn from a snapshot: viewSnapshot.ts) downloads none of it: no ingest code, papaparse or zod.
import type { Db } from '../db/types';
import { SCHEMA_SQL } from '../db/schema';
import { loadReference } from './demo';
import { listDatasets } from './catalogue';
import { startData, type StartReport, type StartStep } from './lifecycle';

export { listDatasets } from './catalogue';
export { onSynced, syncedRevision, watchOtherTabs } from '../store/persist';

/** Starts the engine, creates the tables, restores the saved data (or seeds the demo on the very first start). */
export async function startEngine(connect: () => Promise<Db>, onStep: (s: StartStep) => void, cancelled: () => boolean) {
  const db = await connect();
  if (cancelled()) return null;
  await db.exec(SCHEMA_SQL);
  await loadReference(db);
  performance.mark('chiso:restore-start');
  const report: StartReport = await startData(db, onStep);
  performance.mark('chiso:data-ready'); // restore (or first-start demo) done: read by `npm run bench`
  return { db, report, datasets: await listDatasets(db) };
}
