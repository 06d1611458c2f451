// The benchmark's side of the page (`npm run bench`), a classic script bench/run.mjs adds once the app has opened its
// seam (window.__chiso: src/app/benchSeam.ts, only with ?bench=1). papaparse is added before it, for the baseline.
// It defines window.__chisoBench: the app's own import path, and the baselines it is compared with in the same page.
(() => {
  const app = window.__chiso;
  const LEVELS = { 'rất không hài lòng': 1, 'không hài lòng': 2, 'bình thường': 3, 'hài lòng': 4, 'rất hài lòng': 5 };

  /** The baseline an analyst might write by hand: papaparse, then count satisfied answers (4, 5) per period, unit and item in JS. */
  function papaparseAggregate(bytes) {
    const parsed = window.Papa.parse(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
    const fields = parsed.meta.fields ?? [];
    const items = fields.slice(3);
    const [periodCol, unitCol] = fields;
    const groups = new Map();
    for (const row of parsed.data) {
      for (const item of items) {
        const raw = (row[item] ?? '').trim();
        if (!raw) continue;
        const a = /^[1-5]$/.test(raw) ? Number(raw) : LEVELS[raw.toLowerCase()];
        if (!a) continue;
        const key = `${row[periodCol]}|${row[unitCol]}|${item}`;
        const g = groups.get(key) ?? [0, 0];
        g[1]++;
        if (a >= 4) g[0]++;
        groups.set(key, g);
      }
    }
    return groups.size;
  }

  /**
   * Resolves when the app has restored its data, or loaded and saved the demo on a first start (saving goes on after
   * the first screen), so what is measured never waits for the start's own work.
   */
  function dataReady() {
    const has = (name) => performance.getEntriesByName(name).length > 0;
    return new Promise((resolve) => {
      const poll = () => (has('chiso:data-ready') && (!has('chiso:demo-loaded') || has('chiso:demo-saved')) ? resolve(true) : setTimeout(poll, 20));
      poll();
    });
  }

  /** The data a chart shows: its data table (drawn from the same figures as its picture). */
  const chartData = (id) => document.querySelector(`[data-chart="${id}"] .chart-table tbody`)?.textContent ?? null;

  /**
   * Resolves at the next time the chart `id` finishes drawing new data. With `changed`, only once its data differs
   * from what it showed when called: a redraw of the old figures under a new title (while the new ones are still
   * being counted) is not the answer the user waits for.
   */
  function nextDrawn(id, changed = false) {
    const before = changed ? chartData(id) : null;
    return new Promise((resolve) => {
      const on = (e) => {
        if (e.detail.id !== id) return;
        if (changed && chartData(id) === before) return;
        window.removeEventListener('chiso:chart-drawn', on);
        resolve(e.detail.at);
      };
      window.addEventListener('chiso:chart-drawn', on);
    });
  }

  let seq = 0;
  window.__chisoBench = {
    /** As a file of no known format lands: a plain table (for the Phân tích page's GROUP BY figure). */
    async loadPlainTable(bytes, table) {
      const name = `bench_plain_${++seq}.csv`;
      await app.db.registerFile(name, bytes);
      await app.db.exec(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${name}')`);
      await app.db.dropFile(name);
    },
    ready: dataReady(),
    /** DuckDB's own ceiling: read_csv of the same bytes into a table, nothing else. */
    async readCsv(bytes) {
      const name = `bench_${++seq}.csv`;
      await app.db.registerFile(name, bytes);
      await app.db.exec(`CREATE TABLE bench_read_${seq} AS SELECT * FROM read_csv('${name}')`);
      const [r] = await app.db.query(`SELECT count(*) AS n FROM bench_read_${seq}`);
      await app.db.exec(`DROP TABLE bench_read_${seq}`);
      await app.db.dropFile(name);
      return r?.n ?? 0;
    },
    async papaparse(bytes) {
      return papaparseAggregate(bytes);
    },
    /** The Dữ liệu page's import path, validation included, until the data is queryable (and the open views refresh). */
    importFile: (name, bytes) => app.importFile(name, bytes),
    async duckdbMemory() {
      const [r] = await app.db.query(`SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS b FROM duckdb_memory()`);
      return r?.b ?? 0;
    },
    /** Changes the SIPAS quarter in the URL, as the period picker does, and times until the answer distribution is redrawn with that quarter's answers. */
    async refreshTimes(runs) {
      const first = nextDrawn('sipas-distribution');
      window.location.hash = '#/sipas?level=quarter';
      await first;
      const select = document.querySelector('[data-testid="period-select"]');
      const periods = [...(select?.options ?? [])].map((o) => o.value).filter(Boolean);
      if (periods.length < 2) throw new Error('SIPAS page shows fewer than two quarters');
      let current = select.value;
      const times = [];
      for (let i = 0; i < runs; i++) {
        const next = periods[(periods.indexOf(current) + 1 + i) % periods.length];
        if (next === current) continue;
        const drawn = nextDrawn('sipas-distribution', true);
        const t0 = performance.now();
        window.location.hash = `#/sipas?level=quarter&period=${encodeURIComponent(next)}`;
        times.push((await drawn) - t0);
        current = next;
      }
      return times;
    },
  };
})();
