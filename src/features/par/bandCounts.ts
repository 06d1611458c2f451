import { BANDS, type Band } from '../../domain/parScoring';
import type { ParYear } from './model';

/** Units per band, the commune itself left out; units not fully appraised counted apart. */
export function bandCounts(m: ParYear): Record<Band | 'pending', number> {
  const c = Object.fromEntries([...BANDS, 'pending'].map((b) => [b, 0])) as Record<Band | 'pending', number>;
  for (const u of m.units) if (!u.own) c[u.band ?? 'pending'] += 1;
  return c;
}
