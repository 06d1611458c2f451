// "Back up": the dossier lives in this browser only. Shown when much has changed since the last backup, and when the
// browser's storage is filling up (domain rules), before more documents are attached.
import { useEffect, useState } from 'react';
import { useData } from '../../../app/DataContext';
import { useI18n } from '../../../i18n/i18n';
import { formatPercent } from '../../../i18n/format';
import { backupDue, storageLevel } from '../../../domain/dossier';
import { readBackupMark } from '../../../store/backup';
import { storageInfo } from '../../../store/quota';
import { storedRevision } from '../../../store/store';

export function BackupReminder({ ownData }: { ownData: boolean }) {
  const { t, locale } = useI18n();
  const { revision } = useData(); // bumped after every change here: the stored revision is read again
  const [due, setDue] = useState(false);
  const [low, setLow] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([storedRevision(), storageInfo()]).then(([rev, info]) => {
      if (!live) return;
      setDue(backupDue({ ownData, revision: rev, last: readBackupMark(), now: new Date() }).due);
      const level = storageLevel(info.usage, info.quota);
      setLow(level === 'warn' || level === 'critical' ? (info.usage! / info.quota!) * 100 : null);
    });
    return () => {
      live = false;
    };
  }, [revision, ownData]);
  if (!due && low === null) return null;
  return (
    <p className="backup-due" role="status" data-testid="backup-due">
      {low !== null && <>{t('par.d.storageLow', { pct: formatPercent(low, locale, 0) })} </>}
      {due && <>{t('par.d.backupDue')} </>}
      <a href="#/data">{t('par.d.backupLink')}</a>
    </p>
  );
}
