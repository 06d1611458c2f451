import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../app/useQuery';
import { OverviewCards } from './OverviewCards';
import { PapiTrendChart } from './PapiTrendChart';
import { fetchUnitName } from '../indices/unitTotals';
import { useUnits } from '../../app/useUnits';

export function OverviewPage() {
  const { t } = useI18n();
  const { province, commune, ready, ownData } = useUnits();
  const name = useQuery(async (db) => (commune ? (await fetchUnitName(db, commune)) ?? commune : null), [commune]);
  const notChosen = t('overview.notChosen');
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <p className="overview-units">
        {ready && t('overview.unitsLine', { province: province ?? notChosen, commune: name.data ?? commune ?? notChosen })} · <a href="#/settings">{t('overview.changeUnits')}</a>
      </p>
      {ready && ownData && (province === null || commune === null) && (
        <p className="choose-units" role="status" data-testid="choose-units">
          {t(province === null ? 'overview.chooseProvince' : 'overview.chooseCommune')} <a href="#/settings">{t('overview.changeUnits')}</a>
        </p>
      )}
      <OverviewCards />
      <PapiTrendChart />
    </section>
  );
}
