// Adding or changing a task — typed in, or pre-filled from a weak spot ("Tạo nhiệm vụ": what and who in the link,
// so any page can offer it). Timing and status are read by the same rules as a file's rows (src/domain/planTasks.ts).
import { useState, type FormEvent } from 'react';
import { formatHash } from '../../app/route';
import { useData } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { parseDay, parseTiming, timingYear } from '../../domain/planTasks';
import { saveTask, type TaskKey } from './editing';
import type { PlanTask } from './model';
import { dayText } from './labels';

/** What a new task starts with (from a link). */
export interface TaskDraft {
  task: string;
  lead: string;
  support?: string;
  timing?: string;
  year?: string;
  origin?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The quarter a day falls in, as plans write a timing: "Quý IV/2026". */
export function quarterTiming(today: string): string {
  return `Quý ${ROMAN[Math.ceil(Number(today.slice(5, 7)) / 3) - 1]}/${today.slice(0, 4)}`;
}

/** The link that opens the task form pre-filled: #/plan/tasks?new=1&task=…&lead=… (due this quarter unless said). */
export function taskDraftHash(d: TaskDraft, today: string): string {
  return formatHash(['plan', 'tasks'], {
    new: 1,
    task: d.task,
    lead: d.lead,
    support: d.support,
    timing: d.timing ?? quarterTiming(today),
    year: d.year,
    origin: d.origin,
  });
}

interface Props {
  was: PlanTask | null;
  draft: TaskDraft | null;
  year: number;
  units: readonly string[];
  onDone(saved: TaskKey | null): void;
}

export function TaskForm({ was, draft, year, units, onDone }: Props) {
  const { t } = useI18n();
  const { db, refresh } = useData();
  const [f, setF] = useState({
    task: was?.task ?? draft?.task ?? '',
    lead: was?.lead ?? draft?.lead ?? '',
    support: was?.support ?? draft?.support ?? '',
    timing: was?.timingText ?? draft?.timing ?? '',
    year: String(was?.year ?? (draft?.year || year)),
    status: was?.status ?? '',
    doneDate: was?.doneDate ? dayText(was.doneDate, 'vi') : '',
    result: was?.result ?? '',
    note: was?.note ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!db) return;
    const y = Number(f.year) || timingYear(f.timing);
    if (!f.task.trim()) return setError(t('plan.form.needTask'));
    if (!f.lead.trim()) return setError(t('plan.form.needLead'));
    if (!y || y < 2000 || y > 2100) return setError(t('plan.form.badYear'));
    if (!parseTiming(f.timing, y)) return setError(t('plan.form.badTiming'));
    const doneDate = f.doneDate.trim() ? parseDay(f.doneDate) : null;
    if (f.doneDate.trim() && !doneDate) return setError(t('plan.form.badDate'));
    setBusy(true);
    setError(null);
    try {
      const status = doneDate ? 'done' : f.status || null;
      const key = await saveTask(
        db,
        was ? { datasetId: was.datasetId, id: was.id } : null,
        {
          year: y,
          code: was?.code ?? null,
          task: f.task.normalize('NFC').trim(),
          lead: f.lead.normalize('NFC').trim(),
          support: f.support.normalize('NFC').trim() || null,
          timing: f.timing.normalize('NFC').trim(),
          status,
          doneDate,
          result: f.result.trim() || null,
          note: f.note.trim() || null,
          origin: was?.origin ?? draft?.origin ?? null,
        },
        t('plan.typedFile.tasks'),
      );
      await refresh();
      onDone(key);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} data-testid="task-form">
      <h2>{was ? t('plan.form.editTask') : draft ? t('plan.form.taskFromWeak') : t('plan.addTask')}</h2>
      <div className="plan-form-grid">
        <label className="wide">
          {t('plan.col.task')}
          <textarea value={f.task} onChange={set('task')} rows={2} required data-testid="task-text" />
        </label>
        <label>
          {t('plan.col.lead')}
          <input value={f.lead} onChange={set('lead')} list="plan-task-units" required data-testid="task-lead" />
        </label>
        <label>
          {t('plan.col.support')}
          <input value={f.support} onChange={set('support')} list="plan-task-units" placeholder={t('plan.supportHint')} />
        </label>
        <datalist id="plan-task-units">
          {units.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <label>
          {t('plan.col.timing')}
          <input value={f.timing} onChange={set('timing')} required placeholder={t('plan.timingHint')} data-testid="task-timing" />
        </label>
        <label>
          {t('plan.year')}
          <input value={f.year} onChange={set('year')} inputMode="numeric" />
        </label>
        <label>
          {t('plan.col.status')}
          <select value={f.status} onChange={set('status')} data-testid="task-status">
            <option value="">{t('plan.statusBlank')}</option>
            <option value="todo">{t('plan.status.todo')}</option>
            <option value="doing">{t('plan.status.doing')}</option>
            <option value="done">{t('plan.status.done')}</option>
          </select>
        </label>
        <label>
          {t('plan.col.doneDate')}
          <input value={f.doneDate} onChange={set('doneDate')} placeholder="dd/mm/yyyy" />
        </label>
        <label className="wide">
          {t('plan.col.resultLong')}
          <textarea value={f.result} onChange={set('result')} rows={2} />
        </label>
        <label className="wide">
          {t('plan.col.note')}
          <input value={f.note} onChange={set('note')} />
        </label>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="task-form-error">
          {error}
        </p>
      )}
      <div className="plan-form-buttons">
        <button type="submit" className="btn-primary" disabled={busy} data-testid="task-save">
          {t('plan.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
