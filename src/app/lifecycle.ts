// Start-up and the demo data: restore what was saved, or — on the very first start only — load and save the demo.
import type { Db } from '../db/types';
import { leftOutOf, loadDemo } from './demo';
import { decodeDemoStore, importedNow } from './demoStore';
import demoStoreUrl from '../../data/demo-store.json?url';
import type { DemoAside } from '../ingest/types';
import {
  deleteInDb,
  inTransaction,
  isDurable,
  isFirstStart,
  NOT_STARTED_META,
  restoreAll,
  revertUnlocked,
  STARTED_META,
  storeAndRestoreUnlocked,
  syncUnlocked,
  writer,
  writeUnlocked,
  type SkippedEntry,
  type WaitOptions,
} from '../store/persist';

export type StartStep = { step: 'restoring'; done: number; total: number } | { step: 'demo' };

export interface StartReport {
  restored: number;
  /** The demo was loaded because this is the first start. */
  seeded: boolean;
  skipped: SkippedEntry[];
  /** False when this browser cannot keep data between visits. */
  durable: boolean;
  /** The demo could not be loaded (the app starts empty and says why). */
  demoError: string | null;
  /** When the demo was loaded but not yet stored: settles once it is stored too (true) or could not be (false). */
  demoSaved: Promise<boolean> | null;
}

const demoIds = async (db: Db) => (await db.query<{ id: string }>(`SELECT id FROM datasets WHERE is_demo`)).map((r) => r.id);

export async function startData(db: Db, onStep: (s: StartStep) => void = () => {}): Promise<StartReport> {
  const skipped: SkippedEntry[] = [];
  const first = await isFirstStart();
  const restored = await restoreAll(db, {
    onProgress: (done, total) => onStep({ step: 'restoring', done, total }),
    onSkipped: (s) => skipped.push(s),
  });
  let seeded = false;
  let demoError: string | null = null;
  let demoSaved: Promise<boolean> | null = null;
  if (first) {
    // A first start (or one cut short before the demo was saved): load the demo, skipping any of it already restored.
    onStep({ step: 'demo' });
    try {
      demoSaved = (await seedDemo(db)).saved;
      seeded = true;
    } catch (e) {
      console.error(e);
      demoError = e instanceof Error ? e.message : String(e);
    }
  }
  return { restored, seeded, skipped, durable: await isDurable(), demoError, demoSaved };
}

/**
 * Resolves once the demo is loaded, so the first screen draws without waiting for it to be saved; saving goes on
 * under the writer lock (an import started meanwhile waits for it). The demo and the first-start mark are stored in
 * one write: if the page closes before that, the next start loads the demo again. Marked even when the user then
 * clears everything, so the app stays empty rather than reloading the demo by itself. A second tab starting at the
 * same time finds the demo the first one stored, and loads nothing.
 */
function seedDemo(db: Db): Promise<{ saved: Promise<boolean> | null }> {
  return new Promise((loaded, failed) => {
    let stored: (ok: boolean) => void = () => {};
    const saved = new Promise<boolean>((resolve) => (stored = resolve));
    void writer(async () => {
      try {
        await syncUnlocked(db);
        if (!(await isFirstStart())) return loaded({ saved: null }); // another tab has just stored it
        if (await restoreShippedDemo(db)) {
          performance.mark('chiso:demo-loaded');
          performance.mark('chiso:demo-saved');
          return loaded({ saved: null });
        }
        await loadDemo(db);
      } catch (e) {
        failed(e);
        return;
      }
      performance.mark('chiso:demo-loaded');
      loaded({ saved });
      await writeUnlocked(db, { save: await demoIds(db), meta: STARTED_META });
      performance.mark('chiso:demo-saved');
      stored(true);
    }).catch((e: unknown) => {
      stored(false);
      console.error('the demo could not be saved; it will be loaded again at the next start', e);
    });
  });
}

/**
 * The shipped demo stored and restored as saved data (demoStore.ts), when nothing at all is loaded yet. False (and
 * nothing changed) when it cannot be: the demo is then imported from its files as before.
 */
async function restoreShippedDemo(db: Db): Promise<boolean> {
  const [{ n } = { n: 1 }] = await db.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM datasets`);
  if (n > 0) return false; // a first start cut short left data: the import path sets the demo aside around it
  let records;
  try {
    const res = await fetch(demoStoreUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    records = decodeDemoStore(await res.json(), importedNow());
  } catch (e) {
    console.warn('shipped demo not usable, importing the demo files', e);
    return false;
  }
  const skipped: string[] = [];
  const restored = await storeAndRestoreUnlocked(db, records, STARTED_META, { onSkipped: (s) => skipped.push(s.reason) });
  if (restored === records.length) return true;
  // Stored but not all loaded: take it back out (store and engine), and import the files instead.
  console.warn('shipped demo not restored whole', skipped);
  const ids = records.map((r) => r.dataset.id);
  await inTransaction(db, async () => {
    for (const id of ids) await deleteInDb(db, id);
  });
  await writeUnlocked(db, { drop: ids, meta: NOT_STARTED_META });
  return false;
}

/**
 * "Khôi phục dữ liệu minh họa": replaces the demo datasets by fresh ones; the user's own datasets stay, and fictional
 * data of a kind the user has loaded is not brought back beside it. One stored change. Returns what was left out.
 */
export function restoreDemo(db: Db, opts: WaitOptions = {}): Promise<DemoAside> {
  return writer(async () => {
    await syncUnlocked(db);
    const old = await demoIds(db);
    let fresh: string[] = [];
    try {
      await inTransaction(db, async () => {
        for (const id of old) await deleteInDb(db, id);
      });
      const outcomes = await loadDemo(db);
      fresh = await demoIds(db);
      await writeUnlocked(db, { save: fresh, drop: old });
      return leftOutOf(outcomes);
    } catch (e) {
      // The demo lands through several commits: put back what the store still has (the old demo), drop the rest.
      await revertUnlocked(db, [...new Set([...old, ...fresh, ...(await demoIds(db))])]).catch((err: unknown) => console.error(err));
      throw e;
    }
  }, opts);
}
