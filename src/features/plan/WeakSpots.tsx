// Weak spots that a task would address, each with "Tạo nhiệm vụ" pre-filled with what and who: the PAR criteria that
// lost the most points (the unit that lost them leads), the SIPAS questions below target at a service point (that
// point leads), and the targets not met this year.
import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useI18n, type Translate } from '../../i18n/i18n';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format';
import { loadWeakSpots } from './load';
import { notMet, type TargetLine } from './model';
import { usePlanContext, useToday } from './usePlan';
import { taskDraftHash } from './TaskForm';
import { periodText, requirementText, targetText, valueText } from './labels';

const never = () => new Promise<never>(() => {});

/** "Tạo nhiệm vụ" for a target not met: what it asks and where it stands, led by its unit (else the commune). */
export function targetTaskHash(t: Translate, locale: Locale, l: TargetLine, lead: string, today: string): string {
  const c = l.current!;
  return taskDraftHash(
    {
      task: t('plan.fromTarget', {
        code: l.def.code,
        text: targetText(t, l.def, locale),
        value: valueText(t, l.def.measure, c.obs, locale),
        required: requirementText(t, l.def, locale),
        period: periodText(t, c.period),
      }),
      lead,
      origin: `target:${l.def.year}:${l.def.code}`,
      year: String(l.def.year),
    },
    today,
  );
}

export function WeakSpots({
  lines,
  unitName,
  communeName,
}: {
  lines: readonly TargetLine[];
  unitName(code: string | null): string | null;
  communeName: string | null;
}) {
  const { t, locale } = useI18n();
  const today = useToday();
  const {
    settings,
    units: { commune, province, view },
    ready,
  } = usePlanContext();
  const q = useQuery(
    (db) => (ready ? loadWeakSpots(db, { settings, units: { commune, province, view } }) : never()),
    [settings, commune, province, view, ready],
  );
  const spots = q.data ?? [];
  const par = spots.filter((s) => s.kind === 'par');
  const sipas = spots.filter((s) => s.kind === 'sipas');
  const targets = useMemo(() => notMet(lines), [lines]);

  return (
    <section className="plan-weak" data-testid="weak-spots">
      <h2>{t('plan.weakTitle')}</h2>
      <p className="note">{t('plan.weakHelp')}</p>
      <div className="plan-weak-groups">
        <div>
          <h3>{t('plan.weakPar', { year: par[0]?.when ?? '' })}</h3>
          {par.length === 0 ? (
            <p className="empty">{q.loading ? t('plan.loading') : t('plan.weakNone')}</p>
          ) : (
            <ul className="plan-weak-list">
              {par.map((s) => (
                <li key={`${s.unitCode}|${s.code}`} data-testid="weak-par" data-unit={s.unitCode} data-unit-name={s.unitName} data-code={s.code}>
                  <span>
                    <strong>{s.code}</strong> {s.name}{' '}
                    <small>
                      — {s.unitName}: {t('plan.lostPoints', { n: formatNumber(s.value, locale, 2) })}
                    </small>
                  </span>
                  <a
                    className="btn-small btn-task"
                    href={taskDraftHash(
                      {
                        task: t('plan.fromPar', { code: s.code, name: s.name, lost: formatNumber(s.value, locale, 2), year: s.when }),
                        lead: s.unitName,
                        origin: `par:${s.when}:${s.unitCode}:${s.code}`,
                      },
                      today,
                    )}
                    data-testid="weak-par-task"
                  >
                    {t('plan.makeTask')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('plan.weakSipas', { period: sipas[0] ? periodText(t, sipas[0].when) : '' })}</h3>
          {sipas.length === 0 ? (
            <p className="empty">{q.loading ? t('plan.loading') : t('plan.weakNone')}</p>
          ) : (
            <ul className="plan-weak-list">
              {sipas.map((s) => (
                <li key={`${s.unitCode}|${s.code}`} data-testid="weak-sipas" data-unit={s.unitCode} data-code={s.code}>
                  <span>
                    <strong>{s.code}</strong> {s.name}{' '}
                    <small>
                      — {s.unitName}: {formatPercent(s.value, locale, 1)}
                    </small>
                  </span>
                  <a
                    className="btn-small btn-task"
                    href={taskDraftHash(
                      {
                        task: t('plan.fromSipas', { code: s.code, name: s.name, rate: formatPercent(s.value, locale, 1), period: periodText(t, s.when) }),
                        lead: s.unitName,
                        origin: `sipas:${s.when}:${s.unitCode}:${s.code}`,
                      },
                      today,
                    )}
                    data-testid="weak-sipas-task"
                  >
                    {t('plan.makeTask')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('plan.weakTargets')}</h3>
          {targets.length === 0 ? (
            <p className="empty">{t('plan.weakNone')}</p>
          ) : (
            <ul className="plan-weak-list">
              {targets.map((l) => (
                <li key={l.key} data-testid="weak-target" data-code={l.def.code}>
                  <span>
                    <strong>{l.def.code}</strong> {targetText(t, l.def, locale)}{' '}
                    <small>
                      — {valueText(t, l.def.measure, l.current!.obs, locale)} ({requirementText(t, l.def, locale)})
                    </small>
                  </span>
                  <a className="btn-small btn-task" href={targetTaskHash(t, locale, l, unitName(l.def.unit) ?? communeName ?? '', today)}>
                    {t('plan.makeTask')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
