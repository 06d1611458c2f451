import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { memoryStore, StorageFullError } from './kv';
import { clearAll, deleteDataset, isFirstStart, markStarted, persistDataset, restoreAll, setStore, type SkippedEntry } from './persist';

// Each test starts one or two DuckDB instances (~1 s each, much more on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

// In Node, DuckDB's COPY … TO writes real files into the working directory: keep them out of the repository.
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-store-')));
});

let store: ReturnType<typeof memoryStore>;
beforeEach(() => {
  store = memoryStore();
  setStore(store);
});

async function addDataset(db: Db, id: string, kind = 'index_scores', tableName: string | null = null) {
  await db.query(`INSERT INTO datasets VALUES (?, ?, ?, 2, '2021', TIMESTAMP '2026-11-25 10:11:12.5', false, 'Nguồn thử', ?)`, [
    id,
    kind,
    `${id}.csv`,
    tableName,
  ]);
}

async function seed(db: Db) {
  await addDataset(db, 'a');
  // '' (overall score) and NULL must stay distinct; a name with a comma, quotes, a newline and Vietnamese letters.
  await db.exec(`INSERT INTO index_scores VALUES
    ('a', 'PAPI', 2021, 'P46', 'Thừa Thiên Huế, "cũ"\ndòng 2', '', 48.06, NULL, 1, 63, NULL),
    ('a', 'PAPI', 2021, 'P01', NULL, 'SC11', 0.1::DOUBLE + 0.2::DOUBLE, 10, NULL, NULL, '')`);
  await addDataset(db, 'b', 'par_scores');
  await db.exec(`INSERT INTO par_scores VALUES
    ('b', 2025, 'X001-VP', 'Văn phòng', '1.1', false, NULL, NULL, '', NULL, NULL),
    ('b', 2025, 'X001-VP', 'Văn phòng', '1.2', true, 2.5, 2.25, 'QĐ 12/QĐ-UBND', 'ghi chú', TIMESTAMP '2026-11-20 08:00:00')`);
}

const dump = (db: Db, table: string, id: string) => db.query(`SELECT * FROM ${table} WHERE dataset_id = ? ORDER BY ALL`, [id]);
const catalogue = (db: Db) => db.query(`SELECT * FROM datasets ORDER BY id`);

describe('persist and restore', () => {
  it('rebuilds every dataset exactly as it was, in a fresh database', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    await persistDataset(db, 'b');
    expect([...store.datasets.keys()].sort()).toEqual(['a', 'b']);

    const fresh = await createNodeDb();
    const progress: number[] = [];
    expect(await restoreAll(fresh, { onProgress: (d) => progress.push(d) })).toBe(2);
    expect(progress).toEqual([1, 2]);
    expect(await catalogue(fresh)).toEqual(await catalogue(db));
    expect(await dump(fresh, 'index_scores', 'a')).toEqual(await dump(db, 'index_scores', 'a'));
    expect(await dump(fresh, 'par_scores', 'b')).toEqual(await dump(db, 'par_scores', 'b'));
    const [overall] = await fresh.query(`SELECT component, source, score FROM index_scores WHERE unit_code = 'P46'`);
    expect(overall).toEqual({ component: '', source: null, score: 48.06 });
    const [exact] = await fresh.query(`SELECT score = 0.1::DOUBLE + 0.2::DOUBLE AS same FROM index_scores WHERE unit_code = 'P01'`);
    expect(exact).toEqual({ same: true });
  });

  it('keeps a plain table (kind "table") with its column types', async () => {
    const db = await createNodeDb();
    await addDataset(db, 't', 'table', 'bang_khac');
    await db.exec(`CREATE TABLE bang_khac AS SELECT * FROM (VALUES (1, 'Hòa An', DATE '2025-07-01', 3.5), (2, NULL, NULL, NULL)) v(stt, ten, ngay, diem)`);
    await persistDataset(db, 't');
    const fresh = await createNodeDb();
    expect(await restoreAll(fresh)).toBe(1);
    expect(await fresh.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'bang_khac' ORDER BY ordinal_position`)).toEqual(
      await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'bang_khac' ORDER BY ordinal_position`),
    );
    expect(await fresh.query(`SELECT * FROM bang_khac ORDER BY stt`)).toEqual(await db.query(`SELECT * FROM bang_khac ORDER BY stt`));
  });

  it('skips and reports a corrupt entry, and still restores the good ones', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    await persistDataset(db, 'b');
    store.datasets.set('junk', { hello: 'world' });
    // Right shape, but the bytes are not gzip CSV: must roll back without leaving half a dataset.
    const broken = structuredClone(store.datasets.get('b')) as { dataset: { id: string; file_name: string }; tables: { csv: Uint8Array }[] };
    broken.dataset.id = 'broken';
    broken.dataset.file_name = 'hỏng.csv';
    broken.tables[0]!.csv = new TextEncoder().encode('not gzip at all');
    store.datasets.set('broken', broken);
    // A column type is written back into SQL: anything but a plain type name is refused.
    const evil = structuredClone(store.datasets.get('a')) as { dataset: { id: string }; tables: { columns: { type: string }[] }[] };
    evil.dataset.id = 'evil';
    evil.tables[0]!.columns[0]!.type = "VARCHAR'); DROP TABLE units; --";
    store.datasets.set('evil', evil);

    const fresh = await createNodeDb();
    const skipped: SkippedEntry[] = [];
    expect(await restoreAll(fresh, { onSkipped: (s) => skipped.push(s) })).toBe(2);
    expect(skipped.map((s) => s.key).sort()).toEqual(['broken', 'evil', 'junk']);
    expect(skipped.find((s) => s.key === 'broken')?.fileName).toBe('hỏng.csv');
    expect((await catalogue(fresh)).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await fresh.query(`SELECT count(*)::INTEGER AS n FROM par_scores WHERE dataset_id = 'broken'`)).toEqual([{ n: 0 }]);
    expect(await fresh.query(`SELECT count(*)::INTEGER AS n FROM units`)).toEqual([{ n: 0 }]); // table still there
  });

  it('refuses a copy that reads back fewer rows than were stored', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    (store.datasets.get('a') as { tables: { rows: number }[] }).tables[0]!.rows = 3;
    const fresh = await createNodeDb();
    const skipped: SkippedEntry[] = [];
    expect(await restoreAll(fresh, { onSkipped: (s) => skipped.push(s) })).toBe(0);
    expect(skipped[0]?.reason).toMatch(/read back 2 rows, 3 were stored/);
    expect(await catalogue(fresh)).toEqual([]);
  });

  it('leaves the previous copy in place when storage is full', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    const before = store.datasets.get('a');
    await db.exec(`DELETE FROM index_scores WHERE unit_code = 'P01'`);
    const write = store.write;
    store.write = async () => {
      throw new StorageFullError();
    };
    await expect(persistDataset(db, 'a')).rejects.toBeInstanceOf(StorageFullError);
    store.write = write;
    expect(store.datasets.get('a')).toEqual(before);
  });
});

describe('delete and clear', () => {
  it('deletes one dataset everywhere and leaves the others', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    await persistDataset(db, 'b');
    await deleteDataset(db, 'a');
    expect((await catalogue(db)).map((r) => r.id)).toEqual(['b']);
    expect(await dump(db, 'index_scores', 'a')).toEqual([]);
    expect(await dump(db, 'par_scores', 'b')).toHaveLength(2);
    expect([...store.datasets.keys()]).toEqual(['b']);
  });

  it('keeps the rows when the stored copy cannot be removed (one transaction)', async () => {
    const db = await createNodeDb();
    await seed(db);
    await persistDataset(db, 'a');
    store.write = async () => {
      throw new Error('disk error');
    };
    await expect(deleteDataset(db, 'a')).rejects.toThrow('disk error');
    expect(await dump(db, 'index_scores', 'a')).toHaveLength(2);
    expect((await catalogue(db)).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('drops a plain table with its dataset', async () => {
    const db = await createNodeDb();
    await addDataset(db, 't', 'table', 'bang_khac');
    await db.exec(`CREATE TABLE bang_khac AS SELECT 1 AS x`);
    await deleteDataset(db, 't');
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'bang_khac'`)).toEqual([{ n: 0 }]);
  });

  it('clears everything, and after that a start is no longer a first start', async () => {
    const db = await createNodeDb();
    expect(await isFirstStart()).toBe(true);
    await seed(db);
    await persistDataset(db, 'a');
    await markStarted();
    await clearAll(db);
    expect(await catalogue(db)).toEqual([]);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM index_scores`)).toEqual([{ n: 0 }]);
    expect(store.datasets.size).toBe(0);
    expect(await isFirstStart()).toBe(false);
    expect(await restoreAll(await createNodeDb())).toBe(0);
  });
});
