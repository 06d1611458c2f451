import { useCallback, useSyncExternalStore } from 'react';
import { restorePins, type Pin } from './pins';

const KEY = 'chiso.pins';
/** Set once the user has arranged the deck: the pins are then the whole sequence (slides.ts deckSequence). */
const ARRANGED = 'chiso.deck.arranged';
const listeners = new Set<() => void>();
let cached: { raw: string | null; arranged: boolean; pins: Pin[] } | null = null;

function read(): { pins: Pin[]; arranged: boolean } {
  const raw = localStorage.getItem(KEY);
  const arranged = localStorage.getItem(ARRANGED) === '1';
  if (!cached || cached.raw !== raw || cached.arranged !== arranged) cached = { raw, arranged, pins: restorePins(raw) };
  return cached;
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

const notify = () => listeners.forEach((l) => l());

export function usePins(): [Pin[], (next: Pin[]) => void] {
  const { pins } = useSyncExternalStore(subscribe, read);
  const save = useCallback((next: Pin[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    notify();
  }, []);
  return [pins, save];
}

/**
 * The deck's stored order: the pins, and whether they are the whole arranged sequence. `arrange` stores a sequence
 * the user ordered (built-in slides included); `reset` goes back to the giao ban sequence followed by the charts pinned.
 */
export function useDeckOrder(): { pins: Pin[]; arranged: boolean; arrange(next: Pin[]): void; reset(charts: Pin[]): void } {
  const { pins, arranged } = useSyncExternalStore(subscribe, read);
  const arrange = useCallback((next: Pin[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    localStorage.setItem(ARRANGED, '1');
    notify();
  }, []);
  const reset = useCallback((charts: Pin[]) => {
    localStorage.setItem(KEY, JSON.stringify(charts));
    localStorage.removeItem(ARRANGED);
    notify();
  }, []);
  return { pins, arranged, arrange, reset };
}
