import { useI18n } from '../../i18n/i18n';
import { OverviewCards } from './OverviewCards';
import { PapiTrendChart } from './PapiTrendChart';
import { useUnits } from '../indices/useUnits';

export function OverviewPage() {
  const { t } = useI18n();
  const { province, commune } = useUnits();
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <p className="overview-units">
        {t('overview.unitsLine', { province, commune })} · <a href="#/settings">{t('overview.changeUnits')}</a>
      </p>
      <OverviewCards />
      <PapiTrendChart />
    </section>
  );
}
