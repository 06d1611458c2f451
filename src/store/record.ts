// The shape of a dataset as stored between visits, and the restore/validate step every entry goes through.
import { z } from 'zod';
import { DATA_TABLES } from '../db/schema';
import { KINDS } from '../domain/kinds';

export const STORE_VERSION = 1;

// Column types are written back into SQL at restore: accept only plain type names (INTEGER, DECIMAL(18,3), TIMESTAMP WITH TIME ZONE).
const SQL_TYPE = /^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(,\s*\d+)?\))?$/;

const Column = z.object({ name: z.string().min(1), type: z.string().regex(SQL_TYPE) });

const StoredTable = z.object({
  /** One of DATA_TABLES, or the dataset's own table for kind 'table'. */
  name: z.string().min(1),
  columns: z.array(Column).min(1),
  /** Rows written; restore checks it read back as many. */
  rows: z.number().int().nonnegative(),
  /** The rows as gzip-compressed CSV written by DuckDB (COPY … TO). */
  csv: z.instanceof(Uint8Array),
});

export const DatasetRow = z.object({
  id: z.string().min(1),
  kind: z.enum(KINDS),
  file_name: z.string(),
  row_count: z.number().int().nonnegative(),
  coverage: z.string().nullable(),
  imported_at: z.string().regex(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$/),
  is_demo: z.boolean(),
  source: z.string().nullable(),
  table_name: z.string().min(1).nullable(),
});
export type DatasetRow = z.infer<typeof DatasetRow>;

export const StoredDataset = z.object({ v: z.literal(STORE_VERSION), dataset: DatasetRow, tables: z.array(StoredTable) }).superRefine((rec, ctx) => {
  for (const t of rec.tables) {
    const known = (DATA_TABLES as readonly string[]).includes(t.name);
    const own = rec.dataset.kind === 'table' && t.name === rec.dataset.table_name;
    if (!known && !own) ctx.addIssue({ code: 'custom', message: `unexpected table ${t.name}` });
  }
  const own = rec.dataset.table_name;
  if (own !== null && [...DATA_TABLES, 'datasets', 'ref_provinces'].includes(own)) ctx.addIssue({ code: 'custom', message: `table name ${own} is reserved` });
  if (rec.dataset.kind === 'table' && !rec.tables.some((t) => t.name === rec.dataset.table_name)) {
    ctx.addIssue({ code: 'custom', message: 'table dataset without its table' });
  }
});
export type StoredDataset = z.infer<typeof StoredDataset>;
export type StoredTable = z.infer<typeof StoredTable>;

/** Why a stored entry could not be restored: shown on the Dữ liệu page, the app starts anyway. */
export interface SkippedEntry {
  key: string;
  fileName: string | null;
  reason: string;
}

type Restored = { ok: true; record: StoredDataset } | { ok: false; skipped: SkippedEntry };

/** Validates one entry read from storage; never throws. */
export function restoreEntry(key: string, value: unknown): Restored {
  const parsed = StoredDataset.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const fileName = typeof value === 'object' && value !== null ? ((value as { dataset?: { file_name?: unknown } }).dataset?.file_name ?? null) : null;
  return {
    ok: false,
    skipped: {
      key,
      fileName: typeof fileName === 'string' ? fileName : null,
      reason: parsed.error.issues
        .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`)
        .slice(0, 3)
        .join('; '),
    },
  };
}
