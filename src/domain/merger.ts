// Across the 1/7/2025 merger (Nghị quyết 202/2025/QH15): 63 former provinces became 34.
// Years before the merger are shown on the 34-province view as the UNWEIGHTED MEAN of the former provinces
// (the method the ministry used for DTI 2024), flagged as derived; published values of a new province win.
import { type UnitTotal } from './trend';

export type ProvinceView = '34' | '63';
/** The first year published on the 34 provinces. */
export const MERGER_YEAR = 2025;

interface ProvinceRef {
  oldProvince: string;
  /** P01…P63 in the PAPI files. */
  code: string | null;
  newUnit: string;
  newType: string | null;
}

export interface Crosswalk {
  refs: readonly ProvinceRef[];
  /** Former province name or code → its ref. */
  byOld: Map<string, ProvinceRef>;
  /** New province → its former provinces, in the order of the reference table. */
  members: Map<string, ProvinceRef[]>;
  newNames: Set<string>;
}

export function crosswalk(refs: readonly ProvinceRef[]): Crosswalk {
  const byOld = new Map<string, ProvinceRef>();
  const members = new Map<string, ProvinceRef[]>();
  for (const r of refs) {
    byOld.set(r.oldProvince, r);
    if (r.code) byOld.set(r.code, r);
    members.set(r.newUnit, [...(members.get(r.newUnit) ?? []), r]);
  }
  return { refs, byOld, members, newNames: new Set(members.keys()) };
}

/** Whether a unit (by name or code) is a province, former or new. Anything else is a local unit (commune…). */
export function isProvince(cw: Crosswalk, name: string, code?: string): boolean {
  return cw.byOld.has(name) || cw.newNames.has(name) || (code !== undefined && cw.byOld.has(code));
}

/** The user's province in a view: a former province maps to its new one; a new one has no single former one. */
export function provinceInView(cw: Crosswalk, province: string | null, view: ProvinceView): string | null {
  if (!province) return null;
  if (view === '34') return cw.byOld.get(province)?.newUnit ?? (cw.newNames.has(province) ? province : null);
  if (cw.byOld.has(province)) return cw.byOld.get(province)!.oldProvince;
  // A new province named like one of its former ones (Huế ← Thừa Thiên Huế is not; Hải Phòng is) maps to it.
  const m = cw.members.get(province);
  return m?.find((r) => r.oldProvince === province)?.oldProvince ?? m?.[0]?.oldProvince ?? null;
}

/** A former province that is missing or incomplete, which keeps its new province from being computed. */
interface MissingMember {
  name: string;
  nPresent: number;
  nExpected: number;
}

export interface ViewTotal extends UnitTotal {
  /** Computed as the mean of former provinces (never published as such). */
  derived: boolean;
  /** Former provinces averaged (derived only). */
  from: string[];
  /** Why the unit is incomplete, when it is. */
  missing: MissingMember[];
}

/**
 * Years published on the 34 provinces: from the merger on, or a year whose every unit is a new province
 * and which has at most 34 of them (e.g. DTI 2024 as announced on the merged provinces).
 */
export function publishedOn34(cw: Crosswalk, year: number, units: readonly UnitTotal[]): boolean {
  if (year >= MERGER_YEAR) return true;
  const names = new Set(units.map((u) => u.unitName));
  return names.size > 0 && names.size <= cw.newNames.size && [...names].some((n) => !cw.byOld.has(n)) && [...names].every((n) => cw.newNames.has(n));
}

/** A unit as published (not computed): incomplete when its own components are. */
export const asPublished = (u: UnitTotal): ViewTotal => ({
  ...u,
  derived: false,
  from: [],
  missing: u.nPresent < u.nExpected ? [{ name: u.unitName, nPresent: u.nPresent, nExpected: u.nExpected }] : [],
});

/** A former unit of a merged one: its name as listed, and its row of the year (undefined when the data lacks it). */
export interface Former {
  name: string;
  row: UnitTotal | undefined;
}

/**
 * The merger mean, for provinces and communes alike: a merged unit's value in a year before the merger is the
 * UNWEIGHTED mean of its former units' values (the ministry's method for DTI 2024, domain.md), and only when every
 * former unit is there and complete — one missing or incomplete former unit leaves it NaN, incomplete, naming why.
 * A unit with one former unit (renamed, or not merged) is that unit's own value, not derived.
 */
export function mergerMean(formers: readonly Former[]): Pick<ViewTotal, 'total' | 'nPresent' | 'nExpected' | 'derived' | 'from' | 'missing'> {
  const missing: MissingMember[] = formers.flatMap(({ name, row }) => {
    if (!row) return [{ name, nPresent: 0, nExpected: 1 }];
    return row.nPresent < row.nExpected ? [{ name, nPresent: row.nPresent, nExpected: row.nExpected }] : [];
  });
  const complete = formers.flatMap(({ row }) => (row && row.nPresent >= row.nExpected ? [row.total] : []));
  return {
    total: complete.length > 0 && complete.length === formers.length ? complete.reduce((a, v) => a + v, 0) / formers.length : NaN,
    nPresent: complete.length,
    nExpected: formers.length,
    derived: formers.length > 1,
    from: formers.map((f) => f.name),
    missing,
  };
}

/**
 * Province totals (all years) as seen in one view. 63: the former provinces as published (years published
 * on 34 are left out: a new province cannot be split). 34: published new provinces as they are; other
 * years' new provinces = unweighted mean of their former provinces, incomplete if any former one is
 * missing or incomplete.
 */
export function provincesInView(cw: Crosswalk, units: readonly UnitTotal[], view: ProvinceView): ViewTotal[] {
  const byYear = new Map<number, UnitTotal[]>();
  for (const u of units) byYear.set(u.year, [...(byYear.get(u.year) ?? []), u]);
  const out: ViewTotal[] = [];
  for (const [year, list] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    const on34 = publishedOn34(cw, year, list);
    if (view === '63') {
      if (on34) continue;
      out.push(...list.map(asPublished));
      // A former province absent from the year's data is listed too: "thiếu dữ liệu", never silently dropped.
      const seen = new Set(list.flatMap((u) => [u.unitName, u.unitCode]));
      for (const r of cw.refs) {
        if (seen.has(r.oldProvince) || (r.code && seen.has(r.code))) continue;
        out.push({
          year,
          unitCode: r.code ?? r.oldProvince,
          unitName: r.oldProvince,
          total: NaN,
          nPresent: 0,
          nExpected: 1,
          derived: false,
          from: [],
          missing: [{ name: r.oldProvince, nPresent: 0, nExpected: 1 }],
        });
      }
      continue;
    }
    if (on34) {
      out.push(...list.map(asPublished));
      continue;
    }
    const byName = new Map<string, UnitTotal>();
    for (const u of list) {
      const ref = cw.byOld.get(u.unitName) ?? cw.byOld.get(u.unitCode);
      if (ref) byName.set(ref.oldProvince, u);
    }
    for (const [newUnit, members] of cw.members) {
      out.push({ year, unitCode: newUnit, unitName: newUnit, ...mergerMean(members.map((m) => ({ name: m.oldProvince, row: byName.get(m.oldProvince) }))) });
    }
  }
  return out;
}
