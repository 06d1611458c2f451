import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { fetchCommune } from '../../app/units';

/** The commune the plan, the deck and the report speak for (Settings, else the units list); null while unknown. */
export function useCommune(): { code: string; name: string } | null {
  const [settings] = useSettings();
  const q = useQuery((db) => fetchCommune(db, settings.commune), [settings.commune]);
  return q.data ?? null;
}

export const useCommuneName = (): string | null => useCommune()?.name ?? null;
