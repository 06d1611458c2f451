// The plan's two slides of the giao ban deck (features/present): the targets and where they stand, and the overdue
// tasks. Large type, few columns, the status in words and colour.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { groupOf } from '../../domain/planTasks';
import { sortTasks, targetLines, toTasks } from './model';
import { planYearOf, usePlanData, useToday, useYearFigures } from './usePlan';
import { basisText, dayText, measureText, periodText, requirementText, targetText, valueText } from './labels';
import { namesOf, StatusBadge } from './TargetsView';
import './plan.css';

/** The datasets the plan's slides are built from (their sources label the slide). */
export const PLAN_KINDS = ['plan_targets', 'plan_indicators', 'plan_tasks'];

export function TargetsSlideBody() {
  const { t, locale } = useI18n();
  const today = useToday();
  const planQ = usePlanData();
  const year = planYearOf(undefined, planQ.data, today);
  const figQ = useYearFigures(planQ.data, year);
  const lines = useMemo(() => (figQ.data ? targetLines(figQ.data.targets, figQ.data.obs) : []), [figQ.data]);
  const names = useMemo(() => namesOf(planQ.data), [planQ.data]);
  if (!figQ.data) return <p className="slide-empty slide-loading">{t('plan.loading')}</p>;
  return (
    <table className="slide-table" data-testid="slide-targets" aria-label={t('plan.slideTargets', { year })}>
      <thead>
        <tr>
          <th scope="col">{t('plan.col.target')}</th>
          <th scope="col" className="num">
            {t('plan.col.required')}
          </th>
          <th scope="col" className="num">
            {t('plan.col.result')}
          </th>
          <th scope="col">{t('plan.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const c = l.current;
          const ind = l.def.measure.kind === 'indicator' ? names.indicators.get(l.def.measure.code) : null;
          const unit = l.def.unit ? (names.units.get(l.def.unit) ?? l.def.unit) : null;
          return (
            <tr key={l.key} data-code={l.def.code}>
              <td>
                {targetText(t, l.def, locale)}
                <small>{measureText(t, l.def.measure, unit, ind)}</small>
              </td>
              <td className="num">{requirementText(t, l.def, locale)}</td>
              <td className="num">
                {c ? valueText(t, l.def.measure, c.obs, locale) : '–'}
                <small>{c ? [periodText(t, c.period), basisText(t, c.obs, locale)].filter(Boolean).join(' · ') : ''}</small>
              </td>
              <td>
                <StatusBadge state={c?.status.state ?? 'noData'} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function OverdueSlideBody() {
  const { t, locale } = useI18n();
  const today = useToday();
  const planQ = usePlanData();
  const year = planYearOf(undefined, planQ.data, today);
  const tasks = useMemo(
    () =>
      sortTasks(
        toTasks(
          (planQ.data?.tasks ?? []).filter((r) => Number(r.year) <= year),
          today,
        ),
      ),
    [planQ.data, year, today],
  );
  if (!planQ.data) return <p className="slide-empty slide-loading">{t('plan.loading')}</p>;
  const overdue = tasks.filter((x) => x.state === 'overdue');
  const counts = { done: 0, inProgress: 0, overdue: 0 };
  for (const x of tasks.filter((x) => x.year === year)) counts[groupOf(x.state)] += 1;
  return (
    <div className="slide-overdue" data-testid="slide-overdue">
      <p className="slide-counts">
        {(['overdue', 'inProgress', 'done'] as const).map((g) => (
          <span key={g} className={`group-${g}`}>
            <strong>{formatNumber(counts[g], locale, 0)}</strong> {t(`plan.group.${g}`)}
          </span>
        ))}
      </p>
      {overdue.length === 0 ? (
        <p className="slide-empty">{t('plan.noOverdue')}</p>
      ) : (
        <table className="slide-table">
          <thead>
            <tr>
              <th scope="col">{t('plan.col.task')}</th>
              <th scope="col">{t('plan.col.lead')}</th>
              <th scope="col">{t('plan.col.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {overdue.slice(0, 8).map((x) => (
              <tr key={`${x.datasetId}|${x.id}`}>
                <td>{x.task}</td>
                <td>{x.lead}</td>
                <td>{x.timing?.kind === 'due' ? dayText(x.timing.due, locale) : x.timingText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overdue.length > 8 && <p className="slide-more">{t('plan.moreOverdue', { n: overdue.length - 8 })}</p>}
    </div>
  );
}
