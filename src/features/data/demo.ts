// The demo data the app ships (see data/SOURCES.md): real PAPI 2011–2024, loaded on first start and by "restore demo".
import type { Db } from '../../db/types';
import { insertPapiWideSql, loadRefProvincesSql, yearFromFileName } from '../../ingest/formats/papiWide';
import { rangeLabel, registerDataset } from './catalogue';
import refProvincesUrl from '../../../data/ref/provinces_63_to_34.csv?url';

const papiFiles = import.meta.glob('../../../data/papi/csv/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Reference data every import may join against (63 → 34 provinces). Loaded once at start. */
export async function loadReference(db: Db): Promise<void> {
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM ref_provinces')) as [{ n: number }];
  if (n > 0) return;
  await db.registerFile('ref_provinces.csv', await fetchBytes(refProvincesUrl));
  await db.exec(loadRefProvincesSql('ref_provinces.csv'));
  await db.dropFile('ref_provinces.csv');
}

export async function loadDemo(db: Db): Promise<void> {
  const entries = Object.entries(papiFiles).sort(([a], [b]) => a.localeCompare(b));
  const files = await Promise.all(entries.map(async ([path, url]) => ({ name: path.split('/').pop()!, bytes: await fetchBytes(url) })));
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
      id: datasetId, kind: 'index_scores', fileName: 'PAPI (papi/csv/2011.csv … 2024.csv)', rowCount: 63 * files.length,
      coverage: rangeLabel(cov?.lo ?? null, cov?.hi ?? null), isDemo: true, source: 'PAPI, UNDP & CECODES',
    });
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK');
    throw e;
  }
}
