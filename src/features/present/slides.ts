// The deck as data: which slides, in which order, and what a key press does. Pure, so it is unit-tested.
import { pinKey, type Pin } from './pins';

export type Slide = { kind: 'overview'; key: 'overview' } | { kind: 'chart'; key: string; pin: Pin };

/** The overview cards first, then every pinned chart in the user's order (a pin listed twice shows once). */
export function buildSlides(pins: readonly Pin[]): Slide[] {
  const seen = new Set<string>();
  const slides: Slide[] = [{ kind: 'overview', key: 'overview' }];
  for (const pin of pins) {
    const key = pinKey(pin);
    if (seen.has(key)) continue;
    seen.add(key);
    slides.push({ kind: 'chart', key, pin });
  }
  return slides;
}

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
