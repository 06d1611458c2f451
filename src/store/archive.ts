// ZIP files the app writes and reads back whole: a backup of everything (backup.ts) and the PAR dossier package
// (features/par/dossier). Each carries a manifest listing every other file with its size and SHA-256; reading
// checks all of them before anything is used, so a truncated, altered or foreign file is refused as a whole.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
  /** Deflate it (text); files that are compressed already (PDF, images, gzip, docx) are stored as they are. */
  compress?: boolean;
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

/** Why an archive was refused. */
export type ArchiveProblem = 'unreadable' | 'foreign' | 'newer' | 'damaged';

export class ArchiveError extends Error {
  constructor(
    readonly problem: ArchiveProblem,
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.name = 'ArchiveError';
  }
}

const encoder = new TextEncoder();

/** The files listed for a manifest: every entry, with its size and SHA-256. */
export async function listFiles(entries: readonly ArchiveEntry[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const e of entries) out.push({ path: e.path, size: e.bytes.length, sha256: await sha256Hex(e.bytes) });
  return out;
}

/** A ZIP of `entries` with `manifest` (JSON) written first under `manifestPath`. Paths are unique (checked). */
export function writeArchive(entries: readonly ArchiveEntry[], manifestPath: string, manifest: unknown, mtime = new Date()): Uint8Array {
  const files: Zippable = { [manifestPath]: [encoder.encode(JSON.stringify(manifest, null, 1)), { level: 6 }] };
  for (const e of entries) {
    if (e.path in files) throw new Error(`duplicate path in archive: ${e.path}`);
    files[e.path] = [e.bytes, { level: e.compress ? 6 : 0 }];
  }
  return zipSync(files, { mtime });
}

/**
 * The files of a ZIP and its manifest's JSON. Refused: not a ZIP or cut short ('unreadable'), no manifest
 * ('foreign'), a manifest that is not JSON ('damaged').
 */
export function openArchive(bytes: Uint8Array, manifestPath: string): { manifest: unknown; files: Map<string, Uint8Array> } {
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes);
  } catch (e) {
    throw new ArchiveError('unreadable', e instanceof Error ? e.message : String(e));
  }
  const files = new Map(Object.entries(raw).filter(([p]) => !p.endsWith('/')));
  const m = files.get(manifestPath);
  if (!m) throw new ArchiveError('foreign', `no ${manifestPath}`);
  files.delete(manifestPath);
  try {
    return { manifest: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(m)), files };
  } catch (e) {
    throw new ArchiveError('damaged', `${manifestPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Every file the manifest lists is there with its size and SHA-256, and — unless `extra` allows it (a package someone
 * unpacked and zipped again, with their file manager's own files) — nothing else is. Throws ArchiveError('damaged').
 */
export async function verifyFiles(
  files: ReadonlyMap<string, Uint8Array>,
  listed: readonly ManifestFile[],
  extra: 'refuse' | 'ignore' = 'refuse',
): Promise<void> {
  const seen = new Set<string>();
  for (const f of listed) {
    const b = files.get(f.path);
    if (!b) throw new ArchiveError('damaged', `missing ${f.path}`);
    if (b.length !== f.size || (await sha256Hex(b)) !== f.sha256) throw new ArchiveError('damaged', `${f.path} differs from the manifest`);
    seen.add(f.path);
  }
  const unlisted = [...files.keys()].find((p) => !seen.has(p));
  if (unlisted !== undefined && extra === 'refuse') throw new ArchiveError('damaged', `${unlisted} is not in the manifest`);
}
