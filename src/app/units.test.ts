import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/types';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import { fetchCommune } from './units';

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});

describe('the commune', () => {
  it('is the unit the others belong to, unless Settings name another listed unit', async () => {
    await db.exec(`DELETE FROM units; INSERT INTO units VALUES
      ('u', 'A-VP', 'Văn phòng', 'Cơ quan', 'A'), ('u', 'A', 'Xã Hòa An', 'Xã', NULL), ('u', 'A-KT', 'Phòng Kinh tế', 'Cơ quan', 'A'),
      ('u', 'B', 'Xã Bình Minh', 'Xã', NULL)`);
    expect(await fetchCommune(db, null)).toEqual({ code: 'A', name: 'Xã Hòa An' });
    expect(await fetchCommune(db, 'B')).toEqual({ code: 'B', name: 'Xã Bình Minh' });
    expect(await fetchCommune(db, 'ZZZ')).toEqual({ code: 'A', name: 'Xã Hòa An' });
  });
  it('is unknown without a units list', async () => {
    await db.exec('DELETE FROM units');
    expect(await fetchCommune(db, 'A')).toBeNull();
  });
});
