// The workbench's history and saved queries, kept in this browser's localStorage and checked with zod on the way back
// in: an entry that does not parse (an older shape, a hand edit) is dropped alone, the others stay.
import { z } from 'zod';

const SQL_TEXT = z.string().min(1).max(200_000);

const HistoryEntrySchema = z.object({
  sql: SQL_TEXT,
  /** ISO time it was run. */
  at: z.string(),
  /** Rows returned; null when it failed, was refused or cancelled. */
  rows: z.number().int().min(0).nullable(),
  ms: z.number().min(0).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

const SavedQuerySchema = z.object({
  name: z.string().trim().min(1).max(200),
  sql: SQL_TEXT,
  savedAt: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

export const HISTORY_KEY = 'chiso.workbench.history';
export const SAVED_KEY = 'chiso.workbench.saved';
/** Queries kept in the history, newest first. */
export const HISTORY_SIZE = 50;

function restoreList<T>(raw: string | null, schema: z.ZodType<T>): T[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => {
      const r = schema.safeParse(item);
      return r.success ? [r.data] : [];
    });
  } catch {
    return [];
  }
}

export const restoreHistory = (raw: string | null): HistoryEntry[] => restoreList(raw, HistoryEntrySchema).slice(0, HISTORY_SIZE);
export const restoreSaved = (raw: string | null): SavedQuery[] => restoreList(raw, SavedQuerySchema);

/** The history with `entry` first; the same text run again moves up rather than being listed twice. */
export function addToHistory(list: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...list.filter((e) => e.sql.trim() !== entry.sql.trim())].slice(0, HISTORY_SIZE);
}

/** The saved queries with `query` in them; a query saved again under the same name replaces the older one. */
export function saveQuery(list: readonly SavedQuery[], query: SavedQuery): SavedQuery[] {
  const name = query.name.trim();
  return [...list.filter((q) => q.name.trim().toLowerCase() !== name.toLowerCase()), { ...query, name }].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export const removeSaved = (list: readonly SavedQuery[], name: string): SavedQuery[] => list.filter((q) => q.name !== name);

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode): nothing kept
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* full or refused: the list lasts for this page only */
  }
}
