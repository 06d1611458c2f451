// The commune crosswalk (data/ref/communes_2025.json, unofficial, see data/SOURCES.md): fetched from our own origin
// only when an index has local units (never in the main bundle), checked against its schema, parsed once per session.
import { z } from 'zod';
import { parseCrosswalk, pickCommuneIndex, type CommuneIndex, type NewCommune } from '../../domain/communeMerger';
import { provinceInView, type Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import url from '../../../data/ref/communes_2025.json?url';

/** The file as published: one object per new commune, `columns` = [province of 34, new commune, former communes]. */
export const communesFileSchema = z.array(z.object({ columns: z.tuple([z.string().min(1), z.string().min(1), z.string().min(1)]) })).min(1);

// The file writes the province of Hồ Chí Minh City as "TP HCM"; the app's province crosswalk says "Hồ Chí Minh".
const PROVINCE_ALIASES: Record<string, string> = { 'TP HCM': 'Hồ Chí Minh' };

export function parseCommunesFile(json: unknown): NewCommune[] {
  const rows = communesFileSchema.parse(json).map(({ columns: [p, n, f] }) => [PROVINCE_ALIASES[p] ?? p, n, f] as const);
  return parseCrosswalk(rows);
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
 * province their names are from; null when there is nothing to switch (pickCommuneIndex).
 */
export async function communeIndexFor(cw: Crosswalk, province: string | null, local: readonly UnitTotal[]): Promise<CommuneIndex | null> {
  if (local.length === 0) return null;
  return pickCommuneIndex(await loadAll(), provinceInView(cw, province, '34'), local);
}
