import { describe, expect, it } from 'vitest';
import { addToHistory, HISTORY_SIZE, removeSaved, restoreHistory, restoreSaved, saveQuery, type HistoryEntry } from './store';

const entry = (sql: string, k = 0): HistoryEntry => ({ sql, at: new Date(Date.UTC(2026, 0, 1, 0, k)).toISOString(), rows: k, ms: 1 });

describe('history', () => {
  it('puts the newest first, moves a query run again to the top, keeps at most HISTORY_SIZE', () => {
    let h: HistoryEntry[] = [];
    for (let k = 0; k < HISTORY_SIZE + 5; k++) h = addToHistory(h, entry(`SELECT ${k}`, k));
    expect(h.length).toBe(HISTORY_SIZE);
    expect(h[0]!.sql).toBe(`SELECT ${HISTORY_SIZE + 4}`);
    h = addToHistory(h, entry(`  SELECT ${HISTORY_SIZE + 1}\n`, 99));
    expect(h.length).toBe(HISTORY_SIZE);
    expect(h.filter((e) => e.sql.trim() === `SELECT ${HISTORY_SIZE + 1}`).length).toBe(1);
    expect(h[0]!.rows).toBe(99);
  });

  it('restores what parses and drops the rest, one entry at a time', () => {
    const good = entry('SELECT 1', 3);
    const raw = JSON.stringify([good, { sql: '', at: 'x', rows: 1, ms: 1 }, { sql: 'SELECT 2', at: 'y', rows: -1, ms: 1 }, 'junk', { ...good, extra: true }]);
    expect(restoreHistory(raw)).toEqual([good, good]);
    expect(restoreHistory('{not json')).toEqual([]);
    expect(restoreHistory('{"sql":"SELECT 1"}')).toEqual([]);
    expect(restoreHistory(null)).toEqual([]);
  });
});

describe('saved queries', () => {
  it('replaces a query saved again under the same name (any case), sorted by name', () => {
    let s = saveQuery([], { name: 'Tỷ lệ', sql: 'SELECT 1', savedAt: 'a' });
    s = saveQuery(s, { name: 'Bảng', sql: 'SELECT 2', savedAt: 'b' });
    s = saveQuery(s, { name: ' tỷ lệ ', sql: 'SELECT 3', savedAt: 'c' });
    expect(s).toEqual([
      { name: 'Bảng', sql: 'SELECT 2', savedAt: 'b' },
      { name: 'tỷ lệ', sql: 'SELECT 3', savedAt: 'c' },
    ]);
    expect(removeSaved(s, 'Bảng')).toEqual([{ name: 'tỷ lệ', sql: 'SELECT 3', savedAt: 'c' }]);
  });

  it('restores only well-formed entries', () => {
    const ok = { name: 'A', sql: 'SELECT 1', savedAt: 'now' };
    expect(restoreSaved(JSON.stringify([ok, { name: '  ', sql: 'SELECT 1', savedAt: 'x' }, { name: 'B' }, 42]))).toEqual([ok]);
  });
});
