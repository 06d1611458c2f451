import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { ParBandSettings } from '../par/ParBandSettings';
import { SipasTargetRow } from './SipasTargetRow';
import { communesQuery, provinceRefsQuery, type LocalUnitRow, type ProvinceRefRow } from '../indices/queries';
import { run } from '../../sql/sql';
import { useUnits } from '../../app/useUnits';

/** The user's province and commune: pickers over the 63 former and the 34 new provinces, and the loaded communes. */
function UnitSettings() {
  const { t } = useI18n();
  const [s, update] = useSettings();
  const mine = useUnits();
  const province = s.province ?? mine.province ?? '';
  const commune = s.commune ?? mine.commune ?? '';
  const q = useQuery(async (db) => ({ refs: await run<ProvinceRefRow>(db, provinceRefsQuery), communes: await run<LocalUnitRow>(db, communesQuery) }), []);
  const refs = q.data?.refs ?? [];
  const olds = [...new Set(refs.map((r) => r.old_province))].sort((a, b) => a.localeCompare(b, 'vi'));
  const news = [...new Map(refs.map((r) => [r.new_unit, r.new_unit_type])).entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'));
  const communes = q.data?.communes ?? [];
  return (
    <fieldset className="settings-block" data-testid="unit-settings">
      <legend>{t('indices.settings.units')}</legend>
      <p className="note">{t('indices.settings.unitsHelp')}</p>
      <label className="control">
        {t('indices.settings.province')}
        <select value={province} onChange={(e) => update({ province: e.target.value || null })} data-testid="settings-province">
          {province === '' && <option value="">— {t('indices.settings.notChosen')} —</option>}
          <optgroup label={t('indices.view.34')}>
            {news.map(([n, type]) => (
              <option key={`n-${n}`} value={n}>
                {n}
                {type ? ` (${type})` : ''}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('indices.view.63')}>
            {olds.map((n) => (
              <option key={`o-${n}`} value={n}>
                {n}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="control">
        {t('indices.settings.commune')}
        <select value={commune} onChange={(e) => update({ commune: e.target.value || null })} data-testid="settings-commune">
          {!communes.some((c) => c.unit_code === commune) && <option value={commune}>{commune || `— ${t('indices.settings.notChosen')} —`}</option>}
          {communes.map((c) => (
            <option key={c.unit_code} value={c.unit_code}>
              {c.unit_name ?? c.unit_code} ({c.unit_code})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="view-switch" data-testid="settings-view">
        <legend>{t('indices.settings.view')}</legend>
        {(['34', '63'] as const).map((v) => (
          <label key={v}>
            <input type="radio" name="settings-province-view" value={v} checked={s.provinceView === v} onChange={() => update({ provinceView: v })} />
            {t(`indices.view.${v}`)}
          </label>
        ))}
      </fieldset>
      <p className="note">{t('indices.settings.viewNote')}</p>
      {mine.ready && (s.province === null || s.commune === null) && (
        <p className="note" data-testid="settings-units-note">
          {t(mine.ownData ? 'indices.settings.followsData' : 'indices.settings.defaultNote', {
            unit: [s.province === null ? mine.province : null, s.commune === null ? mine.commune : null].filter(Boolean).join(', ') || '–',
          })}
        </p>
      )}
    </fieldset>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('nav.settings')}</h1>
      <UnitSettings />
      <SipasTargetRow />
      <ParBandSettings />
    </section>
  );
}
