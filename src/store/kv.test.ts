import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, StaleStoreError } from './kv';
import { exclusive, writer, WRITER_LOCK } from './lock';

describe('memoryStore: one write, all or nothing', () => {
  it('bumps the revision once per write and stamps what it put', async () => {
    const s = memoryStore();
    expect(
      await s.write({
        put: [
          { key: 'a', value: 1 },
          { key: 'b', value: 2 },
        ],
      }),
    ).toBe(1);
    expect(await s.write({ put: [{ key: 'b', value: 3 }], delete: ['a'], meta: { started: true } })).toBe(2);
    expect([...s.datasets]).toEqual([['b', 3]]);
    expect(await s.getMeta('started')).toBe(true);
    const all = await s.read(null, new Map());
    expect(all).toMatchObject({ revision: 2, changed: true, revs: new Map([['b', 2]]) });
    expect(all.entries).toEqual([{ key: 'b', value: 3, rev: 2 }]);
  });

  it('reads only what changed since the revision a reader has', async () => {
    const s = memoryStore();
    await s.write({
      put: [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
      ],
    });
    expect(await s.read(1, new Map())).toMatchObject({ changed: false, entries: [] });
    await s.write({ put: [{ key: 'b', value: 5 }] });
    const r = await s.read(
      1,
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );
    expect(r.entries.map((e) => e.key)).toEqual(['b']);
    expect([...r.revs.keys()].sort()).toEqual(['a', 'b']);
  });

  it('refuses a write based on an old revision (another tab wrote first), changing nothing', async () => {
    const s = memoryStore();
    await s.write({ put: [{ key: 'a', value: 1 }] });
    await s.write({ put: [{ key: 'a', value: 2 }] });
    await expect(s.write({ put: [{ key: 'a', value: 9 }], delete: ['x'], expect: 1 })).rejects.toBeInstanceOf(StaleStoreError);
    expect(s.datasets.get('a')).toBe(2);
    expect(await s.read(null, new Map())).toMatchObject({ revision: 2 });
  });

  it('changes nothing when one value of the write cannot be stored', async () => {
    const s = memoryStore();
    await s.write({ put: [{ key: 'a', value: 1 }] });
    await expect(
      s.write({
        put: [
          { key: 'b', value: 2 },
          { key: 'c', value: () => 0 },
        ],
        delete: ['a'],
      }),
    ).rejects.toThrow();
    expect([...s.datasets]).toEqual([['a', 1]]);
    expect((await s.read(null, new Map())).revision).toBe(1);
  });
});

describe('memoryStore: side stores in the same write', () => {
  it('writes the dossier and its files with the datasets and the revision, or nothing', async () => {
    const s = memoryStore();
    await s.write({
      put: [{ key: 'a', value: 1 }],
      side: { dossier: { put: [{ key: 'doc:1', value: { id: '1' } }] }, files: { put: [{ key: 'f', value: new Uint8Array([1, 2]) }] } },
    });
    expect(await s.getSide('files', 'f')).toEqual(new Uint8Array([1, 2]));
    expect(await s.readSide('dossier')).toEqual([{ key: 'doc:1', value: { id: '1' } }]);
    // a file that cannot be stored: neither the dataset, nor the record, nor the revision moves
    await expect(
      s.write({ put: [{ key: 'b', value: 2 }], side: { dossier: { delete: ['doc:1'] }, files: { put: [{ key: 'g', value: () => 0 }] } } }),
    ).rejects.toThrow();
    expect([...s.datasets.keys()]).toEqual(['a']);
    expect(await s.readSide('dossier')).toHaveLength(1);
    expect((await s.dump()).revision).toBe(1);
    await s.write({ side: { dossier: { clear: true }, files: { delete: ['f'] } } });
    const all = await s.dump();
    expect(all).toMatchObject({ revision: 2, datasets: [{ key: 'a', value: 1 }], side: { dossier: [], files: [] } });
  });
});

describe('locks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says when an operation waits for another one of this tab, and when it starts', async () => {
    let release!: () => void;
    const first = exclusive(() => new Promise<void>((r) => (release = r)));
    const events: boolean[] = [];
    const second = exclusive(async () => undefined, { onWait: (w) => events.push(w) });
    await Promise.resolve();
    expect(events).toEqual([true]);
    release();
    await first;
    await second;
    expect(events.slice(0, 2)).toEqual([true, false]);
    const quiet: boolean[] = [];
    await exclusive(async () => undefined, { onWait: (w) => quiet.push(w) });
    expect(quiet).toEqual([]);
  });

  it('takes the Web Lock for a writer, and says it waits while another tab holds it', async () => {
    // A stand-in for navigator.locks: one holder at a time, ifAvailable answers null while it is held.
    let held = false;
    const queue: (() => void)[] = [];
    const requests: string[] = [];
    const locks = {
      async request(name: string, a: unknown, b?: unknown) {
        const opts = (typeof a === 'function' ? {} : a) as { ifAvailable?: boolean };
        const cb = (typeof a === 'function' ? a : b) as (l: unknown) => Promise<unknown>;
        requests.push(`${name}${opts.ifAvailable ? '?' : ''}`);
        if (held && opts.ifAvailable) return cb(null);
        if (held) await new Promise<void>((r) => queue.push(r));
        held = true;
        try {
          return await cb({ name });
        } finally {
          held = false;
          queue.shift()?.();
        }
      },
    };
    vi.stubGlobal('navigator', { locks });
    let release!: () => void;
    const otherTab = locks.request(WRITER_LOCK, {}, () => new Promise<void>((r) => (release = r)));
    const waits: boolean[] = [];
    const mine = writer(async () => 'written', { onWait: (w) => waits.push(w) });
    await new Promise((r) => setTimeout(r, 10));
    expect(waits).toEqual([true]);
    release();
    await otherTab;
    expect(await mine).toBe('written');
    expect(waits).toEqual([true, false]);
    expect(requests).toEqual([WRITER_LOCK, `${WRITER_LOCK}?`, WRITER_LOCK]);
  });
});
