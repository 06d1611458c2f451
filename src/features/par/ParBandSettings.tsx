// Settings section for the PAR band cut-offs: one set for all years, or a year's own set.
import { useState } from 'react';
import { useSettings } from '../../app/useSettings';
import { parBandsFor } from '../../app/settings';
import type { BandCutoffs } from '../../domain/parScoring';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { DEFAULT_PAR_BANDS } from '../../domain/indices';
import { useParYears } from './useParYear';
import { validCutoffs } from './bandSettings';

const FIELDS = ['excellent', 'good', 'fair', 'average'] as const;

export function ParBandSettings() {
  const { t, locale } = useI18n();
  const [settings, update] = useSettings();
  const years = useParYears();
  const [scope, setScope] = useState<string>('all');
  const current = scope === 'all' ? settings.parBands : parBandsFor(settings, Number(scope));
  const [draft, setDraft] = useState<Record<keyof BandCutoffs, string>>(() => toDraft(current));
  const [msg, setMsg] = useState<string | null>(null);
  // The draft starts again from the stored cut-offs when the scope or those values change (not when the settings are
  // merely read again): reset while rendering, as React advises for state that follows props.
  const shown = `${scope}:${FIELDS.map((f) => current[f]).join('|')}`;
  const [draftOf, setDraftOf] = useState(shown);
  if (draftOf !== shown) {
    setDraftOf(shown);
    setDraft(toDraft(current));
  }

  const num = (f: keyof BandCutoffs) => Number(draft[f].replace(',', '.'));
  const parsed: BandCutoffs = { excellent: num('excellent'), good: num('good'), fair: num('fair'), average: num('average') };
  const ok = FIELDS.every((f) => draft[f].trim() !== '') && validCutoffs(parsed);

  function save() {
    if (!ok) return;
    if (scope === 'all') update({ parBands: parsed });
    else update({ parBandsByYear: { ...settings.parBandsByYear, [scope]: parsed } });
    setMsg(t('par.settings.saved'));
  }
  function reset() {
    const rest = { ...settings.parBandsByYear };
    delete rest[scope];
    update({ parBandsByYear: rest });
    setMsg(t('par.settings.saved'));
  }

  return (
    <section className="settings-section par-band-settings" data-testid="par-band-settings">
      <h2>{t('par.settings.title')}</h2>
      <p className="note">
        {t('par.settings.hint', {
          defaults: FIELDS.map((f) => `${t(`par.band.${f}`)} ≥ ${formatNumber(DEFAULT_PAR_BANDS[f], locale, 0)}`).join(', '),
          weak: t('par.band.weak'),
        })}
      </p>
      <label className="control">
        {t('par.settings.scope')}
        <select
          value={scope}
          onChange={(e) => {
            setScope(e.target.value);
            setMsg(null);
          }}
          data-testid="par-band-scope"
        >
          <option value="all">{t('par.settings.all')}</option>
          {(years.data ?? []).map((y) => (
            <option key={y} value={String(y)}>
              {t('par.settings.year', { year: y })}
              {settings.parBandsByYear[String(y)] ? ' *' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="band-inputs">
        {FIELDS.map((f) => (
          <label key={f} className="control">
            {t(`par.band.${f}`)} ≥
            <input
              type="text"
              inputMode="decimal"
              size={5}
              value={draft[f]}
              onChange={(e) => {
                setDraft({ ...draft, [f]: e.target.value });
                setMsg(null);
              }}
              data-testid={`par-band-${f}`}
            />
          </label>
        ))}
        <span className="muted">
          {t('par.band.weak')} &lt; {draft.average}
        </span>
      </div>
      {!ok && (
        <p className="error" role="alert">
          {t('par.settings.invalid')}
        </p>
      )}
      <button type="button" onClick={save} disabled={!ok} data-testid="par-band-save">
        {t('par.settings.save')}
      </button>
      {scope !== 'all' && settings.parBandsByYear[scope] && (
        <button type="button" onClick={reset}>
          {t('par.settings.reset')}
        </button>
      )}
      {msg && (
        <span role="status" className="note">
          {' '}
          {msg}
        </span>
      )}
    </section>
  );
}

function toDraft(c: BandCutoffs): Record<keyof BandCutoffs, string> {
  return { excellent: String(c.excellent), good: String(c.good), fair: String(c.fair), average: String(c.average) };
}
