// The benchmark's one way into the app. `npm run bench` opens the page with ?bench=1; main.tsx then loads this chunk
// (normal use never downloads it), which puts a small API on window.__chiso for bench/page/bench.js: the Dữ liệu
// page's own import path, the engine for the baselines measured beside it, and the views' snapshot (npm run snapshot). Nothing else of the app is reachable.
import type { Db } from '../db/types';
import { DATA_CHANGED_EVENT } from './DataContext';
import { importAndPersist } from './importFlow';
import { exportSnapshot } from './viewSnapshot';

interface BenchSeam {
  /** Imports a file as the Dữ liệu page does (checked, committed, saved), then the open views refresh. Rows loaded. */
  importFile(name: string, bytes: Uint8Array): Promise<number>;
  /** The engine itself, for the baselines (DuckDB's read_csv alone) and its memory use. */
  db: Pick<Db, 'query' | 'exec' | 'registerFile' | 'dropFile'>;
  /** The views' snapshot kept now, as the shipped demo snapshot holds it (`npm run snapshot`: scripts/snapshot.mjs). */
  snapshot(): string | null;
}

declare global {
  interface Window {
    __chiso?: BenchSeam;
  }
}

export async function openBenchSeam(connect: () => Promise<Db>): Promise<void> {
  const db = await connect();
  window.__chiso = {
    async importFile(name, bytes) {
      const outcome = await importAndPersist(db, { name, bytes });
      if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
      window.dispatchEvent(new Event(DATA_CHANGED_EVENT)); // the open views re-run their queries, as after the Dữ liệu page
      return outcome.plan.rowCount;
    },
    db,
    snapshot: exportSnapshot,
  };
}
