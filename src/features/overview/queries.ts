// What the overview cards read: every index's totals, the crosswalk, the commune's SIPAS and its name.
import type { Db } from '../../db/types';
import { INDEX_CODES, type IndexCode } from '../../domain/indices';
import type { CommuneIndex } from '../../domain/communeMerger';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import { run, sql } from '../../sql/sql';
import type { SipasYearRow } from '../indices/queries';
import { communeIndexFor } from '../indices/communeCrosswalk';
import { localUnits, withCommuneSipas } from '../indices/model';
import { fetchCrosswalk, fetchSipasPooled, fetchSources, fetchUnitName, fetchUnitTotals } from '../indices/unitTotals';

/** Where the commune's SIPAS answers came from: each dataset's source, else its file name (as sourcesOf in data/catalogue.ts). */
const sipasSourcesQuery = sql`SELECT DISTINCT coalesce(nullif(source, ''), file_name) AS source FROM shown.datasets WHERE kind = 'sipas_responses' ORDER BY source`;

export interface OverviewData {
  cw: Crosswalk;
  /** The province's commune crosswalk, when the local units' names are in it. */
  communes: CommuneIndex | null;
  /** SIPAS: with a commune, its series by the one rule (published score, else from answers: withCommuneSipas). */
  totals: Record<IndexCode, UnitTotal[]>;
  /** Each index's sources as given in its rows; SIPAS answers' sources apart. */
  sources: Record<IndexCode, string[]>;
  sipasSources: string[];
  /** SIPAS rates from survey answers: with a commune, the years its series takes from them; else every answer pooled. */
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
  const communeName = commune ? await fetchUnitName(db, commune) : null;
  let sipas = await fetchSipasPooled(db, commune); // no commune: every answer loaded
  if (commune) {
    // The same series as the SIPAS index page (IndexPage's loadIndex): a published score wins, else the answers.
    const own = withCommuneSipas(totals.SIPAS, commune, communeName ?? commune, sipas);
    totals.SIPAS = own.totals;
    sipas = own.fromAnswers;
  }
  const communes = await communeIndexFor(db, cw, province, localUnits(cw, [...totals.PAR, ...totals.SIPAS]));
  const sipasSources = (await run<{ source: string }>(db, sipasSourcesQuery)).map((r) => r.source);
  return { cw, communes, totals, sources, sipasSources, sipas, communeName };
}
