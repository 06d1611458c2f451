// Start-up and the demo data: restore what was saved, or — on the very first start only — load and save the demo.
import type { Db } from '../db/types';
import { leftOutOf, loadDemo } from './demo';
import type { DemoAside } from '../ingest/types';
import { deleteInDb, inTransaction, isDurable, isFirstStart, restoreAll, revertUnlocked, STARTED_META, syncUnlocked, writer, writeUnlocked, type SkippedEntry, type WaitOptions } from '../store/persist';

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
  if (first) {
    // A first start (or one cut short before the demo was saved): load the demo, skipping any of it already restored.
    onStep({ step: 'demo' });
    try {
      await seedDemo(db);
      seeded = true;
    } catch (e) {
      console.error(e);
      demoError = e instanceof Error ? e.message : String(e);
    }
  }
  return { restored, seeded, skipped, durable: await isDurable(), demoError };
}

/**
 * Resolves once the demo is loaded, so the first screen draws without waiting for it to be saved; saving goes on
 * under the writer lock (an import started meanwhile waits for it). The demo and the first-start mark are stored in
 * one write: if the page closes before that, the next start loads the demo again. Marked even when the user then
 * clears everything, so the app stays empty rather than reloading the demo by itself. A second tab starting at the
 * same time finds the demo the first one stored, and loads nothing.
 */
function seedDemo(db: Db): Promise<void> {
  return new Promise<void>((loaded, failed) => {
    void writer(async () => {
      try {
        await syncUnlocked(db);
        if (!(await isFirstStart())) return loaded(); // another tab has just stored it
        await loadDemo(db);
      } catch (e) {
        failed(e);
        return;
      }
      performance.mark('chiso:demo-loaded');
      loaded();
      await writeUnlocked(db, { save: await demoIds(db), meta: STARTED_META });
      performance.mark('chiso:demo-saved');
    }).catch((e: unknown) => console.error('the demo could not be saved; it will be loaded again at the next start', e));
  });
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
