// Index metadata: what each index measures, its scale and where its method changed. No React, no DuckDB.

export const INDEX_CODES = ['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'] as const;
export type IndexCode = (typeof INDEX_CODES)[number];

export function isIndexCode(s: string): s is IndexCode {
  return (INDEX_CODES as readonly string[]).includes(s);
}

export interface IndexMeta {
  code: IndexCode;
  /** How values are written: a percentage, a 0–1 ratio, or points. */
  scale: 'percent' | 'ratio' | 'points';
  decimals: number;
  /** Years from which totals are not comparable with earlier ones (the chart does not join across). */
  breaks: readonly number[];
}

export const INDICES: Record<IndexCode, IndexMeta> = {
  PAR: { code: 'PAR', scale: 'percent', decimals: 2, breaks: [] },
  SIPAS: { code: 'SIPAS', scale: 'percent', decimals: 2, breaks: [] },
  // 2018: PAPI went from 6 to 8 dimensions (total 6–60 → 8–80); PAPI itself discourages comparing across it.
  PAPI: { code: 'PAPI', scale: 'points', decimals: 2, breaks: [2018] },
  PCI: { code: 'PCI', scale: 'points', decimals: 2, breaks: [] },
  DTI: { code: 'DTI', scale: 'ratio', decimals: 4, breaks: [] },
};

/** The methodology era a year falls in: years in the same era may be joined by a line. */
export function eraOf(meta: IndexMeta, year: number): number {
  return meta.breaks.filter((b) => year >= b).length;
}
