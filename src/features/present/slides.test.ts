import { describe, expect, it } from 'vitest';
import { autoFromParam, buildSlides, deckKeyAction, isEditingTarget, isPresentShortcut, nextLooping, slideFromParam } from './slides';
import type { Pin } from './pins';

const pin = (chartId: string, hash = '#/'): Pin => ({ chartId, hash, title: chartId });

describe('buildSlides', () => {
  it('puts the overview first, then the pins in the user order', () => {
    const slides = buildSlides([pin('b', '#/sipas'), pin('a')]);
    expect(slides.map((s) => s.kind)).toEqual(['overview', 'chart', 'chart']);
    expect(slides.map((s) => (s.kind === 'chart' ? s.pin.chartId : '-'))).toEqual(['-', 'b', 'a']);
  });
  it('shows a chart pinned twice once, but the same chart of two views twice', () => {
    expect(buildSlides([pin('a'), pin('a'), pin('a', '#/x')])).toHaveLength(3);
  });
  it('is just the overview without pins', () => {
    expect(buildSlides([])).toEqual([{ kind: 'overview', key: 'overview' }]);
  });
});

describe('deckKeyAction', () => {
  it('moves forward with → and Space, back with ← and Shift+Space, and stops at the ends', () => {
    expect(deckKeyAction({ key: 'ArrowRight' }, 0, 3)).toEqual({ type: 'go', index: 1 });
    expect(deckKeyAction({ key: ' ' }, 1, 3)).toEqual({ type: 'go', index: 2 });
    expect(deckKeyAction({ key: ' ' }, 2, 3)).toEqual({ type: 'go', index: 2 });
    expect(deckKeyAction({ key: ' ', shiftKey: true }, 2, 3)).toEqual({ type: 'go', index: 1 });
    expect(deckKeyAction({ key: 'ArrowLeft' }, 1, 3)).toEqual({ type: 'go', index: 0 });
    expect(deckKeyAction({ key: 'ArrowLeft' }, 0, 3)).toEqual({ type: 'go', index: 0 });
    expect(deckKeyAction({ key: 'End' }, 0, 5)).toEqual({ type: 'go', index: 4 });
    expect(deckKeyAction({ key: 'Home' }, 3, 5)).toEqual({ type: 'go', index: 0 });
  });
  it('leaves with Escape and ignores other keys and browser shortcuts', () => {
    expect(deckKeyAction({ key: 'Escape' }, 1, 3)).toEqual({ type: 'exit' });
    expect(deckKeyAction({ key: 'a' }, 1, 3)).toEqual({ type: 'none' });
    expect(deckKeyAction({ key: 'ArrowLeft', altKey: true }, 1, 3)).toEqual({ type: 'none' });
  });
});

describe('deck parameters', () => {
  it('reads the slide number from the URL, 1-based and clamped', () => {
    expect(slideFromParam('2', 3)).toBe(1);
    expect(slideFromParam('9', 3)).toBe(2);
    expect(slideFromParam('0', 3)).toBe(0);
    expect(slideFromParam('x', 3)).toBe(0);
    expect(slideFromParam(undefined, 3)).toBe(0);
  });
  it('accepts whole-second auto-advance intervals from 2 s to an hour, else off', () => {
    expect(autoFromParam('20')).toBe(20);
    expect(autoFromParam('7')).toBe(7);
    expect(autoFromParam('1')).toBe(0);
    expect(autoFromParam('2.5')).toBe(0);
    expect(autoFromParam('99999')).toBe(0);
    expect(autoFromParam(undefined)).toBe(0);
  });
  it('loops auto-advance back to the first slide', () => {
    expect(nextLooping(0, 3)).toBe(1);
    expect(nextLooping(2, 3)).toBe(0);
  });
});

describe('the F shortcut', () => {
  it('opens the deck, but not while typing in a field', () => {
    expect(isPresentShortcut({ key: 'f' }, false)).toBe(true);
    expect(isPresentShortcut({ key: 'F' }, false)).toBe(true);
    expect(isPresentShortcut({ key: 'f' }, true)).toBe(false);
    expect(isPresentShortcut({ key: 'f', ctrlKey: true }, false)).toBe(false);
    expect(isPresentShortcut({ key: 'g' }, false)).toBe(false);
  });
  it('knows which elements take typed text', () => {
    expect(isEditingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isEditingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isEditingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isEditingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isEditingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isEditingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isEditingTarget(null)).toBe(false);
  });
});
