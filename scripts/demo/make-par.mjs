// Writes the PAR demo files data/demo/par_criteria.csv and data/demo/par_scores.csv for the fictional commune
// "Xã Hòa An" (X001) and its units (data/demo/units.csv), 2022–2025. Deterministic (seeded PRNG): running it twice
// gives the same bytes. Run it before make-indices.mjs, which takes the commune's PAR Index from these files.
// Usage: node scripts/demo/make-par.mjs && node scripts/demo/make-indices.mjs
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const OUT = path.join(ROOT, 'data', 'demo');

// ---- The criteria tree: lĩnh vực → tiêu chí → tiêu chí thành phần, modelled on provincial commune-level sets. ----
// [code, name, max]; leaves are the rows without children. Max points of children add up to the parent; total 100.
const TREE_2024 = [
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 12],
  ['1.1', 'Kế hoạch cải cách hành chính năm', 2],
  ['1.1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn', 1],
  ['1.1.2', 'Mức độ hoàn thành kế hoạch CCHC', 1],
  ['1.2', 'Báo cáo cải cách hành chính', 2],
  ['1.2.1', 'Báo cáo đầy đủ số lượng theo quy định', 1],
  ['1.2.2', 'Báo cáo đúng thời hạn', 1],
  ['1.3', 'Kiểm tra công tác cải cách hành chính', 2],
  ['1.4', 'Thông tin, tuyên truyền cải cách hành chính', 2],
  ['1.5', 'Sáng kiến, giải pháp mới trong cải cách hành chính', 2],
  ['1.6', 'Thực hiện nhiệm vụ được cấp trên giao', 2],
  ['2', 'Cải cách thể chế', 9],
  ['2.1', 'Xây dựng, ban hành văn bản quy phạm pháp luật', 3],
  ['2.1.1', 'Thực hiện đúng quy trình xây dựng văn bản', 1.5],
  ['2.1.2', 'Lấy ý kiến đối tượng chịu tác động', 1.5],
  ['2.2', 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật', 2],
  ['2.3', 'Tổ chức thực hiện và kiểm tra việc thi hành văn bản', 2],
  ['2.4', 'Theo dõi tình hình thi hành pháp luật', 2],
  ['3', 'Cải cách thủ tục hành chính', 16],
  ['3.1', 'Công khai thủ tục hành chính', 3],
  ['3.1.1', 'Niêm yết công khai TTHC tại Bộ phận Một cửa', 1.5],
  ['3.1.2', 'Công khai TTHC trên Cổng thông tin điện tử', 1.5],
  ['3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', 5],
  ['3.2.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 3],
  ['3.2.2', 'Xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn', 1],
  ['3.2.3', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 1],
  ['3.3', 'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC', 3],
  ['3.4', 'Rà soát, đơn giản hóa thủ tục hành chính', 2],
  ['3.5', 'Kiểm soát thủ tục hành chính', 3],
  ['4', 'Cải cách tổ chức bộ máy hành chính', 8],
  ['4.1', 'Thực hiện quy định về chức năng, nhiệm vụ, cơ cấu tổ chức', 3],
  ['4.2', 'Quản lý, sử dụng biên chế được giao', 3],
  ['4.3', 'Thực hiện phân cấp, ủy quyền', 2],
  ['5', 'Cải cách chế độ công vụ', 12],
  ['5.1', 'Xác định và thực hiện vị trí việc làm', 2],
  ['5.2', 'Tuyển dụng, sử dụng và quản lý cán bộ, công chức', 3],
  ['5.2.1', 'Bố trí công chức đúng vị trí việc làm', 1.5],
  ['5.2.2', 'Đánh giá, xếp loại chất lượng cán bộ, công chức', 1.5],
  ['5.3', 'Đào tạo, bồi dưỡng cán bộ, công chức', 2],
  ['5.4', 'Kỷ luật, kỷ cương hành chính', 3],
  ['5.4.1', 'Chấp hành giờ giấc làm việc, văn hóa công sở', 1.5],
  ['5.4.2', 'Không có cán bộ, công chức bị kỷ luật', 1.5],
  ['5.5', 'Cán bộ, công chức cấp xã đạt chuẩn', 2],
  ['6', 'Cải cách tài chính công', 8],
  ['6.1', 'Thực hiện dự toán ngân sách được giao', 3],
  ['6.2', 'Công khai ngân sách theo quy định', 2],
  ['6.3', 'Thực hiện quy chế chi tiêu nội bộ, quản lý tài sản công', 3],
  ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 15],
  ['7.1', 'Ứng dụng công nghệ thông tin trong hoạt động', 4],
  ['7.1.1', 'Tỷ lệ văn bản điện tử gửi, nhận qua hệ thống quản lý văn bản', 2],
  ['7.1.2', 'Sử dụng chữ ký số trong văn bản điện tử', 2],
  ['7.2', 'Cung cấp dịch vụ công trực tuyến', 6],
  ['7.2.1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 3],
  ['7.2.2', 'Tỷ lệ thanh toán trực tuyến', 3],
  ['7.3', 'Bảo đảm an toàn thông tin mạng', 2],
  ['7.4', 'Thực hiện chuyển đổi số', 3],
  ['8', 'Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội', 20],
  ['8.1', 'Mức độ hài lòng của người dân, tổ chức (SIPAS)', 8],
  ['8.2', 'Thực hiện các chỉ tiêu phát triển kinh tế – xã hội', 6],
  ['8.3', 'Thu ngân sách nhà nước trên địa bàn', 3],
  ['8.4', 'Tổ chức thực hiện chính sách an sinh xã hội', 3],
];

// 2025: the set reissued after the merger — digital government weighs more, chuyển đổi số gets components.
const TREE_2025 = TREE_2024.flatMap(([code, name, max]) => {
  if (code === '1.6') return [[code, 'Thực hiện nhiệm vụ được UBND tỉnh giao', max]];
  if (code === '7') return [[code, name, 16]];
  if (code === '7.4')
    return [
      [code, 'Thực hiện chuyển đổi số', 4],
      ['7.4.1', 'Phát triển dữ liệu số, kết nối cơ sở dữ liệu', 2],
      ['7.4.2', 'Sử dụng nền tảng số dùng chung', 2],
    ];
  if (code === '8') return [[code, name, 19]];
  if (code === '8.1') return [[code, name, 7]];
  return [[code, name, max]];
});

// 2023 and 2022: the sets before the merger — districts still gave the commune its tasks, Đề án 06 weighed in
// chuyển đổi số; in 2022 online services were still counted by "mức độ 3, 4" and digitising records was not scored.
const TREE_2023 = TREE_2024.map(([code, name, max]) => {
  if (code === '1.6') return [code, 'Thực hiện nhiệm vụ được UBND huyện giao', max];
  if (code === '7.4') return [code, 'Triển khai Đề án 06 và chuyển đổi số', max];
  return [code, name, max];
});
const TREE_2022 = TREE_2023.flatMap(([code, name, max]) => {
  if (code === '3.2.1') return [[code, name, 3.5]];
  if (code === '3.2.2') return [[code, name, 1.5]];
  if (code === '3.2.3') return [];
  if (code === '7.2') return [[code, 'Cung cấp dịch vụ công trực tuyến mức độ 3, 4', max]];
  if (code === '7.2.1') return [[code, 'Tỷ lệ hồ sơ trực tuyến mức độ 3, 4', 4]];
  if (code === '7.2.2') return [[code, name, 2]];
  return [[code, name, max]];
});
const YEARS = [
  [2022, TREE_2022],
  [2023, TREE_2023],
  [2024, TREE_2024],
  [2025, TREE_2025],
];
const LATEST = YEARS[YEARS.length - 1][0];

function checkTree(tree, year) {
  const max = new Map(tree.map(([c, , m]) => [c, m]));
  const parentOf = (c) => c.split('.').slice(0, -1).join('.');
  const sums = new Map();
  for (const [c, , m] of tree) {
    const p = parentOf(c);
    if (p) sums.set(p, (sums.get(p) ?? 0) + m);
  }
  for (const [p, s] of sums) if (Math.abs(s - max.get(p)) > 1e-9) throw new Error(`${year} ${p}: children add to ${s}, max ${max.get(p)}`);
  const total = tree.filter(([c]) => !c.includes('.')).reduce((a, [, , m]) => a + m, 0);
  if (total !== 100) throw new Error(`${year}: total ${total}`);
}
for (const [year, tree] of YEARS) checkTree(tree, year);

// ---- Units (named as in data/demo/units.csv): quality per year 2022–2025 drives the appraised scores, bias how
// much they over-score. The service points under the one-stop centre are not scored on their own. ----
const PROFILE = [
  { code: 'X001', kind: 'commune', quality: [0.8, 0.83, 0.855, 0.9], bias: 0.35 },
  { code: 'X001-VP', kind: 'office', quality: [0.86, 0.88, 0.9, 0.94], bias: 0.25 },
  { code: 'X001-KT', kind: 'office', quality: [0.78, 0.8, 0.8, 0.84], bias: 0.45 },
  { code: 'X001-VHXH', kind: 'office', quality: [0.8, 0.83, 0.85, 0.89], bias: 0.3 },
  { code: 'X001-TTPV', kind: 'onestop', quality: [0.86, 0.89, 0.91, 0.97], bias: 0.2 },
  { code: 'X001-DVTH', kind: 'service', quality: [0.74, 0.72, 0.7, 0.77], bias: 0.6 },
  { code: 'X001-TYT', kind: 'service', quality: [0.72, 0.74, 0.76, 0.8], bias: 0.4 },
  { code: 'X001-THCS', kind: 'service', quality: [0.8, 0.81, 0.82, 0.86], bias: 0.35 },
  { code: 'X001-TH', kind: 'service', quality: [0.76, 0.79, 0.8, 0.85], bias: 0.5 },
  { code: 'X001-MN', kind: 'service', quality: [0.64, 0.62, 0.6, 0.7], bias: 0.55 },
  { code: 'X001-THCS2', kind: 'service', quality: [0.74, 0.8, 0.79, 0.82], bias: 0.4 },
  { code: 'X001-TH2', kind: 'service', quality: [0.82, 0.84, 0.86, 0.88], bias: 0.3 },
  { code: 'X001-TH3', kind: 'service', quality: [0.7, 0.73, 0.75, 0.74], bias: 0.45 },
  { code: 'X001-MN2', kind: 'service', quality: [0.68, 0.71, 0.73, 0.79], bias: 0.5 },
];
const UNIT_NAMES = new Map(
  fs
    .readFileSync(path.join(OUT, 'units.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .map(([c, n]) => [c, n]),
);
const UNITS = PROFILE.map((p) => {
  if (!UNIT_NAMES.has(p.code)) throw new Error(`${p.code} is not in data/demo/units.csv`);
  return { ...p, name: UNIT_NAMES.get(p.code) };
});

// Criteria a unit has no part in are "không áp dụng" (its max is left out of the index, as the rules say).
function applies(unit, code) {
  const k = unit.kind;
  const commune = k === 'commune';
  if (code.startsWith('2.1.')) return commune || unit.code === 'X001-VP';
  if (code.startsWith('3.2.') || code.startsWith('7.2.')) return commune || k === 'onestop';
  if (code === '3.1.1' || code === '3.5') return commune || k === 'onestop' || unit.code === 'X001-VP';
  if (code === '5.5') return commune || k === 'office' || k === 'onestop';
  if (code === '8.2' || code === '8.3') return commune || unit.code === 'X001-KT';
  if (code === '8.4') return commune || unit.code === 'X001-VHXH' || unit.code === 'X001-TYT';
  return true;
}

// mulberry32: a tiny seeded PRNG, so the files are the same on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20251125);
// scores are given in quarter points
const snap = (v, max) => Math.min(max, Math.max(0, Math.round(v * 4) / 4));

const EVIDENCE = {
  '1.1.1': 'Kế hoạch số {n}/KH-UBND ngày 12/01/{y}',
  '1.1.2': 'Báo cáo kết quả thực hiện kế hoạch số {n}/BC-UBND',
  '1.2.1': 'Các báo cáo quý I, II, III và năm {y}',
  '1.2.2': 'Sổ theo dõi văn bản đi',
  1.3: 'Kế hoạch kiểm tra số {n}/KH-UBND; biên bản kiểm tra',
  1.4: 'Kế hoạch tuyên truyền số {n}/KH-UBND; ảnh hoạt động',
  1.5: 'Quyết định công nhận sáng kiến số {n}/QĐ-UBND',
  1.6: 'Báo cáo thực hiện nhiệm vụ được giao số {n}/BC',
  '2.1.1': 'Hồ sơ xây dựng Nghị quyết số {n}/NQ-HĐND',
  '2.1.2': 'Văn bản lấy ý kiến; bản tổng hợp ý kiến',
  2.2: 'Báo cáo rà soát văn bản năm {y}',
  2.3: 'Báo cáo kiểm tra thi hành văn bản',
  2.4: 'Báo cáo theo dõi thi hành pháp luật năm {y}',
  '3.1.1': 'Ảnh chụp bảng niêm yết tại Bộ phận Một cửa',
  '3.1.2': 'Đường dẫn trang TTHC trên Cổng TTĐT xã',
  '3.2.1': 'Số liệu Hệ thống thông tin giải quyết TTHC tỉnh',
  '3.2.2': 'Các phiếu xin lỗi hồ sơ quá hạn',
  '3.2.3': 'Báo cáo số hóa hồ sơ số {n}/BC-TTPV',
  3.3: 'Sổ theo dõi phản ánh, kiến nghị',
  3.4: 'Báo cáo rà soát TTHC số {n}/BC-UBND',
  3.5: 'Báo cáo kiểm soát TTHC quý IV/{y}',
  4.1: 'Quyết định quy định chức năng, nhiệm vụ số {n}/QĐ-UBND',
  4.2: 'Báo cáo biên chế năm {y}',
  4.3: 'Quyết định ủy quyền số {n}/QĐ-UBND',
  5.1: 'Đề án vị trí việc làm được phê duyệt',
  '5.2.1': 'Quyết định phân công nhiệm vụ số {n}/QĐ',
  '5.2.2': 'Kết quả đánh giá, xếp loại năm {y}',
  5.3: 'Danh sách cán bộ đi đào tạo, bồi dưỡng',
  '5.4.1': 'Sổ theo dõi giờ làm việc',
  '5.4.2': 'Báo cáo tình hình kỷ luật năm {y}',
  5.5: 'Bảng tổng hợp trình độ cán bộ, công chức',
  6.1: 'Báo cáo quyết toán ngân sách năm {y}',
  6.2: 'Thông báo công khai dự toán, quyết toán',
  6.3: 'Quy chế chi tiêu nội bộ; sổ tài sản',
  '7.1.1': 'Thống kê từ hệ thống quản lý văn bản',
  '7.1.2': 'Thống kê chữ ký số',
  '7.2.1': 'Số liệu Cổng dịch vụ công',
  '7.2.2': 'Số liệu thanh toán trực tuyến',
  7.3: 'Báo cáo an toàn thông tin năm {y}',
  7.4: 'Kế hoạch chuyển đổi số số {n}/KH-UBND',
  '7.4.1': 'Danh mục cơ sở dữ liệu đã kết nối',
  '7.4.2': 'Báo cáo sử dụng nền tảng số',
  8.1: 'Kết quả khảo sát SIPAS năm {y}',
  8.2: 'Báo cáo kinh tế – xã hội năm {y}',
  8.3: 'Báo cáo thu ngân sách năm {y}',
  8.4: 'Báo cáo thực hiện chính sách an sinh xã hội',
};
const EVIDENCE_BEFORE_2024 = {
  1.6: 'Báo cáo thực hiện nhiệm vụ UBND huyện giao số {n}/BC',
  '7.2.1': 'Số liệu Cổng dịch vụ công (mức độ 3, 4)',
  7.4: 'Kế hoạch triển khai Đề án 06 số {n}/KH-UBND',
};
const NOTES_LOST = ['Chưa đủ tài liệu kiểm chứng', 'Báo cáo gửi chậm', 'Tỷ lệ chưa đạt chỉ tiêu', 'Thực hiện chưa đầy đủ', 'Trừ điểm theo kết quả kiểm tra'];

// The latest year's appraisal is still running for these units: some leaves have no appraised score yet.
const UNFINISHED_LATEST = { 'X001-TH': ['7', '8'], 'X001-MN': ['8'], 'X001-DVTH': ['5.4.1', '6.2'] };

function leavesOf(tree) {
  const codes = tree.map(([c]) => c);
  return tree.filter(([c]) => !codes.some((o) => o.startsWith(c + '.')));
}

const fmt = (v) => (Number.isInteger(v) ? String(v) : String(v));
function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const line = (cells) => cells.map(csvField).join(',');

const criteriaLines = [line(['Năm', 'Mã tiêu chí', 'Tiêu chí', 'Điểm tối đa'])];
const scoreLines = [line(['Năm', 'Mã đơn vị', 'Tên đơn vị', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú'])];

for (const [yi, [year, tree]] of YEARS.entries()) {
  for (const [code, name, max] of tree) criteriaLines.push(line([year, code, name, fmt(max)]));
  for (const unit of UNITS) {
    const q = unit.quality[yi];
    let docNo = 10 + Math.floor(rand() * 80);
    for (const [code, , max] of leavesOf(tree)) {
      if (!applies(unit, code)) {
        scoreLines.push(line([year, unit.code, unit.name, code, 'không áp dụng', 'không áp dụng', '', '']));
        continue;
      }
      // appraised: around the unit's quality, full marks often; self: the same or a little above
      const appraised = snap(max * Math.min(1, Math.max(0.2, q + 0.06 + (rand() - 0.5) * 0.6)), max);
      const over = rand() < unit.bias ? snap(max * (0.1 + rand() * 0.35), max) : 0;
      const under = rand() < 0.04 ? snap(max * 0.25, max) : 0; // a rare modest self-assessment
      const self = snap(appraised + over - under, max);
      const missingEvidence = rand() < 0.07 + (1 - q) * 0.3;
      const text = (year < 2024 && EVIDENCE_BEFORE_2024[code]) || EVIDENCE[code] || 'Tài liệu kèm theo';
      const evidence = missingEvidence ? '' : text.replace('{n}', String(docNo++)).replace('{y}', String(year));
      const unfinished = year === LATEST && (UNFINISHED_LATEST[unit.code] ?? []).some((p) => code === p || code.startsWith(p + '.'));
      const note = unfinished ? 'Đang thẩm định' : appraised < self ? NOTES_LOST[Math.floor(rand() * NOTES_LOST.length)] : '';
      scoreLines.push(line([year, unit.code, unit.name, code, fmt(self), unfinished ? '' : fmt(appraised), evidence, note]));
    }
  }
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'par_criteria.csv'), criteriaLines.join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'par_scores.csv'), scoreLines.join('\n') + '\n');
console.log(`par_criteria.csv: ${criteriaLines.length - 1} rows; par_scores.csv: ${scoreLines.length - 1} rows`);
