// One editable cell of the criteria tree: validated as typed, saved on Enter or when the field is left.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { parseScoreInput, type ScoreInput } from '../../domain/parInput';
import { fmtPoints } from './format';

type Ok = Extract<ScoreInput, { ok: true }>;

export function ScoreField({
  value,
  max,
  label,
  testId,
  onCommit,
  disabled,
}: {
  value: string;
  max: number;
  label: string;
  testId: string;
  onCommit: (v: Ok) => void;
  disabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(value);
  const errId = useId();
  useEffect(() => setDraft(value), [value]);
  const parsed = parseScoreInput(draft, max);
  const error = parsed.ok ? null : t(`par.err.${parsed.reason}`, { max: fmtPoints(max, locale) });
  const commit = () => {
    if (!parsed.ok || draft.trim() === value.trim()) return;
    onCommit(parsed);
  };
  return (
    <span className="score-field">
      <input
        type="text"
        inputMode="decimal"
        value={draft}
        disabled={disabled}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      {error && (
        <span id={errId} className="field-error" role="alert" data-testid="score-error">
          {error}
        </span>
      )}
    </span>
  );
}

/**
 * A free-text cell (evidence, note): saved when left, if changed — or on Enter. `multiline` (an explanation): a box
 * where Enter starts a new line; saved when left or on Ctrl+Enter.
 */
export function TextField({
  value,
  label,
  testId,
  onCommit,
  multiline,
}: {
  value: string;
  label: string;
  testId: string;
  onCommit: (v: string) => void;
  multiline?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => draft !== value && onCommit(draft);
  if (multiline)
    return (
      <textarea
        className="text-field"
        rows={2}
        value={draft}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && commit()}
      />
    );
  return (
    <input
      type="text"
      className="text-field"
      value={draft}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
