// What each overview card shows, from the loaded totals and the user's units. Pure: no React, no DuckDB.
import { INDEX_CODES, INDICES, sourceParts, type IndexCode, type LabelRef } from '../../domain/indices';
import { provinceInView, type Crosswalk, type ProvinceView } from '../../domain/merger';
import { groupOf, groupsOnCard, standingsFor, summarise, type CardSummary, type GroupLabel, type Standing } from '../../domain/standing';
import type { BandCutoffs } from '../../domain/parScoring';
import type { UnitTotal } from '../../domain/trend';
import { communeKeyInView, type CommuneIndex } from '../../domain/communeMerger';
import { localUnits, notRanked, peersAt, type Level } from '../indices/model';
import type { LevelSources, SipasYearRow } from '../indices/queries';

interface CardUnits {
  province: string | null;
  commune: string | null;
  view: ProvinceView;
}

export interface CardInput {
  cw: Crosswalk;
  /** Local units across the commune merger (the province's crosswalk), or null to take them as loaded. */
  communes: CommuneIndex | null;
  /** With a commune, an index's series by the registry's rule for it (SIPAS: published score, else answers: withCommuneSeries). */
  totals: Record<IndexCode, UnitTotal[]>;
  /**
   * SIPAS rates from survey answers: with a commune, the years its series takes from them (withCommuneSeries's
   * fromAnswers); without one, every answer loaded, pooled.
   */
  sipas: readonly SipasYearRow[];
  sipasTarget: (year: number) => number;
  parBands: (year: number) => BandCutoffs;
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
      /** The unit's group, where the publisher groups (registry): a message key and values, translated by the component. */
      group: GroupLabel | null;
      /** On the 34 view, a year before the merger: the mean of former provinces. */
      derived: boolean;
      target: { value: number; gap: number } | null;
      answers: number | null;
      /** SIPAS from answers: the last quarter answered in the latest year, when the year is not complete. */
      untilQuarter: number | null;
    };

const isDerived = (u: UnitTotal | undefined) => Boolean(u && 'derived' in u && (u as { derived: boolean }).derived);

/**
 * The unit among its peers. `fromAnswers`: the commune's SIPAS years whose value is its own survey's rate — shown with
 * the answers behind it and not ranked (no peer was surveyed alike).
 */
function fromPeers(
  index: IndexCode,
  input: CardInput,
  peers: UnitTotal[],
  level: Level,
  key: string,
  fromAnswers: readonly SipasYearRow[] = [],
): CardModel | null {
  const mine = (year: number) => peers.find((p) => p.year === year && (p.unitCode === key || p.unitName === key));
  const surveyed = new Map(fromAnswers.map((r) => [r.year, r]));
  const answersOf = (year: number) => (isDerived(mine(year)) ? undefined : surveyed.get(year));
  const meta = INDICES[index];
  const standings = standingsFor(peers, key, meta.decimals).map((s) => (answersOf(s.year) ? notRanked(s) : s));
  const summary = summarise(standings, meta);
  if (!summary) return null;
  const own = mine(summary.latest.year);
  const target = meta.target === 'sipas' ? input.sipasTarget(summary.latest.year) : null;
  const answered = answersOf(summary.latest.year);
  return {
    index,
    state: 'ok',
    level,
    unitKey: level === 'local' ? (own?.unitCode ?? key) : (own?.unitName ?? key),
    unitName: own?.unitName ?? key,
    summary,
    group: groupsOnCard(meta) ? groupOf(meta, summary.latest, level, input.parBands(summary.latest.year)) : null,
    derived: isDerived(own),
    target: target === null ? null : { value: target, gap: summary.latest.value! - target },
    answers: answered?.answers ?? null,
    untilQuarter: answered && answered.last_quarter < 4 ? answered.last_quarter : null,
  };
}

/** An index from survey answers alone (SIPAS), for no commune in particular: a rate per year, not ranked (no peers surveyed alike). */
function fromAnswersAlone(index: IndexCode, input: CardInput, commune: string, communeName: string): CardModel | null {
  const meta = INDICES[index];
  const standings: Standing[] = input.sipas.map((r) => ({
    year: r.year,
    value: r.rate,
    rank: null,
    of: 0,
    quartile: null,
    median: null,
    best: null,
    bestNames: [],
  }));
  const summary = summarise(standings, meta);
  if (!summary) return null;
  const target = meta.target === 'sipas' ? input.sipasTarget(summary.latest.year) : null;
  const latest = input.sipas.find((r) => r.year === summary.latest.year)!;
  return {
    index,
    state: 'ok',
    level: 'local',
    unitKey: commune,
    unitName: communeName,
    summary,
    group: null,
    derived: false,
    target: target === null ? null : { value: target, gap: summary.latest.value! - target },
    answers: latest.answers,
    untilQuarter: latest.last_quarter < 4 ? latest.last_quarter : null,
  };
}

/**
 * One card per index. An index of local units (registry: PAR, SIPAS) is about the commune when it has data, else the
 * province; the others are provincial. A card without data says so (never a zero).
 */
export function buildCards(input: CardInput, units: CardUnits, communeName: string | null, allPointsLabel: string | null = null): CardModel[] {
  const province = provinceInView(input.cw, units.province, units.view);
  return INDEX_CODES.map((index) => {
    const meta = INDICES[index];
    const local = meta.level === 'local';
    const totals = input.totals[index] ?? [];
    const tries: (() => CardModel | null)[] = [];
    if (local && units.commune) {
      const c = units.commune;
      // The user's commune in the view: a former commune's code maps to its new commune and back. Its SIPAS series is
      // the index page's (a published score, else its answers: withCommuneSeries), so both show the same value.
      const key = input.communes ? communeKeyInView(input.communes, localUnits(input.cw, totals), c, units.view) : c;
      tries.push(() =>
        fromPeers(index, input, peersAt(input.cw, totals, 'local', units.view, input.communes), 'local', key, meta.fromAnswers ? input.sipas : []),
      );
    }
    // A commune the data cannot tell: its SIPAS answers still show, pooled over every service point (named so).
    if (meta.fromAnswers && !units.commune && allPointsLabel) tries.push(() => fromAnswersAlone(index, input, '', allPointsLabel));
    if (province) tries.push(() => fromPeers(index, input, peersAt(input.cw, totals, 'province', units.view), 'province', province));
    for (const f of tries) {
      const card = f();
      if (card) return card;
    }
    const unitName = local ? (communeName ?? province) : province;
    const chooseUnit = local ? !units.commune && !province : !province;
    return { index, state: 'none', unitName, ...(chooseUnit ? { chooseUnit } : {}) };
  });
}

/**
 * Where a card's figure comes from: the answers' files for a rate from survey answers, else its index's sources at the
 * card's level (a commune's card does not name the provinces' files), those the registry names as their label
 * (sourceParts: the index page's source line reads the same).
 */
export function cardSources(card: CardModel, sources: Readonly<Record<IndexCode, LevelSources>>, answerSources: readonly string[]): (string | LabelRef)[] {
  if (card.state === 'none') return [];
  return card.answers !== null ? [...answerSources] : sourceParts(INDICES[card.index], sources[card.index]?.[card.level] ?? []);
}
