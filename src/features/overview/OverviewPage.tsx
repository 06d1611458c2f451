import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../app/useQuery';
import { OverviewCards } from './OverviewCards';
import { PapiTrendChart } from './PapiTrendChart';
import { UNIT_NAME_SQL } from './queries';
import { useUnits } from '../indices/useUnits';

export function OverviewPage() {
  const { t } = useI18n();
  const { province, commune } = useUnits();
  const name = useQuery(async (db) => (await db.query<{ unit_name: string }>(UNIT_NAME_SQL, [commune, commune]))[0]?.unit_name ?? commune, [commune]);
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <p className="overview-units">
        {t('overview.unitsLine', { province, commune: name.data ?? commune })} · <a href="#/settings">{t('overview.changeUnits')}</a>
      </p>
      <OverviewCards />
      <PapiTrendChart />
    </section>
  );
}
