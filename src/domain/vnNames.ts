// Vietnamese text compared the way people write it: the one place that folds case, Unicode forms (NFC/NFD), diacritics,
// tone placement, spacing and punctuation, recognises administrative type prefixes and knows a province's other names.
// Two strengths, each for its purpose:
// - foldText / foldKey drop every diacritic: for headers, answer labels and periods, where "Ma don vi" must find
//   "Mã đơn vị" and no two accepted words differ only by a mark;
// - nameKey / provinceKey keep them (Hòa and Hóa, Hà Nam and Hà Nội are different places) and forgive only how a tone
//   is placed ("Hoà"/"Hòa", "Thuỷ"/"Thủy"), case, Unicode form and separators.
// Free of imports: scripts/geo/build.mjs loads this file too, to join the boundary files with the app's names.

// ---- Diacritic-free folding ---------------------------------------------------------------------------------------

/** Every diacritic removed, đ → d: "Đắk Lắk" → "Dak Lak". */
export function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** Lower case, no diacritics, single spaces, trimmed: how labels are compared ("Rất  HÀI lòng" → "rat hai long"). */
export function foldText(s: string): string {
  return stripMarks(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** foldText with only letters and digits kept: how headers are compared ("Mã_đơn vị", "MA DON VI" → "madonvi"). */
export function foldKey(s: string): string {
  return foldText(s).replace(/[^a-z0-9]+/g, '');
}

// ---- Names of places ----------------------------------------------------------------------------------------------

// Combining tone marks (grave, acute, tilde, hook above, dot below); vowel marks (circumflex, breve, horn) stay put.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031b']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
// Word separators: spaces, hyphens and dashes ("Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu"), the dot of "TP." and "Tp.".
const SEPARATORS = new Set([' ', '\t', '\n', '\r', '\u00a0', '-', '\u2010', '\u2013', '\u2014', '.']);
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '`']);

/**
 * Where a syllable's tone goes in the key, whatever style it came in: on the vowel carrying a vowel mark ("thừa",
 * "tuổi"); else on the last vowel before a final consonant ("khánh", "hoàn"); else, in an open syllable, on the vowel
 * before the last ("tàu", "rịa", and "hòa", "thủy" in the new style the app's data uses).
 * The "u" of "qu" and the "i" of "gi" before another vowel are consonants ("quý", "giữa").
 */
function placeTone(base: string, tones: string): string {
  if (!tones) return base;
  const start = /^(qu|gi)/.test(base) && [...base.slice(2)].some((c) => VOWELS.has(c)) ? 2 : 0;
  const vowels: number[] = [];
  for (let i = start; i < base.length; i++) if (VOWELS.has(base[i]!)) vowels.push(i);
  if (vowels.length === 0) return base + tones;
  const marked = vowels.filter((i) => VOWEL_MARKS.has(base[i + 1] ?? ''));
  const last = vowels[vowels.length - 1]!;
  let end = last + 1;
  while (end < base.length && VOWEL_MARKS.has(base[end]!)) end++;
  let at: number;
  if (marked.length) at = marked[marked.length - 1]!;
  else if (vowels.length === 1 || end < base.length) at = last;
  else at = vowels[vowels.length - 2]!;
  let after = at + 1;
  while (after < base.length && VOWEL_MARKS.has(base[after]!)) after++;
  return base.slice(0, after) + tones + base.slice(after);
}

/**
 * A place name's comparison key: lower case, NFC, single spaces for any run of separators, and each syllable's tone on
 * its last vowel, so old and new tone placement ("Hoà"/"Hòa", "Thuỷ"/"Thủy", "Khánh Hoà"/"Khánh Hòa") and Unicode
 * forms compare equal while different tones ("Hòa"/"Hóa") do not. The key reads like the name ("khánh hoà"). One pass
 * over the decomposed text: the commune crosswalk has ~13,000 names to key.
 */
export function nameKey(s: string): string {
  const words: string[] = [];
  let base = '';
  let tones = '';
  const flush = () => {
    if (base || tones) words.push(placeTone(base, tones));
    base = '';
    tones = '';
  };
  for (const ch of s.normalize('NFD').toLowerCase()) {
    if (SEPARATORS.has(ch)) flush();
    else if (TONE_MARKS.has(ch)) tones += ch;
    else base += APOSTROPHES.has(ch) ? "'" : ch;
  }
  flush();
  return words.join(' ').normalize('NFC');
}

/** Type prefixes of a province's name, as keys ("TP." is "tp" once the dot is a separator). */
export const PROVINCE_TYPES: readonly string[] = ['thành phố', 'tp', 'tỉnh'].map(nameKey);
/** Type prefixes of a commune-level unit; "huyện" for the island districts that had no commune (Côn Đảo, Cồn Cỏ). */
export const COMMUNE_TYPES: readonly string[] = ['thị trấn', 'phường', 'xã', 'đặc khu', 'huyện'].map(nameKey);
/** Type prefixes of a former district, as written in brackets after a commune ("huyện Châu Thành", "TP. Thủ Đức"). */
export const DISTRICT_TYPES: readonly string[] = ['huyện', 'thị xã', 'thành phố', 'tp', 'quận'].map(nameKey);

/** A name key split into its type prefix (one of `types`, followed by a name) and the rest: "xã bình an" → xã, bình an. */
export function splitType(key: string, types: readonly string[]): { type: string | null; rest: string } {
  const type = types.find((t) => key.startsWith(t + ' ')) ?? null;
  return { type, rest: type ? key.slice(type.length + 1) : key };
}

/**
 * The one alias table: names of a province that differ beyond case, tone placement, Unicode form, separators and type
 * prefix → the name the app's reference list (data/ref/provinces_63_to_34.csv) uses.
 */
const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  // The commune crosswalk and the boundary files write "TP HCM".
  HCM: 'Hồ Chí Minh',
  TPHCM: 'Hồ Chí Minh',
  // One province renamed (Thành phố Huế from 1/1/2025): the 63-province boundary file already says "TP Huế".
  'Thừa Thiên Huế': 'Huế',
  'BR-VT': 'Bà Rịa - Vũng Tàu',
  BRVT: 'Bà Rịa - Vũng Tàu',
  // Spellings of the Central Highlands names seen in older documents.
  'Đắc Lắc': 'Đắk Lắk',
  'Đăk Lăk': 'Đắk Lắk',
  'Đắk Lăk': 'Đắk Lắk',
  'Đắc Nông': 'Đắk Nông',
  'Đăk Nông': 'Đắk Nông',
  'Bắc Cạn': 'Bắc Kạn',
  KonTum: 'Kon Tum',
};

const bareProvinceKey = (name: string) => splitType(nameKey(name), PROVINCE_TYPES).rest;
const ALIAS_KEYS = new Map(Object.entries(PROVINCE_ALIASES).map(([a, name]) => [bareProvinceKey(a), bareProvinceKey(name)]));
const ALIAS_NAMES = new Map(Object.entries(PROVINCE_ALIASES).map(([a, name]) => [bareProvinceKey(a), name]));

/**
 * The key every way of writing one province shares: "TP. Hồ Chí Minh", "TP HCM", "Thành phố Hồ Chí Minh" and
 * "Hồ Chí Minh" all give "hồ chí minh"; "Tỉnh Khánh Hoà" and "Khánh Hòa" give "khánh hoà".
 */
export function provinceKey(name: string): string {
  const k = bareProvinceKey(name);
  return ALIAS_KEYS.get(k) ?? k;
}

/** The province as the app names it when the alias table knows the name ("TP HCM" → "Hồ Chí Minh"), else as written. */
export function provinceName(name: string): string {
  return ALIAS_NAMES.get(bareProvinceKey(name)) ?? name.normalize('NFC').trim();
}

interface NameJoin {
  /** feature name → data name */
  pairs: Map<string, string>;
  unmatchedFeatures: string[];
  unmatchedData: string[];
  /** keys that more than one name on the same side produced */
  duplicates: string[];
}

/** Pairs each boundary feature with the data's name for the same province (by provinceKey); lists what did not pair. */
export function joinProvinceNames(featureNames: readonly string[], dataNames: readonly string[]): NameJoin {
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
