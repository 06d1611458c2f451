import { describe, expect, it } from 'vitest';
import {
  autoFromParam,
  BUILTIN,
  buildSlides,
  deckKeyAction,
  deckSequence,
  giaoBanSequence,
  isChartPin,
  isEditingTarget,
  isPresentShortcut,
  nextLooping,
  slideFromParam,
} from './slides';
import type { Pin } from './pins';

const pin = (chartId: string, hash = '#/'): Pin => ({ chartId, hash, title: chartId });

const titles = { overview: 'O', targets: 'T', par: 'P', sipas: 'S', trend: (i: string) => `trend ${i}`, overdue: 'Q' };

describe("the deck's sequence", () => {
  it("opens a new user's deck on the giao ban sequence: overview, targets, PAR, SIPAS, PAPI/PCI/DTI, overdue tasks", () => {
    const slides = buildSlides(deckSequence([], false, giaoBanSequence(titles)));
    expect(slides.map((s) => s.kind)).toEqual(['overview', 'targets', 'chart', 'chart', 'chart', 'chart', 'chart', 'overdue']);
    expect(slides.filter((s) => s.kind === 'chart').map((s) => `${s.pin.chartId}@${s.pin.hash}`)).toEqual([
      'par-lost@#/par',
      'sipas-trend@#/sipas',
      'index-trend@#/indices/PAPI',
      'index-trend@#/indices/PCI',
      'index-trend@#/indices/DTI',
    ]);
  });
  it('adds the pins after it; a pin that is already a slide keeps its place', () => {
    const seq = deckSequence([pin('b', '#/x'), pin('sipas-trend', '#/sipas')], false, giaoBanSequence(titles));
    const slides = buildSlides(seq);
    expect(slides).toHaveLength(9);
    expect(slides[3]!.pin.chartId).toBe('sipas-trend');
    expect(slides[8]!.pin.chartId).toBe('b');
  });
  it('once arranged, is the stored order as it is, built-in slides included or left out', () => {
    const arranged = [pin('b', '#/x'), { chartId: BUILTIN.overdue, hash: '#/plan/tasks', title: 'Q' }, pin('a')];
    expect(buildSlides(deckSequence(arranged, true, giaoBanSequence(titles))).map((s) => s.kind)).toEqual(['chart', 'overdue', 'chart']);
  });
  it('shows a chart listed twice once, but the same chart of two views twice; an empty deck is the overview', () => {
    expect(buildSlides([pin('a'), pin('a'), pin('a', '#/x')])).toHaveLength(2);
    expect(buildSlides([]).map((s) => s.kind)).toEqual(['overview']);
  });
  it('tells the built-in slides from charts (the report prints charts only)', () => {
    expect(
      giaoBanSequence(titles)
        .filter(isChartPin)
        .map((p) => p.chartId),
    ).toEqual(['par-lost', 'sipas-trend', 'index-trend', 'index-trend', 'index-trend']);
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
