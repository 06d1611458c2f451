// Hash routes: `#/indices/PAPI?year=2021`. Every view's state lives here so a link reopens the same view on any static host.

export interface Route {
  /** Path segments: `#/indices/PAPI` → ['indices', 'PAPI']; `#/` → []. */
  segments: string[];
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = q >= 0 ? raw.slice(q + 1) : '';
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const params: Record<string, string> = {};
  new URLSearchParams(query).forEach((v, k) => (params[k] = v));
  return { segments, params };
}

export function formatHash(segments: readonly string[], params: Record<string, string | number | undefined | null> = {}): string {
  const path = '#/' + segments.map((s) => encodeURIComponent(s)).join('/');
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const q = sp.toString();
  return q ? `${path}?${q}` : path;
}
