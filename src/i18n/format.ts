// Numbers and dates through Intl, so Vietnamese shows 48,06 and 1.234 and English 48.06 and 1,234.
export type Locale = 'vi' | 'en';

const intlTag = (l: Locale) => (l === 'vi' ? 'vi-VN' : 'en-GB');

// Making an Intl.NumberFormat costs far more than using one (a SIPAS page formats thousands of cells): keep them.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A shared formatter with `min`…`max` decimals. */
export function numberFormatter(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

export function formatNumber(v: number | null | undefined, locale: Locale, decimals = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return numberFormatter(locale, decimals, decimals).format(v);
}

export function formatInteger(v: number | null | undefined, locale: Locale): string {
  return formatNumber(v, locale, 0);
}

/** A size in bytes as people read it: "850 B", "12,3 KB", "1,5 MB", "2 GB" (powers of 1024, one decimal under 100). */
export function formatBytes(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = Math.max(0, v);
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${numberFormatter(locale, 0, i === 0 || n >= 100 ? 0 : 1).format(n)} ${units[i]}`;
}

/** `v` is already in percent (82.5 → "82,5%"). */
export function formatPercent(v: number | null | undefined, locale: Locale, decimals = 1): string {
  const n = formatNumber(v, locale, decimals);
  return n === '–' ? n : `${n}%`;
}

// Dates are always dd/mm/yyyy (vi-VN's 'short' style prints 2/12/26 on the first nine days of a month).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "02/12/2026" or, with the time, "09:41 02/12/2026" (vi) / "02/12/2026, 09:41" (en). */
export function formatDate(d: Date, locale: Locale, withTime = false): string {
  const key = `${locale}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    const time = withTime ? ({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const) : {};
    dateFormats.set(key, (f = new Intl.DateTimeFormat(intlTag(locale), { day: '2-digit', month: '2-digit', year: 'numeric', ...time })));
  }
  return f.format(d);
}

export function formatDateTime(d: Date, locale: Locale): string {
  return formatDate(d, locale, true);
}

/** Fills `{name}` placeholders; values are inserted as text. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
