import { describe, expect, it } from 'vitest';
import { sortDatasets } from './Catalogue';
import { allSources, showsFiction, sourcesOf, type DatasetInfo } from '../../app/catalogue';

const d = (id: string, file: string, rows: number, at: string): DatasetInfo => ({
  id, kind: 'units', file_name: file, row_count: rows, coverage: null, imported_at: at, is_demo: false, source: null, table_name: null, shown: true,
});
const list = [d('a', 'Đơn vị.csv', 12, '2026-11-25T10:00:00'), d('b', 'bảng.csv', 1000, '2026-11-25T09:00:00'), d('c', 'Anh.csv', 9, '2026-11-25T11:00:00')];

describe('sorting the catalogue', () => {
  it('sorts rows as numbers, not text', () => {
    expect(sortDatasets(list, 'col.rows', 1).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(sortDatasets(list, 'col.rows', -1).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
  it('sorts file names in Vietnamese order (Đ after D, case ignored)', () => {
    expect(sortDatasets(list, 'col.file', 1).map((x) => x.file_name)).toEqual(['Anh.csv', 'bảng.csv', 'Đơn vị.csv']);
  });
  it('keeps the given order without a sort column', () => {
    expect(sortDatasets(list, null, 1).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('sourcesOf', () => {
  it('names each source once, a file without a source by its name, and nothing for other kinds', () => {
    const sipas = (id: string, file: string, source: string | null): DatasetInfo => ({ ...d(id, file, 1, ''), kind: 'sipas_responses', source });
    const all = [sipas('s1', 'q1.csv', 'Dữ liệu minh họa'), sipas('s2', 'q2.csv', 'Dữ liệu minh họa'), sipas('s3', 'phieu_2026.xlsx', null), ...list];
    expect(sourcesOf(all, ['sipas_responses'])).toBe('Dữ liệu minh họa; phieu_2026.xlsx');
    expect(sourcesOf(all, ['par_scores'])).toBeUndefined();
  });
  it('leaves out demo data set aside by the user’s own', () => {
    const mine = { ...d('m', 'sipas_2026.csv', 1, ''), kind: 'sipas_responses' };
    const demo = { ...mine, id: 'x', file_name: 'sipas_responses.csv', is_demo: true, source: 'Dữ liệu minh họa', shown: false };
    expect(sourcesOf([mine, demo], ['sipas_responses'])).toBe('sipas_2026.csv');
  });
});

describe('what the badge and the deck’s source line say', () => {
  const papi = { ...d('p', 'papi.csv', 1, ''), kind: 'index_scores', is_demo: true, source: 'PAPI, UNDP & CECODES' };
  const fiction = { ...d('f', 'sipas_responses.csv', 1, ''), kind: 'sipas_responses', is_demo: true, source: 'Dữ liệu minh họa' };
  const mine = { ...d('m', 'sipas_2026.csv', 1, ''), kind: 'sipas_responses' };
  it('calls only fictional rows that are shown "Dữ liệu minh họa" — never the real PAPI, never data set aside', () => {
    expect(showsFiction([papi, fiction])).toBe(true);
    expect(showsFiction([papi])).toBe(false);
    expect(showsFiction([papi, { ...fiction, shown: false }, mine])).toBe(false);
  });
  it('names every shown dataset, the user’s files by their name', () => {
    expect(allSources([papi, { ...fiction, shown: false }, mine])).toEqual(['PAPI, UNDP & CECODES', 'sipas_2026.csv']);
  });
});

