// The deck as data: which slides, in which order, and what a key press does. Pure, so it is unit-tested.
import { pinKey, type Pin } from './pins';

/**
 * Slides that are not a pinned chart: the overview cards, the plan's targets, the overdue tasks. In the sequence they
 * are pins with these ids, so the user orders and removes them like any pinned chart.
 */
export const BUILTIN = { overview: 'deck-overview', targets: 'deck-targets', overdue: 'deck-overdue' } as const;
type Builtin = keyof typeof BUILTIN;
const BUILTIN_BY_ID = new Map<string, Builtin>(Object.entries(BUILTIN).map(([k, id]) => [id, k as Builtin]));

/** A slide and the pin it comes from (a built-in slide's pin names it: its place in the sequence). */
export interface Slide {
  kind: Builtin | 'chart';
  key: string;
  pin: Pin;
}

/** The slide titles of the giao ban sequence, in the user's language. */
export interface GiaoBanTitles {
  overview: string;
  targets: string;
  par: string;
  sipas: string;
  trend(index: 'PAPI' | 'PCI' | 'DTI'): string;
  overdue: string;
}

/**
 * The giao ban sequence a deck opens with before anything is pinned: overview, targets, PAR (criteria losing points),
 * SIPAS (the trend), the PAPI, PCI and DTI trends, the overdue tasks.
 */
export function giaoBanSequence(titles: GiaoBanTitles): Pin[] {
  return [
    { chartId: BUILTIN.overview, hash: '#/', title: titles.overview },
    { chartId: BUILTIN.targets, hash: '#/plan', title: titles.targets },
    { chartId: 'par-lost', hash: '#/par', title: titles.par },
    { chartId: 'sipas-trend', hash: '#/sipas', title: titles.sipas },
    ...(['PAPI', 'PCI', 'DTI'] as const).map((i) => ({ chartId: 'index-trend', hash: `#/indices/${i}`, title: titles.trend(i) })),
    { chartId: BUILTIN.overdue, hash: '#/plan/tasks', title: titles.overdue },
  ];
}

/**
 * The deck's order: once the user has arranged it, the stored sequence as it is (new pins at its end); before, the
 * giao ban sequence followed by the pins. A pin that is already a slide of the sequence keeps its place.
 */
export function deckSequence(pins: readonly Pin[], arranged: boolean, giaoBan: readonly Pin[]): Pin[] {
  return arranged ? [...pins] : [...giaoBan, ...pins];
}

/** The slides of a sequence (a slide listed twice shows once); the overview alone when the sequence is empty. */
export function buildSlides(sequence: readonly Pin[]): Slide[] {
  const seen = new Set<string>();
  const slides: Slide[] = [];
  for (const pin of sequence) {
    const builtin = BUILTIN_BY_ID.get(pin.chartId);
    const key = builtin ?? pinKey(pin);
    if (seen.has(key)) continue;
    seen.add(key);
    slides.push({ kind: builtin ?? 'chart', key, pin });
  }
  return slides.length ? slides : [{ kind: 'overview', key: 'overview', pin: { chartId: BUILTIN.overview, hash: '#/', title: '' } }];
}

/** Whether a pin names a chart (not a built-in slide): the report's charts are chosen among these. */
export const isChartPin = (p: Pin) => !BUILTIN_BY_ID.has(p.chartId);

export type DeckAction = { type: 'go'; index: number } | { type: 'exit' } | { type: 'none' };

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

/** What a key does in the deck at slide `index` of `count`. Modified keys are left to the browser. */
export function deckKeyAction(e: KeyLike, index: number, count: number): DeckAction {
  if (e.altKey || e.ctrlKey || e.metaKey) return { type: 'none' };
  const last = Math.max(0, count - 1);
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'go', index: Math.min(last, index + 1) };
    case ' ':
    case 'Spacebar':
      return { type: 'go', index: e.shiftKey ? Math.max(0, index - 1) : Math.min(last, index + 1) };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return { type: 'go', index: Math.max(0, index - 1) };
    case 'Home':
      return { type: 'go', index: 0 };
    case 'End':
      return { type: 'go', index: last };
    case 'Escape':
    case 'Esc':
      return { type: 'exit' };
  }
  return { type: 'none' };
}

/** Next slide for auto-advance: wraps to the first after the last, so a deck can loop in a lobby. */
export const nextLooping = (index: number, count: number) => (count <= 0 ? 0 : (index + 1) % count);

/** Slide index from the URL (`?slide=3` is the third slide), kept inside the deck. */
export function slideFromParam(raw: string | undefined, count: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) return 0;
  return Math.min(n, Math.max(1, count)) - 1;
}

/** Auto-advance intervals offered, in seconds (0 = off). */
export const AUTO_INTERVALS = [0, 10, 20, 30, 60] as const;

/** Auto-advance from the URL: whole seconds from 2 to 3600 (a link may carry its own), else off. */
export function autoFromParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2 && n <= 3600 ? n : 0;
}

/** Whether F opens the deck: not while typing, not with modifiers, not when already presenting. */
export function isPresentShortcut(e: KeyLike & { target?: unknown }, editing: boolean): boolean {
  return !editing && !e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'f' || e.key === 'F');
}

/** True when keys go to a text field, a select or editable content (F types an "f" there). */
export function isEditingTarget(el: { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes((el.type ?? 'text').toLowerCase());
  return false;
}
