// Header matching that forgives what real files do: case, diacritics present or absent, NFC or NFD,
// spaces/underscores/dashes, Vietnamese or English names (vnNames.foldKey: "Mã_đơn vị", "MA DON VI" → "madonvi").
import { foldKey } from '../domain/vnNames';

/** The header as text to show and store: NFC, trimmed, BOM removed. */
export function cleanHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .trim();
}

export interface HeaderMatch {
  /** canonical key → index of the file's column */
  byKey: Map<string, number>;
  /** index of the file's column → canonical key, or null when no column spec matched */
  byIndex: (string | null)[];
}

/** The names a column is known by: its canonical key, its Vietnamese header, and aliases (a format's ColumnSpec). */
interface ColumnNames {
  key: string;
  vi: string;
  aliases: readonly string[];
}

/** Maps each header to the first column spec whose name or alias matches it; a spec matches at most one column. */
export function matchHeaders(headers: readonly string[], columns: readonly ColumnNames[]): HeaderMatch {
  const keys = new Map<string, string>();
  for (const c of columns) for (const name of [c.key, c.vi, ...c.aliases]) if (!keys.has(foldKey(name))) keys.set(foldKey(name), c.key);
  const byKey = new Map<string, number>();
  const byIndex = headers.map((h, i) => {
    const k = keys.get(foldKey(h));
    if (!k || byKey.has(k)) return null;
    byKey.set(k, i);
    return k;
  });
  return { byKey, byIndex };
}
