import { useI18n } from '../../i18n/i18n';
import type { Problem } from '../../ingest/types';
import { downloadCsv, safeFileName } from '../../export/download';
import { countByKind, problemParts, problemTable } from './problemText';

const SHOWN = 200;

/** The check report of one file: counts per kind of problem, the first 200 problems, all of them as CSV. */
export function ProblemList({ file, problems }: { file: string; problems: readonly Problem[] }) {
  const { t } = useI18n();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const download = () => {
    const { columns, rows } = problemTable(problems, t);
    downloadCsv(safeFileName(`kiem_tra_${file}`) + '.csv', columns, rows);
  };
  return (
    <div className="problems" data-testid="import-problems">
      <h4>{t('data.problemsTitle')}: {t('data.problemCounts', { errors, warnings })}</h4>
      {problems.length === 0 ? (
        <p className="note-ok">{t('data.noProblems')}</p>
      ) : (
        <>
          <p className={errors > 0 ? 'error' : 'note'}>{errors > 0 ? t('data.errorsBlock') : t('data.warningsOnly')}</p>
          <ul className="problem-kinds">
            {countByKind(problems, t).map((g) => (
              <li key={`${g.severity}|${g.text}`} className={g.severity}>
                <span className="sev">{t(`data.severity.${g.severity}`)}</span> {g.text}: <strong>{g.n}</strong>
              </li>
            ))}
          </ul>
          <ol className="problem-list">
            {problems.slice(0, SHOWN).map((p, i) => {
              const parts = problemParts(p, t);
              return (
                <li key={i} className={p.severity} data-testid="problem" data-severity={p.severity}>
                  <span className="sev">{t(`data.severity.${p.severity}`)}</span>{' '}
                  <span className="where">{parts.where.join(', ')}</span>
                  {parts.value && <>: <span className="value">{parts.value}</span></>}
                  {' — '}
                  <span className="expected">{parts.expected}</span>
                  {parts.more && <> <span className="more">{parts.more}</span></>}
                </li>
              );
            })}
          </ol>
          {problems.length > SHOWN && <p className="note">{t('data.problemsFirst', { shown: SHOWN, total: problems.length })}</p>}
          <button type="button" className="btn-small" onClick={download} data-testid="problems-csv">{t('data.problemsCsv')}</button>
        </>
      )}
    </div>
  );
}
