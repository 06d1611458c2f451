// Across the 1/7/2025 merger one level down: the former communes (xã, phường, thị trấn) of a province became its new
// communes. The crosswalk (data/ref/communes_2025.json, unofficial) lists per province of 34 each new commune and its
// former ones as free text, e.g. "Xã Bình An (huyện Châu Thành), Xã Vĩnh Hòa Hiệp" or "Không sáp nhập". It has no
// codes and the codes changed, so units are matched by NAME within the user's province: type prefix, tone-mark
// placement and a district in brackets are taken into account; a name that fits two former communes is never guessed.
// As for provinces (merger.ts), years before the merger show a new commune as the unweighted mean of its former ones,
// flagged as derived; years from the merger on are published on the new communes. Pure, tested.
import { asPublished, MERGER_YEAR, mergerMean, type ProvinceView, type ViewTotal } from './merger';
import type { UnitTotal } from './trend';
import { COMMUNE_TYPES, DISTRICT_TYPES, nameKey, provinceKey, provinceName, splitType } from './vnNames';

/** One row of the crosswalk as written: province of 34, new commune (no type prefix), former communes or "Không sáp nhập". */
export type CrosswalkRow = readonly [province: string, newCommune: string, formers: string];

interface FormerCommune {
  /** As written in the crosswalk, e.g. "Xã Bình An (huyện Châu Thành)". */
  label: string;
  type: string | null;
  /** Name key (vnNames.nameKey) without type and brackets. */
  base: string;
  /** District in brackets, as a name key ("châu thành"); null when none. */
  district: string | null;
  /** Only part of it went into this new commune ("một phần", "phần còn lại …"). */
  partial: boolean;
}

export interface NewCommune {
  /** As the app names it ("TP HCM" → "Hồ Chí Minh", vnNames.provinceName). */
  province: string;
  /** vnNames.provinceKey of the province. */
  provinceKey: string;
  name: string;
  key: string;
  formers: FormerCommune[];
  /** "Không sáp nhập": the new commune is its former self, under the same name. */
  unchanged: boolean;
  /** The file it was loaded from; absent for the shipped crosswalk. */
  source?: string;
}

// Bracket notes that say how much of a commune went where, not which commune it is.
const PARTIAL = /một phần|phần còn lại|bao gồm/;
const IGNORED = /^(cũ|mới)$/;

interface UnitName {
  type: string | null;
  base: string;
  district: string | null;
  partial: boolean;
}

// Names are parsed again for every view and component; a page holds a few thousand at most.
const parsed = new Map<string, UnitName>();

/** "Xã Bình An (huyện Châu Thành)" → type 'xã', base 'bình an', district 'châu thành'. */
export function parseUnitName(raw: string): UnitName {
  let p = parsed.get(raw);
  if (!p) {
    if (parsed.size > 50_000) parsed.clear();
    p = parseName(raw);
    parsed.set(raw, p);
  }
  return p;
}

function parseName(raw: string): UnitName {
  let s = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  let district: string | null = null;
  let partial = false;
  const br = s.match(/\s*\(([^)]*)\)\s*$/);
  if (br) {
    s = s.slice(0, br.index).trim();
    const note = br[1]!.toLowerCase().trim();
    if (PARTIAL.test(note)) partial = true;
    else if (!IGNORED.test(note)) district = splitType(nameKey(note), DISTRICT_TYPES).rest;
  }
  const { type, rest } = splitType(nameKey(s), COMMUNE_TYPES);
  return { type, base: rest, district, partial };
}

/** Splits "A, B (x, y), C" on the commas outside brackets. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x && x !== '-');
}

export function parseCrosswalk(rows: readonly CrosswalkRow[]): NewCommune[] {
  return rows.map(([province, name, formersText]) => {
    const nm = name.normalize('NFC').trim();
    const text = formersText.normalize('NFC').trim();
    const unchanged = /^không sáp nhập$/i.test(text);
    const labels = unchanged ? [nm] : splitList(text);
    return {
      province: provinceName(province),
      provinceKey: provinceKey(province),
      name: nm,
      key: nameKey(nm),
      unchanged,
      formers: labels.map((label) => ({ label, ...parseUnitName(label) })),
    };
  });
}

const identity = (f: FormerCommune) => `${f.type ?? ''}|${f.base}|${f.district ?? ''}`;

type CommuneMatch =
  | { kind: 'new'; commune: NewCommune }
  | { kind: 'former'; former: FormerCommune; of: NewCommune[] }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

/** The crosswalk of one province, indexed for matching names. */
export interface CommuneIndex {
  province: string;
  communes: NewCommune[];
  byKey: Map<string, NewCommune>;
  formersByBase: Map<string, { former: FormerCommune; commune: NewCommune }[]>;
  /** matchName's answers: a page asks the same names again for every view, component and year. */
  matches: Map<string, CommuneMatch>;
}

export function communeIndex(province: string, all: readonly NewCommune[]): CommuneIndex {
  const pk = provinceKey(province);
  const communes = all.filter((c) => c.provinceKey === pk);
  const byKey = new Map(communes.map((c) => [c.key, c]));
  const formersByBase = new Map<string, { former: FormerCommune; commune: NewCommune }[]>();
  for (const commune of communes)
    for (const former of commune.formers) formersByBase.set(former.base, [...(formersByBase.get(former.base) ?? []), { former, commune }]);
  return { province, communes, byKey, formersByBase, matches: new Map() };
}

/**
 * What a unit name is in the crosswalk: from the merger year on, a new commune (its type prefix ignored, the
 * crosswalk has none); before it, a former commune. A former name that fits two different communes (same name in two
 * former districts) is ambiguous unless the name says the district in brackets. A former commune split between new
 * ones is a former of each.
 */
export function matchName(ix: CommuneIndex, name: string, year: number): CommuneMatch {
  // Only which side of the merger the year is on matters.
  const key = `${year >= MERGER_YEAR ? 'new' : 'old'}|${name}`;
  let m = ix.matches.get(key);
  if (!m) {
    m = matchUncached(ix, name, year);
    ix.matches.set(key, m);
  }
  return m;
}

function matchUncached(ix: CommuneIndex, name: string, year: number): CommuneMatch {
  const p = parseUnitName(name);
  if (year >= MERGER_YEAR) {
    const c = ix.byKey.get(p.base);
    return c ? { kind: 'new', commune: c } : { kind: 'none' };
  }
  let cands = (ix.formersByBase.get(p.base) ?? []).filter((c) => !p.type || !c.former.type || c.former.type === p.type);
  if (p.district) {
    const same = cands.filter((c) => c.former.district === p.district);
    cands = same.length ? same : cands.filter((c) => c.former.district === null);
  }
  const ids = new Set(cands.map((c) => identity(c.former)));
  if (ids.size === 0) return { kind: 'none' };
  if (ids.size > 1) return { kind: 'ambiguous', candidates: [...new Set(cands.map((c) => `${c.former.label} → ${c.commune.name}`))] };
  return { kind: 'former', former: cands[0]!.former, of: [...new Set(cands.map((c) => c.commune))] };
}

/** How many distinct unit names the province's crosswalk places (as a new or a former commune). */
function matchedNames(ix: CommuneIndex, units: readonly UnitTotal[]): number {
  const names = new Set<string>();
  for (const u of units) {
    const k = matchName(ix, u.unitName, u.year).kind;
    if (k === 'new' || k === 'former') names.add(u.unitName);
  }
  return names.size;
}

/**
 * The province crosswalk to use for the local units: the province that places most of their names (common names repeat
 * across provinces, so one name proves little), the user's province on a tie; another province needs two names at least.
 */
export function pickCommuneIndex(all: readonly NewCommune[], preferred: string | null, units: readonly UnitTotal[]): CommuneIndex | null {
  if (units.length === 0) return null;
  const pk = preferred ? provinceKey(preferred) : null;
  let best: { ix: CommuneIndex; n: number; own: boolean } | null = null;
  for (const province of new Set(all.map((c) => c.province))) {
    const ix = communeIndex(province, all);
    const n = matchedNames(ix, units);
    const own = provinceKey(province) === pk;
    if (n >= (own ? 1 : 2) && (!best || n > best.n || (n === best.n && own))) best = { ix, n, own };
  }
  return best?.ix ?? null;
}

/** How the new communes are named in the data from the merger year on (their code and name), by crosswalk key. */
function publishedNames(ix: CommuneIndex, units: readonly UnitTotal[]): Map<string, { code: string; name: string }> {
  const out = new Map<string, { code: string; name: string }>();
  for (const u of [...units].sort((a, b) => b.year - a.year)) {
    if (u.year < MERGER_YEAR) continue;
    const m = matchName(ix, u.unitName, u.year);
    if (m.kind === 'new' && !out.has(m.commune.key)) out.set(m.commune.key, { code: u.unitCode, name: u.unitName });
  }
  return out;
}

/**
 * Local units (all years) as seen in one view. 'old' ('63'): the years before the merger as published; later years
 * are left out (a new commune cannot be split). 'new' ('34'): later years as published; before the merger, every new
 * commune with at least one former commune in that year's data = unweighted mean of its former communes, incomplete
 * if any is missing or incomplete; a unit that is not a former commune (not in the crosswalk, or ambiguous) stays as
 * it is. A derived commune takes the code and name it is published under after the merger, so its line continues.
 */
export function communesInView(ix: CommuneIndex, units: readonly UnitTotal[], view: ProvinceView): ViewTotal[] {
  if (view === '63') return units.filter((u) => u.year < MERGER_YEAR).map(asPublished);
  const published = publishedNames(ix, units);
  const out: ViewTotal[] = [];
  const byYear = new Map<number, UnitTotal[]>();
  for (const u of units) byYear.set(u.year, [...(byYear.get(u.year) ?? []), u]);
  for (const [year, list] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    if (year >= MERGER_YEAR) {
      out.push(...list.map(asPublished));
      continue;
    }
    const found = new Map<NewCommune, Map<string, UnitTotal>>();
    for (const u of list) {
      const m = matchName(ix, u.unitName, year);
      if (m.kind !== 'former') {
        out.push(asPublished(u));
        continue;
      }
      for (const c of m.of) found.set(c, (found.get(c) ?? new Map()).set(identity(m.former), u));
    }
    for (const [c, got] of found) {
      const pub = published.get(c.key);
      out.push({
        year,
        unitCode: pub?.code ?? c.name,
        unitName: pub?.name ?? c.name,
        ...mergerMean(c.formers.map((f) => ({ name: f.label, row: got.get(identity(f)) }))),
      });
    }
  }
  return out;
}

/** Names the view could not place, for the user to review: not in the crosswalk, or fitting several former communes. */
export interface NameReview {
  unmatched: string[];
  ambiguous: { name: string; candidates: string[] }[];
}

export function reviewNames(ix: CommuneIndex, units: readonly UnitTotal[]): NameReview {
  const unmatched = new Set<string>();
  const ambiguous = new Map<string, string[]>();
  for (const u of units) {
    const m = matchName(ix, u.unitName, u.year);
    if (m.kind === 'none') unmatched.add(u.unitName);
    if (m.kind === 'ambiguous') ambiguous.set(u.unitName, m.candidates);
  }
  const vi = (a: string, b: string) => a.localeCompare(b, 'vi');
  return {
    unmatched: [...unmatched].sort(vi),
    ambiguous: [...ambiguous.entries()].sort(([a], [b]) => vi(a, b)).map(([name, candidates]) => ({ name, candidates })),
  };
}

/** The new commune a unit key (code or name) stands for: by its names from the merger year on, else by the key itself. */
function newCommuneOf(ix: CommuneIndex, units: readonly UnitTotal[], key: string): NewCommune | undefined {
  const named = units.filter((u) => u.year >= MERGER_YEAR && (u.unitCode === key || u.unitName === key)).map((u) => matchName(ix, u.unitName, u.year));
  const m = named.find((x) => x.kind === 'new');
  return m?.kind === 'new' ? m.commune : ix.byKey.get(parseUnitName(key).base);
}

/**
 * The same unit in the other view: a new commune → the former commune of its name in the data, else its first former
 * one found; a former commune → the new commune it became (its published code, else its name).
 */
export function communeKeyInView(ix: CommuneIndex, units: readonly UnitTotal[], key: string, view: ProvinceView): string {
  if (view === '63') {
    const c = newCommuneOf(ix, units, key);
    if (!c) return key;
    const of = units
      .filter((u) => u.year < MERGER_YEAR)
      .flatMap((u) => {
        const m = matchName(ix, u.unitName, u.year);
        return m.kind === 'former' && m.of.includes(c) ? [{ u, base: m.former.base }] : [];
      });
    return (of.find((x) => x.base === c.key) ?? of[0])?.u.unitCode ?? key;
  }
  const m = units
    .filter((u) => u.year < MERGER_YEAR && (u.unitCode === key || u.unitName === key))
    .map((u) => matchName(ix, u.unitName, u.year))
    .find((x) => x.kind === 'former');
  if (m?.kind !== 'former') return key;
  const c = m.of[0]!;
  return publishedNames(ix, units).get(c.key)?.code ?? c.name;
}

/** A merged new commune's former communes, each with its own values by year (null = incomplete), for lines beside it. */
export function formerLines(ix: CommuneIndex, units: readonly UnitTotal[], key: string): { name: string; byYear: Map<number, number | null> }[] {
  const c = newCommuneOf(ix, units, key);
  if (!c || c.formers.length < 2) return [];
  return c.formers.map((f) => {
    const byYear = new Map<number, number | null>();
    for (const u of units) {
      if (u.year >= MERGER_YEAR) continue;
      const m = matchName(ix, u.unitName, u.year);
      if (m.kind === 'former' && identity(m.former) === identity(f)) byYear.set(u.year, u.nPresent >= u.nExpected ? u.total : null);
    }
    return { name: f.label, byYear };
  });
}
