// Deterministic SIPAS response files, wide as offices keep them: period, unit, respondent, 12 items,
// answers mostly 1–5 with some written as labels and some left blank. Cached in bench/fixtures/.
import fs from 'node:fs';
import path from 'node:path';

const ITEMS = ['TC1.1', 'TC1.2', 'TC2.1', 'TC2.2', 'TC2.3', 'TC3.1', 'TC3.2', 'TC3.3', 'TC4.1', 'TC4.2', 'TC5.1', 'TC5.2'];
const HEADER = ['Kỳ', 'Mã đơn vị', 'Mã phiếu', ...ITEMS];
const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const LABELS = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
const UNITS = 40;

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields CSV lines (header first). Answers skew satisfied, so rates sit in the 80s. */
function* sipasLines(rows, seed = 42) {
  const rnd = mulberry32(seed);
  yield HEADER.join(',');
  for (let i = 0; i < rows; i++) {
    const period = PERIODS[Math.floor((i / rows) * PERIODS.length)];
    const unit = `DV${String(1 + Math.floor(rnd() * UNITS)).padStart(2, '0')}`;
    const cells = [period, unit, `P${i + 1}`];
    for (let j = 0; j < ITEMS.length; j++) {
      const r = rnd();
      if (r < 0.03) {
        cells.push('');
        continue;
      }
      const a = r < 0.06 ? 1 : r < 0.1 ? 2 : r < 0.18 ? 3 : r < 0.6 ? 4 : 5;
      cells.push(rnd() < 0.1 ? LABELS[a - 1] : String(a));
    }
    yield cells.join(',');
  }
}

export function sipasCsvPath(dir, rows) {
  const file = path.join(dir, `sipas_${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(file + '.tmp', 'w');
  let buf = [];
  for (const line of sipasLines(rows)) {
    buf.push(line);
    if (buf.length === 10_000) {
      fs.writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
  fs.closeSync(fd);
  fs.renameSync(file + '.tmp', file);
  return file;
}

export async function sipasXlsxPath(dir, rows) {
  const file = path.join(dir, `sipas_${rows}.xlsx`);
  if (fs.existsSync(file)) return file;
  const XLSX = await import('@e965/xlsx');
  const aoa = [];
  for (const line of sipasLines(rows)) {
    const cells = line.split(',');
    aoa.push(aoa.length === 0 ? cells : cells.map((c, j) => (j >= 3 && /^[1-5]$/.test(c) ? Number(c) : c)));
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Phiếu');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
  return file;
}

export async function sipasParquetPath(dir, rows) {
  const file = path.join(dir, `sipas_${rows}.parquet`);
  if (fs.existsSync(file)) return file;
  const csv = sipasCsvPath(dir, rows);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create();
  const conn = await inst.connect();
  await conn.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${file}' (FORMAT parquet)`);
  return file;
}
