import { useI18n } from '../../i18n/i18n';
import { ParBandSettings } from '../par/ParBandSettings';
import { SipasTargetSettings } from '../sipas/SipasTargetSettings';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('nav.settings')}</h1>
      <SipasTargetSettings />
      <ParBandSettings />
    </section>
  );
}
