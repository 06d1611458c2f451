// The commune crosswalk (data/ref/communes_2025.json, unofficial, see data/SOURCES.md): fetched from our own origin
// only when an index has local units (never in the main bundle), checked against its schema, parsed once per session;
// and the crosswalks the user loaded (commune_merger), which take precedence province by province.
import type { Db } from '../../db/types';
import { communesFileSchema } from '../../ingest/sources/json';
import { run } from '../../sql/sql';
import { communeMergerQuery, type CommuneMergerRow } from './queries';
import { parseCrosswalk, pickCommuneIndex, type CommuneIndex, type NewCommune } from '../../domain/communeMerger';
import { provinceInView, type Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import url from '../../../data/ref/communes_2025.json?url';

/** The shipped file, checked against its schema; its province names as the app writes them (parseCrosswalk). */
export function parseCommunesFile(json: unknown): NewCommune[] {
  return parseCrosswalk(communesFileSchema.parse(json).map((r) => r.columns));
}

let all: Promise<NewCommune[]> | null = null;

function loadAll(): Promise<NewCommune[]> {
  if (!all) {
    all = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`communes_2025.json: HTTP ${res.status}`);
      return parseCommunesFile(await res.json());
    })();
    all.catch(() => (all = null));
  }
  return all;
}

/**
 * The commune crosswalk for the local units: of the user's province (a former province maps to its new one), or of the
 * province their names are from; null when there is nothing to switch (pickCommuneIndex). A crosswalk the user loaded
 * (commune_merger) replaces the shipped one for each province it covers.
 */
export async function communeIndexFor(db: Db, cw: Crosswalk, province: string | null, local: readonly UnitTotal[]): Promise<CommuneIndex | null> {
  if (local.length === 0) return null;
  const rows = await run<CommuneMergerRow>(db, communeMergerQuery);
  const loaded = parseCrosswalk(rows.map((r) => [r.province, r.new_commune, r.former_communes] as const)).map((c, i) => ({ ...c, source: rows[i]!.file_name }));
  const covered = new Set(loaded.map((c) => c.provinceKey));
  const all = [...(await loadAll()).filter((c) => !covered.has(c.provinceKey)), ...loaded];
  return pickCommuneIndex(all, provinceInView(cw, province, '34'), local);
}
