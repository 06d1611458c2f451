// Where a unit stands each year among its peers: value, rank x/N, quartile group, change on the previous
// comparable year. Inputs are unit totals (complete or not); incomplete units are never ranked.
import { eraOf, type IndexMeta } from './indices';
import { rankYear } from './ranking';
import { median } from './stats';
import { isComplete, type UnitTotal } from './trend';

export type Quartile = 1 | 2 | 3 | 4;

/** Quartile group by rank (1 = top quarter), as PAPI groups provinces; null when unranked. */
export function quartileOf(rank: number | null, n: number): Quartile | null {
  if (rank === null || n <= 0) return null;
  return Math.min(4, Math.floor(((rank - 1) * 4) / n) + 1) as Quartile;
}

export interface RankRow<T extends UnitTotal = UnitTotal> {
  unit: T;
  complete: boolean;
  rank: number | null;
  /** Ranked (complete) units that year. */
  of: number;
  quartile: Quartile | null;
  /** Previous comparable year (same methodology era) with data, if any. */
  prevYear: number | null;
  prevScore: number | null;
  prevRank: number | null;
  deltaScore: number | null;
  /** Places gained since the previous year: positive = moved up. */
  deltaRank: number | null;
}

function byYear<T extends UnitTotal>(units: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const u of units) m.set(u.year, [...(m.get(u.year) ?? []), u]);
  return m;
}

/** The latest year before `year` with data and the same methodology (no comparison across a break). */
export function previousComparableYear(years: readonly number[], year: number, meta: IndexMeta): number | null {
  const prev = years.filter((y) => y < year && eraOf(meta, y) === eraOf(meta, year));
  return prev.length ? Math.max(...prev) : null;
}

/** The rank table of one year: ranked units first (by rank), then incomplete ones (unranked). */
export function rankRows<T extends UnitTotal>(units: readonly T[], year: number, meta: IndexMeta): RankRow<T>[] {
  const years = byYear(units);
  const ranked = rankYear(years.get(year) ?? [], meta.decimals) as (T & { rank: number | null })[];
  const of = ranked.filter((r) => r.rank !== null).length;
  const prevYear = previousComparableYear([...years.keys()], year, meta);
  const prev = prevYear === null ? [] : (rankYear(years.get(prevYear) ?? [], meta.decimals) as (T & { rank: number | null })[]);
  const prevBy = new Map(prev.map((p) => [p.unitCode, p]));
  return ranked.map(({ rank, ...rest }) => {
    const unit = rest as unknown as T;
    const p = prevBy.get(unit.unitCode);
    const complete = rank !== null;
    const prevScore = p && p.rank !== null ? p.total : null;
    const prevRank = p?.rank ?? null;
    return {
      unit,
      complete,
      rank,
      of,
      quartile: quartileOf(rank, of),
      prevYear,
      prevScore,
      prevRank,
      deltaScore: complete && prevScore !== null ? unit.total - prevScore : null,
      deltaRank: rank !== null && prevRank !== null ? prevRank - rank : null,
    };
  });
}

export interface Standing {
  year: number;
  /** The unit's value; null when it is missing or incomplete that year. */
  value: number | null;
  rank: number | null;
  of: number;
  quartile: Quartile | null;
  median: number | null;
  best: number | null;
  bestNames: string[];
}

const matches = (u: UnitTotal, key: string) => u.unitCode === key || u.unitName === key;

/** Year by year, where `unitKey` (code or name) stands among all units given (its peers). */
export function standingsFor(units: readonly UnitTotal[], unitKey: string, decimals: number): Standing[] {
  return [...byYear(units).entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const ranked = rankYear(list, decimals);
      const complete = list.filter(isComplete);
      const totals = complete.map((u) => u.total);
      const best = totals.length ? Math.max(...totals) : null;
      const own = ranked.find((u) => matches(u, unitKey));
      const of = complete.length;
      const rank = own?.rank ?? null;
      return {
        year,
        value: own && own.rank !== null ? own.total : null,
        rank,
        of,
        quartile: quartileOf(rank, of),
        median: median(totals),
        best,
        bestNames: complete.filter((u) => u.total === best).map((u) => u.unitName),
      };
    });
}

export interface CardSummary {
  latest: Standing;
  /** The previous year the unit has a value; null if none. */
  previous: Standing | null;
  /** False when a methodology break lies between them: the change is not shown. */
  comparable: boolean;
  deltaValue: number | null;
  /** Places gained: positive = moved up. */
  deltaRank: number | null;
  /** The unit's values by year, for the sparkline. */
  series: { year: number; value: number | null }[];
}

/** The card of an index: latest value, change on the previous year, history. Null when the unit has no value. */
export function summarise(standings: readonly Standing[], meta: IndexMeta): CardSummary | null {
  const withValue = standings.filter((s) => s.value !== null);
  const latest = withValue.at(-1);
  if (!latest) return null;
  const previous = withValue.at(-2) ?? null;
  const comparable = previous !== null && eraOf(meta, previous.year) === eraOf(meta, latest.year);
  return {
    latest,
    previous,
    comparable,
    deltaValue: comparable ? latest.value! - previous!.value! : null,
    deltaRank: comparable && latest.rank !== null && previous!.rank !== null ? previous!.rank - latest.rank : null,
    series: standings.map((s) => ({ year: s.year, value: s.value })),
  };
}

export type ProvinceParGroup = 'A' | 'B' | 'below';
/** Bộ Nội vụ groups provinces' PAR Index: Nhóm A ≥ 90%, Nhóm B 80 – < 90%. */
export function parProvinceGroup(value: number): ProvinceParGroup {
  return value >= 90 ? 'A' : value >= 80 ? 'B' : 'below';
}

export type ParBand = 'excellent' | 'good' | 'fair' | 'average' | 'weak';
/** A commune's or unit's PAR band, with the province's own (editable) cut-offs. */
export function parBand(value: number, cut: { excellent: number; good: number; fair: number; average: number }): ParBand {
  if (value >= cut.excellent) return 'excellent';
  if (value >= cut.good) return 'good';
  if (value >= cut.fair) return 'fair';
  if (value >= cut.average) return 'average';
  return 'weak';
}
