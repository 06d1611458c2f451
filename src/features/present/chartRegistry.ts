// Every chart a pin can name, by id (charts/registry.ts): the deck, the report and pins draw any of them alone from
// the pinned view's link, without mounting the page it comes from.
import type { Db } from '../../db/types';
import type { Route } from '../../app/route';
import type { Settings } from '../../app/settings';
import type { MyUnits } from '../../app/useUnits';
import type { DatasetInfo } from '../../app/catalogue';
import { register, type ChartLabels, type RegisteredChart } from '../../charts/registry';
import { papiTrendChart } from '../overview/chartDefs';
import { indexComponentsChart, indexTrendChart, provinceMap34Chart, provinceMap63Chart } from '../indices/chartDefs';
import { sipasDistributionChart, sipasTrendChart } from '../sipas/chartDefs';
import { parDomainsChart, parGapChart, parLostChart } from '../par/chartDefs';
import { workbenchChart } from '../workbench/chartDefs';

/** What any chart's loader may read: the pinned view's route, the settings, the user's units, the datasets loaded, the labels. */
export interface ViewParams {
  route: Route;
  settings: Settings;
  units: MyUnits;
  datasets: readonly DatasetInfo[];
  labels: ChartLabels;
}

const CHARTS: readonly RegisteredChart<Db, ViewParams>[] = [
  register(papiTrendChart),
  register(indexTrendChart),
  register(indexComponentsChart),
  register(provinceMap34Chart),
  register(provinceMap63Chart),
  register(sipasTrendChart),
  register(sipasDistributionChart),
  register(parLostChart),
  register(parGapChart),
  register(parDomainsChart),
  register(workbenchChart),
];

const BY_ID = new Map(CHARTS.map((c) => [c.id, c]));

/** The chart a pin names; undefined for an id no page draws any more. */
export const chartById = (id: string): RegisteredChart<Db, ViewParams> | undefined => BY_ID.get(id);

/** Every id, for tests: no two charts share one. */
export const chartIds = (): string[] => CHARTS.map((c) => c.id);
