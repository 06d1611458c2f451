// From query rows to what the index page and the overview cards show: peers by level (provinces in the chosen view, or
// local units), component totals, and the index page's whole model (indexModel; its charts: options.ts). Pure, tested:
// no React, no DuckDB. What an index is (groups, components, sources, which rows win) is asked of the registry.
import { communeKeyInView, communesInView, formerLines, reviewNames, type CommuneIndex, type NameReview } from '../../domain/communeMerger';
import { INDICES, PAR_PROVINCE_GROUPS, sourceParts, type IndexCode, type IndexMeta, type ParProvinceGroup } from '../../domain/indices';
import { crosswalk, isProvince, provinceInView, provincesInView, type Crosswalk, type ProvinceView, type ViewTotal } from '../../domain/merger';
import { parProvinceGroupLabel, rankRows, standingsFor, type Quartile, type RankRow, type Standing } from '../../domain/standing';
import { median } from '../../domain/stats';
import { isComplete, type UnitTotal } from '../../domain/trend';
import type { Translate } from '../../i18n/i18n';
import { vi, type MessageKey } from '../../i18n/vi';
import type { ComponentBar, TrendPoint } from './charts';
import type { ComponentRow, ComponentTotalRow, LevelSources, ProvinceRefRow, SipasYearRow, UnitTotalRow } from './queries';

export type Level = 'province' | 'local';

export function toCrosswalk(rows: readonly ProvinceRefRow[]): Crosswalk {
  return crosswalk(rows.map((r) => ({ oldProvince: r.old_province, code: r.papi_code, newUnit: r.new_unit, newType: r.new_unit_type })));
}

export function toUnitTotals(rows: readonly UnitTotalRow[]): UnitTotal[] {
  return rows.map((r) => ({
    year: r.year,
    unitCode: r.unit_code,
    unitName: r.unit_name ?? r.unit_code,
    total: r.total,
    nPresent: r.n_present,
    nExpected: r.n_expected,
  }));
}

const asView = (u: UnitTotal): ViewTotal => ({
  ...u,
  derived: false,
  from: [],
  missing: !isComplete(u) ? [{ name: u.unitName, nPresent: u.nPresent, nExpected: u.nExpected }] : [],
});

/**
 * The units of one level, as the chosen view shows them: provinces as 34 or 63; local units as new or former
 * communes when the province's commune crosswalk knows them (`communes`), else as loaded.
 */
export function peersAt(cw: Crosswalk, totals: readonly UnitTotal[], level: Level, view: ProvinceView, communes: CommuneIndex | null = null): ViewTotal[] {
  if (level === 'province')
    return provincesInView(
      cw,
      totals.filter((u) => isProvince(cw, u.unitName, u.unitCode)),
      view,
    );
  const local = localUnits(cw, totals);
  return communes ? communesInView(communes, local, view) : local.map(asView);
}

/** The local units (not provinces) of a list of totals. */
export function localUnits(cw: Crosswalk, totals: readonly UnitTotal[]): UnitTotal[] {
  return totals.filter((u) => !isProvince(cw, u.unitName, u.unitCode));
}

/** The level of a unit key (name or code). */
export function levelOf(cw: Crosswalk, key: string): Level {
  return isProvince(cw, key, key) ? 'province' : 'local';
}

function byComponent(list: readonly { component: string; u: UnitTotal }[]): Map<string, UnitTotal[]> {
  const out = new Map<string, UnitTotal[]>();
  for (const { component, u } of list) out.set(component, [...(out.get(component) ?? []), u]);
  return out;
}

/**
 * Component values as unit totals, one list per component (`top`), and the parts they are summed from (`sub`), as the
 * registry says. Summed components (PAPI dimensions) come complete-flagged from summedComponentsQuery; components as
 * loaded are taken one value each, as % of their max when the index shows them so and a max was loaded.
 */
export function componentTotals(
  meta: IndexMeta,
  rows: readonly ComponentRow[],
  summed: readonly ComponentTotalRow[],
): { top: Map<string, UnitTotal[]>; sub: Map<string, UnitTotal[]> } {
  const one = (r: ComponentRow, total: number): UnitTotal => ({
    year: r.year,
    unitCode: r.unit_code,
    unitName: r.unit_name ?? r.unit_code,
    total,
    nPresent: 1,
    nExpected: 1,
  });
  if (meta.components.summedFrom) {
    return {
      top: byComponent(summed.map((r) => ({ component: r.component, u: toUnitTotals([r])[0]! }))),
      sub: byComponent(rows.map((r) => ({ component: r.component, u: one(r, r.score) }))),
    };
  }
  const pct = (r: ComponentRow) => (meta.components.percentOfMax && r.max_score ? (100 * r.score) / r.max_score : r.score);
  return { top: byComponent(rows.map((r) => ({ component: r.component, u: one(r, pct(r)) }))), sub: new Map() };
}

/** Years present in a list of totals, ascending. */
function yearsOf(units: readonly { year: number }[]): number[] {
  return [...new Set(units.map((u) => u.year))].sort((a, b) => a - b);
}

/**
 * An index's totals with the commune's series by the registry's rule for it (SIPAS: communeSipas — its published score
 * of a year wins, else the rate from its survey answers, `pooled`, sipasPooledQuery). Both the index page and the
 * overview card read a commune's series through this. `fromAnswers`: the pooled rows of the years taken from answers.
 * An index without such a rule: the totals as they are.
 */
export function withCommuneSeries(
  meta: IndexMeta,
  totals: readonly UnitTotal[],
  commune: string,
  communeName: string,
  pooled: readonly SipasYearRow[],
): { totals: UnitTotal[]; fromAnswers: SipasYearRow[] } {
  if (!meta.fromAnswers) return { totals: [...totals], fromAnswers: [] };
  const published = totals.filter((u) => u.unitCode === commune);
  const unitName = published[0]?.unitName ?? communeName;
  const years = meta.fromAnswers(
    published.map((u) => ({ year: u.year, value: u.total })),
    pooled.map((r) => ({ year: r.year, rate: r.rate, answers: r.answers, lastQuarter: r.last_quarter })),
  );
  const surveyed = years.filter((y) => y.from === 'answers');
  const added = surveyed.map((y) => ({ year: y.year, unitCode: commune, unitName, total: y.value, nPresent: 1, nExpected: 1 }));
  return { totals: [...totals, ...added], fromAnswers: pooled.filter((r) => surveyed.some((y) => y.year === r.year)) };
}

/**
 * A commune's value of a year taken from its own survey answers (withCommuneSeries) is shown, never ranked: no peer was
 * surveyed alike. The one rule for the overview card and the index page (its rank table and trend).
 */
export function notRanked<T extends { rank: number | null; quartile: Quartile | null }>(s: T): T {
  return { ...s, rank: null, quartile: null, ...('deltaRank' in s ? { deltaRank: null } : {}) };
}

// ---- The index page -------------------------------------------------------------------------------------------------

/** What loadIndex (load.ts) reads for one index: plain data. */
export interface IndexData {
  index: IndexCode;
  cw: Crosswalk;
  /** Every unit-year's total; with the user's commune, its series by the registry's rule (withCommuneSeries). */
  totals: UnitTotal[];
  /** Components as loaded (one value per unit, year and component). */
  components: ComponentRow[];
  /** Components summed from their parts (PAPI dimensions); empty for other indices. */
  summed: ComponentTotalRow[];
  /** The index's sources as its rows write them, by the level of the rows. */
  sources: LevelSources;
  /** Where the commune's survey answers came from, when some of its years are taken from them. */
  answerSources: string[];
  /** The commune's years taken from its survey answers, and whether other years of it are published scores. */
  fromAnswers: { years: number[]; mixed: boolean } | null;
  /** PAR lĩnh vực code → name in the loaded criteria (the latest year's wording); empty for other indices. */
  parFields: Record<string, string>;
  /** Local units across the commune merger, when a province's commune crosswalk knows their names. */
  communes: CommuneIndex | null;
}

/** The page's choices, from its link (unit, year, from, to, component, sub) and the view in force. */
export interface IndexParams {
  view: ProvinceView;
  unit?: string;
  year?: string;
  from?: string;
  to?: string;
  component?: string;
  /** The components chart shows the parts (PAPI sub-dimensions). */
  sub: boolean;
}

/** The user's units and the target of a year (settings). */
export interface MineForIndex {
  commune: string | null;
  province: string | null;
  sipasTarget: (year: number) => number;
}

export interface IndexModel {
  meta: IndexMeta;
  level: Level;
  /** The unit the page is about (a province's name in the view, or a local unit's code), its name, and the user's own. */
  unit: string;
  unitName: string;
  own: string | null;
  years: number[];
  /** Null: no data at all (years is empty). */
  year: number | null;
  from: number | null;
  to: number | null;
  /** '' = the total; else a component's code. */
  component: string;
  metricName: string;
  /** The component choices: summed or loaded components, then parts. */
  components: { code: string; label: string }[];
  parts: { code: string; label: string }[];
  standings: Standing[];
  rows: RankRow<ViewTotal>[];
  /** The components chart's bars, with their component's code. */
  bars: (ComponentBar & { code: string })[];
  /** Bars in % of each component's maximum. */
  percentBars: boolean;
  /** The trend chart's points; `computed` years are drawn hollow. */
  points: TrendPoint[];
  computedYears: Set<number>;
  /** Former provinces or communes beside a merged one, already named for the chart. */
  formers: { name: string; values: (number | null)[] }[];
  target: number | null;
  /** The switch is about communes (the commune crosswalk applies), not provinces. */
  communeView: boolean;
  derivedShown: boolean;
  review: NameReview | null;
  /** The province of the crosswalk the review is about. */
  reviewProvince: string | null;
  fromAnswers: IndexData['fromAnswers'];
  unitOptions: [code: string, name: string][];
  /** The map: provinces' values of the year (rounded as shown, so colour and number agree), and named bands if any. */
  mapRows: { province: string; value: number | null }[];
  mapBands: { label: string; min: number }[] | null;
  /** The source line: the index's sources, and the commune crosswalk used when its values are computed. */
  source: string | undefined;
  /** "Huế · D5 · 2018–2024": what the chart shows, for its exports. */
  context: string;
  notes: string[];
  /** For the view switch: the crosswalk and the local units. */
  cw: Crosswalk;
  local: UnitTotal[];
}

/** A component code's name: PAR lĩnh vực by the loaded criteria, else the registry's label key, else the code. */
export function componentLabeller(meta: IndexMeta, parFields: Readonly<Record<string, string>>, t: Translate): (code: string) => string {
  return (code) => {
    if (meta.components.namesFromParCriteria && Object.hasOwn(parFields, code)) return `${code}. ${parFields[code]}`;
    const ref = meta.components.label(code);
    return ref && ref.key in vi ? t(ref.key as MessageKey, ref.params) : code;
  };
}

const roundTo = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** The same unit in the other view: a province or a former commune maps to its new one, and back. */
export function unitInView(data: IndexData, level: Level, key: string, view: ProvinceView): string {
  if (level === 'province') return provinceInView(data.cw, key, view) ?? key;
  return data.communes ? communeKeyInView(data.communes, localUnits(data.cw, data.totals), key, view) : key;
}

/**
 * The index page's model. The unit: from the link, else the user's commune (an index of local units, when the commune has
 * data), else the user's province. Peers: the units of its level in the view. The components of the year: the unit
 * against the median and the best of complete peers.
 */
export function indexModel(data: IndexData, params: IndexParams, mine: MineForIndex, t: Translate): IndexModel {
  const meta = INDICES[data.index];
  const { cw, totals, communes: ix } = data;
  const view = params.view;
  const label = componentLabeller(meta, data.parFields, t);
  // A local unit's key in the view: a former commune maps to its new one and back, when the crosswalk knows it.
  const local = localUnits(cw, totals);
  const localKey = (key: string) => (ix ? communeKeyInView(ix, local, key, view) : key);
  const localPeers = peersAt(cw, totals, 'local', view, ix);
  const myCommune = mine.commune === null ? null : localKey(mine.commune);
  const defaultUnit = meta.level === 'local' && localPeers.some((u) => u.unitCode === myCommune) ? myCommune : provinceInView(cw, mine.province, view);
  const asked = params.unit ?? defaultUnit ?? '';
  const level: Level = levelOf(cw, asked);
  const unit = level === 'province' ? (provinceInView(cw, asked, view) ?? asked) : localKey(asked);
  const own = level === 'province' ? provinceInView(cw, mine.province, view) : myCommune;
  const cx = level === 'local' ? ix : null;
  const { top, sub } = componentTotals(meta, data.components, data.summed);
  const component = params.component && (top.has(params.component) || sub.has(params.component)) ? params.component : '';
  const metricTotals = component ? (top.get(component) ?? sub.get(component)!) : totals;
  const peers = peersAt(cw, metricTotals, level, view, cx);
  const totalPeers = peersAt(cw, totals, level, view, cx);
  // A component's own years (PAPI e-governance only from 2018); the total's years otherwise.
  const years = yearsOf(component || !totalPeers.length ? peers : totalPeers);
  const pick = (v: string | undefined, fallback: number | null) => (years.includes(Number(v)) ? Number(v) : fallback);
  const year = pick(params.year, years.at(-1) ?? null);
  const from = pick(params.from, years[0] ?? null);
  const to = pick(params.to, years.at(-1) ?? null);
  // The commune's total of a year from its survey answers (not a component, not computed from former communes).
  const surveyed = (u: UnitTotal & { derived?: boolean }) => !component && !u.derived && u.unitCode === myCommune && !!data.fromAnswers?.years.includes(u.year);
  const isUnit = (u: UnitTotal) => u.unitCode === unit || u.unitName === unit;
  const standings = standingsFor(peers, unit, meta.decimals)
    .filter((s) => from !== null && to !== null && s.year >= from && s.year <= to)
    .map((s) => (peers.some((u) => u.year === s.year && isUnit(u) && surveyed(u)) ? notRanked(s) : s));
  const unitName = peers.find(isUnit)?.unitName ?? unit;
  const rows = year === null ? [] : rankRows(peers, year, meta).map((r) => (surveyed(r.unit) ? notRanked(r) : r));
  const bars = [...(params.sub ? sub : top).entries()].flatMap(([code, list]) => {
    const ofYear = peersAt(cw, list, level, view, cx).filter((u) => u.year === year && isComplete(u));
    if (!ofYear.length) return [];
    const vals = ofYear.map((u) => u.total);
    return [{ code, label: label(code), unit: ofYear.find(isUnit)?.total ?? null, median: median(vals), best: Math.max(...vals) }];
  });
  const derivedShown = view === '34' && (level === 'province' || cx !== null) && peers.some((u) => u.derived);
  // On the local level with the commune crosswalk, the switch is about communes (xã, phường), not provinces.
  const communeView = level === 'local' && ix !== null;
  const formerName = (name: string) => t(communeView ? 'indices.formerCommuneLine' : 'indices.formerLine', { name });
  // On the 34 view, a merged province's former provinces, as published, beside the computed mean.
  const members = level === 'province' && view === '34' ? (cw.members.get(unit) ?? []) : [];
  const formerTotals = members.length > 1 ? peersAt(cw, metricTotals, 'province', '63') : [];
  const formers =
    members.length > 1
      ? members.map((mb) => ({
          name: formerName(mb.oldProvince),
          values: standings.map((s) => {
            const f = formerTotals.find((u) => u.year === s.year && u.unitName === mb.oldProvince);
            return f && isComplete(f) ? f.total : null;
          }),
        }))
      : cx && view === '34'
        ? formerLines(cx, localUnits(cw, metricTotals), unit).map((l) => ({
            name: formerName(l.name),
            values: standings.map((s) => l.byYear.get(s.year) ?? null),
          }))
        : [];
  // Years in which the unit's own value is computed from former units (drawn hollow, marked in the table).
  const computedYears = new Set(peers.filter((u) => u.derived && isUnit(u)).map((u) => u.year));
  const metricName = component ? label(component) : t('indices.total');
  // The sources of the level shown (communes' rows are not the provinces'), and the answers' files behind the commune's
  // years taken from its survey — as the overview card names them (cards.ts cardSources).
  const shownSources = [...data.sources[level], ...(level === 'local' && data.fromAnswers ? data.answerSources : [])];
  const sources = sourceParts(meta, [...new Set(shownSources)]).map((s) => (typeof s === 'string' ? s : t(s.key as MessageKey, s.params)));
  if (communeView && derivedShown) {
    // The crosswalk used: the file(s) the user loaded for the province, else the shipped one.
    const files = [...new Set(ix.communes.flatMap((c) => (c.source ? [c.source] : [])))];
    sources.push(files.length ? t('source.communesLoaded', { files: files.join(', ') }) : t('source.communes2025'));
  }
  const byPar = meta.groups === 'par' && level === 'province' && !component;
  return {
    meta,
    level,
    unit,
    unitName,
    own,
    years,
    year,
    from,
    to,
    component,
    metricName,
    components: [...top.keys()].map((code) => ({ code, label: label(code) })),
    parts: [...sub.keys()].map((code) => ({ code, label: label(code) })),
    standings,
    rows,
    bars,
    percentBars: meta.components.percentOfMax && data.components.some((c) => c.max_score),
    // With no peers there is no median or best to compare with: those lines are left out, not drawn on top of the unit.
    points: standings.map((s) => ({
      year: s.year,
      unit: s.value,
      median: s.of > 1 ? s.median : null,
      best: s.of > 1 ? s.best : null,
      computed: computedYears.has(s.year),
    })),
    computedYears,
    formers,
    target: meta.target === 'sipas' && year !== null ? mine.sipasTarget(year) : null,
    communeView,
    derivedShown,
    // Names the commune view could not place, for the user to check.
    review: cx && view === '34' ? reviewNames(cx, local) : null,
    reviewProvince: ix?.province ?? null,
    fromAnswers: data.fromAnswers,
    unitOptions: [...new Map(peers.map((u) => [u.unitCode, u.unitName])).entries()].sort(([, a], [, b]) => a.localeCompare(b, 'vi')),
    mapRows: rows.map((r) => ({ province: r.unit.unitName, value: r.complete ? roundTo(r.unit.total, meta.decimals) : null })),
    mapBands: byPar ? PAR_PROVINCE_GROUPS.map((g) => ({ label: tGroup(t, g.id), min: g.min })) : null,
    source: sources.join('; ') || undefined,
    context: `${unitName} · ${component ? metricName + ' · ' : ''}${from}–${to}`,
    notes: [...meta.notes],
    cw,
    local,
  };
}

const tGroup = (t: Translate, id: ParProvinceGroup) => {
  const g = parProvinceGroupLabel(id);
  return t(g.key, g.params);
};
