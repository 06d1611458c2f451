// The index registry: per index its scale, bounds, decimals, groups, components and their labels, source label, which
// rows win, what "complete" means and its notes. Pages, cards and queries ask this; nothing branches on an index code.
// Labels are message keys (src/i18n), translated by the caller. No React, no DuckDB.
import type { BandCutoffs } from './parScoring';
import { papiDimensionCount, PAPI_SUB_DIMENSION } from './papi';
import { communeSipas } from './sipas';

export const INDEX_CODES = ['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'] as const;
export type IndexCode = (typeof INDEX_CODES)[number];

export function isIndexCode(s: string): s is IndexCode {
  return (INDEX_CODES as readonly string[]).includes(s);
}

/** A message key and its values, translated by the caller. */
export interface LabelRef {
  key: string;
  params?: Record<string, string | number>;
}

/** A named group with the lowest value it takes, as Bộ Nội vụ groups provinces' PAR Index. */
interface GroupBand<Id extends string = string> {
  id: Id;
  /** The lowest value in the group (the last group takes anything lower). */
  min: number;
  tone: 'good' | 'mid' | 'bad';
}

/** Bộ Nội vụ groups provinces' PAR Index: Nhóm A ≥ 90%, Nhóm B 80 – < 90%, below 80%. Highest first. */
export const PAR_PROVINCE_GROUPS = [
  { id: 'A', min: 90, tone: 'good' },
  { id: 'B', min: 80, tone: 'mid' },
  { id: 'below', min: -Infinity, tone: 'bad' },
] as const satisfies readonly GroupBand[];
export type ParProvinceGroup = (typeof PAR_PROVINCE_GROUPS)[number]['id'];

/**
 * A commune's or unit's PAR bands by default (Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, below Yếu). Each
 * province sets its own (domain.md: unconfirmed), so they are a setting; this is the setting's default.
 */
export const DEFAULT_PAR_BANDS: BandCutoffs = { excellent: 90, good: 80, fair: 70, average: 50 };

/** How a rank table and a card group the units of an index's total. */
type Grouping =
  /** PAR: provinces in PAR_PROVINCE_GROUPS; communes and units in the province's bands (settings, bandOf). */
  | 'par'
  /** By quartile of rank; `published`: the publisher's own groups (PAPI), shown on the overview card too. */
  | { quartiles: true; published: boolean };

export interface IndexMeta {
  code: IndexCode;
  /** How values are written: a percentage, a 0–1 ratio, or points. */
  scale: 'percent' | 'ratio' | 'points';
  /** The highest total any year can take: the ceiling files are checked against. */
  ceiling: number;
  /** The scale of a year's totals (PAPI's moved in 2018): the card's "điểm (8–80)". */
  bounds(year: number): { min: number; max: number };
  decimals: number;
  /** Years from which totals are not comparable with earlier ones (the chart does not join across). */
  breaks: readonly number[];
  /** Notes (message keys) shown with the index's trend: PAPI's 2018 method break. */
  notes: readonly string[];
  /** 'local': communes and their units are scored (PAR, SIPAS), provinces too; 'province': provinces only. */
  level: 'local' | 'province';
  groups: Grouping;
  /**
   * What the total of a unit-year is: its published overall row; for 'sumOfParts' (PAPI, which publishes none), without
   * one, the sum of its components, complete only with every component anyone has that year (the SQL: unitTotalsQuery).
   */
  total: 'published' | 'sumOfParts';
  components: {
    /**
     * Components summed from parts: a part whose code matches `pattern` (a regular expression, in SQL and TypeScript)
     * belongs to `prefix` + its first group (PAPI sub-dimension SC52 → dimension D5). The parts are shown too.
     * Null: components are as loaded.
     */
    summedFrom: { pattern: string; prefix: string } | null;
    /** Shown as % of their maximum when loaded with one (PAR lĩnh vực), so bars of unequal maxima compare. */
    percentOfMax: boolean;
    /** Names from the loaded PAR criteria tree (its lĩnh vực), before `label`. */
    namesFromParCriteria: boolean;
    /** The message key naming a component code, if the index has one (the caller checks the key exists). */
    label(code: string): LabelRef | null;
  };
  /** A source as the rows write it → the message key shown for it (PAPI's rows name UNDP & CECODES). */
  sourceLabels: Readonly<Record<string, string>>;
  /**
   * Which of a commune's rows win: null — its published rows; else a year's published score wins and a year without one
   * takes the rate computed from its own survey answers, by this rule (communeSipas, domain/sipas.ts).
   */
  fromAnswers: typeof communeSipas | null;
  /** A target line from the settings (the commune plan's "phấn đấu mức độ hài lòng đạt trên 90%"). */
  target: 'sipas' | null;
}

/** How the PAPI rows name their source (the importer writes it: ingest/formats/papiWide.ts). */
export const PAPI_SOURCE = 'PAPI, UNDP & CECODES';

const percent = () => ({ min: 0, max: 100 });
const asLoaded = (over: Partial<IndexMeta['components']> = {}): IndexMeta['components'] => ({
  summedFrom: null,
  percentOfMax: true,
  namesFromParCriteria: false,
  label: () => null,
  ...over,
});
const QUARTILES: Grouping = { quartiles: true, published: false };

export const INDICES: Record<IndexCode, IndexMeta> = {
  PAR: {
    code: 'PAR',
    scale: 'percent',
    ceiling: 100,
    bounds: percent,
    decimals: 2,
    breaks: [],
    notes: [],
    level: 'local',
    groups: 'par',
    total: 'published',
    components: asLoaded({ namesFromParCriteria: true, label: (code) => (/^\d+$/.test(code) ? { key: 'indices.parField', params: { code } } : null) }),
    sourceLabels: {},
    fromAnswers: null,
    target: null,
  },
  SIPAS: {
    code: 'SIPAS',
    scale: 'percent',
    ceiling: 100,
    bounds: percent,
    decimals: 2,
    breaks: [],
    notes: [],
    level: 'local',
    groups: QUARTILES,
    total: 'published',
    components: asLoaded(),
    sourceLabels: {},
    fromAnswers: communeSipas,
    target: 'sipas',
  },
  // 2018: PAPI went from 6 to 8 dimensions (total 6–60 → 8–80); PAPI itself discourages comparing across it.
  PAPI: {
    code: 'PAPI',
    scale: 'points',
    ceiling: 80,
    decimals: 2,
    breaks: [2018],
    notes: ['note.papiBreak'],
    level: 'province',
    bounds: (year) => ({ min: papiDimensionCount(year), max: 10 * papiDimensionCount(year) }),
    groups: { quartiles: true, published: true },
    total: 'sumOfParts',
    components: {
      summedFrom: { pattern: PAPI_SUB_DIMENSION, prefix: 'D' },
      percentOfMax: false,
      namesFromParCriteria: false,
      label: (code) => ({ key: /^D\d$/.test(code) ? `indices.papi.dim.${code.slice(1)}` : `indices.papi.sub.${code}` }),
    },
    sourceLabels: { [PAPI_SOURCE]: 'source.papi' },
    fromAnswers: null,
    target: null,
  },
  PCI: {
    code: 'PCI',
    scale: 'points',
    ceiling: 100,
    bounds: percent,
    decimals: 2,
    breaks: [],
    notes: [],
    level: 'province',
    groups: QUARTILES,
    total: 'published',
    components: asLoaded(),
    sourceLabels: {},
    fromAnswers: null,
    target: null,
  },
  DTI: {
    code: 'DTI',
    scale: 'ratio',
    ceiling: 1,
    bounds: () => ({ min: 0, max: 1 }),
    decimals: 4,
    breaks: [],
    notes: [],
    level: 'province',
    groups: QUARTILES,
    total: 'published',
    components: asLoaded(),
    sourceLabels: {},
    fromAnswers: null,
    target: null,
  },
};

/** Indices that score communes and their units (PAR, SIPAS): the units a commune is picked from. */
export const LOCAL_INDICES: readonly IndexCode[] = INDEX_CODES.filter((c) => INDICES[c].level === 'local');

/** The methodology era a year falls in: years in the same era may be joined by a line. */
export function eraOf(meta: IndexMeta, year: number): number {
  return meta.breaks.filter((b) => year >= b).length;
}

/** An index's sources as shown: those the registry names first, as their label (a LabelRef); others as the rows write them. */
export function sourceParts(meta: IndexMeta, sources: readonly string[]): (string | LabelRef)[] {
  const named = sources.flatMap((s) => (meta.sourceLabels[s] ? [{ key: meta.sourceLabels[s]! }] : []));
  return [...named, ...sources.filter((s) => !meta.sourceLabels[s])];
}
