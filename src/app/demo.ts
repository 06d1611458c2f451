// The demo data the app ships (see data/SOURCES.md): real PAPI 2011–2024 and the fictional commune in data/demo/*.csv,
// loaded on first start and by "restore demo". The demo CSVs go through the same import pipeline as the user's files.
import type { Db } from '../db/types';
import { FICTIONAL_SOURCE } from '../domain/demoRule';
import { PAPI_SOURCE } from '../domain/indices';
import { guessKind, importFiles } from '../ingest/importFiles';
import { demoKindsLeftOut } from '../ingest/demoAside';
import { problem } from '../ingest/problems';
import type { DemoAside, ImportOutcome } from '../ingest/types';
import type { Kind } from '../domain/kinds';
import { insertPapiWideSql, loadRefProvincesSql, yearFromFileName } from '../ingest/formats/papiWide';
import { registerDataset } from '../ingest/register';
import { rangeLabel } from './catalogue';
import refProvincesUrl from '../../data/ref/provinces_63_to_34.csv?url';

const demoFiles = import.meta.glob('../../data/demo/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const papiFiles = import.meta.glob('../../data/papi/csv/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** How the app reads a shipped file: fetched from its own origin. Tests in Node read the same files from disk. */
type ReadShipped = (url: string) => Promise<Uint8Array>;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Reference data every import may join against (63 → 34 provinces). Loaded once at start. */
export async function loadReference(db: Db, read: ReadShipped = fetchBytes): Promise<void> {
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM ref_provinces')) as [{ n: number }];
  if (n > 0) return;
  await db.registerFile('ref_provinces.csv', await read(refProvincesUrl));
  await db.exec(loadRefProvincesSql('ref_provinces.csv'));
  await db.dropFile('ref_provinces.csv');
}

/**
 * Loads the demo: the fictional commune's files (data/demo/*.csv) through importFiles, then the PAPI files.
 * A demo file whose keys are already loaded is skipped, never replacing what the user imported; fictional data of a
 * kind the user has loaded is left out (whole files, or an index's rows at a level: ingest/demoAside.ts).
 */
export async function loadDemo(db: Db, read: ReadShipped = fetchBytes): Promise<ImportOutcome[]> {
  const files = await Promise.all(
    Object.entries(demoFiles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([path, url]) => ({ name: path.split('/').pop()!, bytes: await read(url) })),
  );
  // A file of a kind the user's data displaces is not even checked: it is left out (said so by leftOutOf).
  const leftOut = await demoKindsLeftOut(db);
  const skipped: ImportOutcome[] = [];
  const loading = files.filter((f) => {
    const kind = guessKind(f);
    if (!leftOut.includes(kind)) return true;
    skipped.push({ ok: false, plan: null, problems: [problem({ file: f.name }, 'error', 'ingest.problem.demoLeftOut', {}, { kind })] });
    return false;
  });
  const outcomes = [...skipped, ...(await importFiles(db, loading, { onDuplicate: 'cancel' }, { isDemo: true, source: FICTIONAL_SOURCE }))];
  for (const o of outcomes) if (!o.ok && !isLeftOut(o)) console.warn('demo file not loaded', o.plan?.file, o.problems.slice(0, 3));
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM datasets WHERE id = 'demo-papi'`);
  if (n === 0) await loadPapiDemo(db, read);
  return outcomes;
}

async function loadPapiDemo(db: Db, read: ReadShipped): Promise<void> {
  const entries = Object.entries(papiFiles).sort(([a], [b]) => a.localeCompare(b));
  const files = await Promise.all(entries.map(async ([path, url]) => ({ name: path.split('/').pop()!, bytes: await read(url) })));
  const datasetId = 'demo-papi';
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const f of files) {
      const year = yearFromFileName(f.name);
      if (year === null) continue;
      const vname = `demo_papi_${year}.csv`;
      await db.registerFile(vname, f.bytes);
      await db.exec(insertPapiWideSql(vname, datasetId, year));
      await db.dropFile(vname);
    }
    const [cov] = await db.query<{ lo: number; hi: number }>(`SELECT min(year) AS lo, max(year) AS hi FROM index_scores WHERE dataset_id = ?`, [datasetId]);
    await registerDataset(db, {
      id: datasetId,
      kind: 'index_scores',
      fileName: 'PAPI (papi/csv/2011.csv … 2024.csv)',
      rowCount: 63 * files.length,
      coverage: rangeLabel(cov?.lo ?? null, cov?.hi ?? null),
      isDemo: true,
      source: PAPI_SOURCE,
    });
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK');
    throw e;
  }
}

const isLeftOut = (o: ImportOutcome) => !o.ok && o.problems.some((p) => p.expected.key === 'ingest.problem.demoLeftOut');

/** What of the demo was left out because the user's own data of the kind is loaded. */
export function leftOutOf(outcomes: readonly ImportOutcome[]): DemoAside {
  const out: DemoAside = { datasets: [], rows: [] };
  for (const o of outcomes) {
    if (isLeftOut(o)) {
      const p = o.ok ? null : o.problems.find((x) => x.expected.key === 'ingest.problem.demoLeftOut')!;
      const kind = (o.plan?.kind ?? p?.expected.params?.kind) as Kind | undefined;
      if (p && kind) out.datasets.push({ id: null, file: p.file, kind });
    }
    if (o.ok && o.leftOut) {
      out.datasets.push(...o.leftOut.datasets);
      out.rows.push(...o.leftOut.rows);
    }
  }
  return out;
}
