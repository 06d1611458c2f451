import { useMemo } from 'react';
import { useSourceOf } from '../../app/DataContext';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { sipasTargetFor } from '../../app/settings';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../i18n/format';
import { DefinedChart } from '../../charts/Chart';
import { comparePeriods, LEVELS, rollUp } from '../../domain/periods';
import { fetchItemsByPeriod, fetchPeriods, fetchTrend, fetchUnitElementsByPeriod, fetchUnits } from './queries';
import { itemFigures, periodFigures, unitFigures, type ElementFigure, type ItemFigure, type UnitFigure } from './model';
import { sipasDistributionChart, sipasTrendChart, type SipasDistributionModel, type SipasTrendModel } from './chartDefs';
import { HeadlineView } from './SipasHeadline';
import { SortableTable, type Column } from './SortableTable';
import { Flags, flagText } from './Flags';
import { ciText as ciTextOf, levelLabel, pct, periodLabel } from './labels';
import { periodTarget, pickPeriod, SIPAS_KINDS, sipasView } from './view';
import './sipas.css';

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** SIPAS satisfaction against the target: by period, element, item and service point. View state lives in the URL. */
export function SipasPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const [settings] = useSettings();
  const source = useSourceOf(SIPAS_KINDS);
  const { level, unit } = sipasView(route.params);

  const periodsQ = useQuery(async (db) => (await fetchPeriods(db, level)).sort(comparePeriods), [level]);
  const unitsQ = useQuery((db) => fetchUnits(db), []);
  const periods = periodsQ.data ?? [];
  const period = pickPeriod(periods, route.params.period);
  const target = periodTarget(settings, period);
  const names = useMemo(() => new Map((unitsQ.data ?? []).map((u) => [u.unit_code, u.unit_name])), [unitsQ.data]);
  const unitName = (code: string) => names.get(code) ?? code;
  const shownUnitName = unit ? (names.get(unit) ?? unit) : null;
  const context = [unit ? unitName(unit) : t('sipas.allUnits'), period ? periodLabel(t, period) : ''].filter(Boolean).join(' · ');

  const trendQ = useQuery((db) => fetchTrend(db, level, unit), [level, unit]);
  const figures = useMemo(
    () => (trendQ.data ? periodFigures(trendQ.data.rows, trendQ.data.respondents, (y) => sipasTargetFor(settings, y)) : []),
    [trendQ.data, settings],
  );
  const current = figures.find((f) => f.period === period) ?? null;
  // Items (they follow the unit) and service points (all of them) of every period of the level, each asked only when
  // its own inputs change: a period change asks the engine nothing, and redraws only what shows that period.
  const itemsQ = useQuery((db) => fetchItemsByPeriod(db, level, unit), [level, unit]);
  const unitsByPeriodQ = useQuery((db) => fetchUnitElementsByPeriod(db, level), [level]);
  const periodItems = period ? itemsQ.data?.get(period) : undefined;
  const periodUnits = period ? unitsByPeriodQ.data?.get(period) : undefined;
  const items = useMemo(() => itemFigures(periodItems ?? [], target), [periodItems, target]);
  const units = useMemo(() => (periodUnits ? unitFigures(periodUnits.rows, periodUnits.respondents, names, target) : []), [periodUnits, names, target]);
  // The charts' figures, each memoised on the data it comes from: its option is built again only when they change.
  const trendModel = useMemo<SipasTrendModel>(() => ({ level, unitName: shownUnitName, figures, source }), [level, shownUnitName, figures, source]);
  const distModel = useMemo<SipasDistributionModel>(() => ({ period, unitName: shownUnitName, items, source }), [period, shownUnitName, items, source]);

  if (periodsQ.loading || unitsQ.loading)
    return (
      <section>
        <h1>{t('sipas.title')}</h1>
        <div className="chart-skeleton" aria-busy="true" />
      </section>
    );
  if (periodsQ.error)
    return (
      <section>
        <h1>{t('sipas.title')}</h1>
        <p className="error" role="alert">
          {periodsQ.error}
        </p>
      </section>
    );
  if ((unitsQ.data ?? []).length === 0) {
    return (
      <section>
        <h1>{t('sipas.title')}</h1>
        <p className="empty">
          {t('sipas.noData')} <a href="#/data">{t('indices.goData')}</a>
        </p>
      </section>
    );
  }

  const rate = (s: { rate: number | null }) => round1(s.rate);
  const ciText = (s: { lo: number | null; hi: number | null }) => ciTextOf(s, locale);
  const needed = (s: { needed: number | null }) => s.needed;
  const rateCell = (s: { rate: number | null; below: boolean }) => <span className={s.below ? 'sipas-below' : 'sipas-ok'}>{pct(s.rate, locale)}</span>;
  const flagsText = (s: ElementFigure | ItemFigure) => flagText(t, s);
  const common = <R extends ElementFigure | ItemFigure>(): Column<R>[] => [
    { key: 'rate', label: t('sipas.col.rate'), num: true, value: rate, render: rateCell },
    { key: 'n', label: t('sipas.col.n'), num: true, value: (r) => r.n, render: (r) => formatInteger(r.n, locale) },
    { key: 'ci', label: t('sipas.col.ci'), value: (r) => r.lo, render: ciText, screenOnly: true },
    { key: 'lo', label: t('sipas.col.ciLo'), value: (r) => round1(r.lo), exportOnly: true },
    { key: 'hi', label: t('sipas.col.ciHi'), value: (r) => round1(r.hi), exportOnly: true },
    { key: 'needed', label: t('sipas.col.needed'), num: true, value: needed, render: (r) => (r.needed ? formatInteger(r.needed, locale) : '–') },
    { key: 'flags', label: t('sipas.col.flags'), value: flagsText, render: (r) => <Flags s={r} /> },
  ];

  type ElementRow = ElementFigure & { label: string; overall?: boolean };
  const elementRows: ElementRow[] = (current?.elements ?? []).map((e) => ({
    ...e,
    label: `${e.element}. ${t(`sipas.element.${e.element}` as 'sipas.element.1')}`,
  }));
  const overallRows: ElementRow[] = current
    ? [
        { ...current.pooled, element: 0, label: t('sipas.overall.pooled'), overall: true },
        {
          ...current.pooled,
          element: 9,
          rate: current.mean.rate,
          lo: null,
          hi: null,
          needed: null,
          uncertain: false,
          below: current.mean.rate !== null && current.mean.rate < target,
          label:
            current.mean.elements < 5 ? `${t('sipas.overall.mean')} – ${t('sipas.meanPartial', { count: current.mean.elements })}` : t('sipas.overall.mean'),
          overall: true,
        },
      ]
    : [];
  const elementCols: Column<ElementRow>[] = [{ key: 'element', label: t('sipas.col.element'), value: (r) => r.label }, ...common<ElementRow>()];
  const itemCols: Column<ItemFigure>[] = [
    { key: 'code', label: t('sipas.col.code'), value: (r) => r.code },
    { key: 'text', label: t('sipas.col.item'), value: (r) => r.text ?? r.code },
    { key: 'element', label: t('sipas.col.element'), num: true, value: (r) => r.element },
    ...common<ItemFigure>(),
  ];
  const unitCols: Column<UnitFigure>[] = [
    { key: 'code', label: t('sipas.col.code'), value: (r) => r.code },
    { key: 'name', label: t('sipas.col.unit'), value: (r) => r.name },
    { key: 'rate', label: t('sipas.col.ratePooled'), num: true, value: (r) => rate(r.pooled), render: (r) => rateCell(r.pooled) },
    { key: 'mean', label: t('sipas.col.rateMean'), num: true, value: (r) => round1(r.mean.rate), render: (r) => pct(r.mean.rate, locale) },
    { key: 'forms', label: t('sipas.col.forms'), num: true, value: (r) => r.respondents, render: (r) => formatInteger(r.respondents, locale) },
    { key: 'n', label: t('sipas.col.n'), num: true, value: (r) => r.pooled.n, render: (r) => formatInteger(r.pooled.n, locale) },
    { key: 'ci', label: t('sipas.col.ci'), value: (r) => r.pooled.lo, render: (r) => ciText(r.pooled), screenOnly: true },
    { key: 'lo', label: t('sipas.col.ciLo'), value: (r) => round1(r.pooled.lo), exportOnly: true },
    { key: 'hi', label: t('sipas.col.ciHi'), value: (r) => round1(r.pooled.hi), exportOnly: true },
    {
      key: 'needed',
      label: t('sipas.col.needed'),
      num: true,
      value: (r) => r.pooled.needed,
      render: (r) => (r.pooled.needed ? formatInteger(r.pooled.needed, locale) : '–'),
    },
    { key: 'flags', label: t('sipas.col.flags'), value: (r) => flagText(t, r.pooled), render: (r) => <Flags s={r.pooled} partial={r.mean.elements < 5} /> },
  ];

  const periodText = period ? periodLabel(t, period) : '';

  return (
    <section className="sipas-page">
      <h1>{t('sipas.title')}</h1>
      <div className="sipas-controls">
        <div className="sipas-levels" role="group" aria-label={t('sipas.level')}>
          {LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={l === level}
              data-testid={`level-${l}`}
              onClick={() => replaceParams(route, { level: l, period: period ? rollUp(period, l) : null })}
            >
              {levelLabel(t, l)}
            </button>
          ))}
        </div>
        <label className="control">
          {t('sipas.periodPick')}{' '}
          <select value={period ?? ''} onChange={(e) => replaceParams(route, { period: e.target.value })} data-testid="period-select">
            {[...periods].reverse().map((p) => (
              <option key={p} value={p}>
                {periodLabel(t, p)}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          {t('sipas.unitPick')}{' '}
          <select value={unit ?? ''} onChange={(e) => replaceParams(route, { unit: e.target.value || null })} data-testid="unit-select">
            <option value="">{t('sipas.allUnits')}</option>
            {(unitsQ.data ?? []).map((u) => (
              <option key={u.unit_code} value={u.unit_code}>
                {u.unit_name ? `${u.unit_name} (${u.unit_code})` : u.unit_code}
              </option>
            ))}
          </select>
        </label>
      </div>

      {!period ? (
        <p className="empty">{t('sipas.noPeriods')}</p>
      ) : (
        <>
          {unit && <p className="sipas-context">{context}</p>}
          {trendQ.error ? (
            <p className="error" role="alert">
              {trendQ.error}
            </p>
          ) : trendQ.loading ? (
            <div className="sipas-headline skeleton" aria-busy="true" />
          ) : (
            <HeadlineView figures={figures} period={period} />
          )}
          <p className="note">{t('sipas.ciNote')}</p>

          <DefinedChart view={sipasTrendChart} model={trendModel} />

          <h2>{t('sipas.elements.title', { period: periodText })}</h2>
          <SortableTable
            id="sipas-elements"
            columns={elementCols}
            rows={elementRows}
            footRows={overallRows}
            rowKey={(r) => String(r.element)}
            rowClass={(r) => [r.below ? 'sipas-row-below' : '', r.overall ? 'sipas-row-overall' : ''].join(' ').trim() || undefined}
            fileName={`SIPAS ${t('sipas.col.element')} - ${context}`}
          />

          <h2>{t('sipas.items.title', { period: periodText })}</h2>
          <p className="note">{t('sipas.items.sub')}</p>
          <SortableTable
            id="sipas-items"
            columns={itemCols}
            rows={items}
            rowKey={(r) => r.code}
            rowClass={(r) => (r.below ? 'sipas-row-below' : undefined)}
            fileName={`SIPAS ${t('sipas.col.item')} - ${context}`}
          />

          <DefinedChart view={sipasDistributionChart} model={distModel} />

          <h2>{t('sipas.units.title', { period: periodText })}</h2>
          <p className="note">{t('sipas.units.sub')}</p>
          <SortableTable
            id="sipas-units"
            columns={unitCols}
            rows={units}
            rowKey={(r) => r.code}
            rowClass={(r) => [r.pooled.below ? 'sipas-row-below' : '', r.code === unit ? 'sipas-row-own' : ''].join(' ').trim() || undefined}
            fileName={`SIPAS ${t('sipas.col.unit')} - ${periodText}`}
          />
        </>
      )}
    </section>
  );
}
