// Downloads that take a while say how far they are: every export reports here, and one status bar of the app
// (app/ui/ExportStatus.tsx) shows them, whichever page started them. Plain JS: src/export uses no React.

export interface ExportJob {
  id: number;
  file: string;
  /** 'rows': rows written so far of the total; 'packing': the Excel file is being compressed (no count). */
  step: 'rows' | 'packing';
  done: number;
  total: number;
}

type Listener = (jobs: readonly ExportJob[]) => void;

const jobs = new Map<number, ExportJob>();
const listeners = new Set<Listener>();
let nextId = 1;

function tell() {
  const list = [...jobs.values()];
  for (const l of listeners) l(list);
}

/** Calls `listener` with the running exports now and at every change; returns the unsubscribe. */
export function watchExports(listener: Listener): () => void {
  listeners.add(listener);
  listener([...jobs.values()]);
  return () => listeners.delete(listener);
}

/** An export begins: the handle reports its progress and its end (call end in a finally). */
export function beginExport(file: string, total: number) {
  const id = nextId++;
  jobs.set(id, { id, file, step: 'rows', done: 0, total });
  tell();
  return {
    rows(done: number) {
      const j = jobs.get(id);
      if (j) jobs.set(id, { ...j, done });
      tell();
    },
    packing() {
      const j = jobs.get(id);
      if (j) jobs.set(id, { ...j, step: 'packing', done: j.total });
      tell();
    },
    end() {
      if (jobs.delete(id)) tell();
    },
  };
}

/** A work slice this long (ms) is followed by a pause, in which the page draws the progress and answers clicks. */
const SLICE_MS = 40;

/**
 * Runs `step(i)` for i in [0, n) in slices: between slices the page gets a turn (to draw the progress bar), and
 * `onDone(i)` says how far it is. A job shorter than one slice runs in one go, without a pause.
 */
export async function inSlices(n: number, step: (i: number) => void, onDone: (done: number) => void): Promise<void> {
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i & 255) === 255 && performance.now() - start > SLICE_MS) {
      onDone(i + 1);
      await pause();
      start = performance.now();
    }
  }
  onDone(n);
}

/** One turn for the page (a macrotask: the browser may draw in between). */
export const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Until the page has drawn a frame (what it shows before one long step that blocks it): the next animation frame,
 * or 100 ms where frames do not come (a hidden tab, no DOM).
 */
export function painted(): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      );
  });
}
