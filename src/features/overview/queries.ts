// What the overview cards read: every index's totals, the crosswalk, the commune's SIPAS and its name.
import type { Db } from '../../db/types';
import { INDEX_CODES, type IndexCode } from '../../domain/indices';
import type { CommuneIndex } from '../../domain/communeMerger';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import type { SipasYearRow } from '../indices/queries';
import { communeIndexFor } from '../indices/communeCrosswalk';
import { localUnits } from '../indices/model';
import { fetchCrosswalk, fetchSipasPooled, fetchSources, fetchUnitTotals } from '../indices/unitTotals';

/** The name of a unit code, from the units catalogue or any index row. Params: [code, code]. */
export const UNIT_NAME_SQL = `
SELECT unit_name FROM (
  SELECT unit_name, 0 AS pref FROM shown.units WHERE unit_code = ?
  UNION ALL SELECT unit_name, 1 FROM shown.index_scores WHERE unit_code = ? AND unit_name IS NOT NULL
) ORDER BY pref LIMIT 1`;

/** Where the commune's SIPAS answers came from: each dataset's source, else its file name (as sourcesOf in data/catalogue.ts). */
export const SIPAS_SOURCES_SQL = `SELECT DISTINCT coalesce(nullif(source, ''), file_name) AS source FROM shown.datasets WHERE kind = 'sipas_responses' ORDER BY source`;

export interface OverviewData {
  cw: Crosswalk;
  /** The province's commune crosswalk, when the local units' names are in it. */
  communes: CommuneIndex | null;
  totals: Record<IndexCode, UnitTotal[]>;
  /** Each index's sources as given in its rows; SIPAS answers' sources apart. */
  sources: Record<IndexCode, string[]>;
  sipasSources: string[];
  sipas: SipasYearRow[];
  communeName: string | null;
}

export async function loadOverview(db: Db, commune: string | null, province: string | null): Promise<OverviewData> {
  const cw = await fetchCrosswalk(db);
  const totals = {} as Record<IndexCode, UnitTotal[]>;
  const sources = {} as Record<IndexCode, string[]>;
  for (const c of INDEX_CODES) {
    totals[c] = await fetchUnitTotals(db, c);
    sources[c] = await fetchSources(db, c);
  }
  const communes = await communeIndexFor(db, cw, province, localUnits(cw, [...totals.PAR, ...totals.SIPAS]));
  const sipasSources = (await db.query<{ source: string }>(SIPAS_SOURCES_SQL)).map((r) => r.source);
  const sipas = await fetchSipasPooled(db, commune); // no commune: every answer loaded
  const name = commune ? await db.query<{ unit_name: string }>(UNIT_NAME_SQL, [commune, commune]) : [];
  return { cw, communes, totals, sources, sipasSources, sipas, communeName: name[0]?.unit_name ?? null };
}
