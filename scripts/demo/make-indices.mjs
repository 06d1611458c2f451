// Writes data/demo/commune_indices.csv: an ILLUSTRATIVE PAR Index 2021–2025 for the fictional commune
// "Xã Hòa An" (X001) and 19 other fictional communes of the demo province, so its rank, the median and the
// best commune are real computations. For every year that data/demo/par_scores.csv covers, Hòa An's total and
// lĩnh vực are its appraised scores in those files, computed as the PAR pages compute them (par-index.mjs), so the
// overview and the PAR workspace show the same number; its earlier years and the other communes are invented.
// Deterministic (seeded); run after make-par.mjs: node scripts/demo/make-par.mjs && node scripts/demo/make-indices.mjs
import fs from 'node:fs';
import path from 'node:path';
import { parIndices, round2 } from './par-index.mjs';

const out = path.resolve(import.meta.dirname, '../../data/demo/commune_indices.csv');
const HEADER = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn';
const SOURCE = 'Dữ liệu minh họa';

// Fictional communes (X001 is the demo commune of data/demo/units.csv).
const COMMUNES = [
  'Xã Hòa An', 'Xã Tân Lập', 'Xã Phước Sơn', 'Xã Bình Minh', 'Xã Đông Hải', 'Xã Tây Hòa', 'Xã Trung Sơn',
  'Xã Hưng Thịnh', 'Xã Thanh Tân', 'Xã Quảng Lợi', 'Xã Vĩnh Xuân', 'Xã An Phú', 'Xã Lộc Điền', 'Xã Hương Trà',
  'Xã Phong Hải', 'Xã Điền Lộc', 'Xã Thủy Bằng', 'Xã Nam Đông', 'Xã A Lưới Tây', 'Xã Quảng Thọ',
];
const YEARS = [2021, 2022, 2023, 2024, 2025];
// Hòa An's PAR Index from the PAR demo files, and the criteria tree of each year: every commune of the province is
// scored on the same tree, so the 8 lĩnh vực and their maximum points are the year's (the earliest tree before it).
const par = parIndices();
const treeYears = [...par.trees.keys()].sort((a, b) => a - b);
if (!treeYears.length) throw new Error('data/demo/par_criteria.csv is empty: run scripts/demo/make-par.mjs first');
const fieldsOf = (year) => par.trees.get(year) ?? par.trees.get(year < treeYears[0] ? treeYears[0] : treeYears[treeYears.length - 1]);
const FIELDS = (year) => fieldsOf(year).filter((c) => !c.code.includes('.')).map((c) => [c.code, c.max]);
const HOA_AN_PAR = (year) => {
  const u = par.byYear.get(year)?.get('X001');
  if (u && u.appraisedIndex === null) throw new Error(`${year}: Xã Hòa An is not fully appraised in par_scores.csv`);
  return u ?? null;
};
// Hòa An's story before the PAR files: steady improvement (the years the files cover continue it).
const HOA_AN = { 2021: 0.815, 2022: 0.838, 2023: 0.861, 2024: 0.884, 2025: 0.912 };

let seed = 20251014;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const rows = [HEADER];
const r2 = (v) => Math.round(v * 100) / 100;
COMMUNES.forEach((name, i) => {
  const code = `X${String(i + 1).padStart(3, '0')}`;
  const base = 0.74 + rand() * 0.17;
  YEARS.forEach((year, k) => {
    const level = i === 0 ? HOA_AN[year] : Math.min(0.97, base + k * 0.008 + (rand() - 0.5) * 0.04);
    let parts = FIELDS(year).map(([f, max]) => [f, max, r2(max * Math.min(1, level + (rand() - 0.5) * 0.08))]);
    let total = r2((100 * parts.reduce((a, [, , s]) => a + s, 0)) / parts.reduce((a, [, m]) => a + m, 0));
    const own = i === 0 ? HOA_AN_PAR(year) : null;
    if (own) {
      // as appraised in the PAR files: points per lĩnh vực over its applicable max, total = the appraised index
      parts = own.domains.filter((d) => d.applicableMax > 0).map((d) => [d.code, d.applicableMax, round2(d.appraised)]);
      total = own.appraisedIndex;
    }
    rows.push(['PAR', year, code, name, '', total, 100, '', '', SOURCE].join(','));
    for (const [f, max, s] of parts) rows.push(['PAR', year, code, name, f, s, max, '', '', SOURCE].join(','));
  });
});
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${out}: ${rows.length - 1} rows`);
