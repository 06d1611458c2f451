// Turns the SIPAS query rows (a few dozen) into what the page shows: rates, intervals, flags per period,
// element, item and service point. Pure; the counting itself happened in DuckDB.
import { meanOfElements, pooled, summarise, type ElementTally, type RateSummary } from '../../domain/sipas';
import { comparePeriods, parsePeriodKey, previousPeriod } from '../../domain/periods';
import type { ItemRow, PeriodElementRow, UnitElementRow } from './queries';

export type TargetFor = (year: number) => number;

export interface PeriodFigure {
  period: string;
  target: number;
  pooled: RateSummary;
  /** Mean of the element rates and how many elements had answers. */
  mean: { rate: number | null; elements: number };
  respondents: number | null;
  elements: ElementFigure[];
}

export interface ElementFigure extends RateSummary {
  element: number;
}

const yearOf = (period: string) => parsePeriodKey(period)?.year ?? 0;

/** One figure per period, oldest first. An element pools its items, so "ít phiếu" follows the forms, like the total. */
export function periodFigures(rows: readonly PeriodElementRow[], respondents: ReadonlyMap<string, number>, targetFor: TargetFor): PeriodFigure[] {
  const byPeriod = new Map<string, ElementTally[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), { element: r.element, k: r.k, n: r.n }]);
  return [...byPeriod.keys()].sort(comparePeriods).map((period) => {
    const tallies = byPeriod.get(period)!;
    const target = targetFor(yearOf(period));
    const forms = respondents.get(period) ?? null;
    return {
      period,
      target,
      pooled: summarise(pooled(tallies), target, forms),
      mean: meanOfElements(tallies),
      respondents: forms,
      elements: tallies.map((t) => ({ element: t.element, ...summarise(t, target, forms) })).sort((a, b) => a.element - b.element),
    };
  });
}

/** The figure of a period and of the one before it (same level), if loaded. */
export function withPrevious(
  figures: readonly PeriodFigure[],
  period: string,
): { current: PeriodFigure | null; previous: PeriodFigure | null; previousKey: string | null } {
  const previousKey = previousPeriod(period);
  return {
    current: figures.find((f) => f.period === period) ?? null,
    previous: figures.find((f) => f.period === previousKey) ?? null,
    previousKey,
  };
}

export interface ItemFigure extends RateSummary {
  code: string;
  element: number;
  text: string | null;
  /** Answers at levels 1..5 (index 0 = answer 1). */
  answers: [number, number, number, number, number];
}

/** Items of the period, those below target first, then lowest rate first. */
export function itemFigures(rows: readonly ItemRow[], target: number): ItemFigure[] {
  return rows
    .map((r) => {
      const answers: ItemFigure['answers'] = [r.a1, r.a2, r.a3, r.a4, r.a5];
      const n = answers.reduce((a, b) => a + b, 0);
      return { code: r.item_code, element: r.element, text: r.text, answers, ...summarise({ k: r.a4 + r.a5, n }, target) };
    })
    .sort(belowFirst);
}

/** Below target first, then ascending rate; ties by code so the order is stable. */
function belowFirst<T extends RateSummary & { code?: string }>(a: T, b: T): number {
  return Number(b.below) - Number(a.below) || (a.rate ?? Infinity) - (b.rate ?? Infinity) || (a.code ?? '').localeCompare(b.code ?? '');
}

export interface UnitFigure {
  code: string;
  name: string;
  pooled: RateSummary;
  mean: { rate: number | null; elements: number };
  respondents: number | null;
}

export function unitFigures(
  rows: readonly UnitElementRow[],
  respondents: ReadonlyMap<string, number>,
  names: ReadonlyMap<string, string | null>,
  target: number,
): UnitFigure[] {
  const byUnit = new Map<string, ElementTally[]>();
  for (const r of rows) byUnit.set(r.unit_code, [...(byUnit.get(r.unit_code) ?? []), { element: r.element, k: r.k, n: r.n }]);
  return [...byUnit.entries()].map(([code, tallies]) => {
    const forms = respondents.get(code) ?? null;
    return { code, name: names.get(code) ?? code, pooled: summarise(pooled(tallies), target, forms), mean: meanOfElements(tallies), respondents: forms };
  });
}
