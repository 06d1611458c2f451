import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import { memoryStore, StorageFullError } from '../store/kv';
import { restoreAll, setStore } from '../store/persist';
import { importAndPersist } from './importFlow';

vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-flow-'))); // Node DuckDB writes COPY files to the working directory
});

let store: ReturnType<typeof memoryStore>;
beforeEach(() => {
  store = memoryStore();
  setStore(store);
});

const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\r\n')) });
const UNITS = file('don_vi.csv', ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', 'Y1,Xã Một,Xã,', 'Y1-VP,Văn phòng,Cơ quan chuyên môn,Y1']);
const units = (db: Awaited<ReturnType<typeof createNodeDb>>) => db.query(`SELECT unit_code, unit_name, type, parent_code FROM units ORDER BY unit_code`);

describe('importAndPersist', () => {
  it('lands the file and saves it, so a fresh start restores the same rows', async () => {
    const db = await createNodeDb();
    const out = await importAndPersist(db, UNITS);
    expect(out.ok).toBe(true);
    expect(store.datasets.size).toBe(1);
    const fresh = await createNodeDb();
    expect(await restoreAll(fresh)).toBe(1);
    expect(await units(fresh)).toEqual([
      { unit_code: 'Y1', unit_name: 'Xã Một', type: 'Xã', parent_code: null },
      { unit_code: 'Y1-VP', unit_name: 'Văn phòng', type: 'Cơ quan chuyên môn', parent_code: 'Y1' },
    ]);
  });

  it('refuses a file with errors: nothing loaded, nothing saved', async () => {
    const db = await createNodeDb();
    const out = await importAndPersist(db, file('tieu_chi.csv', ['Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa', 'hai nghìn,1,Chỉ đạo,3']));
    expect(out.ok).toBe(false);
    expect(out.ok ? [] : out.problems.map((p) => [p.row, p.column])).toContainEqual([2, 'Năm']);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM datasets`)).toEqual([{ n: 0 }]);
    expect(store.datasets.size).toBe(0);
  });

  it('takes the dataset out again when it cannot be saved (storage full)', async () => {
    const db = await createNodeDb();
    store.write = async () => {
      throw new StorageFullError();
    };
    await expect(importAndPersist(db, UNITS)).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM datasets`)).toEqual([{ n: 0 }]);
    expect(await units(db)).toEqual([]);
  });
});
