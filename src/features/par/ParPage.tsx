import type { Route } from '../../app/route';
import { useI18n } from '../../i18n/i18n';

/** PAR scoring workspace. Until criteria and scores are imported it says what to do next. */
export function ParPage({ route }: { route: Route }) {
  void route; // view state (year, unit, period…) comes from the URL
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('par.title')}</h1>
      <p className="empty">{t('par.noData')} <a href="#/data">{t('indices.goData')}</a></p>
    </section>
  );
}
