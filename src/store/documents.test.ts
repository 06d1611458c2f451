import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { addDocs, setNote, unlinkDoc, type EvidenceDoc } from '../domain/dossier';
import { memoryStore, StorageFullError } from './kv';
import { clearAll, persistDataset, setStore } from './persist';
import { changeDossier, dossierDiff, onDossierChanged, readDossier, readFile } from './documents';
import { sha256Hex } from './archive';

vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-docs-')));
});

let store: ReturnType<typeof memoryStore>;
let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});
beforeEach(() => {
  store = memoryStore();
  setStore(store);
});

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function docOf(id: string, bytes: Uint8Array, links: EvidenceDoc['links']): Promise<EvidenceDoc> {
  return {
    id,
    sha256: await sha256Hex(bytes),
    fileName: `${id}.pdf`,
    kind: 'pdf',
    mime: 'application/pdf',
    size: bytes.length,
    number: '12/QĐ-UBND',
    date: '2025-03-15',
    issuer: 'UBND xã Hòa An',
    title: 'Kế hoạch CCHC năm 2025',
    addedAt: '2026-03-01T08:00:00Z',
    links,
  };
}
const at = (unitCode: string, criterion: string) => ({ year: 2025, unitCode, criterion, section: null });

describe('the dossier in the store', () => {
  it('stores a document, its links and its file in one write, and reads them back', async () => {
    const d1 = await docOf('d1', PDF, [at('X001', '1.1.1'), at('X001-VP', '1.2')]);
    const heard: number[] = [];
    const off = onDossierChanged(() => heard.push(1));
    await changeDossier(db, (d) => ({ next: addDocs(d, [d1]), files: [{ sha256: d1.sha256, bytes: PDF }] }));
    off();
    expect(heard).toEqual([1]);
    expect(await store.getMeta('revision')).toBe(1); // one write
    const back = await readDossier();
    expect(back.docs).toEqual([d1]);
    expect(back.skipped).toBe(0);
    expect(await readFile(d1.sha256)).toEqual(PDF);
  });

  it('keeps one copy of bytes attached twice, and lets them go with the last document using them', async () => {
    const a = await docOf('a', PDF, [at('X001', '1.1.1')]);
    const b = await docOf('b', PDF, [at('X001', '2.1')]);
    await changeDossier(db, (d) => ({ next: addDocs(d, [a]), files: [{ sha256: a.sha256, bytes: PDF }] }));
    await changeDossier(db, (d) => ({ next: addDocs(d, [b]), files: [{ sha256: b.sha256, bytes: PDF }] }));
    expect(store.side.files.size).toBe(1);
    await changeDossier(db, (d) => ({ next: unlinkDoc(d, 'a', { year: 2025, unitCode: 'X001', criterion: '1.1.1' }) }));
    expect(store.side.files.size).toBe(1);
    expect((await readDossier()).docs.map((x) => x.id)).toEqual(['b']);
    await changeDossier(db, (d) => ({ next: unlinkDoc(d, 'b', { year: 2025, unitCode: 'X001', criterion: '2.1' }) }));
    expect(store.side.files.size).toBe(0);
    expect(store.side.dossier.size).toBe(0);
  });

  it('writes nothing (no new revision) when an edit changes nothing', async () => {
    const before = (await store.getMeta('revision')) ?? 0;
    await changeDossier(db, (d) => ({ next: d }));
    expect((await store.getMeta('revision')) ?? 0).toBe(before);
  });

  it('changes nothing when storage is full', async () => {
    const a = await docOf('a', PDF, [at('X001', '1.1.1')]);
    await changeDossier(db, (d) => ({ next: addDocs(d, [a]), files: [{ sha256: a.sha256, bytes: PDF }] }));
    const b = await docOf('b', PNG, [at('X001', '1.2')]);
    const write = store.write;
    store.write = async () => {
      throw new StorageFullError();
    };
    await expect(
      changeDossier(db, (d) => ({ next: setNote(addDocs(d, [b]), at('X001', '1.3'), { explanation: 'x' }, 't'), files: [{ sha256: b.sha256, bytes: PNG }] })),
    ).rejects.toBeInstanceOf(StorageFullError);
    store.write = write;
    expect((await readDossier()).docs.map((x) => x.id)).toEqual(['a']);
    expect((await readDossier()).notes).toEqual([]);
    expect(store.side.files.size).toBe(1);
  });

  it('leaves out a record that does not parse, and keeps the others', async () => {
    const a = await docOf('a', PDF, [at('X001', '1.1.1')]);
    await changeDossier(db, (d) => ({
      next: setNote(addDocs(d, [a]), at('X001', '1.2'), { explanation: 'Đang trình ký' }, 't'),
      files: [{ sha256: a.sha256, bytes: PDF }],
    }));
    store.side.dossier.set('doc:evil', { id: 'evil', sha256: '../../etc/passwd' });
    store.side.dossier.set('doc:moved', { ...a, id: 'other' }); // stored under another key than its id
    const back = await readDossier();
    expect(back.docs.map((x) => x.id)).toEqual(['a']);
    expect(back.notes.map((n) => n.explanation)).toEqual(['Đang trình ký']);
    expect(back.skipped).toBe(2);
  });

  it('"Xóa tất cả" takes the dossier and its files with the datasets, in the same write', async () => {
    const db = await createNodeDb(); // one that has read no other test's store
    await db.query(`INSERT INTO datasets VALUES ('p', 'par_scores', 'p.csv', 1, '2025', TIMESTAMP '2026-01-01 00:00:00', false, NULL, NULL)`);
    await persistDataset(db, 'p');
    const a = await docOf('a', PDF, [at('X001', '1.1.1')]);
    await changeDossier(db, (d) => ({ next: addDocs(d, [a]), files: [{ sha256: a.sha256, bytes: PDF }] }));
    const rev = (await store.getMeta('revision')) as number;
    await clearAll(db);
    expect(await store.getMeta('revision')).toBe(rev + 1);
    expect(store.datasets.size).toBe(0);
    expect(store.side.dossier.size).toBe(0);
    expect(store.side.files.size).toBe(0);
  });

  it('diffs only what changed', async () => {
    const a = await docOf('a', PDF, [at('X001', '1.1.1')]);
    const b = await docOf('b', PNG, [at('X001', '1.2')]);
    const before = addDocs({ docs: [], notes: [] }, [a]);
    const after = addDocs(before, [b]);
    const diff = dossierDiff(before, after, [
      { sha256: b.sha256, bytes: PNG },
      { sha256: 'f'.repeat(64), bytes: PDF },
    ]);
    expect(diff.dossier).toEqual({ delete: [], put: [{ key: 'doc:b', value: b }] });
    expect(diff.files).toEqual({ delete: [], put: [{ key: b.sha256, value: PNG }] }); // bytes no document uses are not stored
  });
});
