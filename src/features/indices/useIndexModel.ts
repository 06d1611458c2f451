// The index page's data and model: the query (loadIndex) and the pure model (indexModel), recomputed only when their
// inputs change. The page only renders what this returns; the link is read as a pinned chart reads it (indexParams).
import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { useUnits } from '../../app/useUnits';
import type { Route } from '../../app/route';
import type { IndexCode } from '../../domain/indices';
import { useI18n } from '../../i18n/i18n';
import { indexMine, indexParams } from './chartDefs';
import { loadIndex } from './load';
import { indexModel } from './model';

export function useIndexModel(index: IndexCode, route: Route) {
  const { t } = useI18n();
  const [settings] = useSettings();
  const mine = useUnits();
  const { view: pView, unit, year, from, to, component, sub } = route.params;
  const params = useMemo(
    () => indexParams({ view: pView, unit, year, from, to, component, sub }, mine.view),
    [pView, unit, year, from, to, component, sub, mine.view],
  );
  // Waits for the user's units to be known, so the demo's commune is never drawn first.
  const q = useQuery(
    (db) => (mine.ready ? loadIndex(db, { index, commune: mine.commune, province: mine.province }) : new Promise<never>(() => {})),
    [index, mine.commune, mine.province, mine.ready],
    'index', // the page the user last had open draws from its snapshot at the next start (app/viewSnapshot.ts)
  );
  const model = useMemo(
    // Another index's data, kept while this one loads, is never drawn under this index's name.
    () => (q.data && q.data.index === index ? indexModel(q.data, params, indexMine({ commune: mine.commune, province: mine.province }, settings), t) : null),
    [q.data, index, params, mine.commune, mine.province, settings, t],
  );
  return { data: q.data, error: q.error, loading: q.loading, model, view: params.view };
}
