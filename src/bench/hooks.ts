// Loaded only when the page is opened with `?bench=1` (see main.tsx): gives `npm run bench` the app's own code paths
// and the baselines it compares them with, in the same page. Normal use never downloads this chunk.
import Papa from 'papaparse';
import { getDb } from '../db/duckdb';
import { importAndPersist } from '../features/data/importFlow';
import { DATA_CHANGED_EVENT } from '../app/DataContext';
import { isSatisfied } from '../domain/sipas';

const LEVELS: Record<string, number> = { 'rất không hài lòng': 1, 'không hài lòng': 2, 'bình thường': 3, 'hài lòng': 4, 'rất hài lòng': 5 };

/** The baseline an analyst might write by hand: papaparse, then count satisfied answers per period, unit and item in JS. */
function papaparseAggregate(bytes: Uint8Array): number {
  const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  const items = fields.slice(3);
  const [periodCol, unitCol] = fields;
  const groups = new Map<string, [number, number]>();
  for (const row of parsed.data) {
    for (const item of items) {
      const raw = (row[item] ?? '').trim();
      if (!raw) continue;
      const a = /^[1-5]$/.test(raw) ? Number(raw) : LEVELS[raw.toLowerCase()];
      if (!a) continue;
      const key = `${row[periodCol!]}|${row[unitCol!]}|${item}`;
      const g = groups.get(key) ?? [0, 0];
      g[1]++;
      if (isSatisfied(a)) g[0]++;
      groups.set(key, g);
    }
  }
  return groups.size;
}

/**
 * Resolves when the app has restored its data, or loaded and saved the demo on a first start (saving goes on after
 * the first screen), so what is measured never waits for the start's own work.
 */
function dataReady(): Promise<true> {
  const has = (name: string) => performance.getEntriesByName(name).length > 0;
  return new Promise((resolve) => {
    const poll = () => (has('chiso:data-ready') && (!has('chiso:demo-loaded') || has('chiso:demo-saved')) ? resolve(true) : setTimeout(poll, 20));
    poll();
  });
}

/** Resolves at the next time the chart `id` finishes drawing new data. */
function nextDrawn(id: string): Promise<number> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ id: string; at: number }>).detail;
      if (d.id !== id) return;
      window.removeEventListener('chiso:chart-drawn', on);
      resolve(d.at);
    };
    window.addEventListener('chiso:chart-drawn', on);
  });
}

export async function install() {
  const db = await getDb();
  let seq = 0;
  const api = {
    ready: dataReady(),
    /** DuckDB's own ceiling: read_csv of the same bytes into a table, nothing else. */
    async readCsv(bytes: Uint8Array) {
      const name = `bench_${++seq}.csv`;
      await db.registerFile(name, bytes);
      await db.exec(`CREATE TABLE bench_read_${seq} AS SELECT * FROM read_csv('${name}')`);
      const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM bench_read_${seq}`);
      await db.exec(`DROP TABLE bench_read_${seq}`);
      await db.dropFile(name);
      return r?.n ?? 0;
    },
    async papaparse(bytes: Uint8Array) {
      return papaparseAggregate(bytes);
    },
    /** The Dữ liệu page's import path, validation included, until the data is queryable. */
    async importFile(name: string, bytes: Uint8Array): Promise<number> {
      const outcome = await importAndPersist(db, { name, bytes });
      if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
      window.dispatchEvent(new Event(DATA_CHANGED_EVENT)); // the open views re-run their queries, as after the Dữ liệu page
      return outcome.plan.rowCount;
    },
    async duckdbMemory(): Promise<number> {
      const [r] = await db.query<{ b: number }>(`SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS b FROM duckdb_memory()`);
      return r?.b ?? 0;
    },
    /** Changes the SIPAS quarter in the URL, as the period picker does, and times until the answer distribution is redrawn. */
    async refreshTimes(runs: number): Promise<number[]> {
      const first = nextDrawn('sipas-distribution');
      window.location.hash = '#/sipas?level=quarter';
      await first;
      const select = document.querySelector<HTMLSelectElement>('[data-testid="period-select"]');
      const periods = [...(select?.options ?? [])].map((o) => o.value).filter(Boolean);
      if (periods.length < 2) throw new Error('SIPAS page shows fewer than two quarters');
      let current = select!.value;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const next = periods[(periods.indexOf(current) + 1 + i) % periods.length]!;
        if (next === current) continue;
        const drawn = nextDrawn('sipas-distribution');
        const t0 = performance.now();
        window.location.hash = `#/sipas?level=quarter&period=${encodeURIComponent(next)}`;
        times.push((await drawn) - t0);
        current = next;
      }
      return times;
    },
  };
  (window as unknown as { __chisoBench: typeof api }).__chisoBench = api;
}
