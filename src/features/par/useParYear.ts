// The data hooks of the PAR workspace: the years with a criteria tree, and one year scored with the user's band cut-offs.
import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { fetchParYear, fetchParCriteriaYears, scoreYear } from './load';
import type { ParYear } from './model';

export function useParYears() {
  return useQuery((db) => fetchParCriteriaYears(db), []);
}

export function useParYear(year: number | undefined): { loading: boolean; error: string | null; model: ParYear | null } {
  const [settings] = useSettings();
  const q = useQuery((db) => (year ? fetchParYear(db, year) : Promise.resolve(null)), [year]);
  const model = useMemo(() => (q.data ? scoreYear(q.data, settings) : null), [q.data, settings]);
  return { loading: q.loading, error: q.error, model };
}
