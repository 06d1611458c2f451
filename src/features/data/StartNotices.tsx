import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { forgetStored } from '../../store/persist';

/** What start-up could not do: saved datasets it skipped, no durable storage, a demo that failed to load. */
export function StartNotices() {
  const { t } = useI18n();
  const { db, startReport } = useData();
  const [forgotten, setForgotten] = useState(false);
  if (!startReport) return null;
  const skipped = forgotten ? [] : startReport.skipped;
  return (
    <>
      {!startReport.durable && <p className="warning-box" role="status">{t('data.notDurable')}</p>}
      {startReport.demoError && <p className="warning-box" role="alert">{t('data.demoFailed', { message: startReport.demoError })}</p>}
      {skipped.length > 0 && (
        <div className="warning-box" role="alert" data-testid="restore-skipped">
          <p>{t('data.skippedTitle')}</p>
          <ul>
            {skipped.map((s) => <li key={s.key}>{t('data.skippedItem', { file: s.fileName ?? t('data.skippedUnknown'), reason: s.reason })}</li>)}
          </ul>
          <button type="button" className="btn-small" onClick={() => db && void forgetStored(db, skipped.filter((s) => s.key !== '*').map((s) => s.key)).then(() => setForgotten(true))}>
            {t('data.skippedForget')}
          </button>
        </div>
      )}
    </>
  );
}
