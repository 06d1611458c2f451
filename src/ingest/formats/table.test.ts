import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { tableNameFor } from './table';

// Only the names already taken are read from the database.
const dbWith = (taken: string[]) => ({ query: async () => taken.map((n) => ({ n })) }) as unknown as Db;

describe('tableNameFor', () => {
  it('names a plain table after its file, folded to ASCII (marks and đ dropped), unique', async () => {
    expect(await tableNameFor(dbWith([]), 'Báo cáo Quý 1 (2026).csv')).toBe('bao_cao_quy_1_2026');
    expect(await tableNameFor(dbWith([]), 'Đơn vị'.normalize('NFD') + '.xlsx')).toBe('don_vi');
    expect(await tableNameFor(dbWith(['don_vi']), 'Đơn vị.xlsx')).toBe('don_vi_2');
    expect(await tableNameFor(dbWith([]), '2026 số liệu.csv')).toBe('t_2026_so_lieu');
    expect(await tableNameFor(dbWith([]), 'units.csv')).toBe('units_2');
  });
});
