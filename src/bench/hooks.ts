// Loaded only when the page is opened with `?bench=1` (see main.tsx): gives `npm run bench` the app's own code paths
// and the baselines it compares them with, in the same page. Normal use never downloads this chunk.
import Papa from 'papaparse';
import { getDb } from '../db/duckdb';

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
      if (a >= 4) g[0]++;
      groups.set(key, g);
    }
  }
  return groups.size;
}

export async function install() {
  const db = await getDb();
  let seq = 0;
  const api = {
    ready: Promise.resolve(true),
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
      void name;
      void bytes;
      throw new Error('import pipeline not wired yet');
    },
    async duckdbMemory(): Promise<number> {
      const [r] = await db.query<{ b: number }>(`SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()`);
      return r?.b ?? 0;
    },
    async refreshTimes(runs: number): Promise<number[]> {
      void runs;
      throw new Error('refresh not wired yet');
    },
  };
  (window as unknown as { __chisoBench: typeof api }).__chisoBench = api;
}
