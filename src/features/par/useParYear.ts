// The data hooks of the PAR workspace: the years with a criteria tree, and one year scored with the user's band cut-offs.
import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { parBandsFor } from '../../app/settings';
import { fetchParYear, fetchParCriteriaYears } from './load';
import { buildYear, type ParYear } from './model';

export function useParYears() {
  return useQuery((db) => fetchParCriteriaYears(db), []);
}

export function useParYear(year: number | undefined): { loading: boolean; error: string | null; model: ParYear | null } {
  const [settings] = useSettings();
  const q = useQuery((db) => (year ? fetchParYear(db, year) : Promise.resolve(null)), [year]);
  const cutoffs = year ? parBandsFor(settings, year) : settings.parBands;
  const model = useMemo(
    () => (q.data ? buildYear({ ...q.data, cutoffs, preferredOwn: settings.commune }) : null),
    [q.data, cutoffs, settings.commune],
  );
  return { loading: q.loading, error: q.error, model };
}
