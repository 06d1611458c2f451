// Entered indicators (what the app does not compute): x of N per period, as imported (plan_indicators) or typed here.
import { useState, type FormEvent } from 'react';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { periodsOfYear, type TargetDef } from '../../domain/plan';
import { saveIndicator } from './editing';
import type { PlanData } from './load';
import { periodText, shareText } from './labels';

interface Props {
  year: number;
  data: PlanData | null;
  targets: readonly TargetDef[];
}

const periodsOf = (year: number) => [...periodsOfYear(year, 'quarter'), ...periodsOfYear(year, 'half'), String(year)];

export function IndicatorsPanel({ year, data, targets }: Props) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const periods = periodsOf(year);
  const rows = (data?.indicators ?? []).filter((r) => periods.includes(r.period));
  // One line per indicator and unit: those the year's targets measure by, and those with figures this year.
  const keys = new Map<string, { code: string; unit: string | null }>();
  for (const tg of targets) if (tg.measure.kind === 'indicator') keys.set(`${tg.measure.code}|${tg.unit ?? ''}`, { code: tg.measure.code, unit: tg.unit });
  for (const r of rows) keys.set(`${r.indicator}|${r.unit_code ?? ''}`, { code: r.indicator, unit: r.unit_code });
  const names = new Map((data?.indicators ?? []).filter((r) => r.name).map((r) => [r.indicator, r.name!]));
  const [form, setForm] = useState({ code: '', unit: '', period: periods[0]!, x: '', n: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!db) return;
    const x = Number(form.x.trim());
    const n = Number(form.n.trim());
    if (!form.code.trim()) return setError(t('plan.form.needIndicator'));
    if (!/^\d+$/.test(form.x.trim()) || !/^\d+$/.test(form.n.trim())) return setError(t('plan.form.badCount'));
    if (x > n) return setError(t('plan.form.xAboveN'));
    setBusy(true);
    setError(null);
    try {
      await saveIndicator(
        db,
        {
          indicator: form.code.normalize('NFC').trim(),
          name: names.get(form.code.trim()) ?? null,
          period: form.period,
          unit: form.unit.trim() || null,
          x,
          n,
          note: null,
        },
        t('plan.typedFile.indicators'),
      );
      await refresh();
      setForm((f) => ({ ...f, x: '', n: '' }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const cell = (code: string, unit: string | null, p: string) => {
    const r = rows.find((x) => x.indicator === code && (x.unit_code ?? null) === unit && x.period === p);
    if (!r)
      return (
        <td key={p} className="num muted">
          –
        </td>
      );
    return (
      <td key={p} className="num" data-period={p}>
        {formatNumber(r.x, locale, 0)}/{formatNumber(r.n, locale, 0)}
        {r.n > 0 && <small>{shareText(r.x, r.n, locale)}</small>}
      </td>
    );
  };

  return (
    <section className="plan-indicators" data-testid="indicators-panel">
      <h2>{t('plan.indicatorsTitle', { year })}</h2>
      <p className="note">{t('plan.indicatorsHelp')}</p>
      {keys.size > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('plan.indicatorCode')}</th>
                <th scope="col">{t('plan.unitCode')}</th>
                {periods.map((p) => (
                  <th key={p} scope="col" className="num">
                    {periodText(t, p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...keys.values()].map(({ code, unit }) => (
                <tr key={`${code}|${unit ?? ''}`} data-indicator={code}>
                  <th scope="row">
                    {names.get(code) ? (
                      <>
                        {names.get(code)} <small>({code})</small>
                      </>
                    ) : (
                      code
                    )}
                  </th>
                  <td>{unit ? (data?.unitNames.get(unit) ?? unit) : t('plan.wholeCommune')}</td>
                  {periods.map((p) => cell(code, unit, p))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="plan-form plan-form-inline" onSubmit={(e) => void submit(e)} data-testid="indicator-form">
        <label>
          {t('plan.indicatorCode')}
          <input value={form.code} onChange={set('code')} list="plan-indicator-keys" data-testid="indicator-code" />
          <datalist id="plan-indicator-keys">
            {[...new Set([...keys.values()].map((k) => k.code))].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label>
          {t('plan.unitCode')}
          <input value={form.unit} onChange={set('unit')} placeholder={t('plan.unitBlank')} />
        </label>
        <label>
          {t('plan.period')}
          <select value={form.period} onChange={set('period')} data-testid="indicator-period">
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodText(t, p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plan.col.x')}
          <input value={form.x} onChange={set('x')} inputMode="numeric" data-testid="indicator-x" />
        </label>
        <label>
          {t('plan.col.n')}
          <input value={form.n} onChange={set('n')} inputMode="numeric" data-testid="indicator-n" />
        </label>
        <button type="submit" className="btn-primary" disabled={busy} data-testid="indicator-save">
          {t('plan.saveFigure')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
