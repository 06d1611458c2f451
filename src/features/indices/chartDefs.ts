// The index page's charts as charts by id (charts/registry.ts): the views the page draws (options.ts) with a loader, so
// a slide or the report draws them alone from a pinned view's link — the page's own data (loadIndex) and model
// (indexModel), nothing of the page mounted.
import type { Db } from '../../db/types';
import type { Route } from '../../app/route';
import type { Settings } from '../../app/settings';
import { sipasTargetFor } from '../../app/settings';
import type { ChartDef, ChartLabels } from '../../charts/registry';
import { isIndexCode, type IndexCode } from '../../domain/indices';
import type { ProvinceView } from '../../domain/merger';
import { loadIndex } from './load';
import { indexModel, type IndexModel, type IndexParams, type MineForIndex } from './model';
import { indexComponentsView, indexTrendView } from './options';
import { loadProvinceMap } from './map/loadMap';
import { mapFigures, type MapFigures } from './map/mapFigures';

/** What an index chart reads of its view: the link (#/indices/PCI?unit=…), the targets, the user's units, the labels. */
interface IndexChartParams {
  route: Route;
  settings: Settings;
  units: { commune: string | null; province: string | null; view: ProvinceView };
  /** The model names components in the user's language. */
  labels: ChartLabels;
}

/** The index of a link: its second segment, PAPI when it has none (as the app's routes read it). */
function indexOfRoute(route: Pick<Route, 'segments'>): IndexCode | null {
  const code = (route.segments[1] ?? 'PAPI').toUpperCase();
  return isIndexCode(code) ? code : null;
}

/** The page's choices from its link's parameters; the province view of the link, else the user's. */
export function indexParams(p: Readonly<Record<string, string | undefined>>, userView: ProvinceView): IndexParams {
  const view: ProvinceView = p.view === '63' || p.view === '34' ? p.view : userView;
  return { view, unit: p.unit, year: p.year, from: p.from, to: p.to, component: p.component, sub: p.sub === '1' };
}

/** The user's units and targets as the index model reads them. */
export function indexMine(units: { commune: string | null; province: string | null }, settings: Settings): MineForIndex {
  return { commune: units.commune, province: units.province, sipasTarget: (y: number) => sipasTargetFor(settings, y) };
}

/** The index page's model for a link, as the page computes it (useIndexModel). */
async function loadIndexModel(db: Db, { route, settings, units, labels }: IndexChartParams): Promise<IndexModel> {
  const index = indexOfRoute(route);
  if (!index) throw new Error(`not an index: ${route.segments.join('/')}`);
  const data = await loadIndex(db, { index, commune: units.commune, province: units.province });
  return indexModel(data, indexParams(route.params, units.view), indexMine(units, settings), labels.t);
}

export const indexTrendChart: ChartDef<Db, IndexChartParams, IndexModel> = { ...indexTrendView, load: loadIndexModel };
export const indexComponentsChart: ChartDef<Db, IndexChartParams, IndexModel> = { ...indexComponentsView, load: loadIndexModel };

/** A province map as pinned: the index page's model, the view the map was drawn in, and the map built from them. */
interface ProvinceMapModel {
  index: IndexModel;
  view: '34' | '63';
  map: MapFigures | null;
}

/** "PAPI" or "PAPI · Thủ tục hành chính công": the index and the component a map shows. */
const metricTitle = (m: IndexModel, t: ChartLabels['t']) => `${t(`index.short.${m.meta.code}`)}${m.component ? ' · ' + m.metricName : ''}`;

/**
 * The map of the provinces in one province view (the id says which: a pin keeps the view it was drawn in). The page
 * draws its map with this definition's title and context too (IndexPage → ProvinceMap).
 */
function provinceMapChart(view: '34' | '63'): ChartDef<Db, IndexChartParams, ProvinceMapModel> {
  return {
    id: `province-map-${view}`,
    async load(db, p) {
      const index = await loadIndexModel(db, { ...p, route: { ...p.route, params: { ...p.route.params, view } } });
      if (index.level !== 'province') return { index, view, map: null };
      const input = { rows: index.mapRows, view, highlight: index.own, decimals: index.meta.decimals, bands: index.mapBands };
      return { index, view, map: mapFigures(await loadProvinceMap(view), input, p.labels.locale) };
    },
    option: (m) => m.map?.option ?? {},
    title: (m, { t }) => t('indices.mapTitle', { index: metricTitle(m.index, t), year: m.index.year ?? '' }),
    context: (m, { t }) => `${t(`indices.view.${m.view}`)} · ${m.index.year}`,
    source: (m) => m.index.source,
    table: (m) => m.map?.table ?? { columns: [], rows: [] },
    height: () => 680,
  };
}

export const provinceMap34Chart = provinceMapChart('34');
export const provinceMap63Chart = provinceMapChart('63');
/** The map chart of a province view. */
export const provinceMapCharts = { '34': provinceMap34Chart, '63': provinceMap63Chart } as const;
