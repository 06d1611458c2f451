// Generates the SIPAS demo files (data/demo/sipas_items.csv, data/demo/sipas_responses.csv) for the fictional
// commune Xã Hòa An. Deterministic: a seeded PRNG, so re-running gives the same bytes.
// Usage: node scripts/demo/make-sipas.mjs
import fs from 'node:fs';
import path from 'node:path';

const OUT = path.resolve(import.meta.dirname, '../../data/demo');

// Items of the 2017 SIPAS design (22 items over the five elements), worded as the commune's form puts them.
const ITEMS = [
  ['TC1.1', 1, 'Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi', -0.05],
  ['TC1.2', 1, 'Trang thiết bị phục vụ người dân, tổ chức đầy đủ', -0.02],
  ['TC1.3', 1, 'Trang thiết bị phục vụ người dân, tổ chức hiện đại', -0.04],
  ['TC1.4', 1, 'Trang thiết bị phục vụ người dân, tổ chức dễ sử dụng', -0.01],
  ['TC2.1', 2, 'Thủ tục hành chính được niêm yết công khai đầy đủ', 0.02],
  ['TC2.2', 2, 'Thủ tục hành chính được niêm yết công khai chính xác', 0.02],
  ['TC2.3', 2, 'Thành phần hồ sơ phải nộp đúng quy định', 0.0],
  ['TC2.4', 2, 'Phí, lệ phí phải nộp đúng quy định', 0.03],
  ['TC2.5', 2, 'Thời hạn giải quyết ghi trên giấy hẹn đúng quy định', -0.03],
  ['TC3.1', 3, 'Công chức có thái độ giao tiếp lịch sự', 0.03],
  ['TC3.2', 3, 'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức', 0.02],
  ['TC3.3', 3, 'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức', 0.0],
  ['TC3.4', 3, 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo', 0.01],
  ['TC3.5', 3, 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu', -0.01],
  ['TC3.6', 3, 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 0.02],
  ['TC4.1', 4, 'Kết quả giải quyết thủ tục hành chính đúng quy định', 0.03],
  ['TC4.2', 4, 'Kết quả giải quyết có thông tin đầy đủ', 0.01],
  ['TC4.3', 4, 'Kết quả giải quyết có thông tin chính xác', 0.01],
  ['TC5.1', 5, 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị', -0.03],
  ['TC5.2', 5, 'Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị', -0.05],
  ['TC5.3', 5, 'Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị', -0.06],
  ['TC5.4', 5, 'Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị', -0.08],
];

const QUARTERS = [];
for (let y = 2024; y <= 2026; y++) for (let q = 1; q <= 4; q++) if (y < 2026 || q <= 3) QUARTERS.push(`${y}-Q${q}`);

// Service points: base satisfaction, its drift per quarter, respondents per quarter.
const POINTS = [
  { code: 'X001-TTPV', short: 'TTPV', base: 0.875, drift: 0.005, min: 280, max: 400 },
  { code: 'X001-DTN1', short: 'DTN1', base: 0.86, drift: 0.004, min: 150, max: 240 },
  { code: 'X001-DTN2', short: 'DTN2', base: 0.89, drift: 0.002, min: 150, max: 200 },
];
// The Tây village point was closed for repairs most of 2025-Q3: few forms, to show "ít phiếu".
const FEW = { 'X001-DTN2|2025-Q3': 24 };

const LABELS = { 5: 'Rất hài lòng', 4: 'Hài lòng', 3: 'Bình thường', 2: 'Không hài lòng', 1: 'Rất không hài lòng' };

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20260101);
const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

function answer(p) {
  if (rnd() < p) return rnd() < 0.42 ? 5 : 4;
  const u = rnd();
  return u < 0.66 ? 3 : u < 0.93 ? 2 : 1;
}

const header = ['Kỳ', 'Mã đơn vị', 'Mã phiếu', ...ITEMS.map((i) => i[0])];
const lines = [header.join(',')];
QUARTERS.forEach((period, qi) => {
  // A quarter-wide swing (staff changes, peak season) so some periods miss 90% and others pass.
  const season = [-0.02, 0.01, -0.01, 0.015][qi % 4];
  for (const pt of POINTS) {
    const respondents = FEW[`${pt.code}|${period}`] ?? between(pt.min, pt.max);
    const base = pt.base + pt.drift * qi + season + (rnd() - 0.5) * 0.03;
    // Paper forms are typed in with the answer labels, kiosk forms export numbers.
    const labelShare = qi < 4 ? 0.35 : 0.15;
    for (let r = 1; r <= respondents; r++) {
      const shift = (rnd() - 0.5) * 0.12;
      const asLabels = rnd() < labelShare;
      const allBlank = rnd() < 0.006;
      const cells = ITEMS.map(([, element, , offset]) => {
        const blankP = element === 5 ? 0.22 : 0.03;
        if (allBlank || rnd() < blankP) return '';
        const a = answer(clamp(base + offset + shift, 0.3, 0.995));
        return asLabels ? LABELS[a] : String(a);
      });
      const id = `${pt.short}-${period.replace('-', '')}-${String(r).padStart(4, '0')}`;
      lines.push([period, pt.code, id, ...cells].join(','));
    }
  }
});

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'sipas_responses.csv'), lines.join('\n') + '\n');
const items = ['Mã câu hỏi,Yếu tố,Nội dung', ...ITEMS.map(([code, el, text]) => `${code},${el},"${text}"`)];
fs.writeFileSync(path.join(OUT, 'sipas_items.csv'), items.join('\n') + '\n');
console.log(`sipas_responses.csv: ${lines.length - 1} responses; sipas_items.csv: ${ITEMS.length} items`);
