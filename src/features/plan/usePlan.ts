// The plan's data for its views (the page, the deck's slides): the stored plan, and the figures of a year or a period.
import { useState } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { useUnits } from '../../app/useUnits';
import { indexFigures, loadPlanData, observePeriod, observeYear, type PlanContext, type PlanData } from './load';
import { todayIso } from './labels';

const never = () => new Promise<never>(() => {});

/** Settings and the user's units, as the loaders read them; `ready` once the units are known (never the demo's first). */
export function usePlanContext(): PlanContext & { ready: boolean } {
  const [settings] = useSettings();
  const { commune, province, view, ready } = useUnits();
  return { settings, units: { commune, province, view }, ready };
}

export function usePlanData() {
  return useQuery((db) => loadPlanData(db), []);
}

/** Today on the page's clock (ISO), fixed for the life of the view. */
export function useToday(): string {
  const [today] = useState(todayIso);
  return today;
}

/** The year to show: the link's, else this year if the plan has it, else the plan's latest year, else this year. */
export function planYearOf(asked: string | undefined, data: PlanData | null, today: string): number {
  const n = Number(asked);
  if (Number.isInteger(n) && n >= 2000 && n <= 2100) return n;
  const now = Number(today.slice(0, 4));
  if (!data || data.years.includes(now) || data.years.length === 0) return now;
  return data.years[0]!;
}

export function useYearFigures(data: PlanData | null, year: number) {
  const {
    settings,
    units: { commune, province, view },
    ready,
  } = usePlanContext();
  return useQuery(
    (db) => (data && ready ? observeYear(db, data, year, { settings, units: { commune, province, view } }) : never()),
    [data, year, settings, commune, province, view, ready],
  );
}

export function usePeriodFigures(data: PlanData | null, period: string) {
  const {
    settings,
    units: { commune, province, view },
    ready,
  } = usePlanContext();
  return useQuery(
    async (db) => {
      if (!data || !ready || !period) return never();
      const ctx = { settings, units: { commune, province, view } };
      const [observed, figures] = await Promise.all([observePeriod(db, data, period, ctx), indexFigures(db, period, ctx)]);
      return { ...observed, figures };
    },
    [data, period, settings, commune, province, view, ready],
  );
}
