// The commune plan's tasks (Nhiệm vụ): when a task is due as the plan writes it ("Thường xuyên", "Quý II/2026",
// "Trước ngày 30/6/2026", "6 tháng đầu năm"), what its status says, where it stands on a day (done, in progress,
// overdue), and who leads it. Pure; no React, no DuckDB. Days are ISO text (yyyy-mm-dd), which orders as time does.
import { periodEnd } from './plan';
import { foldText } from './vnNames';

/** "Thường xuyên" (never due) or a deadline, the last day it may be done. */
export type Timing = { kind: 'ongoing' } | { kind: 'due'; due: string };

const pad = (n: number) => String(n).padStart(2, '0');
const validYear = (y: number) => Number.isInteger(y) && y >= 2000 && y <= 2100;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

function day(year: number, month: number, d: number): string | null {
  if (!validYear(year) || month < 1 || month > 12 || d < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return d > last ? null : `${year}-${pad(month)}-${pad(d)}`;
}

const monthEnd = (year: number, month: number) => day(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());

/** The year a timing names ("Quý 2/2026" → 2026), or null when it names none. */
export function timingYear(raw: string): number | null {
  const m = /(?:^|\D)(\d{4})(?:\D|$)/.exec(raw);
  return m && validYear(Number(m[1])) ? Number(m[1]) : null;
}

/**
 * When a task is due, from the plan's words. `year`: the plan's year, for timings that name none ("Quý I"). Null when
 * the words are not a timing, or name no year and none is given.
 */
export function parseTiming(raw: string, year: number | null): Timing | null {
  const s = foldText(raw).replace(/\s*([/.-])\s*/g, '$1');
  if (s === '') return null;
  if (/^(thuong xuyen|hang ngay|hang tuan|hang thang|hang quy|dinh ky|lien tuc|ongoing|regularly|continuous)\b/.test(s)) return { kind: 'ongoing' };
  const y = timingYear(s) ?? year;
  const due = (d: string | null): Timing | null => (d ? { kind: 'due', due: d } : null);
  let m: RegExpExecArray | null;
  // A full date anywhere ("trước ngày 30/6/2026", "30.06.2026", "2026-06-30").
  if ((m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s))) return due(day(Number(m[1]), Number(m[2]), Number(m[3])));
  if ((m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s))) return due(day(Number(m[3]), Number(m[2]), Number(m[1])));
  if (y === null) return null;
  // A quarter: "Quý II", "quý 2/2026", "Q2", "2026-Q2".
  if ((m = /(?:^|\b)(?:quy|q) ?(iv|iii|ii|i|[1-4])\b/.exec(s)) || (m = /\d{4}-?q([1-4])\b/.exec(s))) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    return due(periodEnd(`${y}-Q${q}`));
  }
  // A half: "6 tháng đầu năm", "6 tháng cuối năm 2026", "H1", "2026-H2".
  if ((m = /6 thang (dau|cuoi)/.exec(s))) return due(periodEnd(`${y}-H${m[1] === 'dau' ? 1 : 2}`));
  if ((m = /(?:^|\b|\d{4}-?)h([12])\b/.exec(s))) return due(periodEnd(`${y}-H${m[1]}`));
  // A month: "Tháng 6", "tháng 6/2026", "tháng 06 năm 2026".
  if ((m = /thang (\d{1,2})\b/.exec(s))) return due(monthEnd(y, Number(m[1])));
  // A day of the plan's year: "trước 30/6".
  if ((m = /(?:^|\D)(\d{1,2})[/.](\d{1,2})(?:\D|$)/.exec(s)) && !/\d{4}/.test(s)) return due(day(y, Number(m[2]), Number(m[1])));
  // The year itself: "Năm 2026", "Cả năm", "Trong năm", "2026".
  if (/^(nam|ca nam|trong nam|trong nam \d{4}|nam \d{4}|\d{4})$/.test(s)) return due(`${y}-12-31`);
  return null;
}

export type TaskStatus = 'todo' | 'doing' | 'done';

/** "Chưa thực hiện" → todo, "Đang thực hiện" / "Đang triển khai" → doing, "Hoàn thành" / "Đã xong" → done; '' → null. */
export function parseTaskStatus(raw: string): TaskStatus | null | 'invalid' {
  const s = foldText(raw);
  if (s === '') return null;
  if (/^(chua|not started|todo|to do|ke hoach|moi giao)/.test(s)) return 'todo';
  if (/^(dang|in progress|doing|tiep tuc)/.test(s)) return 'doing';
  if (/^(da hoan thanh|hoan thanh|da xong|xong|hoan tat|da thuc hien|done|completed|finished)/.test(s)) return 'done';
  return 'invalid';
}

/** Where a task stands on a day: done (on time or late), ongoing ("Thường xuyên"), in progress, not started, overdue. */
export type TaskState = 'done' | 'doneLate' | 'ongoing' | 'doing' | 'todo' | 'overdue';

export interface TaskFacts {
  timing: Timing;
  status: TaskStatus | null;
  /** The day it was done (ISO), if recorded. */
  doneDate: string | null;
}

/**
 * The state on `asOf` (ISO): done if it was done by then (a done task with no date counts as done); else a "Thường
 * xuyên" task is ongoing, a task past its deadline overdue, else in progress or not started as its status says.
 */
export function taskStateAt(t: TaskFacts, asOf: string): TaskState {
  const done = t.doneDate !== null ? t.doneDate <= asOf : t.status === 'done';
  if (done) return t.timing.kind === 'due' && t.doneDate !== null && t.doneDate > t.timing.due ? 'doneLate' : 'done';
  if (t.timing.kind === 'ongoing') return 'ongoing';
  if (asOf > t.timing.due) return 'overdue';
  return t.status === 'doing' ? 'doing' : 'todo';
}

/** The report's three groups: done, in progress (not started and ongoing included), overdue. */
export type TaskGroup = 'done' | 'inProgress' | 'overdue';
export const groupOf = (s: TaskState): TaskGroup => (s === 'done' || s === 'doneLate' ? 'done' : s === 'overdue' ? 'overdue' : 'inProgress');

/** The units a cell names, one per comma, semicolon or line ("Công an xã; Văn phòng HĐND và UBND xã"). */
export function unitsOf(text: string | null): string[] {
  return (text ?? '')
    .split(/[,;\n]+/)
    .map((u) => u.normalize('NFC').trim())
    .filter((u) => u !== '');
}

/** Whether a task involves a unit (by name as written, case and diacritics aside): leading it or supporting it. */
export function involves(task: { lead: string; support: string | null }, unit: string): boolean {
  const key = foldText(unit);
  return [...unitsOf(task.lead), ...unitsOf(task.support)].some((u) => foldText(u) === key);
}

export interface LeadTally {
  lead: string;
  done: number;
  inProgress: number;
  overdue: number;
  total: number;
}

/** Tasks done / in progress / overdue per lead unit, units in the order first met; a lead cell naming two counts for each. */
export function tallyByLead(tasks: readonly { lead: string; state: TaskState }[]): LeadTally[] {
  const out = new Map<string, LeadTally>();
  for (const t of tasks) {
    for (const lead of unitsOf(t.lead)) {
      const key = foldText(lead);
      const row = out.get(key) ?? { lead, done: 0, inProgress: 0, overdue: 0, total: 0 };
      row[groupOf(t.state)] += 1;
      row.total += 1;
      out.set(key, row);
    }
  }
  return [...out.values()];
}

/** A date as plans write it (dd/mm/yyyy, also with dots or dashes, or ISO) → ISO; null when it is not a real date. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s))) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s))) return day(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
