import { describe, expect, it } from 'vitest';
import {
  addDocs,
  backupDue,
  dayText,
  packagePaths,
  parseDay,
  checkCriterion,
  communeReadiness,
  docCatalogue,
  docsOf,
  EMPTY_DOSSIER,
  fitsInStorage,
  linkDoc,
  replaceYearUnits,
  setNote,
  sniffEvidence,
  storageLevel,
  uniqueNames,
  unitReadiness,
  unlinkDoc,
  unusedFiles,
  withoutEvidence,
  type Dossier,
  type EvidenceDoc,
  type ScoredLeaf,
} from './dossier';

const doc = (id: string, links: EvidenceDoc['links'], sha = id.padEnd(64, '0')): EvidenceDoc => ({
  id,
  sha256: sha,
  fileName: `${id}.pdf`,
  kind: 'pdf',
  mime: 'application/pdf',
  size: 10,
  number: null,
  date: null,
  issuer: null,
  title: id,
  addedAt: `2026-03-0${id.length}T08:00:00Z`,
  links,
});
const link = (unitCode: string, criterion: string, section: string | null = null, year = 2025) => ({ year, unitCode, criterion, section });
const leaf = (code: string, self: number | null, appraised: number | null = null, applicable = true): ScoredLeaf => ({ code, self, appraised, applicable });

describe('what a criterion needs', () => {
  it('asks for an explanation only where a score above zero has no document', () => {
    expect(checkCriterion(leaf('1.1', 2), 0, undefined)).toMatchObject({ scored: true, backed: false, needsExplanation: true, explained: false });
    expect(checkCriterion(leaf('1.1', 2), 1, undefined)).toMatchObject({ backed: true, needsExplanation: false });
    expect(checkCriterion(leaf('1.1', 0), 0, undefined)).toMatchObject({ scored: true, needsExplanation: false });
    expect(checkCriterion(leaf('1.1', null), 0, undefined)).toMatchObject({ scored: false, needsExplanation: false });
    expect(checkCriterion(leaf('1.1', 2, null, false), 0, undefined)).toMatchObject({ scored: false, needsExplanation: false, backed: false });
    const note = { year: 2025, unitCode: 'A', criterion: '1.1', explanation: '  ', answer: null, editedAt: 'x' };
    expect(checkCriterion(leaf('1.1', 2), 0, note).explained).toBe(false); // blank is no explanation
    expect(checkCriterion(leaf('1.1', 2), 0, { ...note, explanation: 'Văn bản đang trình ký' }).explained).toBe(true);
  });

  it("asks for the unit's answer where the appraisal gave less than the self-score", () => {
    expect(checkCriterion(leaf('1.1', 2, 1.5), 1, undefined)).toMatchObject({ needsAnswer: true, answered: false });
    expect(checkCriterion(leaf('1.1', 2, 2), 1, undefined).needsAnswer).toBe(false);
    expect(checkCriterion(leaf('1.1', 2, 2.5), 1, undefined).needsAnswer).toBe(false);
    const note = { year: 2025, unitCode: 'A', criterion: '1.1', explanation: null, answer: 'Tiếp thu', editedAt: 'x' };
    expect(checkCriterion(leaf('1.1', 2, 1), 1, note).answered).toBe(true);
  });
});

describe('readiness of a unit and of the commune', () => {
  // Unit A, 2025: 1.1 scored 2 with a document; 1.2 scored 1 without (needs an explanation); 1.3 scored 0; 2.1 not
  // scored; 2.2 not applicable; 2.3 scored 3, appraised 2, with a document.
  const leaves = [leaf('1.1', 2), leaf('1.2', 1), leaf('1.3', 0), leaf('2.1', null), leaf('2.2', 1, null, false), leaf('2.3', 3, 2)];
  const base: Dossier = { docs: [doc('d1', [link('A', '1.1'), link('A', '2.3'), link('B', '1.2')])], notes: [] };

  it('counts scored, backed, explained, and names what blocks', () => {
    const r = unitReadiness({ year: 2025, unitCode: 'A' }, leaves, base);
    expect(r).toEqual({
      applicable: 5,
      scored: 4,
      backed: 2,
      needExplanation: 1,
      explained: 0,
      needAnswer: 1,
      answered: 0,
      blocking: ['1.2', '2.1'],
      ready: false,
    });
  });

  it('is ready once every criterion is scored and the score without evidence is explained — or backed', () => {
    const scored = leaves.map((l) => (l.code === '2.1' ? leaf('2.1', 0) : l));
    const explained = setNote(base, { year: 2025, unitCode: 'A', criterion: '1.2' }, { explanation: 'Đã ban hành, chưa số hóa' }, 't');
    expect(unitReadiness({ year: 2025, unitCode: 'A' }, scored, explained)).toMatchObject({ explained: 1, blocking: [], ready: true });
    const backed = linkDoc(base, 'd1', [link('A', '1.2', 'trang 3')]);
    expect(unitReadiness({ year: 2025, unitCode: 'A' }, scored, backed)).toMatchObject({ backed: 3, needExplanation: 0, ready: true });
    // a link of another year or unit backs nothing here
    const elsewhere = linkDoc(base, 'd1', [link('A', '1.2', null, 2024), link('C', '1.2')]);
    expect(unitReadiness({ year: 2025, unitCode: 'A' }, scored, elsewhere).ready).toBe(false);
  });

  it('flags as lacking evidence what has no document, no evidence named in the file and no explanation', () => {
    const withText = leaves.map((l) => ({ ...l, evidence: l.code === '1.3' ? 'Kế hoạch số 79/KH-UBND' : null }));
    const explained = setNote(base, { year: 2025, unitCode: 'A', criterion: '2.1' }, { explanation: 'Chưa có văn bản' }, 't');
    // 1.1 and 2.3 have a document; 1.3 names one; 2.1 is explained; 2.2 does not apply: 1.2 is left
    expect([...withoutEvidence({ year: 2025, unitCode: 'A' }, withText, explained)]).toEqual(['1.2']);
  });

  it('adds the units up for the commune', () => {
    const a = unitReadiness({ year: 2025, unitCode: 'A' }, leaves, base);
    const b = unitReadiness({ year: 2025, unitCode: 'B' }, [leaf('1.2', 1)], base);
    expect(b.ready).toBe(true);
    expect(communeReadiness([a, b])).toEqual({
      units: 2,
      readyUnits: 1,
      ready: false,
      applicable: 6,
      scored: 5,
      backed: 3,
      needExplanation: 1,
      explained: 0,
      needAnswer: 1,
      answered: 0,
    });
    expect(communeReadiness([b]).ready).toBe(true);
    expect(communeReadiness([]).ready).toBe(false);
  });
});

describe('documents: one file, several criteria and units', () => {
  it('lists each document once with its links of the year, per unit or for the commune', () => {
    const d = addDocs(EMPTY_DOSSIER, [
      doc('pdf', [link('A', '1.2'), link('A', '1.10', 'Điều 3'), link('B', '1.2'), link('A', '1.1', null, 2024)]),
      doc('png2', [link('B', '3.1')]),
    ]);
    const all = docCatalogue(d.docs, 2025);
    expect(all.map((e) => [e.doc.id, e.links.map((l) => `${l.unitCode}:${l.criterion}`)])).toEqual([
      ['pdf', ['A:1.2', 'A:1.10', 'B:1.2']], // tree order: 1.2 before 1.10
      ['png2', ['B:3.1']],
    ]);
    expect(docCatalogue(d.docs, 2025, 'A').map((e) => e.doc.id)).toEqual(['pdf']);
    expect(docCatalogue(d.docs, 2023)).toEqual([]);
    expect(docsOf(d.docs, { year: 2025, unitCode: 'B', criterion: '1.2' }).map((x) => x.id)).toEqual(['pdf']);
  });

  it('links again with the new section, unlinks, and lets a file go when no document uses it', () => {
    let d = addDocs(EMPTY_DOSSIER, [doc('x', [link('A', '1.1', 'trang 1')])]);
    d = addDocs(d, [{ ...doc('x', [link('A', '1.1', 'trang 2'), link('A', '1.2')]) }]);
    expect(d.docs[0]!.links).toEqual([link('A', '1.1', 'trang 2'), link('A', '1.2')]);
    const one = unlinkDoc(d, 'x', { year: 2025, unitCode: 'A', criterion: '1.1' });
    expect(one.docs[0]!.links).toEqual([link('A', '1.2')]);
    expect(unusedFiles(d, one)).toEqual([]);
    const none = unlinkDoc(one, 'x', { year: 2025, unitCode: 'A', criterion: '1.2' });
    expect(none.docs).toEqual([]);
    expect(unusedFiles(d, none)).toEqual(['x'.padEnd(64, '0')]);
    // two documents with the same bytes: the file stays while one of them is there
    const twin = addDocs(one, [doc('y', [link('B', '1.1')], 'x'.padEnd(64, '0'))]);
    expect(unusedFiles(twin, unlinkDoc(twin, 'x', { year: 2025, unitCode: 'A', criterion: '1.2' }))).toEqual([]);
  });

  it('keeps a note only while it says something', () => {
    const ref = { year: 2025, unitCode: 'A', criterion: '1.1' };
    let d = setNote(EMPTY_DOSSIER, ref, { explanation: ' Lý do ' }, 't1');
    d = setNote(d, ref, { answer: 'Tiếp thu' }, 't2');
    expect(d.notes).toEqual([{ ...ref, explanation: 'Lý do', answer: 'Tiếp thu', editedAt: 't2' }]);
    d = setNote(d, ref, { explanation: '' }, 't3');
    expect(d.notes).toEqual([{ ...ref, explanation: null, answer: 'Tiếp thu', editedAt: 't3' }]);
    expect(setNote(d, ref, { answer: null }, 't4').notes).toEqual([]);
  });

  it('a package replaces the year of its units, and leaves other years and units alone', () => {
    const local: Dossier = {
      docs: [doc('old', [link('A', '1.1'), link('A', '1.1', null, 2024), link('Z', '1.1')]), doc('gone', [link('B', '2.1')])],
      notes: [
        { year: 2025, unitCode: 'A', criterion: '1.2', explanation: 'cũ', answer: null, editedAt: 't' },
        { year: 2025, unitCode: 'Z', criterion: '1.2', explanation: 'giữ', answer: null, editedAt: 't' },
      ],
    };
    const pkg: Dossier = {
      docs: [doc('new', [link('A', '1.3')])],
      notes: [{ year: 2025, unitCode: 'B', criterion: '1.1', explanation: 'mới', answer: null, editedAt: 't' }],
    };
    const out = replaceYearUnits(local, 2025, ['A', 'B'], pkg);
    expect(out.docs.map((x) => [x.id, x.links.map((l) => `${l.year}:${l.unitCode}:${l.criterion}`)])).toEqual([
      ['old', ['2024:A:1.1', '2025:Z:1.1']],
      ['new', ['2025:A:1.3']],
    ]);
    expect(out.notes.map((n) => n.explanation)).toEqual(['giữ', 'mới']);
    expect(unusedFiles(local, out)).toEqual(['gone'.padEnd(64, '0')]);
  });
});

describe('files people attach', () => {
  const b = (...xs: (number | string)[]) => new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
  it('knows PDF, images, Word and Excel by their bytes, never by the name alone', () => {
    expect(sniffEvidence(b('%PDF-1.7\n'), 'x.bin', null)?.kind).toBe('pdf');
    expect(sniffEvidence(b(0xef, 0xbb, 0xbf, '%PDF-1.4'), 'x.pdf', null)?.mime).toBe('application/pdf'); // junk before the header
    expect(sniffEvidence(b(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0), 'a.png', null)).toEqual({ kind: 'image', mime: 'image/png' });
    expect(sniffEvidence(b(0xff, 0xd8, 0xff, 0xe0), 'a.jpg', null)?.mime).toBe('image/jpeg');
    expect(sniffEvidence(b('RIFF', 0, 0, 0, 0, 'WEBP'), 'a.webp', null)?.mime).toBe('image/webp');
    const zip = b('PK', 3, 4, 0);
    expect(sniffEvidence(zip, 'a.docx', ['[Content_Types].xml', 'word/document.xml'])?.kind).toBe('word');
    expect(sniffEvidence(zip, 'a.xlsx', ['[Content_Types].xml', 'xl/workbook.xml'])?.kind).toBe('excel');
    expect(sniffEvidence(zip, 'a.docx', ['virus.exe'])).toBeNull();
    const ole = b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    expect(sniffEvidence(ole, 'cu.DOC', null)?.mime).toBe('application/msword');
    expect(sniffEvidence(ole, 'cu.xls', null)?.kind).toBe('excel');
    expect(sniffEvidence(ole, 'cu.msi', null)).toBeNull();
    expect(sniffEvidence(b('MZ', 0x90, 0), 'giay_to.pdf', null)).toBeNull(); // an executable named .pdf
    expect(sniffEvidence(b(), 'rong.pdf', null)).toBeNull();
  });

  it("puts each file in a folder per criterion: the commune's own at the top, other units under theirs", () => {
    const entries = [
      { doc: { id: 'p', fileName: 'QĐ 12.pdf' }, links: [link('X001', '1.1.1'), link('X001', '1.2'), link('X001-VP', '1.2')] },
      { doc: { id: 'q', fileName: 'qđ 12.pdf' }, links: [link('X001', '1.1.1')] },
    ];
    const paths = packagePaths(
      entries,
      'X001',
      (u) => `Don_vi/${u}`,
      (s) => s.replaceAll(' ', '_'),
    );
    expect(paths.map((x) => `${x.docId} ${x.path}`)).toEqual([
      'p 1.1.1/QĐ_12.pdf',
      'q 1.1.1/qđ_12 (2).pdf',
      'p 1.2/QĐ_12.pdf',
      'p Don_vi/X001-VP/1.2/QĐ_12.pdf',
    ]);
    // no commune found: every unit has its folder
    expect(
      packagePaths(
        entries.slice(1),
        null,
        (u) => u,
        (s) => s,
      ).map((x) => x.path),
    ).toEqual(['X001/1.1.1/qđ 12.pdf']);
  });

  it('names files within a folder uniquely, as Windows would unpack them', () => {
    expect(uniqueNames(['QĐ 12.pdf', 'qđ 12.pdf', 'QĐ 12.pdf', 'anh', 'anh'])).toEqual(['QĐ 12.pdf', 'qđ 12 (2).pdf', 'QĐ 12 (3).pdf', 'anh', 'anh (2)']);
  });
});

describe("a document's date", () => {
  it('reads the day first, as typed in Vietnam, and refuses what is no day', () => {
    expect(parseDay('15/3/2025')).toEqual({ ok: true, iso: '2025-03-15' });
    expect(parseDay(' 05.11.2024 ')).toEqual({ ok: true, iso: '2024-11-05' });
    expect(parseDay('2025-03-15')).toEqual({ ok: true, iso: '2025-03-15' });
    expect(parseDay('')).toEqual({ ok: true, iso: null });
    expect(parseDay('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' }); // a leap year
    for (const bad of ['29/02/2025', '31/04/2025', '15/13/2025', '3/15', 'mười lăm', '15/03/25']) expect(parseDay(bad), bad).toEqual({ ok: false });
    expect(dayText('2025-03-05')).toBe('05/03/2025');
    expect(dayText(null)).toBe('');
  });
});

describe('storage and backups', () => {
  it('warns from 80 % of the quota, strongly from 95 %', () => {
    expect(storageLevel(79, 100)).toBe('ok');
    expect(storageLevel(80, 100)).toBe('warn');
    expect(storageLevel(95, 100)).toBe('critical');
    expect(storageLevel(null, 100)).toBe('unknown');
    // 50 + 40 × 1.1 = 94 ≤ 95; 50 + 41 × 1.1 = 95.1 > 95
    expect(fitsInStorage(40, 50, 100)).toBe(true);
    expect(fitsInStorage(41, 50, 100)).toBe(false);
    expect(fitsInStorage(1e12, null, null)).toBe(true);
  });

  it('reminds to back up own data never backed up, after 25 changes, or any change a week old', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(backupDue({ ownData: false, revision: 90, last: null, now }).due).toBe(false);
    expect(backupDue({ ownData: true, revision: 3, last: null, now }).due).toBe(true);
    const last = { revision: 10, at: '2026-03-09T12:00:00Z' };
    expect(backupDue({ ownData: true, revision: 34, last, now })).toEqual({ due: false, changes: 24 });
    expect(backupDue({ ownData: true, revision: 35, last, now })).toEqual({ due: true, changes: 25 });
    const weekOld = { revision: 10, at: '2026-03-03T12:00:00Z' };
    expect(backupDue({ ownData: true, revision: 11, last: weekOld, now }).due).toBe(true);
    expect(backupDue({ ownData: true, revision: 10, last: weekOld, now }).due).toBe(false);
  });
});
