import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../i18n/format';
import type { Problem } from '../../ingest/types';
import { downloadCsv, safeFileName } from '../../export/download';
import { countByKind, problemParts, problemTable } from './problemText';

/** Problems listed at first: the counts per kind above say the rest; "Xem tất cả (n)" lists every one. */
const FIRST = 20;

/** The check report of one file: counts per kind of problem, the first problems (all on request), all of them as CSV. */
export function ProblemList({ file, problems, errorCount, warningCount }: { file: string; problems: readonly Problem[]; errorCount?: number; warningCount?: number }) {
  const { t, locale } = useI18n();
  const [every, setEvery] = useState(false);
  const listed = every ? problems : problems.slice(0, FIRST);
  // Totals from the pipeline when it gives them (a problem may stand for many rows).
  const errors = errorCount ?? problems.filter((p) => p.severity === 'error').reduce((n, p) => n + (p.count ?? 1), 0);
  const warnings = warningCount ?? problems.filter((p) => p.severity === 'warning').reduce((n, p) => n + (p.count ?? 1), 0);
  const download = () => {
    const { columns, rows } = problemTable(problems, t);
    void downloadCsv(safeFileName(`kiem_tra_${file}`) + '.csv', columns, rows);
  };
  return (
    <div className="problems" data-testid="import-problems">
      <h4>{t('data.problemsTitle')}: {t('data.problemCounts', { errors, warnings })}</h4>
      {problems.length === 0 && errors === 0 ? (
        <p className="note-ok">{t('data.noProblems')}</p>
      ) : (
        <>
          <p className={errors > 0 ? 'error' : 'note'}>{errors > 0 ? t('data.errorsBlock') : t('data.warningsOnly')}</p>
          <ul className="problem-kinds">
            {countByKind(problems, t).map((g) => (
              <li key={`${g.severity}|${g.text}`} className={g.severity}>
                <strong className="n">{g.n} ×</strong> <span className="sev">{t(`data.severity.${g.severity}`)}</span> {g.text}
              </li>
            ))}
          </ul>
          <ol className="problem-list">
            {listed.map((p, i) => {
              const parts = problemParts(p, t);
              return (
                <li key={i} className={p.severity} data-testid="problem" data-severity={p.severity} data-row={p.row} data-column={p.column}>
                  <span className="sev">{t(`data.severity.${p.severity}`)}</span>{' '}
                  <span className="where">{parts.file}</span>: <span className="expected">{parts.text}</span>
                  {parts.extra.length > 0 && <> ({parts.extra.join(', ')})</>}
                  {parts.more && <> <span className="more">{parts.more}</span></>}
                  {parts.technical && (
                    <details className="technical" data-testid="problem-technical">
                      <summary>{t('data.technicalDetails')}</summary>
                      <pre>{parts.technical}</pre>
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
          {problems.length > FIRST && (
            <p className="note">
              {!every && <>{t('data.problemsFirst', { shown: FIRST, total: formatInteger(problems.length, locale) })}{' '}</>}
              <button type="button" className="btn-small" aria-expanded={every} onClick={() => setEvery((v) => !v)} data-testid="problems-all">
                {every ? t('ui.showFewer') : t('ui.showAll', { n: formatInteger(problems.length, locale) })}
              </button>
            </p>
          )}
          <button type="button" className="btn-small" onClick={download} data-testid="problems-csv">{t('data.problemsCsv')}</button>
        </>
      )}
    </div>
  );
}
