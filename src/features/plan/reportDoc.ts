// The periodic report (quý / 6 tháng / năm) as words and tables, once: the A4 sheet on the page (ReportView) and the
// Word document (reportDocx.ts) both lay out this. Pure: figures and labels in, text out (cells are text, never HTML).
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format';
import { INDICES } from '../../domain/indices';
import { wilsonInterval } from '../../domain/sipas';
import type { IndexFigures } from './load';
import type { PlanReport } from './model';
import { basisText, dayText, measureText, neededText, periodText, requirementText, stateText, targetText, taskStateText, valueText } from './labels';

export interface DocTable {
  columns: string[];
  rows: string[][];
  /** Columns of numbers (right-aligned). */
  numeric: boolean[];
  /** Per row: a status the sheet colours (đạt, chưa đạt…); none for plain rows. */
  tone?: (string | null)[];
}

export interface DocSection {
  heading: string;
  paragraphs: string[];
  tables: DocTable[];
}

export interface ReportDoc {
  title: string;
  period: string;
  unit: string;
  /** "Lập ngày …", "Số liệu đến ngày …". */
  meta: string[];
  sections: DocSection[];
  /** Sources and the demo note. */
  foot: string[];
}

export interface ReportInput {
  report: PlanReport;
  figures: IndexFigures;
  communeName: string | null;
  unitNames: ReadonlyMap<string, string>;
  indicatorNames: ReadonlyMap<string, string>;
  sources: readonly string[];
  demo: boolean;
  today: string;
}

const pct = (v: number, locale: Locale) => formatPercent(v, locale, INDICES.SIPAS.decimals);

export function buildReportDoc(input: ReportInput, t: Translate, locale: Locale): ReportDoc {
  const { report, figures } = input;
  const unitName = (code: string | null) => (code ? (input.unitNames.get(code) ?? code) : null);

  const targets: DocTable = {
    columns: [
      t('plan.col.no'),
      t('plan.col.target'),
      t('plan.col.measure'),
      t('plan.col.required'),
      t('plan.col.result'),
      t('plan.col.status'),
      t('plan.col.remark'),
    ],
    numeric: [false, false, false, false, true, false, false],
    rows: [],
    tone: [],
  };
  report.targets.forEach((rt, i) => {
    const { def, cell, period } = rt;
    const ind = def.measure.kind === 'indicator' ? input.indicatorNames.get(def.measure.code) : null;
    const basis = basisText(t, cell.obs, locale);
    const result = cell.obs ? `${valueText(t, def.measure, cell.obs, locale)}${basis ? ` (${basis})` : ''}` : '–';
    const remark = [
      period !== report.period ? periodText(t, period) : null,
      cell.status.state === 'uncertain' && cell.status.interval
        ? t('plan.interval', { lo: pct(cell.status.interval.lo, locale), hi: pct(cell.status.interval.hi, locale) })
        : null,
      neededText(t, cell.obs, cell.status, locale),
    ]
      .filter(Boolean)
      .join('; ');
    targets.rows.push([
      String(i + 1),
      targetText(t, def, locale),
      measureText(t, def.measure, unitName(def.unit), ind),
      requirementText(t, def, locale),
      result,
      stateText(t, cell.status.state),
      remark,
    ]);
    targets.tone!.push(cell.status.state);
  });

  const c = report.counts;
  const byLead: DocTable = {
    columns: [t('plan.col.lead'), t('plan.group.done'), t('plan.group.inProgress'), t('plan.group.overdue'), t('plan.col.total')],
    numeric: [false, true, true, true, true],
    rows: [
      ...report.byLead.map((r) => [r.lead, String(r.done), String(r.inProgress), String(r.overdue), String(r.total)]),
      [t('plan.col.all'), String(c.done), String(c.inProgress), String(c.overdue), String(c.total)],
    ],
  };
  const overdue: DocTable = {
    columns: [t('plan.col.task'), t('plan.col.lead'), t('plan.col.timing'), t('plan.col.status')],
    numeric: [false, false, false, false],
    rows: report.overdue.map((x) => [x.task, x.lead, x.timingText, taskStateText(t, x.state)]),
  };

  const idx: DocTable = {
    columns: [t('plan.col.index'), t('plan.col.unit'), t('plan.col.when'), t('plan.col.value'), t('plan.col.rank')],
    numeric: [false, false, false, true, true],
    rows: [],
  };
  if (figures.sipas) {
    const s = figures.sipas;
    const ci = wilsonInterval(s.k, s.n);
    idx.rows.push([
      t('index.SIPAS'),
      input.communeName ?? t('plan.allPoints'),
      periodText(t, s.period),
      `${pct((s.k / s.n) * 100, locale)} (${t('plan.answers', { n: formatNumber(s.n, locale, 0) })}${ci ? `; ${t('plan.interval', { lo: pct(ci.lo, locale), hi: pct(ci.hi, locale) })}` : ''})`,
      '–',
    ]);
  }
  if (figures.par) {
    const p = figures.par;
    idx.rows.push([
      t('index.PAR'),
      p.unitName,
      String(p.year),
      `${formatNumber(p.index, locale, 2)}${p.band ? ` — ${t(`par.band.${p.band}` as MessageKey)}` : ''}`,
      '–',
    ]);
  }
  for (const f of figures.provinces)
    idx.rows.push([
      t(`index.${f.index}`),
      figures.province ?? '–',
      String(f.year),
      formatNumber(f.value, locale, INDICES[f.index].decimals),
      f.rank !== null ? t('plan.rankOf', { n: f.rank, of: f.of }) : '–',
    ]);

  const sections: DocSection[] = [
    {
      heading: t('plan.report.s1'),
      paragraphs: report.targets.length
        ? [t('plan.report.s1Lead', { met: report.targets.filter((x) => x.cell.status.state === 'met').length, total: report.targets.length })]
        : [t('plan.report.noTargets')],
      tables: report.targets.length ? [targets] : [],
    },
    {
      heading: t('plan.report.s2'),
      paragraphs: [
        c.total
          ? t('plan.report.s2Lead', { total: c.total, done: c.done, inProgress: c.inProgress, overdue: c.overdue, day: dayText(report.asOf, locale) })
          : t('plan.report.noTasks'),
        ...(report.doneInPeriod.length ? [t('plan.report.doneInPeriod', { n: report.doneInPeriod.length })] : []),
      ],
      tables: c.total ? [byLead, ...(overdue.rows.length ? [overdue] : [])] : [],
    },
    {
      heading: t('plan.report.s3'),
      paragraphs: idx.rows.length ? [] : [t('plan.report.noFigures')],
      tables: idx.rows.length ? [idx] : [],
    },
  ];
  return {
    title: t('plan.report.title'),
    period: periodText(t, report.period),
    unit: input.communeName ?? '',
    meta: [t('plan.report.made', { date: dayText(input.today, locale) }), t('plan.report.asOf', { date: dayText(report.asOf, locale) })],
    sections,
    foot: [`${t('report.sources')}: ${input.sources.join('; ') || '–'}`, ...(input.demo ? [t('report.demo')] : [])],
  };
}

/** "bao_cao_ke_hoach_2026-Q3.docx". */
export const reportFileName = (period: string) => `bao_cao_ke_hoach_${period}.docx`;
