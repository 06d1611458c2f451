import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { watchExports, type ExportJob } from '../../export/progress';
import { Progress } from './Progress';
import './ui.css';

/** Rows from which compressing an Excel file takes over a second on an office PC. */
const LONG_PACKING_ROWS = 20_000;

/**
 * The downloads being built, from any page (export/progress.ts), in one corner of the app: rows written of the total,
 * then "compressing" for Excel. A download done in under half a second never shows.
 */
export function ExportStatus() {
  const { t } = useI18n();
  const [jobs, setJobs] = useState<readonly ExportJob[]>([]);
  useEffect(() => watchExports(setJobs), []);
  if (jobs.length === 0) return null;
  return (
    <div className="ui-export-status" role="region" aria-label={t('ui.export.region')} data-testid="export-status">
      {jobs.map((j) =>
        j.step === 'packing' ? (
          // Compressing blocks the page in one go (no timer runs meanwhile): a long file says so at once.
          <Progress key={j.id} label={t('ui.export.packing', { file: j.file })} delay={j.total >= LONG_PACKING_ROWS ? 0 : 500} testId="export-progress" />
        ) : (
          <Progress
            key={j.id}
            label={t('ui.export.rows', { file: j.file })}
            value={j.done}
            max={j.total}
            unit={t('ui.unit.rows')}
            delay={500}
            testId="export-progress"
          />
        ),
      )}
    </div>
  );
}
