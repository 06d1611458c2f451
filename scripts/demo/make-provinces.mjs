// Writes data/demo/province_indices.csv: ILLUSTRATIVE province series of PCI, DTI, PAR Index and SIPAS, 2018–2025.
// The province names are real (data/ref/provinces_63_to_34.csv); every number is invented. 2018–2024: the 63 former
// provinces under their PAPI codes (P01–P63), as the PAPI demo loads them. 2025: the 34 provinces, code = name (the
// merged view's own key, so 2025 lines up with the earlier years computed from the former provinces).
// Each former province has its own level and trend per index; a 2025 province continues the mean of its former ones.
// Overall scores only (the app has no component names for PCI, DTI or a province's PAR/SIPAS); ranks are left blank
// (the app computes them). Deterministic (seeded); run: node scripts/demo/make-provinces.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'data/demo/province_indices.csv');
const HEADER = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn';
const SOURCE = 'Dữ liệu minh họa';

// old_province,papi_hnks_code,papi_hnks_name,new_unit_2025,… (no quoted cells)
const REFS = fs
  .readFileSync(path.join(root, 'data/ref/provinces_63_to_34.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({ old: c[0], code: c[1], neu: c[3] }));
if (REFS.length !== 63) throw new Error(`expected 63 former provinces, got ${REFS.length}`);
const NEW = [...new Set(REFS.map((r) => r.neu))];
if (NEW.length !== 34) throw new Error(`expected 34 provinces, got ${NEW.length}`);

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
const MERGED_YEAR = 2025;
// Index, scale of the file (max), decimals, range of plausible values, noise (one standard-ish step).
const INDICES = [
  { code: 'PCI', max: 100, decimals: 2, lo: 55, hi: 75, noise: 0.6 }, // points 0–100
  { code: 'DTI', max: 1, decimals: 4, lo: 0.3, hi: 0.8, noise: 0.012 }, // ratio 0–1
  { code: 'PAR', max: 100, decimals: 2, lo: 80, hi: 93, noise: 0.45 }, // %
  { code: 'SIPAS', max: 100, decimals: 2, lo: 78, hi: 90, noise: 0.45 }, // %
];

let seed = 20251126;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;

const rows = [HEADER];
for (const ix of INDICES) {
  const span = ix.hi - ix.lo;
  const clamp = (v) => Math.min(ix.hi, Math.max(ix.lo, v));
  // A province's smooth path: a start in the lower two thirds of the range, a steady climb and a slow wave.
  const paths = new Map(
    REFS.map((r) => {
      const base = ix.lo + (0.03 + rand() * 0.62) * span;
      const slope = ((0.08 + rand() * 0.3) * span) / 8;
      const phase = rand() * Math.PI * 2;
      return [r.code, (k) => base + slope * k + 0.02 * span * Math.sin(phase + k * 0.9)];
    }),
  );
  const noise = () => (rand() + rand() - 1) * ix.noise;
  YEARS.forEach((year, k) => {
    for (const r of REFS) {
      const v = round(clamp(paths.get(r.code)(k) + noise()), ix.decimals);
      rows.push([ix.code, year, r.code, r.old, '', v, ix.max, '', '', SOURCE].join(','));
    }
  });
  const k = MERGED_YEAR - YEARS[0];
  for (const neu of NEW) {
    const members = REFS.filter((r) => r.neu === neu);
    const mean = members.reduce((a, r) => a + paths.get(r.code)(k), 0) / members.length;
    const v = round(clamp(mean + noise()), ix.decimals);
    rows.push([ix.code, MERGED_YEAR, neu, neu, '', v, ix.max, '', '', SOURCE].join(','));
  }
}
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${out}: ${rows.length - 1} rows`);
