// What the overview cards read: every index's totals, the crosswalk, the commune's SIPAS and its name.
import type { Db } from '../../db/types';
import { INDEX_CODES, type IndexCode } from '../../domain/indices';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import type { SipasYearRow } from '../indices/queries';
import { fetchCrosswalk, fetchSipasPooled, fetchUnitTotals } from '../indices/unitTotals';

/** The name of a unit code, from the units catalogue or any index row. Params: [code, code]. */
export const UNIT_NAME_SQL = `
SELECT unit_name FROM (
  SELECT unit_name, 0 AS pref FROM units WHERE unit_code = ?
  UNION ALL SELECT unit_name, 1 FROM index_scores WHERE unit_code = ? AND unit_name IS NOT NULL
) ORDER BY pref LIMIT 1`;

export interface OverviewData {
  cw: Crosswalk;
  totals: Record<IndexCode, UnitTotal[]>;
  sipas: SipasYearRow[];
  communeName: string | null;
}

export async function loadOverview(db: Db, commune: string | null): Promise<OverviewData> {
  const cw = await fetchCrosswalk(db);
  const totals = {} as Record<IndexCode, UnitTotal[]>;
  for (const c of INDEX_CODES) totals[c] = await fetchUnitTotals(db, c);
  const sipas = commune ? await fetchSipasPooled(db, commune) : [];
  const name = commune ? await db.query<{ unit_name: string }>(UNIT_NAME_SQL, [commune, commune]) : [];
  return { cw, totals, sipas, communeName: name[0]?.unit_name ?? null };
}
