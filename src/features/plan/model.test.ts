// The plan's model, report and Word document from known figures: statuses per period, the trend, tasks on the
// report's day per lead unit, and the .docx holding those words and numbers (unzipped here, as Word would).
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { translator } from '../../i18n/i18n';
import { sipasTargetRow, type Observation, type TargetDef } from '../../domain/plan';
import { planReport, reportDay, targetKey, targetLines, toTasks, type Observations } from './model';
import { buildReportDoc } from './reportDoc';
import { reportDocx } from './reportDocx';
import type { TaskRow } from './queries';
import type { IndexFigures } from './load';

const t = translator('vi');
const target = (code: string, over: Partial<TargetDef>): TargetDef => ({
  datasetId: 'd1',
  year: 2026,
  code,
  text: `Chỉ tiêu ${code}`,
  measure: { kind: 'indicator', code: `IND_${code}` },
  unit: null,
  op: '>',
  threshold: { kind: 'number', value: 90 },
  level: 'quarter',
  planNo: null,
  planDate: null,
  ...over,
});
const share = (k: number, n: number, survey = false): Observation => ({ kind: 'count', k, n, survey });

const A = target('A', {}); // "trên 90%" of an entered x of N, quarterly
const SIPAS = sipasTargetRow(2026, 90, '>');
const PCI = target('P', { measure: { kind: 'index', index: 'PCI', what: 'rank' }, op: '<=', threshold: { kind: 'number', value: 10 }, level: 'year' });
const obs: Observations = new Map([
  [
    targetKey(A),
    new Map<string, Observation | null>([
      ['2026-Q1', share(45, 50)],
      ['2026-Q2', share(46, 50)],
    ]),
  ],
  [targetKey(SIPAS), new Map<string, Observation | null>([['2026-Q1', share(9000, 10000, true)]])],
  [
    targetKey(PCI),
    new Map<string, Observation | null>([
      ['2025', { kind: 'value', value: 15, decimals: 0 }],
      ['2026', { kind: 'value', value: 12, decimals: 0 }],
    ]),
  ],
]);

const row = (id: number, year: number, lead: string, timing: string, status: string | null, done: string | null): TaskRow => ({
  dataset_id: 'tasks',
  task_id: id,
  year,
  code: String(id),
  task: `Nhiệm vụ ${id}`,
  lead,
  support: null,
  timing,
  status,
  done_date: done,
  result: null,
  note: null,
  origin: null,
});
const tasks: TaskRow[] = [
  row(1, 2026, 'Văn phòng', 'Quý I/2026', 'done', '2026-04-10'), // done, late, within Q2
  row(2, 2026, 'Văn phòng', 'Trước ngày 30/4/2026', 'doing', null), // overdue by 30/6
  row(3, 2026, 'Phòng Kinh tế', 'Thường xuyên', 'doing', null), // ongoing
  row(4, 2026, 'Phòng Kinh tế', 'Quý III/2026', 'done', '2026-08-01'), // not done yet on 30/6, not due
  row(5, 2025, 'Văn phòng', 'Quý I/2025', null, null), // another year
];

describe('the targets board', () => {
  const lines = targetLines([SIPAS, A, PCI], obs);
  it('gives each period its status, "trên 90%" at exactly 90.00% not met', () => {
    const a = lines[1]!;
    expect(a.cells.map((c) => [c.period, c.status.state])).toEqual([
      ['2026-Q1', 'notMet'],
      ['2026-Q2', 'met'],
      ['2026-Q3', 'noData'],
      ['2026-Q4', 'noData'],
    ]);
    expect(a.cells[0]!.status.needed).toBe(1); // 46 of 50 = 92% > 90%
    expect(a.current?.period).toBe('2026-Q2');
    expect(a.trend.delta).toBeCloseTo(2, 10); // 92% − 90%
    expect(a.trend.good).toBe(true);
  });
  it('a survey whose interval holds the threshold is "chưa chắc"; a rank moving from 15 to 12 is a good change not yet met', () => {
    expect(lines[0]!.current?.status.state).toBe('uncertain');
    const p = lines[2]!;
    expect(p.cells.map((c) => c.period)).toEqual(['2026']);
    expect(p.current?.status.state).toBe('notMet');
    expect(p.trend).toMatchObject({ from: '2025', to: '2026', delta: -3, good: true });
  });
});

describe('tasks on a day', () => {
  it('overdue after the deadline, done only once done', () => {
    const on = (day: string) => toTasks(tasks, day).map((x) => x.state);
    expect(on('2026-04-20')).toEqual(['doneLate', 'doing', 'ongoing', 'todo', 'overdue']);
    expect(on('2026-10-01')).toEqual(['doneLate', 'overdue', 'ongoing', 'done', 'overdue']);
  });
});

describe('the periodic report', () => {
  const today = '2026-12-02';
  const report = planReport('2026-Q2', [SIPAS, A, PCI], obs, tasks, today)!;
  it("speaks of the period's last day, or today while it runs", () => {
    expect(report.asOf).toBe('2026-06-30');
    expect(reportDay('2026-Q4', today)).toBe(today);
  });
  it("measures rates at the period and yearly measures at its year; counts the year's tasks per lead unit", () => {
    expect(report.targets.map((x) => [x.def.code, x.period, x.cell.status.state])).toEqual([
      ['SIPAS', '2026-Q2', 'noData'],
      ['A', '2026-Q2', 'met'],
      ['P', '2026', 'notMet'],
    ]);
    expect(report.counts).toEqual({ done: 1, inProgress: 2, overdue: 1, total: 4 });
    expect(report.byLead).toEqual([
      { lead: 'Văn phòng', done: 1, inProgress: 0, overdue: 1, total: 2 },
      { lead: 'Phòng Kinh tế', done: 0, inProgress: 2, overdue: 0, total: 2 },
    ]);
    expect(report.overdue.map((x) => x.id)).toEqual([2]);
    expect(report.doneInPeriod.map((x) => x.id)).toEqual([1]);
  });

  const figures: IndexFigures = {
    sipas: { period: '2026-Q2', k: 900, n: 1000 },
    par: { year: 2025, index: 90.5, band: 'excellent', rank: null, of: 0, unitName: 'Xã Hòa An' },
    provinces: [{ index: 'PCI', year: 2025, value: 62.17, rank: 12, of: 34 }],
    province: 'Huế',
  };
  const doc = buildReportDoc(
    {
      report,
      figures,
      communeName: 'Xã Hòa An',
      unitNames: new Map(),
      indicatorNames: new Map([['IND_A', 'TTHC toàn trình']]),
      sources: ['Sở Nội vụ'],
      demo: true,
      today,
    },
    t,
    'vi',
  );

  it('writes the figures in vi-VN', () => {
    expect(doc.period).toBe('Quý 2/2026');
    expect(doc.meta).toEqual(['Lập ngày 02/12/2026', 'Số liệu tính đến ngày 30/06/2026']);
    const targets = doc.sections[0]!.tables[0]!;
    expect(targets.rows[1]).toEqual(['2', 'Chỉ tiêu A', 'TTHC toàn trình (IND_A)', '> 90%', '92,00% (46/50)', 'Đạt', '']);
    expect(targets.rows[2]!.slice(3, 6)).toEqual(['≤ hạng 10', 'hạng 12', 'Chưa đạt']);
    expect(doc.sections[1]!.paragraphs[0]).toBe('Đến ngày 30/06/2026: 4 nhiệm vụ, trong đó 1 hoàn thành, 2 đang thực hiện, 1 quá hạn.');
    const idx = doc.sections[2]!.tables[0]!.rows;
    // Wilson 95% for 900 of 1000: (0.9 + z²/2n) ÷ (1 + z²/n) ± … = 0.8798 – 0.9171
    expect(idx[0]![3]).toBe('90,00% (1.000 câu trả lời; khoảng tin cậy 95%: 87,98% – 91,71%)');
    expect(idx[1]!.slice(2, 4)).toEqual(['2025', '90,50 — Xuất sắc']);
    expect(idx[2]!.slice(1)).toEqual(['Huế', '2025', '62,17', 'hạng 12/34']);
  });

  it('makes a Word document that holds them', async () => {
    const files = unzipSync(await reportDocx(doc));
    const xml = strFromU8(files['word/document.xml']!);
    const text = xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    for (const s of ['BÁO CÁO KẾT QUẢ', 'Quý 2/2026', '92,00% (46/50)', '≤ hạng 10', 'Văn phòng', 'hạng 12/34', '62,17', 'Có dùng dữ liệu minh họa'])
      expect(text).toContain(s);
    // A4 portrait, in twentieths of a point
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});
