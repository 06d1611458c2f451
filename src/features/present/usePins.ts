import { useCallback, useSyncExternalStore } from 'react';
import { restorePins, type Pin } from './pins';

const KEY = 'chiso.pins';
const listeners = new Set<() => void>();
let cached: { raw: string | null; pins: Pin[] } | null = null;

function read(): Pin[] {
  const raw = localStorage.getItem(KEY);
  if (!cached || cached.raw !== raw) cached = { raw, pins: restorePins(raw) };
  return cached.pins;
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function usePins(): [Pin[], (next: Pin[]) => void] {
  const pins = useSyncExternalStore(subscribe, read);
  const save = useCallback((next: Pin[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    listeners.forEach((l) => l());
  }, []);
  return [pins, save];
}
