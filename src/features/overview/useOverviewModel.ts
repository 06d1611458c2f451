// The overview's data and model: the query (loadOverview) and the pure cards (cards.ts buildCards), recomputed only when
// their inputs change. OverviewCards and OverviewPage only render what this returns.
import { useMemo } from 'react';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { useUnits } from '../../app/useUnits';
import { parBandsFor, sipasTargetFor } from '../../app/settings';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { buildCards, cardSources, type CardModel } from './cards';
import { loadOverview } from './queries';

interface OverviewCard {
  card: CardModel;
  /** The card's source line, translated. */
  sources: string[];
}

export function useOverviewModel() {
  const { t } = useI18n();
  const [settings] = useSettings();
  const { province, commune, view, ready } = useUnits();
  // Waits for the user's units to be known, so the demo's commune is never drawn first. Kept as the first view's snapshot.
  const q = useQuery((db) => (ready ? loadOverview(db, { commune, province }) : new Promise<never>(() => {})), [commune, province, ready], 'overview');
  const cards = useMemo((): OverviewCard[] => {
    if (!q.data) return [];
    const d = q.data;
    const input = {
      cw: d.cw,
      communes: d.communes,
      totals: d.totals,
      sipas: d.sipas,
      sipasTarget: (y: number) => sipasTargetFor(settings, y),
      parBands: (y: number) => parBandsFor(settings, y),
    };
    return buildCards(input, { province, commune, view }, d.communeName, t('overview.allPoints')).map((card) => ({
      card,
      sources: cardSources(card, d.sources, d.sipasSources).map((s) => (typeof s === 'string' ? s : t(s.key as MessageKey, s.params))),
    }));
  }, [q.data, settings, province, commune, view, t]);
  return { error: q.error, loading: q.loading, cards, communeName: q.data?.communeName ?? null };
}
