// The user's province, commune and province view, with demo defaults while the user has not chosen
// (settings.ts keeps null = "not chosen"; the demo data is about Thừa Thiên Huế / Huế and Xã Hòa An).
import { useSettings } from '../../app/useSettings';
import type { ProvinceView } from '../../domain/merger';

export const DEMO_PROVINCE = 'Thừa Thiên Huế';
export const DEMO_COMMUNE = 'X001';

export function useUnits(): { province: string; commune: string; view: ProvinceView } {
  const [s] = useSettings();
  return { province: s.province ?? DEMO_PROVINCE, commune: s.commune ?? DEMO_COMMUNE, view: s.provinceView };
}
