// The SIPAS target row, edited on the board: its threshold for the year and its comparison. It lives in the settings
// (app/settings.ts), so Cài đặt, the SIPAS page, the overview and this board read one definition.
import { useState, type FormEvent } from 'react';
import { useSettings } from '../../app/useSettings';
import { sipasTargetRuleFor } from '../../app/settings';
import { useI18n } from '../../i18n/i18n';
import { parseTarget } from '../sipas/SipasTargetSettings';

export function SipasTargetEditor({ year, onDone }: { year: number; onDone(): void }) {
  const { t, locale } = useI18n();
  const [settings, update] = useSettings();
  const rule = sipasTargetRuleFor(settings, year);
  const [value, setValue] = useState(String(rule.threshold).replace('.', locale === 'vi' ? ',' : '.'));
  const [op, setOp] = useState(rule.op);
  const [error, setError] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = parseTarget(value);
    if (v === null) return setError(true);
    update({ sipasTargetByYear: { ...settings.sipasTargetByYear, [String(year)]: v }, sipasTargetOp: op });
    onDone();
  };

  return (
    <form className="plan-form" onSubmit={submit} data-testid="sipas-row-form">
      <h2>{t('plan.sipasEditTitle', { year })}</h2>
      <p className="note">
        {t('plan.sipasEditHelp')} <a href="#/settings">{t('nav.settings')}</a>
      </p>
      <div className="plan-form-grid">
        <label>
          {t('plan.col.comparison')}
          <select value={op} onChange={(e) => setOp(e.target.value === '>=' ? '>=' : '>')} data-testid="sipas-row-op">
            <option value=">">
              {'>'} — {t('plan.op.gt')}
            </option>
            <option value=">=">≥ — {t('plan.op.ge')}</option>
          </select>
        </label>
        <label>
          {t('plan.col.threshold')} (%)
          <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" aria-invalid={error} data-testid="sipas-row-threshold" />
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('sipas.settings.invalid')}
        </p>
      )}
      <div className="plan-form-buttons">
        <button type="submit" className="btn-primary" data-testid="sipas-row-save">
          {t('plan.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
