import type { Route } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { Catalogue } from './Catalogue';
import { ImportPanel } from './ImportPanel';
import { Templates } from './Templates';
import { StartNotices } from './StartNotices';
import { BackupPanel } from './BackupPanel';
import './data.css';

/** #/data: import files, see and manage what is loaded, download templates. */
export function DataPage({ route }: { route: Route }) {
  void route; // no view state yet
  const { t } = useI18n();
  const { datasets } = useData();
  return (
    <section className="data-page">
      <h1>{t('data.title')}</h1>
      <p className="lead">{t('data.intro')} {t('app.privacy')}</p>
      <StartNotices />
      <h2>{t('data.importTitle')}</h2>
      <ImportPanel />
      <h2>{t('data.catalogue')} <span className="count">({datasets.length})</span></h2>
      <Catalogue />
      <h2 id="backup">{t('data.backup.title')}</h2>
      <BackupPanel />
      <h2 id="templates">{t('data.templatesTitle')}</h2>
      <Templates />
    </section>
  );
}
