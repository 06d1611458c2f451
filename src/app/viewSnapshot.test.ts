import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';
import {
  dropStartSnapshot,
  exportSnapshot,
  loadStartSnapshot,
  queryKey,
  recordResult,
  setStamp,
  snapshotResult,
  stampOf,
  type ViewSnapshot,
} from './viewSnapshot';
import type { DatasetInfo } from './catalogue';

const demoDataset: DatasetInfo = {
  id: 'demo-papi',
  kind: 'index_scores',
  file_name: 'papi.csv',
  row_count: 10,
  coverage: '2011–2024',
  imported_at: '2026-12-02T06:00:00',
  is_demo: true,
  source: 'PAPI',
  table_name: null,
  shown: true,
};
const asUrl = (s: ViewSnapshot) => `data:application/json,${encodeURIComponent(encodeSnapshot(s))}`;
const exported = () => decodeSnapshot(exportSnapshot()!) as ViewSnapshot;

describe('view snapshots', () => {
  it('keeps a result only for the stored data it was computed from', () => {
    const cards = queryKey('overview.cards', ['X001', 'Thừa Thiên Huế']);
    // The demo is loaded but not yet stored (revision 1 of the app, no stamp): nothing is kept for it.
    recordResult(cards, { value: 1 }, 1);
    setStamp(1, null, [demoDataset]);
    expect(exportSnapshot()).toBeNull();
    // Stored as revision 7: the views answer again (app revision 2) and are kept under that stamp.
    recordResult(cards, { value: 2 }, 2);
    recordResult(queryKey('units', [null]), { own: false }, 2);
    setStamp(2, stampOf(7), [demoDataset]);
    expect(exported().queries).toEqual({ [cards]: { value: 2 }, [queryKey('units', [null])]: { own: false } });
    // An answer computed for older data (app revision 1) arriving late is not kept.
    recordResult(cards, { value: 1 }, 1);
    expect(exported().queries[cards]).toEqual({ value: 2 });
    // A new import (app revision 3, stored as 8): what was kept for 7 is not carried over.
    setStamp(3, stampOf(8), []);
    expect(exported().queries).toEqual({});
    expect(exported().datasets).toEqual([]);
  });

  it('on a first visit offers the shipped demo snapshot to the first view, until the engine has answered', async () => {
    const key = queryKey('overview.cards', ['X001']);
    await loadStartSnapshot({
      firstStart: async () => true,
      storeRevision: async () => 0,
      demoUrl: asUrl({ stamp: 'demo', datasets: [demoDataset], queries: { [key]: new Map([['PAPI', 42.5]]) } }),
      within: 5000,
    });
    expect(snapshotResult(key)?.value).toEqual(new Map([['PAPI', 42.5]]));
    expect(snapshotResult(queryKey('overview.cards', ['X002']))).toBeNull();
    dropStartSnapshot();
    expect(snapshotResult(key)).toBeNull();
    // Once the start is past, a late read is not taken.
    await loadStartSnapshot({
      firstStart: async () => true,
      storeRevision: async () => 0,
      demoUrl: asUrl({ stamp: 'demo', datasets: [], queries: { [key]: 1 } }),
      within: 5000,
    });
    expect(snapshotResult(key)).toBeNull();
  });
});
