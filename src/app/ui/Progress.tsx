import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatNumber, formatPercent } from '../../i18n/format';
import './ui.css';

export interface ProgressProps {
  /** What is happening, in words ("Đang kiểm tra tệp…"): shown, and the bar's accessible name. */
  label: string;
  /** Done so far, with `max`: a determinate bar. Without either, the bar says only that work goes on. */
  value?: number | null;
  max?: number | null;
  /** What `value` counts ("dòng", "MB"), written after "12.000 / 100.000"; without it, the percentage. */
  unit?: string;
  /** Decimals of the amounts written with `unit` (MB: 1). */
  decimals?: number;
  /** Shown only once the wait has lasted this long (ms), so a quick step never flashes a bar. */
  delay?: number;
  testId?: string;
}

/**
 * The one progress bar of the app (start-up, restore, import, export). Determinate where the total is known, else
 * indeterminate. Its fill and its moving stripe are transforms, so they keep moving while the page's script is busy.
 */
export function Progress({ label, value = null, max = null, unit, decimals = 0, delay = 0, testId }: ProgressProps) {
  const { locale } = useI18n();
  const [due, setDue] = useState(delay <= 0);
  useEffect(() => {
    if (delay <= 0) return;
    const timer = setTimeout(() => setDue(true), delay);
    return () => clearTimeout(timer);
  }, [delay]);
  if (!due && delay > 0) return null; // a bar told to show at once (delay 0) shows even if it waited before

  const known = value !== null && max !== null && max > 0;
  const share = known ? Math.min(1, Math.max(0, value / max)) : null;
  const amount = !known
    ? undefined
    : unit
      ? `${formatNumber(value, locale, decimals)} / ${formatNumber(max, locale, decimals)} ${unit}`
      : formatPercent(share! * 100, locale, 0);
  return (
    <div className="ui-progress" data-testid={testId}>
      <p className="ui-progress-text">
        {/* The step is announced when it changes; the numbers are not (they change many times a second). */}
        <span role="status">{label}</span>
        {amount && <span className="ui-progress-amount"> {amount}</span>}
      </p>
      <div
        className={`ui-progress-track${known ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? 100 : undefined}
        aria-valuenow={known ? Math.round(share! * 100) : undefined}
        aria-valuetext={amount}
      >
        <div className="ui-progress-fill" style={known ? { transform: `scaleX(${share})` } : undefined} />
      </div>
    </div>
  );
}
