// An index page's data in one call, `(db, params) → data`: what any view of the index (the page, a chart drawn alone)
// loads before the pure model (model.ts indexModel) takes over.
import type { Db } from '../../db/types';
import { INDICES, type IndexCode } from '../../domain/indices';
import { run } from '../../sql/sql';
import { communeIndexFor } from './communeCrosswalk';
import { localUnits, withCommuneSeries, type IndexData } from './model';
import { parFieldsQuery } from './queries';
import {
  fetchAnswerSources,
  fetchComponents,
  fetchCrosswalk,
  fetchSipasPooled,
  fetchSources,
  fetchSummedComponents,
  fetchUnitName,
  fetchUnitTotals,
} from './unitTotals';

interface IndexLoadParams {
  index: IndexCode;
  /** The user's commune (its series by the registry's rule) and province (the commune crosswalk's). */
  commune: string | null;
  province: string | null;
}

export async function loadIndex(db: Db, { index, commune, province }: IndexLoadParams): Promise<IndexData> {
  const meta = INDICES[index];
  const cw = await fetchCrosswalk(db);
  const [published, components, summed, sources] = [
    await fetchUnitTotals(db, index),
    await fetchComponents(db, index),
    await fetchSummedComponents(db, index),
    await fetchSources(db, index, cw),
  ];
  let totals = published;
  let fromAnswers: IndexData['fromAnswers'] = null;
  let answerSources: string[] = [];
  // The commune's series by the registry's rule (SIPAS: a published score wins, else its answers) — the overview card's too.
  if (meta.fromAnswers && commune) {
    const name = (await fetchUnitName(db, commune)) ?? commune;
    const own = withCommuneSeries(meta, published, commune, name, await fetchSipasPooled(db, commune));
    totals = own.totals;
    if (own.fromAnswers.length) {
      fromAnswers = { years: own.fromAnswers.map((r) => r.year), mixed: published.some((u) => u.unitCode === commune) };
      answerSources = await fetchAnswerSources(db);
    }
  }
  const parFields = meta.components.namesFromParCriteria
    ? Object.fromEntries((await run<{ code: string; name: string }>(db, parFieldsQuery)).map((r) => [r.code, r.name]))
    : {};
  // Local units across the commune merger, when a province's commune crosswalk knows their names (communeCrosswalk.ts).
  const communes = await communeIndexFor(db, cw, province, localUnits(cw, totals));
  return { index, cw, totals, components, summed, sources, answerSources, fromAnswers, parFields, communes };
}
