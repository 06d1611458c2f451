// Writes data/demo/commune_indices.csv: an ILLUSTRATIVE PAR Index 2021–2025 for the fictional commune
// "Xã Hòa An" (X001) and the communes around it, so its rank, the median and the best commune are real computations.
// The neighbours carry real names of Huế with invented scores: until 2024 the 19 former communes that became five new
// communes on 1/7/2025 (data/ref/communes_2025.json), from 2025 those five — as a province publishes them — so the
// index page's "xã, phường mới / cũ" switch has something to show. Hòa An is fictional and in no crosswalk. For every year that data/demo/par_scores.csv covers, Hòa An's total and
// lĩnh vực are its appraised scores in those files, computed as the PAR pages compute them (par-index.mjs), so the
// overview and the PAR workspace show the same number; its earlier years and the other communes are invented.
// Deterministic (seeded); run after make-par.mjs: node scripts/demo/make-par.mjs && node scripts/demo/make-indices.mjs
import fs from 'node:fs';
import path from 'node:path';
import { parIndices, round2 } from './par-index.mjs';

const out = path.resolve(import.meta.dirname, '../../data/demo/commune_indices.csv');
const HEADER = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn';
const SOURCE = 'Dữ liệu minh họa';

// X001 is the demo commune of data/demo/units.csv. New commune → its former communes, as in communes_2025.json (Huế).
const MERGED = [
  ['Xã Đan Điền', ['Xã Quảng Thái', 'Xã Quảng Lợi', 'Xã Quảng Vinh', 'Xã Quảng Phú']],
  ['Xã Quảng Điền', ['Thị trấn Sịa', 'Xã Quảng Phước', 'Xã Quảng An', 'Xã Quảng Thọ']],
  ['Xã Lộc An', ['Xã Lộc Hòa', 'Xã Lộc Điền', 'Xã Lộc An']],
  ['Xã Phú Vinh', ['Xã Phú Diên', 'Xã Vinh Xuân', 'Xã Vinh An', 'Xã Vinh Thanh']],
  ['Xã Vinh Lộc', ['Xã Vinh Hưng', 'Xã Vinh Mỹ', 'Xã Giang Hải', 'Xã Vinh Hiền']],
];
const FORMERS = MERGED.flatMap(([, formers]) => formers);
const YEARS = [2021, 2022, 2023, 2024, 2025];
// Hòa An's PAR Index from the PAR demo files, and the criteria tree of each year: every commune of the province is
// scored on the same tree, so the 8 lĩnh vực and their maximum points are the year's (the earliest tree before it).
const par = parIndices();
const treeYears = [...par.trees.keys()].sort((a, b) => a - b);
if (!treeYears.length) throw new Error('data/demo/par_criteria.csv is empty: run scripts/demo/make-par.mjs first');
const fieldsOf = (year) => par.trees.get(year) ?? par.trees.get(year < treeYears[0] ? treeYears[0] : treeYears[treeYears.length - 1]);
const FIELDS = (year) =>
  fieldsOf(year)
    .filter((c) => !c.code.includes('.'))
    .map((c) => [c.code, c.max]);
const HOA_AN_PAR = (year) => {
  const u = par.byYear.get(year)?.get('X001');
  if (u && u.appraisedIndex === null) throw new Error(`${year}: Xã Hòa An is not fully appraised in par_scores.csv`);
  return u ?? null;
};
// Hòa An's story before the PAR files: steady improvement (the years the files cover continue it).
const HOA_AN = { 2021: 0.815, 2022: 0.838, 2023: 0.861, 2024: 0.884, 2025: 0.912 };

let seed = 20251014;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const rows = [HEADER];
const r2 = (v) => Math.round(v * 100) / 100;
/** One commune-year: the total and its lĩnh vực, at a level (share of the maximum) with noise per lĩnh vực. */
function push(code, name, year, level) {
  let parts = FIELDS(year).map(([f, max]) => [f, max, r2(max * Math.min(1, level + (rand() - 0.5) * 0.08))]);
  let total = r2((100 * parts.reduce((a, [, , s]) => a + s, 0)) / parts.reduce((a, [, m]) => a + m, 0));
  const own = code === 'X001' ? HOA_AN_PAR(year) : null;
  if (own) {
    // as appraised in the PAR files: points per lĩnh vực over its applicable max, total = the appraised index
    parts = own.domains.filter((d) => d.applicableMax > 0).map((d) => [d.code, d.applicableMax, round2(d.appraised)]);
    total = own.appraisedIndex;
  }
  rows.push(['PAR', year, code, name, '', total, 100, '', '', SOURCE].join(','));
  for (const [f, max, s] of parts) rows.push(['PAR', year, code, name, f, s, max, '', '', SOURCE].join(','));
}
for (const year of YEARS) push('X001', 'Xã Hòa An', year, HOA_AN[year]);
// Former communes until 2024: a level each, a slow rise and noise; a new commune in 2025 continues their mean.
const lastLevel = new Map();
FORMERS.forEach((name, i) => {
  const base = 0.74 + rand() * 0.17;
  YEARS.filter((y) => y < 2025).forEach((year, k) => {
    const level = Math.min(0.97, base + k * 0.008 + (rand() - 0.5) * 0.04);
    lastLevel.set(name, level);
    push(`X${String(i + 2).padStart(3, '0')}`, name, year, level);
  });
});
MERGED.forEach(([name, formers], i) => {
  const mean = formers.reduce((a, f) => a + lastLevel.get(f), 0) / formers.length;
  push(`X${101 + i}`, name, 2025, Math.min(0.97, mean + 0.01 + (rand() - 0.5) * 0.03));
});
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${out}: ${rows.length - 1} rows`);
