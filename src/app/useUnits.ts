// The user's province, commune and province view. Settings win; else the commune follows the loaded data (the units
// list, or the one local unit with index rows); while only the demo is loaded, the demo's Thừa Thiên Huế / Xã Hòa An.
// Once the user has data of their own, a province or commune that cannot be told is null ("chưa chọn"), never the
// fictional commune.
import { useQuery } from './useQuery';
import { useSettings } from './useSettings';
import type { ProvinceView } from '../domain/merger';
import { fetchCommune, hasOwnData } from './units';

const DEMO_PROVINCE = 'Thừa Thiên Huế';
const DEMO_COMMUNE = 'X001';

export interface MyUnits {
  province: string | null;
  commune: string | null;
  view: ProvinceView;
  /** False until the loaded data has been asked: views wait rather than draw the demo's units first. */
  ready: boolean;
  /** The user has data of their own (so nothing falls back to the demo's units). */
  ownData: boolean;
}

export function useUnits(): MyUnits {
  const [s] = useSettings();
  const q = useQuery(async (db) => ({ own: await hasOwnData(db), commune: s.commune ? null : await fetchCommune(db, null) }), [s.commune], 'units');
  if (!q.data) return { province: s.province, commune: s.commune, view: s.provinceView, ready: q.error !== null, ownData: false };
  const demoOnly = !q.data.own;
  return {
    province: s.province ?? (demoOnly ? DEMO_PROVINCE : null),
    commune: s.commune ?? q.data.commune?.code ?? (demoOnly ? DEMO_COMMUNE : null),
    view: s.provinceView,
    ready: true,
    ownData: q.data.own,
  };
}
