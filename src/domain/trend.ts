// Per-year summaries of unit totals: the peers' median and the best unit, over complete units only.
import { median } from './stats';

export interface UnitTotal {
  year: number;
  unitCode: string;
  unitName: string;
  total: number;
  /** How many of the year's components the unit has; fewer than expected = incomplete, never ranked. */
  nPresent: number;
  nExpected: number;
}

export interface YearSummary {
  year: number;
  median: number | null;
  best: number | null;
  bestUnits: string[];
  complete: number;
  incomplete: number;
}

export const isComplete = (u: UnitTotal) => u.nPresent >= u.nExpected;

export function summariseByYear(units: readonly UnitTotal[]): YearSummary[] {
  const byYear = new Map<number, UnitTotal[]>();
  for (const u of units) byYear.set(u.year, [...(byYear.get(u.year) ?? []), u]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const complete = list.filter(isComplete);
      const totals = complete.map((u) => u.total);
      const best = totals.length ? Math.max(...totals) : null;
      return {
        year,
        median: median(totals),
        best,
        bestUnits: complete.filter((u) => u.total === best).map((u) => u.unitName),
        complete: complete.length,
        incomplete: list.length - complete.length,
      };
    });
}
