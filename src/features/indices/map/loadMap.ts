// Loads a province map on demand: the GeoJSON is a separate asset fetched from the app's own origin only when a
// page shows a map (never in the main bundle), then registered with ECharts once per view.
import { CustomChart, MapChart } from 'echarts/charts';
import { GeoComponent, GraphicComponent, VisualMapComponent } from 'echarts/components';
import { echarts } from '../../../charts/echarts';
import url34 from '../../../../data/geo/provinces_34.json?url';
import url63 from '../../../../data/geo/provinces_63.json?url';

type Position = [number, number];
type Ring = Position[];
interface Feature {
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
export interface ProvinceGeo {
  mapName: string;
  featureNames: string[];
  /** Outer rings of a province worth outlining (islets below ~0.002 deg² are left out: an outline would hide them). */
  outline: (name: string) => Ring[];
}

echarts.use([MapChart, CustomChart, GeoComponent, GraphicComponent, VisualMapComponent]);

const URLS = { '34': url34, '63': url63 } as const;
const cache = new Map<string, Promise<ProvinceGeo>>();

/** Shoelace area in square degrees: enough to tell an islet from the mainland. */
function area(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(a) / 2;
}

export function loadProvinceMap(view: '34' | '63'): Promise<ProvinceGeo> {
  let p = cache.get(view);
  if (!p) {
    p = (async () => {
      const res = await fetch(URLS[view]);
      if (!res.ok) throw new Error(`provinces_${view}.json: HTTP ${res.status}`);
      const geo = (await res.json()) as { features: Feature[] };
      const mapName = `vn-provinces-${view}`;
      echarts.registerMap(mapName, geo as never);
      const byName = new Map(geo.features.map((f) => [f.properties.name, f]));
      return {
        mapName,
        featureNames: geo.features.map((f) => f.properties.name),
        outline: (name) => {
          const f = byName.get(name);
          if (!f) return [];
          const outers = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]!] : f.geometry.coordinates.map((poly) => poly[0]!);
          const big = outers.filter((r) => area(r) >= 0.002);
          return big.length ? big : outers;
        },
      };
    })();
    p.catch(() => cache.delete(view));
    cache.set(view, p);
  }
  return p;
}
