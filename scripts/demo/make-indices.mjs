// Writes data/demo/commune_indices.csv: an ILLUSTRATIVE PAR Index 2021–2025 for the fictional commune
// "Xã Hòa An" (X001) and 19 other fictional communes of the demo province, so its rank, the median and the
// best commune are real computations. Deterministic (seeded); run: node scripts/demo/make-indices.mjs
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '../../data/demo/commune_indices.csv');
const HEADER = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn';
const SOURCE = 'Dữ liệu minh họa';

// Fictional communes (X001 is the demo commune of data/demo/units.csv).
const COMMUNES = [
  'Xã Hòa An', 'Xã Tân Lập', 'Xã Phước Sơn', 'Xã Bình Minh', 'Xã Đông Hải', 'Xã Tây Hòa', 'Xã Trung Sơn',
  'Xã Hưng Thịnh', 'Xã Thanh Tân', 'Xã Quảng Lợi', 'Xã Vĩnh Xuân', 'Xã An Phú', 'Xã Lộc Điền', 'Xã Hương Trà',
  'Xã Phong Hải', 'Xã Điền Lộc', 'Xã Thủy Bằng', 'Xã Nam Đông', 'Xã A Lưới Tây', 'Xã Quảng Thọ',
];
// The 8 lĩnh vực of a commune's PAR Index and their maximum points (illustrative; provinces set their own).
const FIELDS = [['1', 10], ['2', 8], ['3', 14], ['4', 8], ['5', 12], ['6', 8], ['7', 10], ['8', 30]];
const YEARS = [2021, 2022, 2023, 2024, 2025];
// Hòa An's story: steady improvement, into Xuất sắc (≥ 90%) in 2025.
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
    const parts = FIELDS.map(([f, max]) => [f, max, r2(max * Math.min(1, level + (rand() - 0.5) * 0.08))]);
    const total = r2((100 * parts.reduce((a, [, , s]) => a + s, 0)) / parts.reduce((a, [, m]) => a + m, 0));
    rows.push(['PAR', year, code, name, '', total, 100, '', '', SOURCE].join(','));
    for (const [f, max, s] of parts) rows.push(['PAR', year, code, name, f, s, max, '', '', SOURCE].join(','));
  });
});
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${out}: ${rows.length - 1} rows`);
