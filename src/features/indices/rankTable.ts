// The rank table's rows as shown (filter, top/bottom 5, sort) and the same rows for CSV/XLSX, so a download
// is exactly what is on screen, with machine numbers. Pure.
import type { ViewTotal } from '../../domain/merger';
import type { RankRow } from '../../domain/standing';

export type SortKey = 'rank' | 'unit' | 'score' | 'deltaScore' | 'deltaRank';
export type Show = 'all' | 'top5' | 'bottom5';

export interface TableState {
  sort: SortKey;
  desc: boolean;
  search: string;
  show: Show;
}

/** Lower-case without diacritics, so "hue" finds "Huế" and "dak lak" finds "Đắk Lắk". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const value = (r: RankRow<ViewTotal>, k: SortKey): number | string | null => {
  switch (k) {
    case 'rank':
      return r.rank;
    case 'unit':
      return r.unit.unitName;
    case 'score':
      return r.complete ? r.unit.total : null;
    case 'deltaScore':
      return r.deltaScore;
    case 'deltaRank':
      return r.deltaRank;
  }
};

/** Rows to show. Top/bottom 5 are among ranked units; unranked units always sort last. */
export function visibleRows(rows: readonly RankRow<ViewTotal>[], st: TableState): RankRow<ViewTotal>[] {
  let out = [...rows];
  const ranked = out.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  if (st.show === 'top5') out = ranked.filter((r) => r.rank! <= (ranked[Math.min(4, ranked.length - 1)]?.rank ?? 0));
  if (st.show === 'bottom5') out = ranked.filter((r) => r.rank! >= (ranked[Math.max(0, ranked.length - 5)]?.rank ?? Infinity));
  const q = fold(st.search.trim());
  if (q) out = out.filter((r) => fold(r.unit.unitName).includes(q) || fold(r.unit.unitCode).includes(q));
  const sign = st.desc ? -1 : 1;
  return out.sort((a, b) => {
    const va = value(a, st.sort);
    const vb = value(b, st.sort);
    if (va === null && vb === null) return a.unit.unitName.localeCompare(b.unit.unitName, 'vi');
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? va.localeCompare(String(vb), 'vi') : va - (vb as number);
    return sign * c || a.unit.unitName.localeCompare(b.unit.unitName, 'vi');
  });
}

/** What is missing, as text: "13/28" for a unit, "Bắc Giang 13/28" for a province computed from former ones. */
export function missingText(r: RankRow<ViewTotal>, none: string): string {
  return r.unit.missing
    .map((m) => {
      const frac = m.nPresent === 0 && m.nExpected === 1 ? none : `${m.nPresent}/${m.nExpected}`;
      // A province computed from former ones names each: "Bắc Giang 13/28; Bắc Ninh 14/28".
      return m.name === r.unit.unitName && r.unit.from.length === 0 ? frac : `${m.name} ${frac}`;
    })
    .join('; ');
}
