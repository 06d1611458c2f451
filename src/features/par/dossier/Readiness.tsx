// How far a unit's sheet is (scored, backed, explained) — and the appraisal's answers it still owes.
import { useI18n } from '../../../i18n/i18n';
import type { Readiness } from '../../../domain/dossier';

/** At most this many criteria are named; the rest are counted. */
const NAMED = 12;

export function ReadyBadge({ ready, testId }: { ready: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`ready-badge ${ready ? 'ok' : 'no'}`} data-testid={testId}>
      {ready ? t('par.d.ready') : t('par.d.notReady')}
    </span>
  );
}

export function UnitReadiness({ r }: { r: Readiness }) {
  const { t } = useI18n();
  const named = r.blocking.slice(0, NAMED).join(', ');
  return (
    <section className="panel unit-readiness" data-testid="unit-readiness" data-ready={r.ready}>
      <h3>
        {t('par.d.unitTitle')} <ReadyBadge ready={r.ready} testId="unit-ready" />
      </h3>
      <p data-testid="unit-readiness-line">
        {t('par.d.unitLine', { scored: r.scored, applicable: r.applicable, backed: r.backed, explained: r.explained, need: r.needExplanation })}
      </p>
      {r.needAnswer > 0 && <p>{t('par.d.answersLine', { need: r.needAnswer, answered: r.answered })}</p>}
      {r.blocking.length > 0 && (
        <p className="blocking" data-testid="unit-blocking">
          {t('par.d.blocking', { list: r.blocking.length > NAMED ? t('par.d.blockingMore', { list: named, more: r.blocking.length - NAMED }) : named })}
        </p>
      )}
    </section>
  );
}
