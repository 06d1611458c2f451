// The tasks (Nhiệm vụ): where each stands today — done, in progress, overdue (marked) — filtered by unit (each unit
// sees the tasks it leads or supports: the link carries the unit) and by state; add, edit, mark done, delete; and
// the weak spots that a new task would address.
import { useMemo, useState } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { groupOf, involves, unitsOf, type TaskGroup } from '../../domain/planTasks';
import { deleteTask, saveTask } from './editing';
import { sortTasks, targetLines, toTasks, type PlanTask } from './model';
import { planYearOf, usePlanData, useToday, useYearFigures } from './usePlan';
import { dayText, taskStateText } from './labels';
import { TaskForm, type TaskDraft } from './TaskForm';
import { WeakSpots } from './WeakSpots';
import { namesOf } from './TargetsView';
import { useCommuneName } from './useCommune';

const GROUPS: readonly TaskGroup[] = ['overdue', 'inProgress', 'done'];
const DRAFT_PARAMS = ['new', 'task', 'lead', 'support', 'timing', 'origin'] as const;

/** Days from one ISO day to another. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function TasksView({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const today = useToday();
  const planQ = usePlanData();
  const data = planQ.data;
  const year = planYearOf(route.params.year, data, today);
  const figQ = useYearFigures(data, year);
  const lines = useMemo(() => (figQ.data ? targetLines(figQ.data.targets, figQ.data.obs) : []), [figQ.data]);
  const names = useMemo(() => namesOf(data), [data]);
  const communeName = useCommuneName();
  const unit = route.params.unit ?? '';
  const group = GROUPS.includes(route.params.state as TaskGroup) ? (route.params.state as TaskGroup) : null;
  const [editing, setEditing] = useState<PlanTask | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const all = useMemo(
    () =>
      sortTasks(
        toTasks(
          (data?.tasks ?? []).filter((r) => Number(r.year) === year),
          today,
        ),
      ),
    [data, year, today],
  );
  const unitsNamed = useMemo(() => {
    const set = new Map<string, string>();
    for (const x of all) for (const u of [...unitsOf(x.lead), ...unitsOf(x.support)]) if (!set.has(u.toLowerCase())) set.set(u.toLowerCase(), u);
    for (const n of names.units.values()) if (!set.has(n.toLowerCase())) set.set(n.toLowerCase(), n);
    return [...set.values()].sort((a, b) => a.localeCompare(b, 'vi'));
  }, [all, names]);
  const shown = all.filter((x) => (!unit || involves(x, unit)) && (!group || groupOf(x.state) === group));
  const counts = { overdue: 0, inProgress: 0, done: 0 };
  for (const x of all.filter((x) => !unit || involves(x, unit))) counts[groupOf(x.state)] += 1;

  const draft: TaskDraft | null = route.params.new
    ? {
        task: route.params.task ?? '',
        lead: route.params.lead ?? '',
        support: route.params.support,
        timing: route.params.timing,
        year: route.params.year,
        origin: route.params.origin,
      }
    : null;
  const closeDraft = () => replaceParams(route, Object.fromEntries(DRAFT_PARAMS.map((k) => [k, null])));
  const years = [...new Set([...(data?.years ?? []), Number(today.slice(0, 4)), year])].sort((a, b) => b - a);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const markDone = (x: PlanTask) =>
    act(() =>
      saveTask(
        db!,
        { datasetId: x.datasetId, id: x.id },
        {
          year: x.year,
          code: x.code,
          task: x.task,
          lead: x.lead,
          support: x.support,
          timing: x.timingText,
          status: 'done',
          doneDate: today,
          result: x.result,
          note: x.note,
          origin: x.origin,
        },
        t('plan.typedFile.tasks'),
      ),
    );
  const remove = (x: PlanTask) => window.confirm(t('plan.confirmDeleteTask')) && act(() => deleteTask(db!, { datasetId: x.datasetId, id: x.id }));

  return (
    <div className="plan-tasks">
      <div className="plan-toolbar">
        <label className="control">
          {t('plan.year')}
          <select value={year} onChange={(e) => replaceParams(route, { year: e.target.value })} data-testid="plan-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          {t('plan.filterUnit')}
          <select value={unit} onChange={(e) => replaceParams(route, { unit: e.target.value || null })} data-testid="task-unit-filter">
            <option value="">{t('plan.allUnits')}</option>
            {unit && !unitsNamed.includes(unit) && <option value={unit}>{unit}</option>}
            {unitsNamed.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        <span className="plan-groups" role="group" aria-label={t('plan.col.status')}>
          <button type="button" aria-pressed={group === null} onClick={() => replaceParams(route, { state: null })}>
            {t('plan.allStates')} ({counts.overdue + counts.inProgress + counts.done})
          </button>
          {GROUPS.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={group === g}
              className={`group-${g}`}
              onClick={() => replaceParams(route, { state: g })}
              data-testid={`task-group-${g}`}
            >
              {t(`plan.group.${g}`)} ({counts[g]})
            </button>
          ))}
        </span>
        <button type="button" className="btn-primary" onClick={() => setEditing('new')} data-testid="task-add">
          {t('plan.addTask')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="plan-saved" role="status" data-testid="task-saved">
          {saved}
        </p>
      )}
      {(draft || editing) && (
        <TaskForm
          key={
            draft
              ? `draft|${route.params.task}|${route.params.lead}`
              : editing === 'new'
                ? 'new'
                : `${(editing as PlanTask).datasetId}|${(editing as PlanTask).id}`
          }
          was={editing && editing !== 'new' ? editing : null}
          draft={editing ? null : draft}
          year={year}
          units={unitsNamed}
          onDone={(key) => {
            if (key) setSaved(t('plan.taskSaved'));
            setEditing(null);
            if (draft) closeDraft();
          }}
        />
      )}
      {planQ.error ? (
        <p className="error" role="alert">
          {planQ.error}
        </p>
      ) : !data ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : (
        <div className="table-scroll">
          <table className="plan-task-table plan-cards" data-testid="tasks-table">
            <thead>
              <tr>
                <th scope="col">{t('plan.col.no')}</th>
                <th scope="col">{t('plan.col.task')}</th>
                <th scope="col">{t('plan.col.lead')}</th>
                <th scope="col">{t('plan.col.support')}</th>
                <th scope="col">{t('plan.col.timing')}</th>
                <th scope="col">{t('plan.col.status')}</th>
                <th scope="col">{t('plan.col.resultLong')}</th>
                <th scope="col">
                  <span className="sr-only">{t('plan.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 && (
                <tr>
                  <td colSpan={8} className="empty">
                    {all.length ? t('plan.noTasksFiltered') : t('plan.noTasks', { year })}
                  </td>
                </tr>
              )}
              {shown.map((x) => (
                <tr key={`${x.datasetId}|${x.id}`} data-testid="task-row" data-state={x.state} className={`task-${groupOf(x.state)}`}>
                  <td className="num">{x.code ?? ''}</td>
                  <td className="plan-task-text">
                    {x.task}
                    {x.note && <small>{x.note}</small>}
                  </td>
                  <td data-testid="task-lead-cell" data-label={t('plan.col.lead')}>
                    {x.lead}
                  </td>
                  <td data-label={t('plan.col.support')}>{x.support ?? ''}</td>
                  <td data-label={t('plan.col.timing')}>
                    {x.timingText}
                    {x.timing?.kind === 'due' && <small>{t('plan.due', { date: dayText(x.timing.due, locale) })}</small>}
                  </td>
                  <td data-label={t('plan.col.status')}>
                    <span className={`plan-task-state state-${x.state}`} data-testid="task-state">
                      {taskStateText(t, x.state)}
                    </span>
                    {x.state === 'overdue' && x.timing?.kind === 'due' && (
                      <small>{t('plan.overdueDays', { n: formatNumber(daysBetween(x.timing.due, today), locale, 0) })}</small>
                    )}
                    {x.doneDate && <small>{dayText(x.doneDate, locale)}</small>}
                  </td>
                  <td data-label={t('plan.col.resultLong')}>{x.result ?? ''}</td>
                  <td className="plan-actions">
                    <button type="button" className="btn-small" onClick={() => setEditing(x)}>
                      {t('plan.edit')}
                    </button>
                    {groupOf(x.state) !== 'done' && (
                      <button type="button" className="btn-small" onClick={() => void markDone(x)} data-testid="task-done">
                        {t('plan.markDone')}
                      </button>
                    )}
                    <button type="button" className="btn-small" onClick={() => void remove(x)}>
                      {t('plan.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WeakSpots lines={lines} unitName={(c) => (c ? (names.units.get(c) ?? c) : null)} communeName={communeName} />
    </div>
  );
}
