// Files people attach as evidence: read, recognised by their bytes (domain/dossier.sniffEvidence), hashed. A file
// that is not PDF, an image, Word or Excel, is empty or too large is refused here, before anything is stored.
import { unzipSync } from 'fflate';
import { MAX_EVIDENCE_BYTES, sniffEvidence, type EvidenceKind } from '../../../domain/dossier';
import { sha256Hex } from '../../../store/archive';

export interface EvidenceFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  kind: EvidenceKind;
  mime: string;
}

export type RefusedReason = 'type' | 'size' | 'empty' | 'read';

export interface Refused {
  name: string;
  reason: RefusedReason;
}

/** The names of the parts inside a ZIP (.docx, .xlsx), without inflating them; null when it is no readable ZIP. */
function zipNames(bytes: Uint8Array): string[] | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    return names;
  } catch {
    return null;
  }
}

/** Checks bytes already read (a file of a package too). */
export async function checkEvidence(name: string, bytes: Uint8Array): Promise<EvidenceFile | Refused> {
  if (bytes.length === 0) return { name, reason: 'empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { name, reason: 'size' };
  const what = sniffEvidence(bytes.subarray(0, 1024), name, zipNames(bytes));
  if (!what) return { name, reason: 'type' };
  return { name: name.normalize('NFC'), bytes, sha256: await sha256Hex(bytes), ...what };
}

export async function readEvidenceFiles(files: readonly File[]): Promise<{ ok: EvidenceFile[]; refused: Refused[] }> {
  const ok: EvidenceFile[] = [];
  const refused: Refused[] = [];
  for (const f of files) {
    if (f.size > MAX_EVIDENCE_BYTES) {
      refused.push({ name: f.name, reason: 'size' });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await f.arrayBuffer());
    } catch {
      refused.push({ name: f.name, reason: 'read' });
      continue;
    }
    const r = await checkEvidence(f.name, bytes);
    if ('bytes' in r) ok.push(r);
    else refused.push(r);
  }
  return { ok, refused };
}
