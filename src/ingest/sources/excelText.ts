// A spreadsheet cell as the text the pipeline stages: the one rule for both XLSX readers (ours, ooxml.ts, and SheetJS
// for other workbooks). Numbers as Excel keeps them (15 significant digits), dates as dd/mm/yyyy (as Vietnamese files
// write them), booleans TRUE/FALSE. Which number formats are dates follows SheetJS's SSF (ported, same answers).

const pad = (n: number) => String(n).padStart(2, '0');

/** 0.30000000000000004 → "0.3": Excel's 15 digits, without binary noise. */
export const numberText = (v: number): string => String(Number(v.toPrecision(15)));

export const boolText = (v: boolean): string => (v ? 'TRUE' : 'FALSE');

export const dateText = (y: number, m: number, d: number): string => `${pad(d)}/${pad(m)}/${y}`;

/** SSF_normalize_xl_unsafe: the serial rounded as Excel rounds it before splitting date and time. */
function normalizeSerial(v: number): number {
  const s = v.toPrecision(16);
  if (s.includes('e')) return v;
  return Number(s.includes('.') ? s.slice(0, s.slice(0, 2) === '0.' ? 17 : 16) : s.slice(0, 15) + '0'.repeat(Math.max(0, s.length - 15)));
}

/**
 * An Excel date serial as dd/mm/yyyy (SheetJS's parse_date_code: day 60 is Excel's 29/02/1900, day 0 is 00/01/1900;
 * a time within a millisecond of midnight rounds up). Null outside Excel's range.
 */
export function serialDateText(serial: number, date1904 = false): string | null {
  if (!(serial >= 0 && serial <= 2958465)) return null;
  const v = normalizeSerial(serial);
  let date = Math.trunc(v);
  let time = Math.floor(86400 * (v - date));
  const frac = 86400 * (v - date) - time;
  if (date1904) date += 1462;
  if (Math.abs(frac) >= 1e-6 && frac > 0.9999 && ++time === 86400) date++;
  if (date === 60) return dateText(1900, 2, 29);
  if (date === 0) return dateText(1900, 1, 0);
  if (date > 60) date--;
  const d = new Date(Date.UTC(1900, 0, date));
  return dateText(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** SheetJS's built-in number formats (table_fmt) and the ids Excel maps onto them (SSF_default_map). */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};
const DEFAULT_MAP: Record<number, number> = {
  5: 37,
  6: 38,
  7: 39,
  8: 40,
  23: 0,
  24: 0,
  25: 0,
  26: 0,
  27: 14,
  28: 14,
  29: 14,
  30: 14,
  31: 14,
  50: 14,
  51: 14,
  52: 14,
  53: 14,
  54: 14,
  55: 14,
  56: 14,
  57: 14,
  58: 14,
  59: 1,
  60: 2,
  61: 3,
  62: 4,
  67: 9,
  68: 10,
  69: 12,
  70: 13,
  71: 14,
  72: 14,
  73: 15,
  74: 16,
  75: 17,
  76: 20,
  77: 21,
  78: 22,
  79: 45,
  80: 46,
  81: 47,
  82: 0,
};

/** The format code of a numFmtId: the workbook's own, else the built-in one. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string | undefined {
  return custom.get(id) ?? BUILTIN[id] ?? (DEFAULT_MAP[id] !== undefined ? BUILTIN[DEFAULT_MAP[id]] : undefined);
}

const isGeneral = (f: string, i: number): boolean => f.slice(i, i + 7).toLowerCase() === 'general';
const ABS_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

/** Whether a number format shows a date or time (SheetJS's fmt_is_date). */
export function isDateFormat(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneral(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        while (fmt.charCodeAt(++i) !== 34 && i < fmt.length) {
          /* inside a literal */
        }
        ++i;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        ++i;
        break;
      case 'B': // B1/B2 (Buddhist and Hijri calendars) or a letter of a date part: a date either way
      case 'b':
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上':
        if (fmt.slice(i, i + 3).toUpperCase() === 'A/P' || fmt.slice(i, i + 5).toUpperCase() === 'AM/PM' || fmt.slice(i, i + 5) === '上午/下午') return true;
        ++i;
        break;
      case '[': {
        let o = c;
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i);
        if (ABS_TIME.test(o)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        let x: string = c;
        while (
          i < fmt.length &&
          ('0#?.,E+-%'.includes((x = fmt.charAt(++i))) || (x === '\\' && fmt.charAt(i + 1) === '-' && '0#'.includes(fmt.charAt(i + 2))))
        ) {
          /* digits */
        }
        break;
      }
      case '?':
        while (fmt.charAt(++i) === c) {
          /* placeholders */
        }
        break;
      case '*':
        ++i;
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i;
        break;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < fmt.length && '0123456789'.includes(fmt.charAt(++i))) {
          /* a number */
        }
        break;
      default:
        ++i;
    }
  }
  return false;
}
