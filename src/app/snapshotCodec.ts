// Query results as JSON for the demo's first-view snapshot shipped with the app (data/demo-view-snapshot.json):
// plain JSON plus the few values query results carry that JSON drops or changes (Map, Set, Date, bigint,
// undefined, NaN, ±Infinity). IndexedDB keeps the returning visit's snapshots as they are (structured clone).

type Tagged =
  | { $t: 'map'; v: [unknown, unknown][] }
  | { $t: 'set'; v: unknown[] }
  | { $t: 'date'; v: string }
  | { $t: 'big'; v: string }
  | { $t: 'num'; v: string }
  | { $t: 'undef' };

function enc(v: unknown): unknown {
  if (v === undefined) return { $t: 'undef' };
  if (typeof v === 'bigint') return { $t: 'big', v: v.toString() };
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $t: 'num', v: String(v) };
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Map) return { $t: 'map', v: [...v].map(([k, x]) => [enc(k), enc(x)]) };
  if (v instanceof Set) return { $t: 'set', v: [...v].map(enc) };
  if (v instanceof Date) return { $t: 'date', v: v.toISOString() };
  if (Array.isArray(v)) return v.map(enc);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
}

function dec(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(dec);
  const o = v as Record<string, unknown>;
  if (typeof o.$t === 'string') {
    const t = o as Tagged;
    switch (t.$t) {
      case 'map':
        return new Map(t.v.map(([k, x]) => [dec(k), dec(x)]));
      case 'set':
        return new Set(t.v.map(dec));
      case 'date':
        return new Date(t.v);
      case 'big':
        return BigInt(t.v);
      case 'num':
        return Number(t.v);
      case 'undef':
        return undefined;
    }
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dec(x)]));
}

export const encodeSnapshot = (value: unknown): string => JSON.stringify(enc(value));
export const decodeSnapshot = (text: string): unknown => dec(JSON.parse(text));
