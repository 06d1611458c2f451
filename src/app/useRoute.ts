import { useSyncExternalStore } from 'react';
import { formatHash, parseHash, type Route } from './route';

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** Changes view parameters without adding a history entry for each control change. */
export function replaceParams(route: Route, changes: Record<string, string | number | undefined | null>) {
  const next = formatHash(route.segments, { ...route.params, ...changes });
  history.replaceState(null, '', next);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
