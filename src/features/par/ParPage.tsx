import { useState } from 'react';
import type { Route } from '../../app/route';
import { formatHash } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useI18n } from '../../i18n/i18n';
import { interpolate } from '../../i18n/format';
import { downloadCsv, downloadXlsx } from '../../export/download';
import { useParYear, useParYears } from './useParYear';
import { ParMatrix } from './ParMatrix';
import { UnitView } from './UnitView';
import { AcrossUnits } from './AcrossUnits';
import { SCORES_COLUMNS, SUMMARY_COLUMNS, scoreRows, submissionSheets, summaryRows } from './exportPar';
import type { ParYear } from './model';
import './par.css';

type View = 'matrix' | 'unit' | 'across';
const VIEWS: View[] = ['matrix', 'across', 'unit'];

/** PAR scoring workspace: the year's matrix, a unit's criteria tree (with score entry), the commune-wide view, the submission. */
export function ParPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const years = useParYears();
  const yearList = years.data ?? [];
  const year = Number(route.params.year) || yearList[0];
  const { model, loading, error } = useParYear(year);
  const view: View = VIEWS.includes(route.params.view as View) ? (route.params.view as View) : route.params.unit ? 'unit' : 'matrix';

  if (years.loading)
    return (
      <section className="par-page">
        <h1>{t('par.title')}</h1>
        <div className="chart-skeleton" aria-busy="true" />
      </section>
    );
  if (yearList.length === 0) {
    return (
      <section className="par-page">
        <h1>{t('par.title')}</h1>
        <p className="empty">
          {t('par.noData')} <a href="#/data">{t('indices.goData')}</a>
        </p>
      </section>
    );
  }
  const link = (changes: Record<string, string | number | undefined>) => formatHash(route.segments, { ...route.params, ...changes });

  return (
    <section className="par-page" data-testid="par-page">
      <h1>{t('par.title')}</h1>
      <div className="par-toolbar no-print">
        <label className="control">
          {t('par.year')}
          <select value={year} onChange={(e) => replaceParams(route, { year: e.target.value })} data-testid="par-year">
            {yearList.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <nav className="tabs par-tabs" aria-label={t('par.title')}>
          {VIEWS.map((v) => (
            <a key={v} href={link({ view: v })} aria-current={v === view ? 'page' : undefined} data-testid={`par-tab-${v}`}>
              {t(`par.tab.${v}`)}
            </a>
          ))}
        </nav>
        {model && <ExportButtons model={model} />}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : loading || !model ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : model.year !== year ? (
        <div className="par-stale" aria-busy="true" /* the previous year stays dimmed until the chosen one arrives */>
          <ParMatrix model={model} route={route} />
        </div>
      ) : model.criteria.length === 0 ? (
        <p className="empty">{t('par.noYear', { year: String(year) })}</p>
      ) : model.units.length === 0 ? (
        <p className="empty">
          {t('par.noScores', { year: String(year) })} <a href="#/data">{t('indices.goData')}</a>
        </p>
      ) : view === 'unit' ? (
        <UnitView model={model} route={route} />
      ) : view === 'across' ? (
        <AcrossUnits model={model} />
      ) : (
        <ParMatrix model={model} route={route} />
      )}
    </section>
  );
}

function ExportButtons({ model }: { model: ParYear }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const base = interpolate(t('par.x.file'), { year: model.year });
  async function xlsx() {
    setBusy(true);
    try {
      await downloadXlsx(`${base}.xlsx`, submissionSheets(model));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="par-exports">
      <button type="button" onClick={xlsx} disabled={busy} title={t('par.x.xlsxTitle')} data-testid="par-xlsx">
        {t('par.x.xlsx')}
      </button>
      <button type="button" onClick={() => downloadCsv(`${base}_tong_hop.csv`, SUMMARY_COLUMNS, summaryRows(model))} data-testid="par-csv-summary">
        {t('par.x.csvSummary')}
      </button>
      <button type="button" onClick={() => downloadCsv(`${base}_diem.csv`, SCORES_COLUMNS, scoreRows(model))} data-testid="par-csv-scores">
        {t('par.x.csvScores')}
      </button>
      <button type="button" onClick={() => window.print()} data-testid="par-print">
        {t('par.x.print')}
      </button>
    </div>
  );
}
