// What the overview cards read: every index's totals, the crosswalk, the commune's SIPAS and its name.
import type { Db } from '../../db/types';
import { INDEX_CODES, INDICES, LOCAL_INDICES, type IndexCode } from '../../domain/indices';
import type { CommuneIndex } from '../../domain/communeMerger';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import type { LevelSources, SipasYearRow } from '../indices/queries';
import { communeIndexFor } from '../indices/communeCrosswalk';
import { localUnits, withCommuneSeries } from '../indices/model';
import { fetchAnswerSources, fetchCrosswalk, fetchSipasPooled, fetchSources, fetchUnitName, fetchUnitTotals } from '../indices/unitTotals';

interface OverviewData {
  cw: Crosswalk;
  /** The province's commune crosswalk, when the local units' names are in it. */
  communes: CommuneIndex | null;
  /** With a commune, an index's series by the registry's rule (SIPAS: published score, else from answers: withCommuneSeries). */
  totals: Record<IndexCode, UnitTotal[]>;
  /** Each index's sources as given in its rows, by level; SIPAS answers' sources apart. */
  sources: Record<IndexCode, LevelSources>;
  sipasSources: string[];
  /** SIPAS rates from survey answers: with a commune, the years its series takes from them; else every answer pooled. */
  sipas: SipasYearRow[];
  communeName: string | null;
}

interface OverviewLoadParams {
  commune: string | null;
  province: string | null;
}

/** Everything the overview cards read, `(db, params) → data`, so a card can be drawn without mounting the page. */
export async function loadOverview(db: Db, { commune, province }: OverviewLoadParams): Promise<OverviewData> {
  const cw = await fetchCrosswalk(db);
  const totals = {} as Record<IndexCode, UnitTotal[]>;
  const sources = {} as Record<IndexCode, LevelSources>;
  for (const c of INDEX_CODES) {
    totals[c] = await fetchUnitTotals(db, c);
    sources[c] = await fetchSources(db, c, cw);
  }
  const communeName = commune ? await fetchUnitName(db, commune) : null;
  let sipas = await fetchSipasPooled(db, commune); // no commune: every answer loaded
  for (const c of INDEX_CODES) {
    if (!commune || !INDICES[c].fromAnswers) continue;
    // The same series as the index page (loadIndex): a published score wins, else the answers.
    const own = withCommuneSeries(INDICES[c], totals[c], commune, communeName ?? commune, sipas);
    totals[c] = own.totals;
    sipas = own.fromAnswers;
  }
  const communes = await communeIndexFor(
    db,
    cw,
    province,
    localUnits(
      cw,
      LOCAL_INDICES.flatMap((c) => totals[c]),
    ),
  );
  const sipasSources = await fetchAnswerSources(db);
  return { cw, communes, totals, sources, sipasSources, sipas, communeName };
}
