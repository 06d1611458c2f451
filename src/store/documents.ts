// The evidence dossier in the browser (issue 20): documents, their links to criteria and the units' explanations in
// the `dossier` side store, the files' bytes in `files` keyed by SHA-256 — both in the app's IndexedDB database,
// written in the same kind of transaction as the datasets and under the same revision (kv.ts, persist.ts). Not in
// DuckDB: files are bytes, not rows, and no query needs them.
//
// Every change holds the writer lock (all tabs), reads the dossier as stored now, applies a pure edit
// (domain/dossier.ts) and writes the difference in one transaction: the records it changes, the new files, and the
// files no document uses any more. Records are checked with zod on the way in and out; a bad one is left out.
import { z } from 'zod';
import type { Db } from '../db/types';
import { refKey, unusedFiles, type Dossier, type EvidenceDoc, type Explanation } from '../domain/dossier';
import { getStore } from './store';
import { syncUnlocked, writer, writeUnlocked, type WaitOptions } from './persist';
import type { SideWrite } from './kv';

export { onSideChanged as onDossierChanged } from './persist';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const ISO_DATE = z.string().regex(/^\d{4}-\d\d-\d\d$/);
const text = (max: number) => z.string().max(max);

const LinkSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  unitCode: text(200).min(1),
  criterion: text(50).min(1),
  section: text(500).nullable(),
});

export const DocSchema = z.object({
  id: text(100).min(1),
  sha256: SHA256,
  fileName: text(300).min(1),
  kind: z.enum(['pdf', 'image', 'word', 'excel']),
  mime: text(200).min(1),
  size: z.number().int().nonnegative(),
  number: text(200).nullable(),
  date: ISO_DATE.nullable(),
  issuer: text(500).nullable(),
  title: text(2000).min(1),
  addedAt: z.string().min(1),
  links: z.array(LinkSchema).min(1),
}) satisfies z.ZodType<EvidenceDoc>;

export const NoteSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  unitCode: text(200).min(1),
  criterion: text(50).min(1),
  explanation: text(20_000).nullable(),
  answer: text(20_000).nullable(),
  editedAt: z.string().min(1),
}) satisfies z.ZodType<Explanation>;

const docKey = (d: EvidenceDoc) => `doc:${d.id}`;
const noteKey = (n: Explanation) => `note:${refKey(n)}`;

/** The dossier from the side store's records: what does not parse is left out (and counted). */
export function dossierOf(records: readonly { key: string; value: unknown }[]): Dossier & { skipped: number } {
  const docs: EvidenceDoc[] = [];
  const notes: Explanation[] = [];
  let skipped = 0;
  for (const { key, value } of records) {
    if (key.startsWith('doc:')) {
      const r = DocSchema.safeParse(value);
      if (r.success && docKey(r.data) === key) docs.push(r.data);
      else skipped++;
    } else if (key.startsWith('note:')) {
      const r = NoteSchema.safeParse(value);
      if (r.success && noteKey(r.data) === key) notes.push(r.data);
      else skipped++;
    } else skipped++;
  }
  return { docs, notes, skipped };
}

/** The dossier's records as stored (for a backup, a package). */
export function recordsOf(d: Dossier): { key: string; value: unknown }[] {
  return [...d.docs.map((x) => ({ key: docKey(x), value: x })), ...d.notes.map((n) => ({ key: noteKey(n), value: n }))];
}

/** The dossier as stored now. */
export async function readDossier(): Promise<Dossier & { skipped: number }> {
  return dossierOf(await (await getStore()).readSide('dossier'));
}

/** A file's bytes, or null when it is not stored. */
export async function readFile(sha256: string): Promise<Uint8Array | null> {
  const v = await (await getStore()).getSide('files', sha256);
  return v instanceof Uint8Array ? v : null;
}

/** The side-store writes that turn `before` into `after`, with `files` added and the files left unused removed. */
export function dossierDiff(
  before: Dossier,
  after: Dossier,
  files: readonly { sha256: string; bytes: Uint8Array }[] = [],
): { dossier: SideWrite; files: SideWrite } {
  const was = new Map(recordsOf(before).map((r) => [r.key, JSON.stringify(r.value)]));
  const now = recordsOf(after);
  const keys = new Set(now.map((r) => r.key));
  const gone = unusedFiles(before, after);
  const had = new Set(before.docs.map((x) => x.sha256));
  const used = new Set(after.docs.map((x) => x.sha256));
  // A file some document already used is stored already: its bytes are not written again.
  const fresh = new Map(files.filter((f) => used.has(f.sha256) && !had.has(f.sha256)).map((f) => [f.sha256, f.bytes]));
  return {
    dossier: { delete: [...was.keys()].filter((k) => !keys.has(k)), put: now.filter((r) => was.get(r.key) !== JSON.stringify(r.value)) },
    files: { delete: gone, put: [...fresh].map(([key, value]) => ({ key, value })) },
  };
}

const isEmpty = (w: SideWrite) => !w.clear && !w.delete?.length && !w.put?.length;

export interface DossierEdit {
  next: Dossier;
  /** Bytes of files the edit adds (by SHA-256); those no document of `next` uses are not stored. */
  files?: readonly { sha256: string; bytes: Uint8Array }[];
}

/**
 * Applies `edit` to the dossier as stored now and stores the result in one write (with the writer lock: never
 * between another tab's reads and writes). Throws StorageFullError when the browser refuses the space: nothing
 * changed then. Resolves with the dossier as stored after.
 */
export function changeDossier(db: Db, edit: (d: Dossier) => DossierEdit, opts: WaitOptions = {}): Promise<Dossier> {
  return writer(async () => {
    await syncUnlocked(db);
    const { skipped: _skipped, ...before } = await readDossier();
    const { next, files } = edit(before);
    const diff = dossierDiff(before, next, files);
    if (!isEmpty(diff.dossier) || !isEmpty(diff.files)) await writeUnlocked(db, { side: diff });
    return next;
  }, opts);
}
