import { useI18n } from '../../i18n/i18n';
import { CardGrid } from './OverviewCards';
import { PapiTrendChart } from './PapiTrendChart';
import { useUnits } from '../../app/useUnits';
import { useOverviewModel } from './useOverviewModel';

export function OverviewPage() {
  const { t } = useI18n();
  const { province, commune, ready, ownData } = useUnits();
  const model = useOverviewModel();
  const notChosen = t('overview.notChosen');
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <p className="overview-units">
        {ready && t('overview.unitsLine', { province: province ?? notChosen, commune: model.communeName ?? commune ?? notChosen })} ·{' '}
        <a href="#/settings">{t('overview.changeUnits')}</a>
      </p>
      {ready && ownData && (province === null || commune === null) && (
        <p className="choose-units" role="status" data-testid="choose-units">
          {t(province === null ? 'overview.chooseProvince' : 'overview.chooseCommune')} <a href="#/settings">{t('overview.changeUnits')}</a>
        </p>
      )}
      <CardGrid model={model} />
      <PapiTrendChart />
    </section>
  );
}
