import { useState } from 'react';
import { useSettings } from '../../app/useSettings';
import { useI18n } from '../../i18n/i18n';
import './sipas.css';

/** A target in % from a typed value ("92,5" or "92.5"), or null when it is not a number in 0–100. */
export function parseTarget(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return v >= 0 && v <= 100 ? v : null;
}

/** Settings section for the SIPAS target (owned by the SIPAS feature): a general target and per-year overrides. */
export function SipasTargetSettings() {
  const { t, locale } = useI18n();
  const [settings, update] = useSettings();
  const [draft, setDraft] = useState<string | null>(null);
  const [newYear, setNewYear] = useState(String(new Date().getFullYear()));
  const shown = (v: number) => (locale === 'vi' ? String(v).replace('.', ',') : String(v));
  const general = draft ?? shown(settings.sipasTarget);
  const generalOk = parseTarget(general) !== null;
  const years = Object.entries(settings.sipasTargetByYear).sort(([a], [b]) => a.localeCompare(b));

  const setYear = (year: string, value: number | null) => {
    const next = { ...settings.sipasTargetByYear };
    if (value === null) delete next[year];
    else next[year] = value;
    update({ sipasTargetByYear: next });
  };

  return (
    <section className="sipas-settings" data-testid="sipas-target-settings">
      <h2>{t('sipas.settings.title')}</h2>
      <p className="note">{t('sipas.settings.help')}</p>
      <fieldset>
        <div className="row">
          <label>
            {t('sipas.settings.default')}{' '}
            <input
              type="text"
              inputMode="decimal"
              value={general}
              aria-invalid={!generalOk}
              data-testid="sipas-target"
              onChange={(e) => {
                setDraft(e.target.value);
                const v = parseTarget(e.target.value);
                if (v !== null) update({ sipasTarget: v });
              }}
              onBlur={() => setDraft(null)}
            />
          </label>
          {!generalOk && <span className="error">{t('sipas.settings.invalid')}</span>}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sipas.settings.byYear')}</legend>
        {years.length === 0 && <p className="note">{t('sipas.settings.none')}</p>}
        {years.map(([year, value]) => (
          <div className="row" key={year}>
            <span>
              {t('sipas.settings.year')} {year}
            </span>
            <YearTarget value={value} display={shown} onChange={(v) => setYear(year, v)} testId={`sipas-target-${year}`} />
            <button type="button" onClick={() => setYear(year, null)}>
              {t('sipas.settings.remove')}
            </button>
          </div>
        ))}
        <div className="row">
          <label>
            {t('sipas.settings.year')}{' '}
            <input type="number" min={2000} max={2100} value={newYear} onChange={(e) => setNewYear(e.target.value)} data-testid="sipas-target-new-year" />
          </label>
          <button
            type="button"
            disabled={!/^\d{4}$/.test(newYear) || newYear in settings.sipasTargetByYear}
            onClick={() => setYear(newYear, settings.sipasTarget)}
            data-testid="sipas-target-add"
          >
            {t('sipas.settings.add')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}

function YearTarget({ value, display, onChange, testId }: { value: number; display: (v: number) => string; onChange: (v: number) => void; testId: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? display(value);
  const ok = parseTarget(text) !== null;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={!ok}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = parseTarget(e.target.value);
          if (v !== null) onChange(v);
        }}
        onBlur={() => setDraft(null)}
      />
      %{!ok && <span className="error"> {t('sipas.settings.invalid')}</span>}
    </>
  );
}
