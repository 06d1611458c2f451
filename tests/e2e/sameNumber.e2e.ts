// Same number everywhere (issue 16): the user's PAR index and band, SIPAS rate and n, and the PAPI, PCI and DTI score
// and rank read the same on the overview card, the index page, the PAR or SIPAS page, the deck (its overview slide and
// each index's pinned trend) and the printed report — for the demo and for files imported on Dữ liệu. The expected
// figures are computed here from the files themselves (the shipped demo CSVs, or the fixture this test writes), with
// the rules of /work/shared/domain.md written out by hand: never read back from one view to check another.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launch, openApp, screenshot, waitReady } from './browser';

const SLOW = { timeout: 600_000 };
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

// ---- Reading the files --------------------------------------------------------------------------------------------

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((x) => x !== ''));
}

/** Rows as objects by header. */
function records(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, (r[i] ?? '').normalize('NFC')])));
}

// ---- The rules, as domain.md writes them --------------------------------------------------------------------------

/** Competition rank at `d` decimals (ties share a rank), higher is better. */
function rankOf(values: ReadonlyMap<string, number>, key: string, d: number): number {
  const r = (v: number) => Math.round(v * 10 ** d);
  const own = r(values.get(key)!);
  return 1 + [...values.values()].filter((v) => r(v) > own).length;
}

/** PAR bands by default (domain.md: ≥ 90 / ≥ 80 / ≥ 70 / ≥ 50 / below), on the index at two decimals. */
function parBand(index: number): string {
  const v = Math.round(index * 100) / 100;
  return v >= 90 ? 'Xuất sắc' : v >= 80 ? 'Tốt' : v >= 70 ? 'Khá' : v >= 50 ? 'Trung bình' : 'Yếu';
}

/** Quartile of rank, as PAPI groups provinces (1 = top quarter); only with four ranked units or more. */
function quartileLabel(rank: number, of: number): string | null {
  if (of < 4) return null;
  const q = Math.min(4, Math.floor(((rank - 1) * 4) / of) + 1);
  return ['Nhóm cao nhất', 'Nhóm trung bình cao', 'Nhóm trung bình thấp', 'Nhóm thấp nhất'][q - 1]!;
}

/** A unit's PAR Index: appraised points ÷ the applicable maximum of its criteria × 100 (leaves of the tree). */
function parIndexFromScores(criteria: Record<string, string>[], scores: Record<string, string>[], unit: string, year: number): number {
  const max = new Map(criteria.filter((c) => Number(c['Năm']) === year).map((c) => [c['Mã tiêu chí']!, Number(c['Điểm tối đa'])]));
  const notApplicable = (v: string) => /^(không áp dụng|kad|n\/a)$/i.test(v.trim());
  let points = 0;
  let applicable = 0;
  for (const s of scores.filter((r) => Number(r['Năm']) === year && r['Mã đơn vị'] === unit)) {
    if (notApplicable(s['Điểm thẩm định']!)) continue;
    points += Number(s['Điểm thẩm định']);
    applicable += max.get(s['Mã tiêu chí']!)!;
  }
  return (100 * points) / applicable;
}

const ANSWER_LEVELS: Record<string, number> = { 'rất hài lòng': 5, 'hài lòng': 4, 'bình thường': 3, 'không hài lòng': 2, 'rất không hài lòng': 1 };

/** SIPAS of a year from answer rows: satisfied (4, 5) ÷ valid answers; a blank answer counts nowhere. */
function sipasOfYear(rows: Record<string, string>[], year: number): { rate: number; n: number; forms: number } {
  let k = 0;
  let n = 0;
  let forms = 0;
  for (const r of rows.filter((x) => x['Kỳ']!.startsWith(String(year)))) {
    forms++;
    for (const [col, raw] of Object.entries(r)) {
      if (!/^TC\d/.test(col) || raw.trim() === '') continue;
      const a = ANSWER_LEVELS[raw.trim().toLowerCase()] ?? Number(raw);
      n++;
      if (a >= 4) k++;
    }
  }
  return { rate: (100 * k) / n, n, forms };
}

// 63 → 34 (the reference list the app ships): PAPI code → new province.
const REF = records(read('data/ref/provinces_63_to_34.csv')).map((r) => ({ code: r['papi_hnks_code']!, neu: r['new_unit_2025']! }));
const PROVINCES_34 = [...new Set(REF.map((r) => r.neu))].sort((a, b) => a.localeCompare(b, 'vi'));

/** PAPI totals of a year on the 34 view: the sum of a province's sub-dimensions, complete with every one measured that
 * year; a merged province the plain mean of its former provinces, only when all are complete (domain.md). */
function papi34(year: number): Map<string, number> {
  const [head, ...rows] = parseCsv(read(`data/papi/csv/${year}.csv`));
  const cols = head!.map((h, i) => [h, i] as const).filter(([h]) => /^SC\d+$/.test(h));
  const measured = cols.filter(([, i]) => rows.some((r) => (r[i] ?? '').trim() !== ''));
  const byCode = new Map(
    rows.map((r) => {
      const vals = measured.map(([, i]) => (r[i] ?? '').trim());
      return [r[0]!, vals.every(Boolean) ? vals.reduce((a, v) => a + Number(v), 0) : null] as const;
    }),
  );
  const out = new Map<string, number>();
  for (const neu of PROVINCES_34) {
    const members = REF.filter((r) => r.neu === neu).map((r) => byCode.get(r.code) ?? null);
    if (members.every((v) => v !== null)) out.set(neu, members.reduce((a, v) => a + v!, 0) / members.length);
  }
  return out;
}

// ---- What each view must read -------------------------------------------------------------------------------------

type Code = 'PAR' | 'SIPAS' | 'PAPI' | 'PCI' | 'DTI';
const CODES: readonly Code[] = ['PAR', 'SIPAS', 'PAPI', 'PCI', 'DTI'];
/** The publisher's own groups are on the card (PAR's bands, PAPI's quartiles); the index page shows every group. */
const GROUP_ON_CARD: Readonly<Record<Code, boolean>> = { PAR: true, SIPAS: false, PAPI: true, PCI: false, DTI: false };

interface Figure {
  unitName: string;
  year: number;
  value: number;
  decimals: number;
  percent: boolean;
  /** Null: shown, not ranked (a commune's SIPAS from its own survey: no peer was surveyed alike). */
  rank: { rank: number; of: number } | null;
  /** The band (PAR) or quartile group; null when there is none. */
  group: string | null;
  /** SIPAS: the valid answers behind the rate. */
  n?: number;
  /** Where the figure comes from, as its source line names it: the rows of the unit's own level, or the answers' files. */
  source: string;
}
type Expected = Record<Code, Figure>;

const num = (v: number, d: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
const int = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(v);
/** The number as a table writes it (no unit). */
const bare = (f: Figure) => num(f.value, f.decimals);
/** The number as a card or a headline writes it: 90,50% for a percentage. */
const withUnit = (f: Figure) => `${bare(f)}${f.percent ? '%' : ''}`;
const trim = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function go(page: Page, hash: string) {
  await page.goto(baseUrl() + hash);
  await waitReady(page);
}

/** The five cards inside `scope` (the overview, the deck's first slide, the report sheet) against the expected figures. */
async function checkCards(scope: Locator, e: Expected, where: string) {
  for (const code of CODES) {
    const f = e[code];
    const card = scope.locator(`[data-testid="card-${code}"]`);
    await card.locator('[data-testid="card-value"]').waitFor({ timeout: 90_000 });
    expect(trim(await card.locator('[data-testid="card-value"]').textContent()), `${where} ${code} value`).toBe(withUnit(f));
    expect(trim(await card.locator('.ix-unit').textContent()), `${where} ${code} unit`).toBe(f.unitName);
    expect(trim(await card.locator('.ix-year').textContent()), `${where} ${code} year`).toMatch(new RegExp(`^${f.year}\\b`));
    const rank = trim(await card.locator('[data-testid="card-rank"]').textContent());
    expect(rank, `${where} ${code} rank`).toMatch(new RegExp(`^${f.rank ? `Hạng ${f.rank.rank}/${f.rank.of}` : 'Chưa xếp hạng'}`));
    const group = (await card.locator('.ix-group').count()) ? trim(await card.locator('.ix-group').textContent()) : null;
    expect(group, `${where} ${code} group`).toBe(GROUP_ON_CARD[code] ? f.group : null);
    if (f.n !== undefined) expect(trim(await card.textContent()), `${where} ${code} n`).toContain(`${int(f.n)} câu trả lời`);
    expect(trim(await card.locator('[data-testid="card-source"]').textContent()), `${where} ${code} source`).toBe(`Nguồn: ${f.source}`);
  }
}

/** The index page of each index: the user's row of the rank table and the last year of its trend's table; pins the trend. */
async function checkIndexPages(page: Page, e: Expected) {
  for (const code of CODES) {
    const f = e[code];
    await go(page, `#/indices/${code}`);
    await page.waitForSelector('[data-testid="rank-table"] tr.own', { timeout: 90_000 });
    expect(await page.inputValue('[data-testid="year-select"]'), `${code} year`).toBe(String(f.year));
    const own = (await page.locator('[data-testid="rank-table"] tr.own td').allTextContents()).map(trim);
    expect([own[0], own[1], own[2], own[5]], `${code} rank table`).toEqual([f.rank ? String(f.rank.rank) : '–', f.unitName, bare(f), f.group ?? '']);
    const trend = (await page.locator('[data-chart="index-trend"] .chart-table tbody tr').last().locator('td').allTextContents()).map(trim);
    expect([trend[0], trend[1], trend[4]], `${code} trend table`).toEqual([String(f.year), bare(f), f.rank ? `${f.rank.rank}/${f.rank.of}` : '–']);
    // The trend may add what its earlier years are computed with (the commune crosswalk, for merged communes).
    expect(trim(await page.textContent('[data-chart="index-trend"] .chart-source')), `${code} source`).toMatch(new RegExp(`^Nguồn: ${escape(f.source)}($|; )`));
    if (code === 'PAR') await screenshot(page, `same-number-${e.PAR.unitName === 'Xã Hòa An' ? 'demo' : 'own'}-index-par`);
    const pin = page.locator('[data-chart="index-trend"] [data-testid="chart-pin"]');
    if ((await pin.getAttribute('aria-pressed')) !== 'true') await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
  }
}

/** The PAR page's row of the commune (computed there from the criteria and scores) and the SIPAS page's year. */
async function checkParAndSipasPages(page: Page, e: Expected) {
  await go(page, `#/par?year=${e.PAR.year}`);
  const own = page.locator('[data-testid="par-matrix"] tr.own');
  await own.waitFor({ timeout: 90_000 });
  expect(trim(await own.locator('th').textContent())).toContain(e.PAR.unitName);
  expect([trim(await own.locator('[data-testid="appraised-index"]').textContent()), trim(await own.locator('[data-testid="band"]').textContent())]).toEqual([
    bare(e.PAR),
    e.PAR.group,
  ]);

  await go(page, `#/sipas?level=year&period=${e.SIPAS.year}`);
  await page.waitForSelector(`[data-testid="sipas-headline"][data-period="${e.SIPAS.year}"]`, { timeout: 90_000 });
  expect(trim(await page.textContent('[data-testid="headline-rate"]'))).toBe(withUnit(e.SIPAS));
  expect(Number(await page.getAttribute('[data-testid="headline-n"]', 'data-n'))).toBe(e.SIPAS.n);
}

/** The trend's tooltip at the latest year, on a slide (hovered from the right edge of the plot): the year, then names and values. */
async function slideTooltip(page: Page, year: number): Promise<string[]> {
  const canvas = page.locator('[data-testid="deck-slide"] canvas').first();
  await canvas.waitFor({ timeout: 90_000 });
  const box = (await canvas.boundingBox())!;
  for (let x = box.x + box.width - 4; x > box.x + box.width / 2; x -= 12) {
    await page.mouse.move(x, box.y + box.height / 2);
    const tip = await page.evaluate(() => {
      const divs = [...document.querySelectorAll<HTMLElement>('[data-testid="deck-slide"] div')];
      // ECharts' tooltip: the absolutely placed box it shows while the pointer is over the plot (hidden ones have no text).
      const shown = divs.find(
        (d) => getComputedStyle(d).position === 'absolute' && getComputedStyle(d).display !== 'none' && d.innerText.trim() !== '' && !d.querySelector('canvas'),
      );
      return shown?.innerText ?? '';
    });
    const lines = tip
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines[0] === String(year)) return lines;
  }
  throw new Error(`no tooltip for ${year}`);
}

/**
 * Trình chiếu: the overview slide's cards, and each index's trend (pinned above, or in the deck's own sequence) at its
 * latest year. The slides are walked one by one: which other slides the deck shows is not this test's business.
 */
async function checkDeck(page: Page, e: Expected, name: string) {
  await page.evaluate(() => (window.location.hash = '#/present'));
  await page.waitForSelector('[data-testid="deck"]');
  const total = Number(/(\d+)$/.exec(trim(await page.textContent('[data-testid="deck-position"]')))![1]);
  const slide = page.locator('[data-testid="deck-slide"]');
  let cards = 0;
  const trends = new Set<Code>();
  for (let i = 1; i <= total; i++) {
    if (i > 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((p) => document.querySelector('[data-testid="deck-position"]')?.textContent === p, `Trang ${i}/${total}`);
    }
    const kind = await slide.getAttribute('data-kind');
    if (kind === 'overview') {
      await checkCards(slide, e, 'deck');
      await screenshot(page, `same-number-${name}-deck-cards`);
      cards++;
      continue;
    }
    if (kind !== 'chart') continue;
    // A chart slide draws once its figures are loaded; only the index trends carry the figures checked here.
    await slide.locator('[data-slide-chart]').waitFor({ timeout: 90_000 });
    if (!(await slide.locator('[data-slide-chart="index-trend"]').count())) continue;
    const title = trim(await slide.locator('.slide-title').textContent());
    const code = CODES.find((c) => title.startsWith(`${c} của ${e[c].unitName},`));
    expect(code, `a trend of the user's units: ${title}`).toBeDefined();
    const f = e[code!];
    // The tooltip lists each series' name and value; the unit's line is split at a method break (PAPI 2018), so the
    // unit may be named twice, once without a value ("–").
    const lines = await slideTooltip(page, f.year);
    const pairs = lines.slice(1).flatMap((l, k, all) => (k % 2 === 0 ? [[l, all[k + 1]] as const] : []));
    expect(
      pairs.filter(([n, v]) => n === f.unitName && v !== '–').map(([, v]) => v),
      `${code} slide`,
    ).toEqual([bare(f)]);
    expect(trim(await slide.locator('.slide-foot').textContent()), `${code} slide source`).toContain(`Nguồn: ${f.source}`);
    if (code === 'SIPAS') await screenshot(page, `same-number-${name}-deck-sipas`);
    trends.add(code!);
  }
  expect(cards, 'the overview slide').toBe(1);
  expect([...trends].sort(), 'every index has its trend slide').toEqual([...CODES].sort());
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="deck"]', { state: 'detached' });
}

/** In báo cáo for the SIPAS year: its cards and its SIPAS block (the year's rate and n), as printed. */
async function checkReport(page: Page, e: Expected, name: string) {
  await go(page, `#/report?period=${e.SIPAS.year}`);
  const sheet = page.locator('[data-testid="report-sheet"]');
  await sheet.locator('[data-testid="headline-rate"]').waitFor({ timeout: 90_000 });
  await page.emulateMedia({ media: 'print' });
  await checkCards(sheet, e, 'report');
  expect(trim(await sheet.locator('[data-testid="headline-rate"]').textContent())).toBe(withUnit(e.SIPAS));
  expect(Number(await sheet.locator('[data-testid="headline-n"]').getAttribute('data-n'))).toBe(e.SIPAS.n);
  for (const code of CODES) expect(await sheet.locator(`[data-testid="card-${code}"] [data-testid="card-value"]`).isVisible(), `printed ${code}`).toBe(true);
  await screenshot(page, `same-number-${name}-report-print`);
  await page.emulateMedia({ media: 'screen' });
}

async function checkEverywhere(page: Page, e: Expected, name: string) {
  await go(page, '#/');
  await checkCards(page.locator('[data-testid="overview-cards"]'), e, 'overview');
  await screenshot(page, `same-number-${name}-overview`);
  await checkIndexPages(page, e);
  await checkParAndSipasPages(page, e);
  await checkDeck(page, e, name);
  await checkReport(page, e, name);
}

// ---- The demo -----------------------------------------------------------------------------------------------------

/** The demo files' source, and how the PAPI rows' source is labelled. */
const FICTION = 'Dữ liệu minh họa';
const PAPI_LABEL = 'PAPI, UNDP & CECODES (papi.org.vn)';

function demoExpected(): Expected {
  const communeRows = records(read('data/demo/commune_indices.csv')).filter((r) => r['Thành phần'] === '');
  const provinceRows = records(read('data/demo/province_indices.csv')).filter((r) => r['Thành phần'] === '');
  const commune = 'X001';
  // PAR: the commune's latest published index among the communes of that year (all 2025 rows are the new communes).
  const parYear = Math.max(...communeRows.filter((r) => r['Chỉ số'] === 'PAR' && r['Mã đơn vị'] === commune).map((r) => Number(r['Năm'])));
  const parOfYear = new Map(communeRows.filter((r) => r['Chỉ số'] === 'PAR' && Number(r['Năm']) === parYear).map((r) => [r['Mã đơn vị']!, Number(r['Điểm'])]));
  const par = parOfYear.get(commune)!;
  // The PAR page computes it from the criteria and scores: the demo's two files must say the same.
  const fromScores = parIndexFromScores(records(read('data/demo/par_criteria.csv')), records(read('data/demo/par_scores.csv')), commune, parYear);
  expect(fromScores).toBeCloseTo(par, 6);
  // SIPAS: no published score for the commune, so its own survey's rate of the latest year, every answer of its points.
  expect(communeRows.some((r) => r['Chỉ số'] === 'SIPAS' && r['Mã đơn vị'] === commune)).toBe(false);
  const answers = records(read('data/demo/sipas_responses.csv'));
  expect(answers.every((r) => r['Mã đơn vị']!.startsWith(`${commune}-`))).toBe(true);
  const sipasYear = Math.max(...answers.map((r) => Number(r['Kỳ']!.slice(0, 4))));
  const sipas = sipasOfYear(answers, sipasYear);
  // Provinces: Huế (Thừa Thiên Huế before 2025), the demo's province, on the 34-province view, in its latest year.
  const papiYear = Math.max(
    ...fs
      .readdirSync(path.join(ROOT, 'data/papi/csv'))
      .map((f) => Number(f.slice(0, 4)))
      .filter(Number.isFinite),
  );
  const province = (index: 'PCI' | 'DTI') => {
    const year = Math.max(...provinceRows.filter((r) => r['Chỉ số'] === index).map((r) => Number(r['Năm'])));
    expect(year).toBeGreaterThanOrEqual(2025); // published on the 34 provinces: no mean of former ones needed
    return {
      year,
      values: new Map(provinceRows.filter((r) => r['Chỉ số'] === index && Number(r['Năm']) === year).map((r) => [r['Tên đơn vị']!, Number(r['Điểm'])])),
    };
  };
  const ranked = (values: Map<string, number>, key: string, d: number) => ({ rank: rankOf(values, key, d), of: values.size });
  const papi = papi34(papiYear);
  const pci = province('PCI');
  const dti = province('DTI');
  const prov = (values: Map<string, number>, year: number, d: number, percent = false): Figure => {
    const r = ranked(values, 'Huế', d);
    return { unitName: 'Huế', year, value: values.get('Huế')!, decimals: d, percent, rank: r, group: quartileLabel(r.rank, r.of), source: FICTION };
  };
  return {
    PAR: {
      unitName: 'Xã Hòa An',
      year: parYear,
      value: par,
      decimals: 2,
      percent: true,
      rank: ranked(parOfYear, commune, 2),
      group: parBand(par),
      source: FICTION,
    },
    SIPAS: { unitName: 'Xã Hòa An', year: sipasYear, value: sipas.rate, decimals: 2, percent: true, rank: null, group: null, n: sipas.n, source: FICTION },
    PAPI: { ...prov(papi, papiYear, 2), source: PAPI_LABEL },
    PCI: prov(pci.values, pci.year, 2),
    DTI: prov(dti.values, dti.year, 4),
  };
}

// ---- The user's own files -----------------------------------------------------------------------------------------

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') });

/** A commune that is no real place, its units and service point, their PAR criteria and scores, its neighbours' published
 * PAR index, a SIPAS survey, and PAPI, PCI and DTI of the 34 provinces: every value written here, by hand or by rule. */
function ownFixture() {
  const units = [
    'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên',
    'T900,Xã Thử Nghiệm,Xã,',
    'T900-VP,Văn phòng HĐND và UBND xã,Cơ quan chuyên môn,T900',
    'T900-KT,Phòng Kinh tế,Cơ quan chuyên môn,T900',
    'T900-TTPV,Trung tâm Phục vụ hành chính công xã,Điểm phục vụ,T900',
  ];
  const criteria = [
    'Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa',
    '2025,1,"Công tác chỉ đạo, điều hành cải cách hành chính",10',
    '2025,1.1,Kế hoạch cải cách hành chính năm,6',
    '2025,1.1.1,Ban hành kế hoạch CCHC năm đúng thời hạn,3',
    '2025,1.1.2,Mức độ hoàn thành kế hoạch CCHC,3',
    '2025,1.2,Báo cáo cải cách hành chính,4',
    '2025,1.2.1,Thực hiện đầy đủ số lượng báo cáo,4',
    '2025,2,Cải cách thủ tục hành chính,20',
    '2025,2.1,Công khai thủ tục hành chính,12',
    '2025,2.1.1,Công khai đầy đủ thủ tục hành chính,7',
    '2025,2.1.2,Công khai kết quả giải quyết hồ sơ,5',
    '2025,2.2,Tiếp nhận và giải quyết hồ sơ,8',
    '2025,2.2.1,Hồ sơ giải quyết đúng hạn,8',
  ];
  // Appraised: T900 3 + 2.5 + 3.5 + 6 + 4.3 + 7 = 26.3 of 30 → 87.666…% (Tốt); its units are scored too.
  const scored: [string, string, number[], number[]][] = [
    ['T900', 'Xã Thử Nghiệm', [3, 3, 4, 6.5, 4.5, 7.5], [3, 2.5, 3.5, 6, 4.3, 7]],
    ['T900-VP', 'Văn phòng HĐND và UBND xã', [3, 3, 4, 7, 5, 8], [3, 3, 4, 6.5, 5, 8]],
    ['T900-KT', 'Phòng Kinh tế', [2, 2, 3, 5, 4, 6], [2, 1.5, 3, 5, 3.5, 6]],
  ];
  const leaves = ['1.1.1', '1.1.2', '1.2.1', '2.1.1', '2.1.2', '2.2.1'];
  const scores = [
    'Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú',
    ...scored.flatMap(([code, name, self, appraised]) =>
      leaves.map((l, i) => `2025,${code},${name},${l},${self[i]},${appraised[i]},Báo cáo số ${i + 1}/BC-UBND,`),
    ),
  ];
  const parT900 = parIndexFromScores(records(criteria.join('\n')), records(scores.join('\n')), 'T900', 2025);
  expect(parT900).toBeCloseTo(2630 / 30, 10);
  // The province's published commune ranking: T900 as its scores give it (two decimals), and four neighbours.
  const parPublished = new Map([
    ['T900', Math.round(parT900 * 100) / 100],
    ['T901', 91.2],
    ['T902', 85.1],
    ['T903', 79.35],
    ['T904', 88.02],
  ]);
  const neighbours: Record<string, string> = { T900: 'Xã Thử Nghiệm', T901: 'Xã Kiểm Định', T902: 'Xã Mẫu Thử', T903: 'Xã Đối Chứng', T904: 'Xã Thí Điểm' };
  // The 34 provinces (as the app's reference list names them), each with its own PAPI, PCI and DTI of 2025.
  const papi = new Map(PROVINCES_34.map((p, i) => [p, Math.round((40 + ((i * 11) % 34) * 0.3 + 0.07) * 100) / 100]));
  const pci = new Map(PROVINCES_34.map((p, i) => [p, Math.round((55 + ((i * 37) % 170) / 10) * 100) / 100]));
  const dti = new Map(PROVINCES_34.map((p, i) => [p, Math.round((0.5037 + ((i * 13) % 34) / 100) * 10000) / 10000]));
  const indexScores = [
    'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn',
    ...[...parPublished].map(([code, v]) => `PAR,2025,${code},${neighbours[code]},,${v},100,,,Sở Nội vụ (thử nghiệm)`),
    ...PROVINCES_34.flatMap((p) => [
      `PAPI,2025,${p},${p},,${papi.get(p)},,,,PAPI (thử nghiệm)`,
      `PCI,2025,${p},${p},,${pci.get(p)},100,,,VCCI (thử nghiệm)`,
      `DTI,2025,${p},${p},,${dti.get(p)},1,,,Bộ KH&CN (thử nghiệm)`,
    ]),
  ];
  // SIPAS: two quarters of 2026 at the service point and the office; answers 1–5 (some as labels) and blanks, by rule.
  const items = ['TC1.1', 'TC2.1', 'TC3.1', 'TC4.1', 'TC5.1'];
  const labels = ['', 'Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
  const sipas = ['Kỳ,Mã đơn vị,Mã phiếu,' + items.join(',')];
  let id = 0;
  for (const period of ['2026-Q1', '2026-Q2'])
    for (const point of ['T900-TTPV', 'T900-VP'])
      for (let f = 0; f < 30; f++) {
        id++;
        const answers = items.map((_, j) => {
          const r = (id * 7 + j * 3) % 23;
          if (r === 0) return ''; // no answer
          const a = r < 2 ? 1 : r < 4 ? 2 : r < 7 ? 3 : r < 15 ? 4 : 5;
          return (id + j) % 5 === 0 ? labels[a]! : String(a);
        });
        sipas.push(`${period},${point},F${id},${answers.join(',')}`);
      }
  const sipasFigures = sipasOfYear(records(sipas.join('\n')), 2026);
  const prov = (values: Map<string, number>, d: number, source: string): Figure => {
    const r = { rank: rankOf(values, 'Huế', d), of: values.size };
    return { unitName: 'Huế', year: 2025, value: values.get('Huế')!, decimals: d, percent: false, rank: r, group: quartileLabel(r.rank, r.of), source };
  };
  const expected: Expected = {
    // The communes' rows' source only: the demo's invented province series of PAR (still shown) is not behind this figure.
    PAR: {
      unitName: 'Xã Thử Nghiệm',
      year: 2025,
      value: parPublished.get('T900')!,
      decimals: 2,
      percent: true,
      rank: { rank: rankOf(parPublished, 'T900', 2), of: parPublished.size },
      group: parBand(parT900),
      source: 'Sở Nội vụ (thử nghiệm)',
    },
    SIPAS: {
      unitName: 'Xã Thử Nghiệm',
      year: 2026,
      value: sipasFigures.rate,
      decimals: 2,
      percent: true,
      rank: null,
      group: null,
      n: sipasFigures.n,
      source: 'sipas_2026.csv',
    },
    // The real PAPI years stay beside the file's 2025: both sources, the registry's label first.
    PAPI: prov(papi, 2, `${PAPI_LABEL}; PAPI (thử nghiệm)`),
    PCI: prov(pci, 2, 'VCCI (thử nghiệm)'),
    DTI: prov(dti, 4, 'Bộ KH&CN (thử nghiệm)'),
  };
  const files = [
    csvFile('don_vi.csv', units),
    csvFile('tieu_chi_par_2025.csv', criteria),
    csvFile('diem_par_2025.csv', scores),
    csvFile('chi_so_2025.csv', indexScores),
    csvFile('sipas_2026.csv', sipas),
  ];
  return { files, expected };
}

async function importAll(page: Page, files: ReturnType<typeof csvFile>[]) {
  await go(page, '#/data');
  await page.waitForSelector('[data-testid=catalogue]');
  await page.setInputFiles('[data-testid=import-input]', files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-plan]:not([aria-busy="true"])').length >= n, files.length, {
    timeout: 120_000,
  });
  await page.click('[data-testid=import-commit-all]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-done]').length >= n, files.length, { timeout: 180_000 });
}

// ---- The tests ----------------------------------------------------------------------------------------------------

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the same number on every view', () => {
  it('the demo: card, index page, PAR and SIPAS pages, deck and printed report agree with the demo files', SLOW, async () => {
    const e = demoExpected();
    // The hand-checked figures of the demo, so the computation above cannot drift with the files unnoticed.
    expect([withUnit(e.PAR), e.PAR.group, withUnit(e.PAPI), e.PAPI.rank]).toEqual(['90,50%', 'Xuất sắc', '45,10', { rank: 4, of: 32 }]);
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await checkEverywhere(s.page, e, 'demo');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });

  it('the user’s own files: the same views read the figures of the imported files alone', SLOW, async () => {
    const { files, expected: e } = ownFixture();
    expect([bare(e.PAR), e.PAR.group, e.PAR.rank]).toEqual(['87,67', 'Tốt', { rank: 3, of: 5 }]);
    const s = await openApp(browser, '#/');
    await waitReady(s.page);
    await importAll(s.page, files);
    // Cài đặt: the user's province (the commune is the one the units list names as everyone's parent).
    await go(s.page, '#/settings');
    await s.page.selectOption('[data-testid="settings-province"]', 'Huế');
    await checkEverywhere(s.page, e, 'own');
    expect(s.consoleErrors).toEqual([]);
    await s.context.close();
  });
});
