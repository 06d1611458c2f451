import { useCallback, useSyncExternalStore } from 'react';
import { restoreSettings, type Settings } from './settings';

const KEY = 'chiso.settings';
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: Settings } | null = null;

function read(): Settings {
  const raw = localStorage.getItem(KEY);
  if (!cached || cached.raw !== raw) cached = { raw, value: restoreSettings(raw) };
  return cached.value;
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('storage', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', cb);
  };
}

export function useSettings(): [Settings, (patch: Partial<Settings>) => void] {
  const settings = useSyncExternalStore(subscribe, read);
  const update = useCallback((patch: Partial<Settings>) => {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), ...patch }));
    listeners.forEach((l) => l());
  }, []);
  return [settings, update];
}
