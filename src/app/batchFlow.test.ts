// Issue 15 through the Dữ liệu page's flow: a batch lands in one DuckDB transaction and ONE storage write, with the
// fictional demo data it takes out (whole datasets dropped, the rest of a partly displaced one stored again).
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { memoryStore, StorageFullError } from '../store/kv';
import { restoreAll, setStore, writer, writeUnlocked } from '../store/persist';
import { importFiles } from '../ingest/importFiles';
import type { SourceFile } from '../ingest/types';
import { analyse, commitBatchAndPersist, discard } from './importFlow';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-batch-'))); // Node DuckDB writes COPY files to the working directory
});

let store: ReturnType<typeof memoryStore>;
beforeEach(() => {
  store = memoryStore();
  setStore(store);
});

const file = (name: string, lines: string[]): SourceFile => ({ name, bytes: new TextEncoder().encode(lines.join('\r\n')) });
const CRIT = 'Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa';
const SCORES = 'Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định';
const INDEX = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm';

/** A first start: a small fictional demo, stored. */
async function seeded(): Promise<Db> {
  const db = await createNodeDb();
  await importFiles(
    db,
    [
      file('units.csv', ['Mã đơn vị,Tên đơn vị', 'X001,Xã Hòa An']),
      file('par_criteria.csv', [CRIT, '2025,1,Chỉ đạo,1']),
      file('par_scores.csv', [SCORES, '2025,X001,Xã Hòa An,1,1,1']),
      file('commune_indices.csv', [INDEX, 'PAR,2025,X001,Xã Hòa An,,75', 'SIPAS,2025,X001,Xã Hòa An,,90']),
    ],
    { onDuplicate: 'cancel' },
    { isDemo: true, source: 'Dữ liệu minh họa' },
  );
  const ids = (await db.query<{ id: string }>(`SELECT id FROM datasets`)).map((r) => r.id);
  await writer(() => writeUnlocked(db, { save: ids }));
  return db;
}
const BATCH = [file('tieu_chi.csv', [CRIT, '2025,1,Chỉ đạo,2']), file('diem.csv', [SCORES, '2025,Y1,Xã Một,1,2,2'])];
const snapshot = async (db: Db) => ({
  datasets: await db.query(`SELECT file_name, row_count FROM datasets ORDER BY 1`),
  index: await db.query(`SELECT index_code, unit_code FROM index_scores ORDER BY ALL`),
  criteria: await db.query(`SELECT year, code, max_points FROM par_criteria ORDER BY ALL`),
});

async function pickBatch(db: Db) {
  const plans = [];
  for (const f of BATCH) plans.push(await analyse(db, f, {}, { batch: 'b' }));
  return plans;
}

describe('"Nạp cả N tệp"', () => {
  it('lands the batch and what it takes out of the demo in one storage write; a reload shows the same', async () => {
    const db = await seeded();
    const plans = await pickBatch(db);
    let writes = 0;
    const write = store.write.bind(store);
    store.write = (c) => ((writes += 1), write(c));
    const outs = await commitBatchAndPersist(
      db,
      plans.map((plan) => ({ plan, answers: {} })),
    );
    expect(outs.map((o) => o.ok)).toEqual([true, true]);
    expect(writes).toBe(1);
    const here = await snapshot(db);
    expect(here.datasets).toEqual([
      { file_name: 'commune_indices.csv', row_count: 1 },
      { file_name: 'diem.csv', row_count: 1 },
      { file_name: 'tieu_chi.csv', row_count: 1 },
    ]);
    const fresh = await createNodeDb();
    await restoreAll(fresh);
    expect(await snapshot(fresh)).toEqual(here); // the commune file stored again without its PAR row; the rest dropped
  });

  it('changes nothing, here or stored, when storage refuses the write', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const stored = new Map(store.datasets);
    const plans = await pickBatch(db);
    store.write = async () => {
      throw new StorageFullError();
    };
    await expect(
      commitBatchAndPersist(
        db,
        plans.map((plan) => ({ plan, answers: {} })),
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(db)).toEqual(before);
    expect(store.datasets).toEqual(stored);
  });

  it('writes nothing for a batch refused as a whole', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const plans = [
      await analyse(db, BATCH[0]!, {}, { batch: 'b' }),
      await analyse(db, file('diem_sai.csv', [SCORES, '2025,Y1,Xã Một,1,3,3']), {}, { batch: 'b' }),
    ];
    expect(plans[1]!.problems.map((p) => [p.expected.key, p.expected.params?.max])).toEqual([
      ['ingest.problem.aboveMax', 2],
      ['ingest.problem.aboveMax', 2],
    ]);
    let writes = 0;
    store.write = async () => ++writes;
    const outs = await commitBatchAndPersist(
      db,
      plans.map((plan) => ({ plan, answers: {} })),
    );
    expect(outs.map((o) => o.ok)).toEqual([false, false]);
    expect(writes).toBe(0);
    expect(await snapshot(db)).toEqual(before);
    for (const p of plans) await discard(db, p);
  });
});
