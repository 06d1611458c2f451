import { useI18n } from '../../i18n/i18n';
import { PapiTrendChart } from './PapiTrendChart';

export function OverviewPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('overview.title')}</h1>
      <PapiTrendChart />
    </section>
  );
}
