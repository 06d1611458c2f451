// The SIPAS target in Cài đặt, as the plan's one target row it is (domain/plan.ts sipasTargetRow): how it compares —
// "trên 90%" (strictly above, as plans write it) or "từ 90% trở lên" — over the thresholds the SIPAS section sets.
import { useSettings } from '../../app/useSettings';
import { useI18n } from '../../i18n/i18n';
import { SipasTargetSettings } from '../sipas/SipasTargetSettings';
import { formatPercent } from '../../i18n/format';

export function SipasTargetRow() {
  const { t, locale } = useI18n();
  const [s, update] = useSettings();
  const value = formatPercent(s.sipasTarget, locale, Number.isInteger(s.sipasTarget) ? 0 : 1);
  return (
    <fieldset className="settings-block" data-testid="sipas-target-row">
      <legend>{t('settings.sipasRow')}</legend>
      <p className="note">
        {t('settings.sipasRowHelp')} <a href="#/plan">{t('nav.plan')}</a>
      </p>
      <label className="control">
        {t('settings.sipasOp')}
        <select value={s.sipasTargetOp} onChange={(e) => update({ sipasTargetOp: e.target.value === '>=' ? '>=' : '>' })} data-testid="sipas-target-op">
          <option value=">">{t('settings.sipasOpAbove')}</option>
          <option value=">=">{t('settings.sipasOpFrom')}</option>
        </select>
      </label>
      <p className="settings-preview" data-testid="sipas-target-text">
        «{t(s.sipasTargetOp === '>' ? 'plan.sipasTextAbove' : 'plan.sipasTextFrom', { value })}»
      </p>
      <SipasTargetSettings />
    </fieldset>
  );
}
