// The PAR dossier a commune sends for appraisal (issue 20): evidence documents attached to criteria, explanations
// (giải trình) where a self-score has no evidence, the unit's answer (tiếp thu, giải trình) where the appraisal gave
// less than the self-assessment, and how ready each unit's sheet and the commune's whole dossier are.
// Pure: records in, records or counts out. Stored by store/documents.ts, drawn by features/par.
import { compareCodes } from './parScoring';

/** Where one document backs one criterion of one unit's year; `section`: the part or page that proves it. */
export interface EvidenceLink {
  year: number;
  unitCode: string;
  criterion: string;
  section: string | null;
}

export type EvidenceKind = 'pdf' | 'image' | 'word' | 'excel';

/** One evidence document (tài liệu kiểm chứng): its file (by SHA-256, stored once) and what identifies it. */
export interface EvidenceDoc {
  id: string;
  /** Hex SHA-256 of the file: the key of its bytes (the same file attached twice is kept once). */
  sha256: string;
  fileName: string;
  kind: EvidenceKind;
  mime: string;
  size: number;
  /** Số, ký hiệu (e.g. "12/QĐ-UBND"). */
  number: string | null;
  /** Ngày ban hành, ISO "YYYY-MM-DD". */
  date: string | null;
  /** Cơ quan ban hành. */
  issuer: string | null;
  /** Trích yếu, or the file's name when none was given. */
  title: string;
  /** ISO time it was attached. */
  addedAt: string;
  links: EvidenceLink[];
}

/** What a unit wrote about one criterion: the explanation for a score without evidence, its answer to the appraisal. */
export interface Explanation {
  year: number;
  unitCode: string;
  criterion: string;
  /** Giải trình: why a self-score stands without an evidence document. */
  explanation: string | null;
  /** Tiếp thu, giải trình: the unit's answer where the appraisal gave less than its self-score. */
  answer: string | null;
  editedAt: string;
}

export interface Dossier {
  docs: EvidenceDoc[];
  notes: Explanation[];
}

export const EMPTY_DOSSIER: Dossier = { docs: [], notes: [] };

/** One place a criterion of a unit's year is named (the key of links and notes). */
export interface CriterionRef {
  year: number;
  unitCode: string;
  criterion: string;
}

export const refKey = (r: CriterionRef) => `${r.year}|${r.unitCode}|${r.criterion}`;
const sameRef = (a: CriterionRef, b: CriterionRef) => a.year === b.year && a.unitCode === b.unitCode && a.criterion === b.criterion;
const filled = (s: string | null | undefined) => !!s && s.trim() !== '';

// ---- What a criterion and a sheet still need ----

/** A leaf criterion as scored (parScoring's ParNode has these). */
export interface ScoredLeaf {
  code: string;
  applicable: boolean;
  self: number | null;
  appraised: number | null;
}

export interface CriterionCheck {
  code: string;
  scored: boolean;
  /** At least one evidence document attached. */
  backed: boolean;
  /** Self-score above zero and no document: a giải trình is required. */
  needsExplanation: boolean;
  explained: boolean;
  /** Appraised below the self-score: the unit answers (tiếp thu, giải trình). */
  needsAnswer: boolean;
  answered: boolean;
}

export function checkCriterion(leaf: ScoredLeaf, docCount: number, note: Explanation | undefined): CriterionCheck {
  const scored = leaf.applicable && leaf.self !== null;
  const backed = leaf.applicable && docCount > 0;
  const needsExplanation = leaf.applicable && (leaf.self ?? 0) > 0 && !backed;
  const needsAnswer = leaf.applicable && leaf.self !== null && leaf.appraised !== null && leaf.appraised < leaf.self;
  return {
    code: leaf.code,
    scored,
    backed,
    needsExplanation,
    explained: needsExplanation && filled(note?.explanation),
    needsAnswer,
    answered: needsAnswer && filled(note?.answer),
  };
}

/**
 * Applicable leaves lacking evidence: no document attached, none named in the scores file (its "Tài liệu kiểm
 * chứng" text), and no explanation given instead. What the tree flags "thiếu tài liệu".
 */
export function withoutEvidence(
  unit: { year: number; unitCode: string },
  leaves: readonly (ScoredLeaf & { evidence: string | null })[],
  dossier: Dossier,
): Set<string> {
  const docCount = docsPerCriterion(dossier.docs, unit.year, unit.unitCode);
  const explained = new Set(dossier.notes.filter((n) => n.year === unit.year && n.unitCode === unit.unitCode && filled(n.explanation)).map((n) => n.criterion));
  return new Set(leaves.filter((l) => l.applicable && !filled(l.evidence) && !docCount.get(l.code) && !explained.has(l.code)).map((l) => l.code));
}

export interface Readiness {
  /** Applicable leaf criteria. */
  applicable: number;
  scored: number;
  backed: number;
  needExplanation: number;
  explained: number;
  needAnswer: number;
  answered: number;
  /** Criteria that keep the sheet from being ready: not scored, or scored above zero with neither evidence nor explanation. */
  blocking: string[];
  /** Every applicable criterion scored, and every score above zero backed by a document or explained. */
  ready: boolean;
}

/** How far a unit's sheet is: scored, backed, explained (the appraisal answers are counted, they do not block). */
export function unitReadiness(unit: { year: number; unitCode: string }, leaves: readonly ScoredLeaf[], dossier: Dossier): Readiness {
  const docCount = docsPerCriterion(dossier.docs, unit.year, unit.unitCode);
  const notes = new Map(dossier.notes.filter((n) => n.year === unit.year && n.unitCode === unit.unitCode).map((n) => [n.criterion, n]));
  const r: Readiness = { applicable: 0, scored: 0, backed: 0, needExplanation: 0, explained: 0, needAnswer: 0, answered: 0, blocking: [], ready: false };
  for (const leaf of leaves) {
    if (!leaf.applicable) continue;
    const c = checkCriterion(leaf, docCount.get(leaf.code) ?? 0, notes.get(leaf.code));
    r.applicable++;
    if (c.scored) r.scored++;
    if (c.backed) r.backed++;
    if (c.needsExplanation) r.needExplanation++;
    if (c.explained) r.explained++;
    if (c.needsAnswer) r.needAnswer++;
    if (c.answered) r.answered++;
    if (!c.scored || (c.needsExplanation && !c.explained)) r.blocking.push(leaf.code);
  }
  r.ready = r.applicable > 0 && r.blocking.length === 0;
  return r;
}

export interface CommuneReadiness extends Omit<Readiness, 'blocking' | 'ready'> {
  units: number;
  readyUnits: number;
  /** Every unit's sheet is ready. */
  ready: boolean;
}

/** The commune's dossier: the units' counts added up. */
export function communeReadiness(units: readonly Readiness[]): CommuneReadiness {
  const sum = (f: (r: Readiness) => number) => units.reduce((a, r) => a + f(r), 0);
  const readyUnits = units.filter((r) => r.ready).length;
  return {
    units: units.length,
    readyUnits,
    ready: units.length > 0 && readyUnits === units.length,
    applicable: sum((r) => r.applicable),
    scored: sum((r) => r.scored),
    backed: sum((r) => r.backed),
    needExplanation: sum((r) => r.needExplanation),
    explained: sum((r) => r.explained),
    needAnswer: sum((r) => r.needAnswer),
    answered: sum((r) => r.answered),
  };
}

// ---- Documents of a unit, of the commune ----

/** Documents per criterion code of one unit's year. */
export function docsPerCriterion(docs: readonly EvidenceDoc[], year: number, unitCode: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of docs) {
    const codes = new Set(d.links.filter((l) => l.year === year && l.unitCode === unitCode).map((l) => l.criterion));
    for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}

/** Documents attached to one criterion of a unit's year, in the order they were attached. */
export function docsOf(docs: readonly EvidenceDoc[], ref: CriterionRef): EvidenceDoc[] {
  return docs.filter((d) => d.links.some((l) => sameRef(l, ref))).sort(byAdded);
}

const byAdded = (a: EvidenceDoc, b: EvidenceDoc) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id);

/**
 * "Danh mục tài liệu kiểm chứng": each document once, with the links of the year (of one unit when given), in the
 * order they were attached. A document that backs nothing in that scope is not listed.
 */
export function docCatalogue(docs: readonly EvidenceDoc[], year: number, unitCode?: string): { doc: EvidenceDoc; links: EvidenceLink[] }[] {
  return docs
    .map((doc) => ({
      doc,
      links: doc.links
        .filter((l) => l.year === year && (unitCode === undefined || l.unitCode === unitCode))
        .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || compareCodes(a.criterion, b.criterion)),
    }))
    .filter((e) => e.links.length > 0)
    .sort((a, b) => byAdded(a.doc, b.doc));
}

// ---- Edits: each returns a new dossier, the one given is left as it was ----

/** New documents (with their links), or more links for documents already there (same id). */
export function addDocs(d: Dossier, docs: readonly EvidenceDoc[]): Dossier {
  const byId = new Map(d.docs.map((x) => [x.id, x]));
  for (const doc of docs) {
    const old = byId.get(doc.id);
    byId.set(doc.id, old ? { ...old, links: mergeLinks(old.links, doc.links) } : { ...doc, links: mergeLinks([], doc.links) });
  }
  return { ...d, docs: [...byId.values()] };
}

function mergeLinks(a: readonly EvidenceLink[], b: readonly EvidenceLink[]): EvidenceLink[] {
  const out = [...a];
  for (const l of b) {
    const i = out.findIndex((x) => sameRef(x, l));
    if (i >= 0)
      out[i] = l; // linked again: the section given now replaces the earlier one
    else out.push(l);
  }
  return out;
}

/** Links an existing document to more criteria; unknown ids change nothing. */
export function linkDoc(d: Dossier, docId: string, links: readonly EvidenceLink[]): Dossier {
  return { ...d, docs: d.docs.map((x) => (x.id === docId ? { ...x, links: mergeLinks(x.links, links) } : x)) };
}

/** Takes a document off one criterion; a document that then backs nothing goes (its file too, once unused). */
export function unlinkDoc(d: Dossier, docId: string, ref: CriterionRef): Dossier {
  const docs = d.docs.map((x) => (x.id === docId ? { ...x, links: x.links.filter((l) => !sameRef(l, ref)) } : x)).filter((x) => x.links.length > 0);
  return { ...d, docs };
}

/** Number, date, issuer, title of a document. */
export function describeDoc(d: Dossier, docId: string, fields: Pick<EvidenceDoc, 'number' | 'date' | 'issuer' | 'title'>): Dossier {
  return { ...d, docs: d.docs.map((x) => (x.id === docId ? { ...x, ...fields } : x)) };
}

/** Sets the explanation and/or the answer of a criterion; a note left with neither goes. */
export function setNote(d: Dossier, ref: CriterionRef, patch: Partial<Pick<Explanation, 'explanation' | 'answer'>>, at: string): Dossier {
  const old = d.notes.find((n) => sameRef(n, ref));
  const clean = (s: string | null | undefined) => (filled(s) ? s!.trim() : null);
  const next: Explanation = {
    year: ref.year,
    unitCode: ref.unitCode,
    criterion: ref.criterion,
    explanation: clean('explanation' in patch ? patch.explanation : old?.explanation),
    answer: clean('answer' in patch ? patch.answer : old?.answer),
    editedAt: at,
  };
  const others = d.notes.filter((n) => !sameRef(n, ref));
  return { ...d, notes: next.explanation === null && next.answer === null ? others : [...others, next] };
}

/**
 * A package's dossier replaces what the dossier holds for the same year and units: their links and notes go, the
 * package's come in (a document of both keeps its links elsewhere). Documents left backing nothing go.
 */
export function replaceYearUnits(d: Dossier, year: number, unitCodes: readonly string[], incoming: Dossier): Dossier {
  const units = new Set(unitCodes);
  const inScope = (r: CriterionRef) => r.year === year && units.has(r.unitCode);
  const kept: Dossier = {
    docs: d.docs.map((x) => ({ ...x, links: x.links.filter((l) => !inScope(l)) })).filter((x) => x.links.length > 0),
    notes: d.notes.filter((n) => !inScope(n)),
  };
  const withDocs = addDocs(kept, incoming.docs);
  return { ...withDocs, notes: [...withDocs.notes, ...incoming.notes.filter(inScope)] };
}

/** Files (SHA-256) some document of `before` used and none of `after` does: their bytes can go. */
export function unusedFiles(before: Dossier, after: Dossier): string[] {
  const used = new Set(after.docs.map((x) => x.sha256));
  return [...new Set(before.docs.map((x) => x.sha256))].filter((s) => !used.has(s));
}

// ---- A document's date as people type it ----

/**
 * A day typed as in Vietnam, day first — "15/3/2025", "15-03-2025", "15.03.2025" — or as ISO "2025-03-15", to ISO;
 * empty → null. Not a day of the calendar (31/02/2025), or not a year 1900–2200: refused.
 */
export function parseDay(text: string): { ok: true; iso: string | null } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true, iso: null };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, m, d] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : [NaN, NaN, NaN];
  if (!(y >= 1900 && y <= 2200) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate())) return { ok: false };
  return { ok: true, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** An ISO day as typed back into a field: dd/mm/yyyy. */
export const dayText = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

// ---- Files people attach ----

/** Larger files are refused: evidence is a scan or a decision, not an archive; the browser's storage is finite. */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * What a file is, from its bytes (never its name alone): PDF, an image (PNG, JPEG, GIF, WebP), Word or Excel
 * (.docx/.xlsx by the parts inside the ZIP, `zipNames`; the old .doc/.xls by their container and extension).
 * Null: not a kind of evidence the app keeps (an executable renamed .pdf, a broken file).
 */
export function sniffEvidence(head: Uint8Array, fileName: string, zipNames: readonly string[] | null): { kind: EvidenceKind; mime: string } | null {
  const ext = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  // A PDF's header may follow a few bytes of junk (the format allows 1024).
  const pdfAt = indexOf(head.subarray(0, 1024), ascii('%PDF-'));
  if (pdfAt >= 0) return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { kind: 'image', mime: 'image/gif' };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { kind: 'image', mime: 'image/webp' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && zipNames) {
    if (zipNames.includes('word/document.xml')) return { kind: 'word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    if (zipNames.includes('xl/workbook.xml')) return { kind: 'excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    return null;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'doc') return { kind: 'word', mime: 'application/msword' };
    if (ext === 'xls') return { kind: 'excel', mime: 'application/vnd.ms-excel' };
  }
  return null;
}

function indexOf(hay: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The extension a file of this MIME type is saved with when its own name has none that fits. */
export function extensionFor(mime: string): string {
  const map: Record<string, string> = {
    'application/pdf': 'pdf',
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/msword': 'doc',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    'application/vnd.ms-excel': 'xls',
  };
  return map[mime] ?? 'bin';
}

// ---- The package's folders ----

/**
 * Names within one folder made unique the way file managers do: "a.pdf", "a (2).pdf". Case-insensitive, since
 * Windows unpacks "A.pdf" and "a.pdf" onto one file.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let n = name;
    for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${stem} (${i})${ext}`;
    taken.add(n.toLowerCase());
    return n;
  });
}

/**
 * Where each document's file goes in the package: a folder per criterion code ("1.1.1/…") for the commune's own
 * unit, under a folder per unit for the others; a document backing several criteria is in each of their folders.
 * `segment` makes a name safe as one path segment (the caller's rule). Returns [docId, path] in catalogue order.
 */
export function packagePaths(
  entries: readonly { doc: Pick<EvidenceDoc, 'id' | 'fileName'>; links: readonly EvidenceLink[] }[],
  ownCode: string | null,
  unitFolder: (unitCode: string) => string,
  segment: (name: string) => string,
): { docId: string; unitCode: string; criterion: string; path: string }[] {
  const folders = new Map<string, { docId: string; unitCode: string; criterion: string; name: string }[]>();
  for (const { doc, links } of entries) {
    for (const l of links) {
      const folder = l.unitCode === ownCode ? segment(l.criterion) : `${unitFolder(l.unitCode)}/${segment(l.criterion)}`;
      const list = folders.get(folder) ?? [];
      if (!list.some((x) => x.docId === doc.id)) list.push({ docId: doc.id, unitCode: l.unitCode, criterion: l.criterion, name: segment(doc.fileName) });
      folders.set(folder, list);
    }
  }
  const out: { docId: string; unitCode: string; criterion: string; path: string }[] = [];
  for (const [folder, list] of folders) {
    const names = uniqueNames(list.map((x) => x.name));
    list.forEach((x, i) => out.push({ docId: x.docId, unitCode: x.unitCode, criterion: x.criterion, path: `${folder}/${names[i]}` }));
  }
  return out;
}

// ---- Keeping it safe: storage and backups ----

/** Share of the quota used from which the app warns, and from which it warns strongly. */
export const STORAGE_WARN = 0.8;
export const STORAGE_CRITICAL = 0.95;

export type StorageLevel = 'ok' | 'warn' | 'critical' | 'unknown';

export function storageLevel(usage: number | null, quota: number | null): StorageLevel {
  if (usage === null || quota === null || quota <= 0) return 'unknown';
  const share = usage / quota;
  return share >= STORAGE_CRITICAL ? 'critical' : share >= STORAGE_WARN ? 'warn' : 'ok';
}

/** Whether `bytes` more fit with room to spare (the store keeps some overhead per write). */
export function fitsInStorage(bytes: number, usage: number | null, quota: number | null): boolean {
  if (usage === null || quota === null || quota <= 0) return true; // the browser will say when it refuses
  return usage + bytes * 1.1 <= quota * STORAGE_CRITICAL;
}

/** Changes (stored writes) after which the app asks for a new backup; and days after which any change does. */
export const BACKUP_AFTER_CHANGES = 25;
export const BACKUP_AFTER_DAYS = 7;

export interface BackupMark {
  /** The store's revision the last backup was made at (or restored to). */
  revision: number;
  /** ISO time of it. */
  at: string;
}

/**
 * Whether to remind the user to back up: they have data of their own (not only the demo) and either never backed
 * it up, or made many changes since, or some changes a week or more ago.
 */
export function backupDue(args: { ownData: boolean; revision: number; last: BackupMark | null; now: Date }): { due: boolean; changes: number | null } {
  if (!args.ownData) return { due: false, changes: null };
  if (!args.last) return { due: true, changes: null };
  const changes = Math.max(0, args.revision - args.last.revision);
  const days = (args.now.getTime() - new Date(args.last.at).getTime()) / 86_400_000;
  return { due: changes >= BACKUP_AFTER_CHANGES || (changes > 0 && days >= BACKUP_AFTER_DAYS), changes };
}
