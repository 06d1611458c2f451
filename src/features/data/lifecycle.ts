// Start-up and the demo data: restore what was saved, or — on the very first start only — load and save the demo.
import type { Db } from '../../db/types';
import { loadDemo } from './demo';
import { deleteDatasetUnlocked, exclusive, isDurable, isFirstStart, markStarted, persistDataset, restoreAll, type SkippedEntry } from '../../store/persist';

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

async function persistDemo(db: Db): Promise<void> {
  const ids = await db.query<{ id: string }>(`SELECT id FROM datasets WHERE is_demo`);
  for (const { id } of ids) await persistDataset(db, id);
}

export async function startData(db: Db, onStep: (s: StartStep) => void = () => {}): Promise<StartReport> {
  const skipped: SkippedEntry[] = [];
  const first = await isFirstStart();
  const restored = await restoreAll(db, {
    onProgress: (done, total) => onStep({ step: 'restoring', done, total }),
    onSkipped: (s) => skipped.push(s),
  });
  let seeded = false;
  let demoError: string | null = null;
  if (first && restored === 0) {
    onStep({ step: 'demo' });
    try {
      await exclusive(async () => {
        await loadDemo(db);
        performance.mark('chiso:demo-loaded');
        await persistDemo(db);
      });
      seeded = true;
    } catch (e) {
      console.error(e);
      demoError = e instanceof Error ? e.message : String(e);
    }
  }
  // Marked even when nothing was seeded: after "Xóa tất cả" the app must stay empty, not reload the demo by itself.
  if (first && !demoError) await markStarted().catch((e: unknown) => console.error(e));
  return { restored, seeded, skipped, durable: await isDurable(), demoError };
}

/** "Khôi phục dữ liệu minh họa": replaces the demo datasets by fresh ones; the user's own datasets stay. */
export function restoreDemo(db: Db): Promise<void> {
  return exclusive(async () => {
    const old = await db.query<{ id: string }>(`SELECT id FROM datasets WHERE is_demo`);
    for (const { id } of old) await deleteDatasetUnlocked(db, id);
    await loadDemo(db);
    await persistDemo(db);
  });
}
