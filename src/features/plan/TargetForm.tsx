// Adding or changing a target: the same readers as a file's rows (src/domain/plan.ts), so a typed target and an
// imported one are held to one rule. The commune's SIPAS target is the settings' row, not typed again here.
import { useState, type FormEvent } from 'react';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { COMPARISON_SYMBOL, COMPARISONS, measureKey, parseMeasure, parseThreshold, type Comparison, type TargetDef } from '../../domain/plan';
import { parseDay } from '../../domain/planTasks';
import type { Level } from '../../domain/periods';
import { CodeTakenError, saveTarget } from './editing';
import type { PlanData } from './load';
import { dayText } from './labels';

const MEASURES = ['SIPAS', 'PAR', 'PAR_BAND', 'PAPI', 'PCI', 'DTI', 'PAPI_RANK', 'PCI_RANK', 'DTI_RANK'] as const;
const INDICATOR = 'indicator';

interface Props {
  was: TargetDef | null;
  year: number;
  data: PlanData | null;
  onDone(): void;
}

export function TargetForm({ was, year, data, onDone }: Props) {
  const { t, locale } = useI18n();
  const { db, refresh } = useData();
  const wasKey = was ? measureKey(was.measure) : 'SIPAS';
  const [f, setF] = useState({
    year: String(was?.year ?? year),
    code: was?.code ?? '',
    text: was?.text ?? '',
    measure: was && was.measure.kind === 'indicator' ? INDICATOR : wasKey,
    indicator: was?.measure.kind === 'indicator' ? was.measure.code : '',
    unit: was?.unit ?? '',
    op: (was?.op ?? '>=') as Comparison,
    threshold: was
      ? was.threshold.kind === 'band'
        ? t(`par.band.${was.threshold.band}`)
        : String(was.threshold.value).replace('.', locale === 'vi' ? ',' : '.')
      : '',
    level: (was?.level ?? 'quarter') as Level,
    planNo: was?.planNo ?? '',
    planDate: was?.planDate ? dayText(was.planDate, 'vi') : '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const indicatorCodes = [...new Set((data?.indicators ?? []).map((r) => r.indicator))].sort();
  const unitCodes = [...(data?.unitNames ?? new Map<string, string>()).entries()];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!db) return;
    const y = Number(f.year);
    const m = parseMeasure(f.measure === INDICATOR ? f.indicator : f.measure);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError(t('plan.form.badYear'));
    if (!f.code.trim()) return setError(t('plan.form.needCode'));
    if (!f.text.trim()) return setError(t('plan.form.needText'));
    if (!m) return setError(t('plan.form.needIndicator'));
    if (m.kind === 'sipas' && !f.unit.trim()) return setError(t('plan.form.sipasRow'));
    if (!parseThreshold(m, f.threshold)) return setError(t('plan.form.badThreshold'));
    const planDate = f.planDate.trim() ? parseDay(f.planDate) : null;
    if (f.planDate.trim() && !planDate) return setError(t('plan.form.badDate'));
    setBusy(true);
    setError(null);
    try {
      await saveTarget(
        db,
        was && was.datasetId ? { datasetId: was.datasetId, year: was.year, code: was.code } : null,
        {
          year: y,
          code: f.code.normalize('NFC').trim(),
          text: f.text.normalize('NFC').trim(),
          measure: measureKey(m),
          unit: f.unit.trim() || null,
          comparison: f.op,
          threshold: f.threshold.normalize('NFC').trim(),
          level: f.level,
          planNo: f.planNo.trim() || null,
          planDate,
        },
        t('plan.typedFile.targets'),
      );
      await refresh();
      onDone();
    } catch (err) {
      setError(err instanceof CodeTakenError ? t('plan.form.codeTaken', { code: err.message }) : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} data-testid="target-form">
      <h2>{was ? t('plan.form.editTarget', { code: was.code }) : t('plan.addTarget')}</h2>
      <div className="plan-form-grid">
        <label>
          {t('plan.col.code')}
          <input value={f.code} onChange={set('code')} required data-testid="target-code" />
        </label>
        <label>
          {t('plan.year')}
          <input value={f.year} onChange={set('year')} inputMode="numeric" />
        </label>
        <label className="wide">
          {t('plan.col.target')}
          <textarea value={f.text} onChange={set('text')} rows={2} required data-testid="target-text" />
        </label>
        <label>
          {t('plan.col.measure')}
          <select value={f.measure} onChange={set('measure')} data-testid="target-measure">
            {MEASURES.map((k) => (
              <option key={k} value={k}>
                {t(`plan.measureOpt.${k}`)}
              </option>
            ))}
            <option value={INDICATOR}>{t('plan.measureOpt.indicator')}</option>
          </select>
        </label>
        {f.measure === INDICATOR && (
          <label>
            {t('plan.indicatorCode')}
            <input value={f.indicator} onChange={set('indicator')} list="plan-indicator-codes" data-testid="target-indicator" />
            <datalist id="plan-indicator-codes">
              {indicatorCodes.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </label>
        )}
        <label>
          {t('plan.unitCode')}
          <input value={f.unit} onChange={set('unit')} list="plan-unit-codes" placeholder={t('plan.unitBlank')} />
          <datalist id="plan-unit-codes">
            {unitCodes.map(([c, n]) => (
              <option key={c} value={c}>
                {n}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          {t('plan.col.comparison')}
          <select value={f.op} onChange={set('op')} data-testid="target-op">
            {COMPARISONS.map((op) => (
              <option key={op} value={op}>
                {COMPARISON_SYMBOL[op]} — {t(`plan.op.${op === '>' ? 'gt' : op === '>=' ? 'ge' : op === '<=' ? 'le' : 'eq'}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plan.col.threshold')}
          <input value={f.threshold} onChange={set('threshold')} required data-testid="target-threshold" />
        </label>
        <label>
          {t('plan.col.level')}
          <select value={f.level} onChange={set('level')}>
            {(['quarter', 'half', 'year'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`plan.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plan.col.planNo')}
          <input value={f.planNo} onChange={set('planNo')} />
        </label>
        <label>
          {t('plan.col.planDate')}
          <input value={f.planDate} onChange={set('planDate')} placeholder="dd/mm/yyyy" />
        </label>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="target-form-error">
          {error}
        </p>
      )}
      <div className="plan-form-buttons">
        <button type="submit" className="btn-primary" disabled={busy} data-testid="target-save">
          {t('plan.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
