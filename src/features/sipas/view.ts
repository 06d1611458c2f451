// What a SIPAS view shows, from its link: the page and its charts drawn alone (a slide, the report) read it the same way.
import type { Settings } from '../../app/settings';
import { sipasTargetFor } from '../../app/settings';
import { parsePeriodKey, type Level } from '../../domain/periods';
import { isLevel } from './labels';

/** The datasets SIPAS figures are built from (their sources label the charts). */
export const SIPAS_KINDS = ['sipas_responses'];

/** Level and service point of the link: quarters and every point unless it says otherwise. */
export function sipasView(params: Readonly<Record<string, string>>): { level: Level; unit: string | null } {
  return { level: isLevel(params.level) ? params.level : 'quarter', unit: params.unit || null };
}

/** The period of the link when it has answers, else the latest (`periods` oldest first). */
export function pickPeriod(periods: readonly string[], asked: string | undefined): string | null {
  return asked && periods.includes(asked) ? asked : (periods.at(-1) ?? null);
}

/** The target a period is measured against: its year's, else the general one. */
export function periodTarget(settings: Settings, period: string | null): number {
  return period ? sipasTargetFor(settings, parsePeriodKey(period)!.year) : settings.sipasTarget;
}
