// "Sao lưu" / "Khôi phục từ bản sao lưu" (issue 20): everything the app keeps in one ZIP — every stored dataset as
// stored (imports, edits, the demo, plan targets and tasks: all datasets), the dossier and its files, the meta
// values, and the settings kept in localStorage (given by the caller) — and back, on this or another browser.
//
// A backup is read whole and checked before anything changes: the manifest (format, version, each file's size and
// SHA-256), every dataset record (record.ts, as at start), every dossier record, every file against its hash. Then
// one IndexedDB write replaces everything (persist.replaceAllUnlocked) and DuckDB is rebuilt from it. A damaged,
// truncated or foreign file is refused with the reason and nothing changes.
import { z } from 'zod';
import type { Db } from '../db/types';
import type { BackupMark } from '../domain/dossier';
import { REVISION, REVS } from './kv';
import { getStore } from './store';
import { restoreEntry, STORE_VERSION, type StoredDataset } from './record';
import { ArchiveError, listFiles, openArchive, sha256Hex, verifyFiles, writeArchive, type ArchiveEntry } from './archive';
import { dossierOf, recordsOf } from './documents';
import { replaceAllUnlocked, syncUnlocked, writer, STARTED_META, type RestoreOptions, type WaitOptions } from './persist';

export { ArchiveError } from './archive';

export const BACKUP_MANIFEST = 'chiso-sao-luu.json';
const FORMAT = 'chiso-backup';
const VERSION = 1;

/** localStorage keys a backup carries: the app's own (settings, pins, language, saved queries), not its backup mark. */
export const isBackedUpLocalKey = (key: string) => key.startsWith('chiso.') && !key.startsWith('chiso.backup.');

const ManifestFile = z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const Counts = z.object({ datasets: z.number().int().nonnegative(), documents: z.number().int().nonnegative(), files: z.number().int().nonnegative() });
export type BackupCounts = z.infer<typeof Counts>;

const Manifest = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  revision: z.number().int().nonnegative(),
  counts: Counts,
  files: z.array(ManifestFile),
});

const Column = z.object({ name: z.string(), type: z.string() });
/** A dataset record with its tables' bytes in files of their own. */
const DatasetPart = z.object({
  key: z.string().min(1),
  v: z.number(),
  dataset: z.unknown(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(Column), rows: z.number(), csv: z.string() })),
});
const DossierPart = z.array(z.object({ key: z.string(), value: z.unknown() }));
const LocalPart = z.record(z.string(), z.string());
const MetaPart = z.record(z.string(), z.unknown());

const enc = new TextEncoder();
const json = (v: unknown) => enc.encode(JSON.stringify(v));

/** What a backup holds, checked. */
export interface BackupContent {
  createdAt: string;
  counts: BackupCounts;
  records: StoredDataset[];
  dossier: { key: string; value: unknown }[];
  files: { key: string; value: Uint8Array }[];
  local: Record<string, string>;
  meta: Record<string, unknown>;
}

export interface MadeBackup {
  bytes: Uint8Array;
  /** The store's revision the backup holds. */
  revision: number;
  counts: BackupCounts;
  /** Stored entries that could not be read (they are not in the backup; the Dữ liệu page lists them already). */
  skipped: number;
}

/** Everything stored, as one ZIP; `local`: the localStorage values to carry (isBackedUpLocalKey). */
export async function makeBackup(local: Readonly<Record<string, string>>, now = new Date()): Promise<MadeBackup> {
  const dump = await (await getStore()).dump();
  const entries: ArchiveEntry[] = [];
  let skipped = 0;
  let n = 0;
  for (const { key, value } of dump.datasets) {
    const r = restoreEntry(key, value);
    if (!r.ok || r.record.dataset.id !== key) {
      skipped++;
      continue;
    }
    const i = n++;
    const tables = r.record.tables.map((t, j) => {
      const path = `datasets/${i}/${j}.csv.gz`;
      entries.push({ path, bytes: t.csv });
      return { name: t.name, columns: t.columns, rows: t.rows, csv: path };
    });
    entries.push({ path: `datasets/${i}.json`, bytes: json({ key, v: r.record.v, dataset: r.record.dataset, tables }), compress: true });
  }
  const dossier = dossierOf(dump.side.dossier);
  skipped += dossier.skipped;
  const wanted = new Set(dossier.docs.map((d) => d.sha256));
  let files = 0;
  for (const { key, value } of dump.side.files) {
    if (!wanted.has(key)) continue; // bytes no document uses: nothing to carry
    if (!(value instanceof Uint8Array) || (await sha256Hex(value)) !== key) {
      skipped++;
      continue;
    }
    entries.push({ path: `files/${key}`, bytes: value });
    files++;
  }
  entries.push({ path: 'dossier.json', bytes: json(recordsOf(dossier)), compress: true });
  entries.push({ path: 'local.json', bytes: json(Object.fromEntries(Object.entries(local).filter(([k]) => isBackedUpLocalKey(k)))), compress: true });
  entries.push({ path: 'meta.json', bytes: json(Object.fromEntries(Object.entries(dump.meta).filter(([k]) => k !== REVISION && k !== REVS))), compress: true });
  const counts = { datasets: n, documents: dossier.docs.length, files };
  const manifest = { format: FORMAT, version: VERSION, createdAt: now.toISOString(), revision: dump.revision, counts, files: await listFiles(entries) };
  return { bytes: writeArchive(entries, BACKUP_MANIFEST, manifest, now), revision: dump.revision, counts, skipped };
}

function parseJson<T>(files: ReadonlyMap<string, Uint8Array>, path: string, schema: z.ZodType<T>): T {
  const b = files.get(path);
  if (!b) throw new ArchiveError('damaged', `missing ${path}`);
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b));
  } catch {
    throw new ArchiveError('damaged', `${path} is not JSON`);
  }
  const r = schema.safeParse(v);
  if (!r.success) throw new ArchiveError('damaged', `${path}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

/** Reads and checks a backup; throws ArchiveError saying why it cannot be restored. Changes nothing. */
export async function readBackup(bytes: Uint8Array): Promise<BackupContent> {
  const { manifest, files } = openArchive(bytes, BACKUP_MANIFEST);
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(manifest);
  if (!head.success || head.data.format !== FORMAT) throw new ArchiveError('foreign', 'not a Chỉ số backup');
  if (head.data.version > VERSION) throw new ArchiveError('newer', `version ${head.data.version}`);
  const m = Manifest.safeParse(manifest);
  if (!m.success) throw new ArchiveError('damaged', `manifest: ${m.error.issues[0]?.message ?? 'invalid'}`);
  await verifyFiles(files, m.data.files);

  const records: StoredDataset[] = [];
  for (const path of [...files.keys()].filter((p) => /^datasets\/\d+\.json$/.test(p))) {
    const part = parseJson(files, path, DatasetPart);
    const tables = part.tables.map((t) => {
      const csv = files.get(t.csv);
      if (!csv || !t.csv.startsWith('datasets/')) throw new ArchiveError('damaged', `${path}: missing ${t.csv}`);
      return { name: t.name, columns: t.columns, rows: t.rows, csv };
    });
    const r = restoreEntry(part.key, { v: part.v, dataset: part.dataset, tables });
    if (!r.ok) throw new ArchiveError('damaged', `${path}: ${r.skipped.reason}`);
    if (r.record.dataset.id !== part.key || r.record.v !== STORE_VERSION) throw new ArchiveError('damaged', `${path}: stored under another key`);
    records.push(r.record);
  }
  const dossierRecords = parseJson(files, 'dossier.json', DossierPart);
  const dossier = dossierOf(dossierRecords);
  if (dossier.skipped) throw new ArchiveError('damaged', `dossier.json: ${dossier.skipped} records unreadable`);
  const fileList = [...files].filter(([p]) => p.startsWith('files/')).map(([p, value]) => ({ key: p.slice('files/'.length), value }));
  const have = new Set(fileList.map((f) => f.key));
  for (const f of fileList) if ((await sha256Hex(f.value)) !== f.key) throw new ArchiveError('damaged', `files/${f.key}`);
  const missing = dossier.docs.find((d) => !have.has(d.sha256));
  if (missing) throw new ArchiveError('damaged', `file of «${missing.fileName}» missing`);
  const local = parseJson(files, 'local.json', LocalPart);
  const meta = parseJson(files, 'meta.json', MetaPart);
  const counts = { datasets: records.length, documents: dossier.docs.length, files: fileList.length };
  if (counts.datasets !== m.data.counts.datasets || counts.documents !== m.data.counts.documents || counts.files !== m.data.counts.files) {
    throw new ArchiveError('damaged', 'counts differ from the manifest');
  }
  return {
    createdAt: m.data.createdAt,
    counts,
    records,
    dossier: recordsOf(dossier),
    files: fileList,
    local: Object.fromEntries(Object.entries(local).filter(([k]) => isBackedUpLocalKey(k))),
    meta: Object.fromEntries(Object.entries(meta).filter(([k]) => k !== REVISION && k !== REVS)),
  };
}

/**
 * Replaces everything stored by the backup's content in one write and rebuilds this tab's DuckDB from it; the other
 * tabs catch up. The first-start marker is set, so the demo never comes back over restored data by itself.
 * localStorage is the caller's (it writes `content.local` once this resolves).
 */
export function restoreBackup(db: Db, content: BackupContent, opts: RestoreOptions & WaitOptions = {}): Promise<void> {
  return writer(async () => {
    await syncUnlocked(db);
    await replaceAllUnlocked(db, content.records, { dossier: content.dossier, files: content.files }, { ...content.meta, ...STARTED_META }, opts);
  }, opts);
}

// ---- When the last backup was made (this browser's own: never carried by a backup) ----

const MARK_KEY = 'chiso.backup.last';
const Mark = z.object({ revision: z.number().int().nonnegative(), at: z.string() });

/** The last backup made here (or restored here): the store's revision then, and when. */
export function readBackupMark(): BackupMark | null {
  try {
    const r = Mark.safeParse(JSON.parse(localStorage.getItem(MARK_KEY) ?? 'null'));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function writeBackupMark(mark: BackupMark): void {
  try {
    localStorage.setItem(MARK_KEY, JSON.stringify(mark));
  } catch {
    /* refused (private mode): the reminder shows again, which is the safe side */
  }
}
