// From query rows to what the index page and the overview cards show: peers by level (provinces in the chosen
// view, or local units), component totals (PAPI dimensions = sum of their sub-dimensions). Pure, tested.
import { communesInView, type CommuneIndex } from '../../domain/communeMerger';
import { crosswalk, isProvince, provincesInView, type Crosswalk, type ProvinceView, type ViewTotal } from '../../domain/merger';
import { papiDimensionOf } from '../../domain/papi';
import { communeSipas } from '../../domain/sipas';
import type { UnitTotal } from '../../domain/trend';
import type { ComponentRow, ProvinceRefRow, SipasYearRow, UnitTotalRow } from './queries';

export type Level = 'province' | 'local';

export function toCrosswalk(rows: readonly ProvinceRefRow[]): Crosswalk {
  return crosswalk(rows.map((r) => ({ oldProvince: r.old_province, code: r.papi_code, newUnit: r.new_unit, newType: r.new_unit_type })));
}

export function toUnitTotals(rows: readonly UnitTotalRow[]): UnitTotal[] {
  return rows.map((r) => ({ year: r.year, unitCode: r.unit_code, unitName: r.unit_name ?? r.unit_code, total: r.total, nPresent: r.n_present, nExpected: r.n_expected }));
}

const asView = (u: UnitTotal): ViewTotal => ({ ...u, derived: false, from: [], missing: u.nPresent < u.nExpected ? [{ name: u.unitName, nPresent: u.nPresent, nExpected: u.nExpected }] : [] });

/**
 * The units of one level, as the chosen view shows them: provinces as 34 or 63; local units as new or former
 * communes when the province's commune crosswalk knows them (`communes`), else as loaded.
 */
export function peersAt(cw: Crosswalk, totals: readonly UnitTotal[], level: Level, view: ProvinceView, communes: CommuneIndex | null = null): ViewTotal[] {
  if (level === 'province') return provincesInView(cw, totals.filter((u) => isProvince(cw, u.unitName, u.unitCode)), view);
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

/**
 * Component values as unit totals, one list per component. PAPI dimension = sum of its sub-dimensions
 * present that year for anyone; a province lacking some is incomplete for that dimension.
 * Other indices' components are taken as loaded (a max_score turns them into % of max, so bars compare).
 */
export function componentTotals(index: string, rows: readonly ComponentRow[], detail: 'top' | 'sub'): Map<string, UnitTotal[]> {
  const out = new Map<string, UnitTotal[]>();
  const push = (k: string, u: UnitTotal) => out.set(k, [...(out.get(k) ?? []), u]);
  if (index !== 'PAPI' || detail === 'sub') {
    for (const r of rows) {
      const pct = index !== 'PAPI' && r.max_score ? (100 * r.score) / r.max_score : r.score;
      push(r.component, { year: r.year, unitCode: r.unit_code, unitName: r.unit_name ?? r.unit_code, total: pct, nPresent: 1, nExpected: 1 });
    }
    return out;
  }
  // PAPI dimensions: sub-dimensions expected per year and dimension = those anyone has.
  const expected = new Map<string, Set<string>>();
  const sums = new Map<string, { r: ComponentRow; total: number; n: number; dim: number }>();
  for (const r of rows) {
    const dim = papiDimensionOf(r.component);
    if (dim === null) continue;
    const ek = `${r.year}|${dim}`;
    expected.set(ek, (expected.get(ek) ?? new Set()).add(r.component));
    const sk = `${r.year}|${dim}|${r.unit_code}`;
    const s = sums.get(sk) ?? { r, total: 0, n: 0, dim };
    s.total += r.score;
    s.n += 1;
    sums.set(sk, s);
  }
  for (const { r, total, n, dim } of sums.values()) {
    push(`D${dim}`, { year: r.year, unitCode: r.unit_code, unitName: r.unit_name ?? r.unit_code, total, nPresent: n, nExpected: expected.get(`${r.year}|${dim}`)!.size });
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Years present in a list of totals, ascending. */
export function yearsOf(units: readonly { year: number }[]): number[] {
  return [...new Set(units.map((u) => u.year))].sort((a, b) => a - b);
}

/**
 * SIPAS totals with the commune's series by the one rule (domain/sipas.ts communeSipas): its published score of a year
 * wins, else the rate from its survey answers (`pooled`, sipasPooledQuery). Both the SIPAS index page and the overview
 * card read their SIPAS through this. `fromAnswers`: the pooled rows of the years taken from answers.
 */
export function withCommuneSipas(totals: readonly UnitTotal[], commune: string, communeName: string, pooled: readonly SipasYearRow[]): { totals: UnitTotal[]; fromAnswers: SipasYearRow[] } {
  const published = totals.filter((u) => u.unitCode === commune);
  const unitName = published[0]?.unitName ?? communeName;
  const years = communeSipas(
    published.map((u) => ({ year: u.year, value: u.total })),
    pooled.map((r) => ({ year: r.year, rate: r.rate, answers: r.answers, lastQuarter: r.last_quarter })),
  );
  const surveyed = years.filter((y) => y.from === 'answers');
  const added = surveyed.map((y) => ({ year: y.year, unitCode: commune, unitName, total: y.value, nPresent: 1, nExpected: 1 }));
  return { totals: [...totals, ...added], fromAnswers: pooled.filter((r) => surveyed.some((y) => y.year === r.year)) };
}
