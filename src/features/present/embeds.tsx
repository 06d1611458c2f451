// The parts other features own and the deck and report embed: the five index cards, the SIPAS headline and the
// PAR band counts. Each is taken from its feature when present; until then a labelled placeholder stands in.
import type { ComponentType } from 'react';
import { useI18n } from '../../i18n/i18n';

type Mod<K extends string, P> = Record<K, ComponentType<P>>;
type CardsProps = { large?: boolean };
type SipasProps = { period?: string; compact?: boolean };
type ParProps = { year?: number };

const first = <T,>(mods: Record<string, T>): T | undefined => Object.values(mods)[0];
const cards = first(import.meta.glob<Mod<'OverviewCards', CardsProps>>('../overview/OverviewCards.tsx', { eager: true }));
const sipas = first(import.meta.glob<Mod<'SipasHeadline', SipasProps>>('../sipas/SipasHeadline.tsx', { eager: true }));
const par = first(import.meta.glob<Mod<'ParBandCounts', ParProps>>('../par/ParBandCounts.tsx', { eager: true }));

function Placeholder({ name }: { name: string }) {
  const { t } = useI18n();
  return <p className="embed-placeholder">{t('present.placeholder', { name })}</p>;
}

export const OverviewCards: ComponentType<CardsProps> = cards?.OverviewCards ?? (() => <Placeholder name="OverviewCards" />);
export const SipasHeadline: ComponentType<SipasProps> = sipas?.SipasHeadline ?? (() => <Placeholder name="SipasHeadline" />);
export const ParBandCounts: ComponentType<ParProps> = par?.ParBandCounts ?? (() => <Placeholder name="ParBandCounts" />);
