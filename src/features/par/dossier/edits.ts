// What the user does to the dossier, each stored in one write (store/documents.changeDossier), each a pure edit of
// domain/dossier.ts applied to the dossier as stored at that moment.
import type { Db } from '../../../db/types';
import { addDocs, describeDoc, linkDoc, parseDay, setNote, unlinkDoc, type CriterionRef, type EvidenceDoc, type EvidenceLink } from '../../../domain/dossier';
import { changeDossier } from '../../../store/documents';
import type { EvidenceFile } from './evidenceFiles';

export interface DocFields {
  title: string;
  number: string;
  /** As typed: dd/mm/yyyy (domain/dossier.parseDay). */
  date: string;
  issuer: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
/** The fields checked before they are saved: a date that is no day is refused (the dialogs say so as it is typed). */
export const dateOk = (f: DocFields) => parseDay(f.date).ok;
function isoDay(text: string): string | null {
  const d = parseDay(text);
  if (!d.ok) throw new Error(`not a date: ${text}`);
  return d.iso;
}
const newDocId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/** New documents, one per file, each backing every link given. */
export function attachFiles(
  db: Db,
  files: readonly { file: EvidenceFile; fields: DocFields }[],
  links: readonly EvidenceLink[],
  now = new Date(),
): Promise<unknown> {
  const docs: EvidenceDoc[] = files.map(({ file, fields }, i) => ({
    id: newDocId(),
    sha256: file.sha256,
    fileName: file.name,
    kind: file.kind,
    mime: file.mime,
    size: file.bytes.length,
    number: orNull(fields.number),
    date: isoDay(fields.date),
    issuer: orNull(fields.issuer),
    title: orNull(fields.title) ?? stem(file.name),
    // one millisecond apart: listed in the order picked
    addedAt: new Date(now.getTime() + i).toISOString(),
    links: [...links],
  }));
  return changeDossier(db, (d) => ({ next: addDocs(d, docs), files: files.map(({ file }) => ({ sha256: file.sha256, bytes: file.bytes })) }));
}

export function linkExisting(db: Db, docId: string, links: readonly EvidenceLink[]): Promise<unknown> {
  return changeDossier(db, (d) => ({ next: linkDoc(d, docId, links) }));
}

export function unlink(db: Db, docId: string, ref: CriterionRef): Promise<unknown> {
  return changeDossier(db, (d) => ({ next: unlinkDoc(d, docId, ref) }));
}

export function saveDocFields(db: Db, docId: string, fields: DocFields, fallbackTitle: string): Promise<unknown> {
  return changeDossier(db, (d) => ({
    next: describeDoc(d, docId, {
      title: orNull(fields.title) ?? fallbackTitle,
      number: orNull(fields.number),
      date: isoDay(fields.date),
      issuer: orNull(fields.issuer),
    }),
  }));
}

export function saveNote(db: Db, ref: CriterionRef, patch: { explanation?: string | null; answer?: string | null }): Promise<unknown> {
  return changeDossier(db, (d) => ({ next: setNote(d, ref, patch, new Date().toISOString()) }));
}
