// The shipped demo store (data/demo-store.json, restored on a first start) must hold exactly what importing the demo
// files gives: the same rows in every table. If this fails after a change to the demo or the import, run
// `npm run build && npm run snapshot`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { DATA_TABLES } from '../db/schema';
import { memoryStore } from '../store/kv';
import { setStore, storeAndRestoreUnlocked, restoreAll } from '../store/persist';
import { STARTED_META } from '../store/store';
import { loadDemo, loadReference } from './demo';
import { decodeDemoStore } from './demoStore';

const root = path.resolve(__dirname, '../..');
/** A shipped file's URL (as Vite gives it to the app) read from disk. */
const readShipped = async (url: string) =>
  new Uint8Array(fs.readFileSync(path.join(root, decodeURIComponent(url.replace(/^\/@fs/, '').replace(/\?.*$/, '')).replace(root, ''))));

/** Per table: the row count and an order-free checksum of every row, without the random dataset ids and import times. */
async function contents(db: Db) {
  const out: Record<string, { n: number; sum: string }> = {};
  for (const t of [...DATA_TABLES, 'datasets']) {
    const cols = (
      await db.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? AND column_name NOT IN ('dataset_id', 'id', 'imported_at') ORDER BY ordinal_position`,
        [t],
      )
    ).map((r) => `"${r.name}"`);
    const [r] = await db.query<{ n: number; sum: string }>(
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(coalesce(sum(hash(${cols.length ? `struct_pack(${cols.join(', ')})` : '1'})), 0) AS VARCHAR) AS sum FROM "${t}"`,
    );
    out[t] = r!;
  }
  return out;
}

describe('the shipped demo store', () => {
  it('restores the same tables, row for row, as importing the demo files', async () => {
    const imported = await createNodeDb();
    await loadReference(imported, readShipped);
    await loadDemo(imported, readShipped);

    setStore(memoryStore());
    const restored = await createNodeDb();
    await loadReference(restored, readShipped);
    await restoreAll(restored);
    const records = decodeDemoStore(JSON.parse(fs.readFileSync(path.join(root, 'data/demo-store.json'), 'utf8')), '2026-12-02T06:00:00');
    expect(await storeAndRestoreUnlocked(restored, records, STARTED_META)).toBe(records.length);

    const a = await contents(imported);
    const b = await contents(restored);
    expect(Object.values(a).reduce((n, t) => n + t.n, 0)).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  }, 300_000);

  it('refuses a damaged file rather than loading part of it', () => {
    const file = JSON.parse(fs.readFileSync(path.join(root, 'data/demo-store.json'), 'utf8'));
    file.records[0].tables[0].columns[0].type = 'INTEGER); DROP TABLE datasets; --';
    expect(() => decodeDemoStore(file, '2026-12-02T06:00:00')).toThrow(/demo-store\.json/);
    expect(() => decodeDemoStore({ v: 2, records: [] }, '2026-12-02T06:00:00')).toThrow(/not a demo store file/);
  });
});
