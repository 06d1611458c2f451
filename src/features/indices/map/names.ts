// Province names as keys. No source uses official codes, so boundaries and data are joined on a normalised name
// (rules from shared/data/geo/SOURCES.md). Kept free of imports: scripts/geo/build.mjs loads this file too.

/** Old-style tone placement ("Hoà", "Thuý") → the style the app's data uses ("Hòa", "Thúy"), at a syllable's end. */
const TONE_MOVES: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};

/** Names that differ beyond spelling: the province "Thừa Thiên Huế" is "TP Huế" in the boundary files and "Huế" among the 34. */
const ALIASES: Record<string, string> = {
  'thừa thiên huế': 'huế',
  hcm: 'hồ chí minh',
};

/** The key two spellings of one province share: "TP. Hồ Chí Minh", "TP HCM" and "Hồ Chí Minh" all give "hồ chí minh". */
export function provinceKey(name: string): string {
  let s = name.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  s = s.replace(/\s*[-–—]\s*/g, ' - ');
  s = s.replace(/^(thành phố\s+|tp\.?\s*|tỉnh\s+)/u, '');
  s = s.replace(/(?<!q)([ou][àáảãạèéẻẽẹỳýỷỹỵ])(?=$|[\s-])/gu, (m) => TONE_MOVES[m] ?? m);
  return ALIASES[s] ?? s;
}

export interface NameJoin {
  /** feature name → data name */
  pairs: Map<string, string>;
  unmatchedFeatures: string[];
  unmatchedData: string[];
  /** keys that more than one name on the same side produced */
  duplicates: string[];
}

/** Pairs each boundary feature with the data's name for the same province; lists whatever did not pair. */
export function joinNames(featureNames: readonly string[], dataNames: readonly string[]): NameJoin {
  const duplicates: string[] = [];
  const byKey = (names: readonly string[]) => {
    const m = new Map<string, string>();
    for (const n of names) {
      const k = provinceKey(n);
      if (m.has(k) && m.get(k) !== n) duplicates.push(k);
      m.set(k, n);
    }
    return m;
  };
  const features = byKey(featureNames);
  const data = byKey(dataNames);
  const pairs = new Map<string, string>();
  const unmatchedFeatures: string[] = [];
  for (const [k, f] of features) {
    const d = data.get(k);
    if (d === undefined) unmatchedFeatures.push(f);
    else pairs.set(f, d);
  }
  const unmatchedData = [...data].filter(([k]) => !features.has(k)).map(([, d]) => d);
  return { pairs, unmatchedFeatures, unmatchedData, duplicates };
}
