import { beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { addDocs, setNote, type EvidenceDoc } from '../domain/dossier';
import { memoryStore } from './kv';
import { persistDataset, restoreAll, setStore } from './persist';
import { changeDossier, readDossier, readFile } from './documents';
import { sha256Hex, ArchiveError } from './archive';
import { BACKUP_MANIFEST, isBackedUpLocalKey, makeBackup, readBackup, restoreBackup } from './backup';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-backup-')));
});

const PDF = new TextEncoder().encode('%PDF-1.4\n% Quyết định 12\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

const dump = (db: Db, sql: string) => db.query(sql);
const CATALOGUE = `SELECT * FROM datasets ORDER BY id`;
const SCORES = `SELECT * FROM par_scores ORDER BY ALL`;
const INDEX = `SELECT * FROM index_scores ORDER BY ALL`;

/** A browser's worth of data: two datasets, a PAR score edited, a document on two criteria, an explanation. */
async function seed(): Promise<{ db: Db; store: ReturnType<typeof memoryStore>; docs: EvidenceDoc[] }> {
  const store = memoryStore();
  setStore(store);
  const db = await createNodeDb();
  await db.exec(`INSERT INTO datasets VALUES ('a', 'index_scores', 'pci.csv', 2, '2024', TIMESTAMP '2026-01-02 03:04:05', false, 'VCCI', NULL),
    ('b', 'par_scores', 'diem.csv', 2, '2025', TIMESTAMP '2026-01-03 03:04:05', false, NULL, NULL)`);
  await db.exec(
    `INSERT INTO index_scores VALUES ('a', 'PCI', 2024, 'P01', 'Hà Nội', '', 70.25, 100, 1, 63, NULL), ('a', 'PCI', 2024, 'P02', 'Huế, "cũ"', '', 0.1::DOUBLE + 0.2::DOUBLE, 100, NULL, NULL, '')`,
  );
  await db.exec(`INSERT INTO par_scores VALUES ('b', 2025, 'X001', 'Xã Hòa An', '1.1.1', true, 2, NULL, NULL, NULL, TIMESTAMP '2026-02-01 08:00:00'),
    ('b', 2025, 'X001', 'Xã Hòa An', '1.2', true, 1.5, 1, 'QĐ 5', 'ghi chú', NULL)`);
  await persistDataset(db, 'a');
  await persistDataset(db, 'b');
  const docs: EvidenceDoc[] = [
    {
      id: 'pdf',
      sha256: await sha256Hex(PDF),
      fileName: 'Quyết định 12.pdf',
      kind: 'pdf',
      mime: 'application/pdf',
      size: PDF.length,
      number: '12/QĐ-UBND',
      date: '2025-03-15',
      issuer: 'UBND xã',
      title: 'Kế hoạch',
      addedAt: '2026-03-01T00:00:00Z',
      links: [
        { year: 2025, unitCode: 'X001', criterion: '1.1.1', section: 'Mục II' },
        { year: 2025, unitCode: 'X001', criterion: '1.2', section: null },
      ],
    },
    {
      id: 'png',
      sha256: await sha256Hex(PNG),
      fileName: 'ảnh.png',
      kind: 'image',
      mime: 'image/png',
      size: PNG.length,
      number: null,
      date: null,
      issuer: null,
      title: 'Ảnh niêm yết',
      addedAt: '2026-03-02T00:00:00Z',
      links: [{ year: 2025, unitCode: 'X001-VP', criterion: '3.1', section: null }],
    },
  ];
  await changeDossier(db, (d) => ({
    next: setNote(addDocs(d, docs), { year: 2025, unitCode: 'X001', criterion: '2.1' }, { explanation: 'Văn bản đang trình ký' }, '2026-03-03T00:00:00Z'),
    files: [
      { sha256: docs[0]!.sha256, bytes: PDF },
      { sha256: docs[1]!.sha256, bytes: PNG },
    ],
  }));
  return { db, store, docs };
}

const LOCAL = { 'chiso.settings': '{"commune":"X001"}', 'chiso.pins': '[]', 'chiso.backup.last': '{"revision":1}', 'other.app': 'x' };

describe('backup and restore', () => {
  it('restores every dataset, edit, document, file and setting on another browser, exactly', async () => {
    const { db: source, docs } = await seed();
    const made = await makeBackup(LOCAL, new Date('2026-03-04T05:06:07Z'));
    expect(made.counts).toEqual({ datasets: 2, documents: 2, files: 2 });
    expect(made.skipped).toBe(0);

    // Another browser: empty, except the demo it loaded on its first start (replaced by the backup).
    const target = memoryStore();
    setStore(target);
    const db = await createNodeDb();
    await db.exec(`INSERT INTO datasets VALUES ('demo', 'units', 'demo.csv', 1, NULL, TIMESTAMP '2026-01-01 00:00:00', true, NULL, NULL)`);
    await db.exec(`INSERT INTO units VALUES ('demo', 'X9', 'Demo', NULL, NULL)`);
    await persistDataset(db, 'demo');
    const content = await readBackup(made.bytes);
    expect(content.local).toEqual({ 'chiso.settings': '{"commune":"X001"}', 'chiso.pins': '[]' }); // not the backup mark, not another app's
    await restoreBackup(db, content);

    for (const q of [CATALOGUE, SCORES, INDEX]) expect(await dump(db, q)).toEqual(await dump(source, q));
    expect(await dump(db, `SELECT count(*)::INTEGER AS n FROM units`)).toEqual([{ n: 0 }]);
    const [exact] = await db.query(`SELECT score = 0.1::DOUBLE + 0.2::DOUBLE AS same FROM index_scores WHERE unit_code = 'P02'`);
    expect(exact).toEqual({ same: true });
    const back = await readDossier();
    expect(back.docs).toEqual(docs);
    expect(back.notes.map((n) => n.explanation)).toEqual(['Văn bản đang trình ký']);
    expect(await readFile(docs[0]!.sha256)).toEqual(PDF);
    expect(await readFile(docs[1]!.sha256)).toEqual(PNG);
    expect(target.meta.get('started')).toBe(true);
    // and what is stored restores again at the next start
    const again = await createNodeDb();
    expect(await restoreAll(again)).toBe(2);
    expect(await dump(again, SCORES)).toEqual(await dump(source, SCORES));
  });

  it('refuses a truncated, altered or foreign file, and changes nothing', async () => {
    await seed();
    const { bytes } = await makeBackup(LOCAL);
    const target = memoryStore();
    setStore(target);
    const db = await createNodeDb();
    await db.exec(`INSERT INTO datasets VALUES ('mine', 'units', 'mine.csv', 1, NULL, TIMESTAMP '2026-01-01 00:00:00', false, NULL, NULL)`);
    await persistDataset(db, 'mine');
    const before = structuredClone([...target.datasets]);

    const reason = async (b: Uint8Array) => {
      try {
        await readBackup(b);
        return 'read';
      } catch (e) {
        return e instanceof ArchiveError ? e.problem : String(e);
      }
    };
    expect(await reason(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toBe('unreadable');
    // One byte of the PDF changed: the ZIP still opens, its hash no longer matches.
    const files = unzipSync(bytes);
    const pdfPath = Object.keys(files).find((p) => p.startsWith('files/') && files[p]!.length === PDF.length)!;
    const altered = { ...files, [pdfPath]: files[pdfPath]!.map((v, i) => (i === 5 ? v ^ 1 : v)) };
    expect(await reason(zipSync(altered))).toBe('damaged');
    // A dataset's rows changed: refused too.
    const csvPath = Object.keys(files).find((p) => p.endsWith('.csv.gz'))!;
    expect(await reason(zipSync({ ...files, [csvPath]: files[csvPath]!.slice(0, -1) }))).toBe('damaged');
    // A file added after the backup was made.
    expect(await reason(zipSync({ ...files, 'files/extra': strToU8('x') }))).toBe('damaged');
    // The manifest edited by hand to a newer version, or a ZIP of something else.
    const m = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST]));
    expect(await reason(zipSync({ ...files, [BACKUP_MANIFEST]: strToU8(JSON.stringify({ ...m, version: 9 })) }))).toBe('newer');
    expect(await reason(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBe('foreign');
    expect(await reason(zipSync({ ...files, [BACKUP_MANIFEST]: strToU8(JSON.stringify({ ...m, format: 'other' })) }))).toBe('foreign');
    expect(await reason(PDF)).toBe('unreadable');

    expect([...target.datasets]).toEqual(before);
    expect(target.side.dossier.size).toBe(0);
    expect(await dump(db, CATALOGUE)).toHaveLength(1);
  });

  it("carries only the app's own localStorage keys, never its backup mark", () => {
    expect(isBackedUpLocalKey('chiso.settings')).toBe(true);
    expect(isBackedUpLocalKey('chiso.workbench.saved')).toBe(true);
    expect(isBackedUpLocalKey('chiso.backup.last')).toBe(false);
    expect(isBackedUpLocalKey('something')).toBe(false);
  });
});
