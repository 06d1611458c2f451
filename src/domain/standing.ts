// Where a unit stands each year among its peers: value, rank x/N, quartile group, change on the previous
// comparable year. Inputs are unit totals (complete or not); incomplete units are never ranked.
import { eraOf, PAR_PROVINCE_GROUPS, type IndexMeta, type ParProvinceGroup } from './indices';
import { bandOf, round2, type Band, type BandCutoffs } from './parScoring';
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

type Tone = 'good' | 'mid' | 'bad';

/** A unit's group as shown: a message key (card.band.*, card.quartile.*), its values and a tone. */
export interface GroupLabel {
  key: `card.band.${ParProvinceGroup | Band}` | `card.quartile.${Quartile}`;
  params?: Record<string, number>;
  tone: Tone;
}

/** Bộ Nội vụ's group of a province's PAR Index (PAR_PROVINCE_GROUPS), on the value as published, two decimals. */
export function parProvinceGroup(value: number): ParProvinceGroup {
  const v = round2(value);
  return PAR_PROVINCE_GROUPS.find((g) => v >= g.min)!.id;
}

/** A province group's label and its bounds from the registry: Nhóm B is {min: 80, next: 90}. */
export function parProvinceGroupLabel(id: ParProvinceGroup): GroupLabel {
  const i = PAR_PROVINCE_GROUPS.findIndex((g) => g.id === id);
  const g = PAR_PROVINCE_GROUPS[i]!;
  const next = PAR_PROVINCE_GROUPS[i - 1]?.min;
  return { key: `card.band.${id}`, params: { ...(Number.isFinite(g.min) ? { min: g.min } : {}), ...(next !== undefined ? { next } : {}) }, tone: g.tone };
}

const BAND_TONE: Record<Band, Tone> = { excellent: 'good', good: 'good', fair: 'mid', average: 'mid', weak: 'bad' };

/**
 * The group of a unit's value, as the rank table and the overview card name it. PAR's total: provinces in Bộ Nội vụ's
 * groups, communes and units in the province's bands (`bands`, from the settings); otherwise the quartile of its rank,
 * which means nothing with fewer than 4 ranked units. Null when the unit has no value or no group.
 */
export function groupOf(
  meta: IndexMeta,
  s: { value: number | null; quartile: Quartile | null; of: number },
  level: 'province' | 'local',
  bands: BandCutoffs,
  ofTotal = true,
): GroupLabel | null {
  if (s.value === null) return null;
  if (meta.groups === 'par' && ofTotal) {
    if (level === 'province') return parProvinceGroupLabel(parProvinceGroup(s.value));
    const b = bandOf(s.value, bands);
    return { key: `card.band.${b}`, tone: BAND_TONE[b] };
  }
  if (s.quartile === null || s.of < 4) return null;
  return { key: `card.quartile.${s.quartile}`, tone: s.quartile === 1 ? 'good' : s.quartile === 4 ? 'bad' : 'mid' };
}

/** Whether the overview card shows the groups: the publisher's own (PAR's groups and bands, PAPI's quartiles) only. */
export function groupsOnCard(meta: IndexMeta): boolean {
  return meta.groups === 'par' || meta.groups.published;
}
