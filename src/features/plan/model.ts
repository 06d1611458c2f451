// The plan page's model, from query rows and measured figures: each target with its status per period and its trend,
// each task where it stands on a day, the report of a period. Pure (tested in model.test.ts); the rules are the
// domain's (src/domain/plan.ts, planTasks.ts).
import {
  isYearlyMeasure,
  parseComparison,
  parseMeasure,
  parsePlanLevel,
  parseThreshold,
  periodEnd,
  periodsOfYear,
  targetStatus,
  trendOf,
  deltaIsGood,
  type Observation,
  type TargetDef,
  type TargetStatus,
} from '../../domain/plan';
import {
  groupOf,
  parseTaskStatus,
  parseTiming,
  tallyByLead,
  taskStateAt,
  type LeadTally,
  type TaskState,
  type TaskStatus,
  type Timing,
} from '../../domain/planTasks';
import { levelOf, parsePeriodKey, type Level } from '../../domain/periods';
import type { TargetRow, TaskRow } from './queries';

/** A target's identity on the page (dataset, year, code; the settings' SIPAS row has no dataset). */
export const targetKey = (t: Pick<TargetDef, 'datasetId' | 'year' | 'code'>) => `${t.datasetId ?? 'settings'}|${t.year}|${t.code}`;

/** Stored rows as targets; a row the domain cannot read (edited by hand in the workbench) is left out, not guessed. */
export function toTargets(rows: readonly TargetRow[]): TargetDef[] {
  return rows.flatMap((r) => {
    const measure = parseMeasure(r.measure);
    const op = parseComparison(r.comparison);
    const threshold = measure && parseThreshold(measure, r.threshold);
    const level = parsePlanLevel(r.period_level) ?? 'year';
    if (!measure || !op || !threshold) return [];
    return [
      {
        datasetId: r.dataset_id,
        year: Number(r.year),
        code: r.code,
        text: r.text,
        measure,
        unit: r.unit_code,
        op,
        threshold,
        level: isYearlyMeasure(measure) ? 'year' : level,
        planNo: r.plan_no,
        planDate: r.plan_date,
      },
    ];
  });
}

/** The periods a target is looked at in a year: its own level's (a yearly measure's: the year). */
export const periodsOf = (t: TargetDef, year = t.year): string[] => periodsOfYear(year, isYearlyMeasure(t.measure) ? 'year' : t.level);

/** The periods a target's trend is read over: a yearly measure's last five years, else this year's and last year's periods. */
export function trendPeriods(t: TargetDef): string[] {
  if (isYearlyMeasure(t.measure)) return [4, 3, 2, 1, 0].map((k) => String(t.year - k));
  return [...periodsOf(t, t.year - 1), ...periodsOf(t)];
}

/** The period a measure is read at for a report of `period`: rates at the period itself, yearly measures at its year. */
export function measuredPeriod(t: TargetDef, period: string): string {
  const p = parsePeriodKey(period);
  return p && isYearlyMeasure(t.measure) ? String(p.year) : period;
}

/** What was measured, per target key and period (null: nothing was). */
export type Observations = ReadonlyMap<string, ReadonlyMap<string, Observation | null>>;

export interface TargetCell {
  period: string;
  obs: Observation | null;
  status: TargetStatus;
}

export interface TargetLine {
  key: string;
  def: TargetDef;
  /** The year's periods at the target's level. */
  cells: TargetCell[];
  /** The latest period of the year with a figure, and its status. */
  current: TargetCell | null;
  /** The latest value against the one before it (the year before included); `good`: moved the way the target asks. */
  trend: { from: string | null; to: string | null; delta: number | null; good: boolean | null };
}

const cellOf = (t: TargetDef, obs: Observations, period: string): TargetCell => {
  const o = obs.get(targetKey(t))?.get(period) ?? null;
  return { period, obs: o, status: targetStatus(o, t.op, t.threshold) };
};

/** Each target of the year with its status per period, the current one and the trend (from the year before on). */
export function targetLines(targets: readonly TargetDef[], obs: Observations): TargetLine[] {
  return targets.map((t) => {
    const cells = periodsOf(t).map((p) => cellOf(t, obs, p));
    const series = trendPeriods(t).map((p) => ({ period: p, value: cellOf(t, obs, p).status.value }));
    const tr = trendOf(series);
    const current = [...cells].reverse().find((c) => c.status.state !== 'noData') ?? null;
    return {
      key: targetKey(t),
      def: t,
      cells,
      current,
      trend: {
        from: tr.previous?.period ?? null,
        to: tr.latest?.period ?? null,
        delta: tr.delta,
        good: tr.delta === null ? null : deltaIsGood(tr.delta, t.op),
      },
    };
  });
}

/** Targets to act on: not met (or not surely met) in their current period. */
export const notMet = (lines: readonly TargetLine[]) =>
  lines.filter((l) => l.current && (l.current.status.state === 'notMet' || (l.current.status.state === 'uncertain' && !l.current.status.holds)));

// ---- Tasks -------------------------------------------------------------------------------------------------------

export interface PlanTask {
  datasetId: string;
  id: number;
  year: number;
  code: string | null;
  task: string;
  lead: string;
  support: string | null;
  /** As the plan writes it. */
  timingText: string;
  timing: Timing | null;
  status: TaskStatus | null;
  doneDate: string | null;
  result: string | null;
  note: string | null;
  origin: string | null;
  /** Where it stands on the day the model was built for. */
  state: TaskState;
}

/** Stored rows as tasks on `asOf` (ISO day). A timing the domain cannot read counts as due at the end of its year. */
export function toTasks(rows: readonly TaskRow[], asOf: string): PlanTask[] {
  return rows.map((r) => {
    const year = Number(r.year);
    const timing = parseTiming(r.timing, year);
    const status = parseTaskStatus(r.status ?? '');
    const s = status === 'invalid' ? null : status;
    const facts = { timing: timing ?? { kind: 'due' as const, due: `${year}-12-31` }, status: s, doneDate: r.done_date };
    return {
      datasetId: r.dataset_id,
      id: Number(r.task_id),
      year,
      code: r.code,
      task: r.task,
      lead: r.lead,
      support: r.support,
      timingText: r.timing,
      timing,
      status: s,
      doneDate: r.done_date,
      result: r.result,
      note: r.note,
      origin: r.origin,
      state: taskStateAt(facts, asOf),
    };
  });
}

/** Tasks overdue first (oldest deadline first), then in progress, then done; the plan's order within each. */
export function sortTasks(tasks: readonly PlanTask[]): PlanTask[] {
  const rank = { overdue: 0, inProgress: 1, done: 2 } as const;
  const due = (t: PlanTask) => (t.timing?.kind === 'due' ? t.timing.due : '9999');
  return tasks
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) => rank[groupOf(a.t.state)] - rank[groupOf(b.t.state)] || (groupOf(a.t.state) === 'overdue' ? due(a.t).localeCompare(due(b.t)) : 0) || a.i - b.i,
    )
    .map((x) => x.t);
}

// ---- The periodic report -----------------------------------------------------------------------------------------

export interface ReportTarget {
  def: TargetDef;
  /** The period the figure is of (the report's, or its year for a yearly measure). */
  period: string;
  cell: TargetCell;
}

export interface PlanReport {
  period: string;
  level: Level;
  /** The day the report speaks of: the period's last day, or today while the period runs. */
  asOf: string;
  targets: ReportTarget[];
  byLead: LeadTally[];
  counts: { done: number; inProgress: number; overdue: number; total: number };
  overdue: PlanTask[];
  /** Tasks done within the period. */
  doneInPeriod: PlanTask[];
}

/** The day a report of `period` speaks of, written on `today`: the period's last day, or today if it has not ended. */
export function reportDay(period: string, today: string): string {
  const end = periodEnd(period) ?? today;
  return end < today ? end : today;
}

/**
 * The report of a period: the year's targets measured at the period (yearly measures at its year), the year's tasks
 * as they stood on its day — done / in progress / overdue per lead unit, the overdue ones listed.
 */
export function planReport(period: string, targets: readonly TargetDef[], obs: Observations, taskRows: readonly TaskRow[], today: string): PlanReport | null {
  const p = parsePeriodKey(period);
  if (!p) return null;
  const asOf = reportDay(period, today);
  const start = `${p.year}-${String(p.quarter ? p.quarter * 3 - 2 : p.half ? p.half * 6 - 5 : 1).padStart(2, '0')}-01`;
  const tasks = toTasks(
    taskRows.filter((r) => Number(r.year) === p.year),
    asOf,
  );
  const byLead = tallyByLead(tasks);
  const counts = { done: 0, inProgress: 0, overdue: 0, total: tasks.length };
  for (const t of tasks) counts[groupOf(t.state)] += 1;
  return {
    period,
    level: levelOf(p),
    asOf,
    targets: targets
      .filter((t) => t.year === p.year)
      .map((t) => {
        const at = measuredPeriod(t, period);
        return { def: t, period: at, cell: cellOf(t, obs, at) };
      }),
    byLead,
    counts,
    overdue: sortTasks(tasks.filter((t) => t.state === 'overdue')),
    doneInPeriod: tasks.filter((t) => t.doneDate !== null && t.doneDate >= start && t.doneDate <= asOf),
  };
}
