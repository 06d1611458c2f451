// What the plan reads: its own rows (queries.ts) and the figures its targets measure, each through the loader of the
// page that computes it — SIPAS rates (features/sipas), PAR index and band (features/par), a province's PAPI/PCI/DTI
// score and rank (features/indices with the standings of src/domain) — never their SQL.
import type { Db } from '../../db/types';
import { sipasTargetRuleFor, type Settings } from '../../app/settings';
import { INDICES } from '../../domain/indices';
import { provinceInView, type ProvinceView } from '../../domain/merger';
import { isYearlyMeasure, periodsWithin, sipasTargetRow, targetStatus, type Observation, type PlanIndex, type TargetDef } from '../../domain/plan';
import { lostPoints } from '../../domain/parScoring';
import { levelOf, parsePeriodKey, comparePeriods, type Level } from '../../domain/periods';
import { standingsFor, type Standing } from '../../domain/standing';
import { fetchItems, fetchPeriods, fetchTrend, fetchUnits } from '../sipas/queries';
import { itemFigures } from '../sipas/model';
import { fetchParCriteriaYears, loadParYear } from '../par/load';
import type { ParYear } from '../par/model';
import { fetchCrosswalk, fetchUnitTotals } from '../indices/unitTotals';
import { peersAt } from '../indices/model';
import { fetchIndicators, fetchTargets, fetchTasks, fetchUnitNames, type IndicatorRow, type TaskRow } from './queries';
import { targetKey, toTargets, trendPeriods, type Observations } from './model';

export interface PlanContext {
  settings: Settings;
  units: { commune: string | null; province: string | null; view: ProvinceView };
}

/** Figures read once per load, whichever targets ask for them. */
class Sources {
  private sipas = new Map<string, Promise<Map<string, { k: number; n: number }>>>();
  private par = new Map<number, Promise<ParYear | null>>();
  private index = new Map<string, Promise<{ province: string | null; years: Map<number, Standing> }>>();
  constructor(
    private db: Db,
    private ctx: PlanContext,
    private indicators: readonly IndicatorRow[],
  ) {}

  /** Satisfied and valid answers per period of a level, of a service point or (null) every point of the commune. */
  sipasAt(level: Level, unit: string | null) {
    const key = `${level}|${unit ?? ''}`;
    let p = this.sipas.get(key);
    if (!p) {
      p = fetchTrend(this.db, level, unit).then(({ rows }) => {
        const out = new Map<string, { k: number; n: number }>();
        for (const r of rows) {
          const c = out.get(r.period) ?? { k: 0, n: 0 };
          out.set(r.period, { k: c.k + Number(r.k), n: c.n + Number(r.n) });
        }
        return out;
      });
      this.sipas.set(key, p);
    }
    return p;
  }

  parYear(year: number) {
    let p = this.par.get(year);
    if (!p) this.par.set(year, (p = loadParYear(this.db, String(year), this.ctx.settings)));
    return p;
  }

  /** The user's province (named as in the view) year by year among the provinces of the view, as the overview card ranks it. */
  standings(index: PlanIndex) {
    let p = this.index.get(index);
    if (!p) {
      p = (async () => {
        const [cw, totals] = await Promise.all([fetchCrosswalk(this.db), fetchUnitTotals(this.db, index)]);
        const { province, view } = this.ctx.units;
        const key = provinceInView(cw, province, view);
        if (!key) return { province: null, years: new Map<number, Standing>() };
        const list = standingsFor(peersAt(cw, totals, 'province', view), key, INDICES[index].decimals);
        return { province: key, years: new Map(list.map((s) => [s.year, s])) };
      })();
      this.index.set(index, p);
    }
    return p;
  }

  /** An entered indicator for a period: its own row, else the sum of its quarters (or halves) within it. */
  indicator(code: string, unit: string | null, period: string): Observation | null {
    const rows = this.indicators.filter((r) => r.indicator === code && r.unit_code === unit);
    const own = rows.find((r) => r.period === period);
    const count = (rs: readonly IndicatorRow[]) => ({
      kind: 'count' as const,
      k: rs.reduce((a, r) => a + Number(r.x), 0),
      n: rs.reduce((a, r) => a + Number(r.n), 0),
      survey: false,
    });
    if (own) return count([own]);
    for (const level of ['quarter', 'half'] as const) {
      const parts = periodsWithin(period, level).filter((p) => p !== period);
      const found = rows.filter((r) => parts.includes(r.period));
      if (parts.length && found.length === parts.length) return count(found);
    }
    return null;
  }

  async observe(t: TargetDef, period: string): Promise<Observation | null> {
    const m = t.measure;
    const p = parsePeriodKey(period);
    if (!p) return null;
    switch (m.kind) {
      case 'sipas': {
        const c = (await this.sipasAt(levelOf(p), t.unit)).get(period);
        return c && c.n > 0 ? { kind: 'count', k: c.k, n: c.n, survey: true } : null;
      }
      case 'indicator':
        return this.indicator(m.code, t.unit, period);
      case 'par':
      case 'parBand': {
        const par = await this.parYear(p.year);
        const unit = par?.units.find((u) => u.unitCode === (t.unit ?? par.ownCode));
        const index = unit?.score.appraisedIndex ?? null;
        if (index === null || !unit) return null;
        return m.kind === 'par' ? { kind: 'value', value: index, decimals: 2 } : { kind: 'band', band: unit.band!, index };
      }
      case 'index': {
        const s = (await this.standings(m.index)).years.get(p.year);
        if (!s) return null;
        if (m.what === 'rank') return s.rank === null ? null : { kind: 'value', value: s.rank, decimals: 0 };
        return s.value === null ? null : { kind: 'value', value: s.value, decimals: INDICES[m.index].decimals };
      }
    }
  }
}

/** The targets of a year: the SIPAS target from the settings first, then the plan's rows. */
export function targetsOfYear(all: readonly TargetDef[], year: number, settings: Settings): TargetDef[] {
  const rule = sipasTargetRuleFor(settings, year);
  return [sipasTargetRow(year, rule.threshold, rule.op), ...all.filter((t) => t.year === year)];
}

/** Every target measured at every period asked of it. */
async function observeAll(src: Sources, asks: readonly { t: TargetDef; periods: readonly string[] }[]): Promise<Observations> {
  // All at once: the sources share each fetch (one per kind of figure), so nothing is asked twice.
  const jobs = asks.flatMap(({ t, periods }) => periods.map(async (p) => ({ key: targetKey(t), p, o: await src.observe(t, p) })));
  const out = new Map<string, Map<string, Observation | null>>();
  for (const { key, p, o } of await Promise.all(jobs)) {
    const m = out.get(key) ?? new Map<string, Observation | null>();
    m.set(p, o);
    out.set(key, m);
  }
  return out;
}

export interface PlanData {
  /** Years with a target or a task, newest first. */
  years: number[];
  /** Every stored target (the SIPAS row is added per year by targetsOfYear). */
  all: TargetDef[];
  indicators: IndicatorRow[];
  tasks: TaskRow[];
  /** Unit code → name (units list). */
  unitNames: Map<string, string>;
}

export async function loadPlanData(db: Db): Promise<PlanData> {
  const [targets, indicators, tasks, units] = await Promise.all([fetchTargets(db), fetchIndicators(db), fetchTasks(db), fetchUnitNames(db)]);
  const all = toTargets(targets);
  const years = [...new Set([...all.map((t) => t.year), ...tasks.map((t) => Number(t.year))])].sort((a, b) => b - a);
  return { years, all, indicators, tasks, unitNames: new Map(units.map((u) => [u.unit_code, u.unit_name])) };
}

/** The year's targets measured at their periods, and the year before's (for the trend). */
export async function observeYear(db: Db, data: PlanData, year: number, ctx: PlanContext): Promise<{ targets: TargetDef[]; obs: Observations }> {
  const targets = targetsOfYear(data.all, year, ctx.settings);
  const src = new Sources(db, ctx, data.indicators);
  const obs = await observeAll(
    src,
    targets.map((t) => ({ t, periods: trendPeriods(t) })),
  );
  return { targets, obs };
}

/** The year's targets measured at a report's period (yearly measures at its year). */
export async function observePeriod(db: Db, data: PlanData, period: string, ctx: PlanContext): Promise<{ targets: TargetDef[]; obs: Observations }> {
  const p = parsePeriodKey(period);
  if (!p) return { targets: [], obs: new Map() };
  const targets = targetsOfYear(data.all, p.year, ctx.settings);
  const src = new Sources(db, ctx, data.indicators);
  const obs = await observeAll(
    src,
    targets.map((t) => ({ t, periods: [isYearlyMeasure(t.measure) ? String(p.year) : period] })),
  );
  return { targets, obs };
}

// ---- The index figures of a report's period ----------------------------------------------------------------------

export interface IndexFigures {
  /** The commune's SIPAS in the period (every service point pooled). */
  sipas: { period: string; k: number; n: number } | null;
  /** The commune's PAR Index: the period's year if appraised, else the latest appraised year before it. */
  par: { year: number; index: number; band: string | null; rank: number | null; of: number; unitName: string } | null;
  /** The province's PAPI, PCI, DTI: the latest year up to the period's. */
  provinces: { index: PlanIndex; year: number; value: number; rank: number | null; of: number }[];
  province: string | null;
}

export async function indexFigures(db: Db, period: string, ctx: PlanContext): Promise<IndexFigures> {
  const p = parsePeriodKey(period);
  if (!p) return { sipas: null, par: null, provinces: [], province: null };
  const src = new Sources(db, ctx, []);
  const c = (await src.sipasAt(levelOf(p), null)).get(period);
  let par: IndexFigures['par'] = null;
  for (const year of (await fetchParCriteriaYears(db)).filter((y) => y <= p.year)) {
    const y = await src.parYear(year);
    const own = y?.units.find((u) => u.unitCode === y.ownCode);
    if (y && own && own.score.appraisedIndex !== null) {
      par = { year, index: own.score.appraisedIndex, band: own.band, rank: own.rank, of: y.rankedOf, unitName: own.unitName };
      break;
    }
  }
  const provinces: IndexFigures['provinces'] = [];
  let province: string | null = null;
  for (const index of ['PAPI', 'PCI', 'DTI'] as const) {
    const st = await src.standings(index);
    province ??= st.province;
    const s = [...st.years.values()].filter((x) => x.year <= p.year && x.value !== null).sort((a, b) => b.year - a.year)[0];
    if (s) provinces.push({ index, year: s.year, value: s.value!, rank: s.rank, of: s.of });
  }
  return { sipas: c && c.n > 0 ? { period, ...c } : null, par, provinces, province: province ?? ctx.units.province };
}

// ---- Weak spots: where a task would help -------------------------------------------------------------------------

export interface WeakSpot {
  kind: 'par' | 'sipas';
  /** What: the criterion or the question. */
  code: string;
  name: string;
  /** Who: the unit that lost the points, or the service point whose answers fell short. */
  unitCode: string;
  unitName: string;
  /** PAR: points lost; SIPAS: the item's rate. */
  value: number;
  /** PAR: the year; SIPAS: the period. */
  when: string;
  /** SIPAS: satisfied answers still needed. */
  needed: number | null;
}

/**
 * The PAR criteria that lost the most points, unit by unit (latest year with a criteria tree), and the SIPAS questions
 * below target at each service point in the latest quarter: the biggest first, `limit` of each.
 */
export async function loadWeakSpots(db: Db, ctx: PlanContext, limit = 8): Promise<WeakSpot[]> {
  const out: WeakSpot[] = [];
  const [parYearNo] = await fetchParCriteriaYears(db);
  if (parYearNo !== undefined) {
    const par = await loadParYear(db, String(parYearNo), ctx.settings);
    const lost = (par?.units ?? []).flatMap((u) => lostPoints(u.score).map((g) => ({ u, g })));
    lost.sort((a, b) => b.g.value - a.g.value || a.g.code.localeCompare(b.g.code) || a.u.unitName.localeCompare(b.u.unitName, 'vi'));
    for (const { u, g } of lost.slice(0, limit))
      out.push({ kind: 'par', code: g.code, name: g.name, unitCode: u.unitCode, unitName: u.unitName, value: g.value, when: String(parYearNo), needed: null });
  }
  const quarters = (await fetchPeriods(db, 'quarter')).sort(comparePeriods);
  const latest = quarters.at(-1);
  if (latest) {
    const year = parsePeriodKey(latest)!.year;
    // Below target as the SIPAS target row compares (its comparison as written: "trên" is strictly above).
    const rule = sipasTargetRuleFor(ctx.settings, year);
    const units = await fetchUnits(db);
    const below: WeakSpot[] = [];
    for (const u of units) {
      for (const f of itemFigures(await fetchItems(db, latest, u.unit_code), rule.threshold)) {
        const s = targetStatus({ kind: 'count', k: f.answers[3] + f.answers[4], n: f.n, survey: true }, rule.op, { kind: 'number', value: rule.threshold });
        if (s.holds !== false || s.value === null) continue;
        below.push({
          kind: 'sipas',
          code: f.code,
          name: f.text ?? f.code,
          unitCode: u.unit_code,
          unitName: u.unit_name ?? u.unit_code,
          value: s.value,
          when: latest,
          needed: s.needed,
        });
      }
    }
    below.sort((a, b) => a.value - b.value || a.code.localeCompare(b.code));
    out.push(...below.slice(0, limit));
  }
  return out;
}

export type { TaskRow };
