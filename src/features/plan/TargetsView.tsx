// The targets board: every target of the year with its value and status per period (đạt / chưa đạt / chưa chắc /
// chưa có số liệu), the current status, the trend and how many more are needed; add, edit, delete; "Tạo nhiệm vụ"
// on a target not met. The SIPAS target is one row, kept in the settings (edited here or in Cài đặt).
import { useMemo, useState } from 'react';
import type { Route } from '../../app/route';
import { formatHash } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import type { TargetDef } from '../../domain/plan';
import { deleteTarget } from './editing';
import { notMet, targetLines, type TargetLine } from './model';
import { planYearOf, usePlanData, useToday, useYearFigures } from './usePlan';
import type { PlanData } from './load';
import { basisText, deltaText, measureText, neededText, periodText, requirementText, stateText, targetText, valueText } from './labels';
import { TargetForm } from './TargetForm';
import { SipasTargetEditor } from './SipasTargetEditor';
import { IndicatorsPanel } from './IndicatorsPanel';
import { useCommuneName } from './useCommune';
import { targetTaskHash } from './WeakSpots';

/** Names for codes: units (units list) and entered indicators (their files). */
export function namesOf(data: PlanData | null) {
  const indicators = new Map<string, string>();
  for (const r of data?.indicators ?? []) if (r.name && !indicators.has(r.indicator)) indicators.set(r.indicator, r.name);
  return { units: data?.unitNames ?? new Map<string, string>(), indicators };
}

/** One period of a target: short period, value, status colour. */
function PeriodChip({ line, i }: { line: TargetLine; i: number }) {
  const { t, locale } = useI18n();
  const c = line.cells[i]!;
  const basis = basisText(t, c.obs, locale);
  const title = [periodText(t, c.period), stateText(t, c.status.state), basis].filter(Boolean).join(' · ');
  return (
    <span className={`plan-chip state-${c.status.state}`} data-period={c.period} data-state={c.status.state} title={title}>
      <span className="plan-chip-period">{periodText(t, c.period)}</span>
      <span className="plan-chip-value">{valueText(t, line.def.measure, c.obs, locale)}</span>
    </span>
  );
}

/** ▲ when the figure got better for the target (a rank's number going down), ▼ when worse, ■ unchanged. */
export function trendArrow(l: TargetLine): string {
  const d = l.trend.delta ?? 0;
  const rank = l.def.measure.kind === 'index' && l.def.measure.what === 'rank';
  return d === 0 ? '■' : d > 0 !== rank ? '▲' : '▼';
}

export function StatusBadge({ state }: { state: TargetLine['cells'][number]['status']['state'] }) {
  const { t } = useI18n();
  return (
    <span className={`plan-status state-${state}`} data-testid="target-status" data-state={state}>
      {stateText(t, state)}
    </span>
  );
}

export function TargetsView({ route }: { route: Route }) {
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
  const [editing, setEditing] = useState<TargetDef | 'new' | null>(null);
  const [sipasOpen, setSipasOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const years = [...new Set([...(data?.years ?? []), Number(today.slice(0, 4)), year])].sort((a, b) => b - a);
  const unitName = (code: string | null) => (code ? (names.units.get(code) ?? code) : null);
  const weak = new Set(notMet(lines).map((l) => l.key));

  const remove = async (d: TargetDef) => {
    if (!db || !d.datasetId || !window.confirm(t('plan.confirmDeleteTarget', { code: d.code }))) return;
    setError(null);
    try {
      await deleteTarget(db, { datasetId: d.datasetId, year: d.year, code: d.code });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const taskFrom = (l: TargetLine) => targetTaskHash(t, locale, l, unitName(l.def.unit) ?? communeName ?? '', today);

  return (
    <div className="plan-targets">
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
        <button type="button" className="btn-primary" onClick={() => setEditing('new')} data-testid="target-add">
          {t('plan.addTarget')}
        </button>
        <a href={formatHash(['plan', 'report'], { year })}>{t('plan.toReport')}</a>
      </div>
      <p className="note">{t('plan.targetsHelp')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <TargetForm
          key={editing === 'new' ? 'new' : `${editing.datasetId}|${editing.code}`}
          was={editing === 'new' ? null : editing}
          year={year}
          data={data}
          onDone={() => setEditing(null)}
        />
      )}
      {sipasOpen && <SipasTargetEditor year={year} onDone={() => setSipasOpen(false)} />}
      {planQ.error || figQ.error ? (
        <p className="error" role="alert">
          {planQ.error ?? figQ.error}
        </p>
      ) : !figQ.data ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : (
        <div className="table-scroll">
          <table className="plan-board plan-cards" data-testid="targets-board">
            <thead>
              <tr>
                <th scope="col">{t('plan.col.code')}</th>
                <th scope="col">{t('plan.col.target')}</th>
                <th scope="col">{t('plan.col.required')}</th>
                <th scope="col">{t('plan.col.byPeriod')}</th>
                <th scope="col">{t('plan.col.now')}</th>
                <th scope="col">{t('plan.col.trend')}</th>
                <th scope="col">{t('plan.col.needed')}</th>
                <th scope="col">
                  <span className="sr-only">{t('plan.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => {
                const c = l.current;
                const ind = l.def.measure.kind === 'indicator' ? names.indicators.get(l.def.measure.code) : null;
                const needed = c ? neededText(t, c.obs, c.status, locale) : null;
                return (
                  <tr key={l.key} data-testid="target-row" data-code={l.def.code} className={c ? `row-${c.status.state}` : 'row-noData'}>
                    <td className="plan-code">{l.def.code}</td>
                    <td className="plan-text">
                      <span>{targetText(t, l.def, locale)}</span>
                      <small>
                        {measureText(t, l.def.measure, unitName(l.def.unit), ind)}
                        {l.def.datasetId === null && ` · ${t('plan.sipasRowNote')}`}
                      </small>
                    </td>
                    <td className="plan-required num" data-testid="target-required" data-label={t('plan.col.required')}>
                      {requirementText(t, l.def, locale)}
                    </td>
                    <td data-label={t('plan.col.byPeriod')}>
                      <span className="plan-chips">
                        {l.cells.map((_, i) => (
                          <PeriodChip key={i} line={l} i={i} />
                        ))}
                      </span>
                    </td>
                    <td data-testid="target-now" data-period={c?.period ?? ''} data-label={t('plan.col.now')}>
                      {c ? (
                        <>
                          <StatusBadge state={c.status.state} />
                          <span className="plan-now-value" data-testid="target-value">
                            {valueText(t, l.def.measure, c.obs, locale)}
                          </span>
                          <small>
                            {periodText(t, c.period)}
                            {basisText(t, c.obs, locale) ? ` · ${basisText(t, c.obs, locale)}` : ''}
                          </small>
                        </>
                      ) : (
                        <StatusBadge state="noData" />
                      )}
                    </td>
                    <td className="plan-trend" data-label={t('plan.col.trend')}>
                      {l.trend.delta !== null ? (
                        <span className={l.trend.good === true ? 'good' : l.trend.good === false ? 'bad' : ''} data-testid="target-trend">
                          {trendArrow(l)} {deltaText(t, l.def.measure, l.trend.delta, locale)}
                          <small>{t('plan.trendSince', { to: periodText(t, l.trend.to!), period: periodText(t, l.trend.from!) })}</small>
                        </span>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="plan-needed" data-testid="target-needed" data-label={t('plan.col.needed')}>
                      {needed ?? '–'}
                    </td>
                    <td>
                      <div className="plan-actions-col">
                        {l.def.datasetId === null ? (
                          <button type="button" className="btn-small" onClick={() => setSipasOpen(true)} data-testid="sipas-row-edit">
                            {t('plan.edit')}
                          </button>
                        ) : (
                          <>
                            <button type="button" className="btn-small" onClick={() => setEditing(l.def)}>
                              {t('plan.edit')}
                            </button>
                            <button type="button" className="btn-small" onClick={() => void remove(l.def)}>
                              {t('plan.delete')}
                            </button>
                          </>
                        )}
                        {weak.has(l.key) && (
                          <a className="btn-small btn-task" href={taskFrom(l)} data-testid="target-make-task">
                            {t('plan.makeTask')}
                          </a>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <IndicatorsPanel year={year} data={data} targets={figQ.data?.targets ?? []} />
    </div>
  );
}
