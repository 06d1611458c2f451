// The periodic report (quý / 6 tháng / năm): the year's targets and their status in the period, the tasks done / in
// progress / overdue by lead unit, the index figures of the period — an A4 sheet to print, and a Word document to
// paste into the CCHC report. Both are laid out from one ReportDoc (reportDoc.ts).
import { useEffect, useMemo, useState } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { allSources, showsFiction } from '../../app/catalogue';
import { FICTIONAL_SOURCE } from '../../domain/demoRule';
import { periodsOfYear, periodEnd } from '../../domain/plan';
import { saveBlob } from '../../export/download';
import { useI18n } from '../../i18n/i18n';
import { planReport } from './model';
import { buildReportDoc, reportFileName, type ReportDoc } from './reportDoc';
import { periodText } from './labels';
import { namesOf } from './TargetsView';
import { useCommuneName } from './useCommune';
import { usePeriodFigures, usePlanData, useToday } from './usePlan';

const LEVEL_ORDER = ['quarter', 'half', 'year'] as const;

/** The periods a report can cover: of the plan's years and this one, those begun by today, newest first per level. */
export function reportPeriods(years: readonly number[], today: string): Record<(typeof LEVEL_ORDER)[number], string[]> {
  const ys = [...new Set([...years, Number(today.slice(0, 4))])].sort((a, b) => b - a);
  const begun = (p: string) => {
    const end = periodEnd(p)!;
    const months = p.includes('-Q') ? 3 : p.includes('-H') ? 6 : 12;
    const start = new Date(`${end}T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() - months + 1, 1);
    return start.toISOString().slice(0, 10) <= today;
  };
  const out = { quarter: [] as string[], half: [] as string[], year: [] as string[] };
  for (const l of LEVEL_ORDER) for (const y of ys) out[l].push(...periodsOfYear(y, l).reverse().filter(begun));
  return out;
}

/** The report a link opens without a period: the last quarter that has ended (the one a quarterly report is due for). */
export function defaultPeriod(quarters: readonly string[], today: string): string {
  return quarters.find((q) => periodEnd(q)! < today) ?? quarters[0] ?? '';
}

function Sheet({ doc }: { doc: ReportDoc }) {
  return (
    <article className="plan-sheet" data-testid="plan-report-sheet">
      <header className="plan-sheet-head">
        <p className="plan-sheet-unit" data-testid="plan-report-unit">
          {doc.unit}
        </p>
        <h1>{doc.title}</h1>
        <p className="plan-sheet-period" data-testid="plan-report-period">
          {doc.period}
        </p>
        {doc.meta.map((m) => (
          <p key={m} className="plan-sheet-meta">
            {m}
          </p>
        ))}
      </header>
      {doc.sections.map((s, si) => (
        <section key={s.heading} className="plan-sheet-section" data-testid={`plan-report-s${si + 1}`}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {s.tables.map((tb, ti) => (
            <div className="table-scroll" key={ti}>
              <table className="plan-sheet-table">
                <thead>
                  <tr>
                    {tb.columns.map((c, i) => (
                      <th key={i} scope="col" className={tb.numeric[i] ? 'num' : undefined}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tb.rows.map((r, ri) => (
                    <tr key={ri} className={tb.tone?.[ri] ? `row-${tb.tone[ri]}` : undefined}>
                      {r.map((v, i) => (
                        <td key={i} className={tb.numeric[i] ? 'num' : undefined}>
                          {v}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
      <footer className="plan-sheet-foot">
        {doc.foot.map((f) => (
          <p key={f}>{f}</p>
        ))}
      </footer>
    </article>
  );
}

export function ReportView({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { datasets } = useData();
  const today = useToday();
  const planQ = usePlanData();
  const data = planQ.data;
  const periods = useMemo(() => reportPeriods(data?.years ?? [], today), [data, today]);
  const all = [...periods.quarter, ...periods.half, ...periods.year];
  const period = route.params.period && all.includes(route.params.period) ? route.params.period : defaultPeriod(periods.quarter, today);
  const q = usePeriodFigures(data, period);
  const communeName = useCommuneName();
  const names = useMemo(() => namesOf(data), [data]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const demo = showsFiction(datasets);
  const sources = useMemo(() => allSources(datasets).filter((s) => s !== FICTIONAL_SOURCE), [datasets]);

  const doc = useMemo(() => {
    if (!q.data || !data) return null;
    const report = planReport(period, q.data.targets, q.data.obs, data.tasks, today);
    if (!report) return null;
    return buildReportDoc(
      { report, figures: q.data.figures, communeName, unitNames: names.units, indicatorNames: names.indicators, sources, demo, today },
      t,
      locale,
    );
  }, [q.data, data, period, today, communeName, names, sources, demo, t, locale]);

  useEffect(() => {
    if (!doc) return;
    const title = document.title;
    document.title = [doc.title, doc.unit, doc.period].filter(Boolean).join(' – ');
    return () => {
      document.title = title;
    };
  }, [doc]);

  const download = async () => {
    if (!doc) return;
    setBusy(true);
    setError(null);
    try {
      const { reportDocx } = await import('./reportDocx');
      const bytes = await reportDocx(doc);
      saveBlob(reportFileName(period), new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="plan-report">
      <div className="plan-toolbar plan-report-controls">
        <label className="control">
          {t('plan.period')}
          <select value={period} onChange={(e) => replaceParams(route, { period: e.target.value })} data-testid="plan-report-period-select">
            {LEVEL_ORDER.map((l) => (
              <optgroup key={l} label={t(`plan.level.${l}`)}>
                {periods[l].map((p) => (
                  <option key={p} value={p}>
                    {periodText(t, p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" className="btn-primary" onClick={() => window.print()} disabled={!doc} data-testid="plan-report-print">
          {t('report.print')}
        </button>
        <button type="button" className="btn-primary" onClick={() => void download()} disabled={!doc || busy} data-testid="plan-report-docx">
          {t('plan.downloadDocx')}
        </button>
        <p className="note">{t('plan.reportHint')}</p>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {planQ.error || q.error ? (
        <p className="error" role="alert">
          {planQ.error ?? q.error}
        </p>
      ) : doc ? (
        <Sheet doc={doc} />
      ) : (
        <div className="chart-skeleton" aria-busy="true" />
      )}
    </div>
  );
}
