// What each overview card shows, from the loaded totals and the user's units. Pure: no React, no DuckDB.
import { INDICES, type IndexCode } from '../../domain/indices';
import { provinceInView, type Crosswalk, type ProvinceView } from '../../domain/merger';
import { parBand, parProvinceGroup, standingsFor, summarise, type CardSummary, type Standing } from '../../domain/standing';
import type { UnitTotal } from '../../domain/trend';
import { communeKeyInView, type CommuneIndex } from '../../domain/communeMerger';
import { localUnits, peersAt, type Level } from '../indices/model';
import type { SipasYearRow } from '../indices/queries';

export interface CardUnits {
  province: string | null;
  commune: string | null;
  view: ProvinceView;
}

export interface CardInput {
  cw: Crosswalk;
  /** Local units across the commune merger (the province's crosswalk), or null to take them as loaded. */
  communes: CommuneIndex | null;
  /** SIPAS: with a commune, its series by the one rule (published score, else from answers: withCommuneSipas). */
  totals: Record<IndexCode, UnitTotal[]>;
  /**
   * SIPAS rates from survey answers: with a commune, the years its series takes from them (withCommuneSipas's
   * fromAnswers); without one, every answer loaded, pooled.
   */
  sipas: readonly SipasYearRow[];
  sipasTarget: (year: number) => number;
  parBands: (year: number) => { excellent: number; good: number; fair: number; average: number };
}

/** A message key and its parameters, translated by the component. */
interface GroupLabel {
  key: 'card.band.A' | 'card.band.B' | 'card.band.below' | `card.band.${'excellent' | 'good' | 'fair' | 'average' | 'weak'}` | `card.quartile.${1 | 2 | 3 | 4}`;
  tone: 'good' | 'mid' | 'bad';
}

export type CardModel =
  | { index: IndexCode; state: 'none'; unitName: string | null; /** No data because the user's unit is not chosen yet. */ chooseUnit?: boolean }
  | {
      index: IndexCode;
      state: 'ok';
      level: Level;
      /** Hash parameter `unit` of the index page (province name in the view, or the commune's code). */
      unitKey: string;
      unitName: string;
      summary: CardSummary;
      group: GroupLabel | null;
      /** On the 34 view, a year before the merger: the mean of former provinces. */
      derived: boolean;
      target: { value: number; gap: number } | null;
      answers: number | null;
      /** SIPAS from answers: the last quarter answered in the latest year, when the year is not complete. */
      untilQuarter: number | null;
    };

function groupOf(index: IndexCode, level: Level, s: Standing, bands: CardInput['parBands']): GroupLabel | null {
  if (s.value === null) return null;
  if (index === 'PAPI' && s.quartile !== null) return { key: `card.quartile.${s.quartile}`, tone: s.quartile === 1 ? 'good' : s.quartile === 4 ? 'bad' : 'mid' };
  if (index !== 'PAR') return null;
  if (level === 'province') {
    const g = parProvinceGroup(s.value);
    return { key: `card.band.${g}`, tone: g === 'A' ? 'good' : g === 'B' ? 'mid' : 'bad' };
  }
  const b = parBand(s.value, bands(s.year));
  return { key: `card.band.${b}`, tone: b === 'excellent' || b === 'good' ? 'good' : b === 'weak' ? 'bad' : 'mid' };
}

const isDerived = (u: UnitTotal | undefined) => Boolean(u && 'derived' in u && (u as { derived: boolean }).derived);

/**
 * The unit among its peers. `fromAnswers`: the commune's SIPAS years whose value is its own survey's rate — shown with
 * the answers behind it and not ranked (no peer was surveyed alike).
 */
function fromPeers(index: IndexCode, input: CardInput, peers: UnitTotal[], level: Level, key: string, fromAnswers: readonly SipasYearRow[] = []): CardModel | null {
  const mine = (year: number) => peers.find((p) => p.year === year && (p.unitCode === key || p.unitName === key));
  const surveyed = new Map(fromAnswers.map((r) => [r.year, r]));
  const answersOf = (year: number) => (isDerived(mine(year)) ? undefined : surveyed.get(year));
  const standings = standingsFor(peers, key, INDICES[index].decimals).map((s) => (answersOf(s.year) ? { ...s, rank: null, quartile: null } : s));
  const summary = summarise(standings, INDICES[index]);
  if (!summary) return null;
  const own = mine(summary.latest.year);
  const target = index === 'SIPAS' ? input.sipasTarget(summary.latest.year) : null;
  const answered = answersOf(summary.latest.year);
  return {
    index, state: 'ok', level, unitKey: level === 'local' ? own?.unitCode ?? key : own?.unitName ?? key, unitName: own?.unitName ?? key, summary,
    group: groupOf(index, level, summary.latest, input.parBands),
    derived: isDerived(own),
    target: target === null ? null : { value: target, gap: summary.latest.value! - target },
    answers: answered?.answers ?? null,
    untilQuarter: answered && answered.last_quarter < 4 ? answered.last_quarter : null,
  };
}

/** SIPAS from survey answers alone, for no commune in particular: a rate per year, not ranked (no peers surveyed alike). */
function fromSipasCounts(input: CardInput, commune: string, communeName: string): CardModel | null {
  const standings: Standing[] = input.sipas.map((r) => ({ year: r.year, value: r.rate, rank: null, of: 0, quartile: null, median: null, best: null, bestNames: [] }));
  const summary = summarise(standings, INDICES.SIPAS);
  if (!summary) return null;
  const target = input.sipasTarget(summary.latest.year);
  const latest = input.sipas.find((r) => r.year === summary.latest.year)!;
  return {
    index: 'SIPAS', state: 'ok', level: 'local', unitKey: commune, unitName: communeName, summary, group: null, derived: false,
    target: { value: target, gap: summary.latest.value! - target }, answers: latest.answers,
    untilQuarter: latest.last_quarter < 4 ? latest.last_quarter : null,
  };
}

/**
 * One card per index. PAR and SIPAS are about the commune when it has data, else the province;
 * PAPI, PCI and DTI are provincial. A card without data says so (never a zero).
 */
export function buildCards(input: CardInput, units: CardUnits, communeName: string | null, allPointsLabel: string | null = null): CardModel[] {
  const province = provinceInView(input.cw, units.province, units.view);
  return (['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'] as const).map((index) => {
    const totals = input.totals[index] ?? [];
    const tries: (() => CardModel | null)[] = [];
    if ((index === 'PAR' || index === 'SIPAS') && units.commune) {
      const c = units.commune;
      // The user's commune in the view: a former commune's code maps to its new commune and back. Its SIPAS series is
      // the index page's (a published score, else its answers: withCommuneSipas), so both show the same value.
      const key = input.communes ? communeKeyInView(input.communes, localUnits(input.cw, totals), c, units.view) : c;
      tries.push(() => fromPeers(index, input, peersAt(input.cw, totals, 'local', units.view, input.communes), 'local', key, index === 'SIPAS' ? input.sipas : []));
    }
    // A commune the data cannot tell: its SIPAS answers still show, pooled over every service point (named so).
    if (index === 'SIPAS' && !units.commune && allPointsLabel) tries.push(() => fromSipasCounts(input, '', allPointsLabel));
    if (province) tries.push(() => fromPeers(index, input, peersAt(input.cw, totals, 'province', units.view), 'province', province));
    for (const f of tries) {
      const card = f();
      if (card) return card;
    }
    const local = index === 'PAR' || index === 'SIPAS';
    const unitName = local ? communeName ?? province : province;
    const chooseUnit = local ? !units.commune && !province : !province;
    return { index, state: 'none', unitName, ...(chooseUnit ? { chooseUnit } : {}) };
  });
}
