// The SIPAS page's charts, each defined once (charts/registry.ts): the page draws them from its own queries, a slide
// or the report loads them alone from a pinned view's link.
import type { Db } from '../../db/types';
import type { Route } from '../../app/route';
import type { Settings } from '../../app/settings';
import { sipasTargetFor } from '../../app/settings';
import { sourcesOf, type DatasetInfo } from '../../app/catalogue';
import type { ChartDef, ChartLabels } from '../../charts/registry';
import { comparePeriods, type Level } from '../../domain/periods';
import { INDICES } from '../../domain/indices';
import { formatInteger, formatNumber } from '../../i18n/format';
import { distributionOption, trendOption } from './charts';
import { itemFigures, periodFigures, type ItemFigure, type PeriodFigure } from './model';
import { fetchItems, fetchPeriods, fetchTrend, fetchUnits } from './queries';
import { ciText, levelLabel, pct, periodLabel, targetPct } from './labels';
import { periodTarget, pickPeriod, SIPAS_KINDS, sipasView } from './view';

/** What a SIPAS chart reads of its view: the link, the targets (settings) and the datasets loaded (its source). */
export interface SipasChartParams {
  route: Pick<Route, 'params'>;
  settings: Settings;
  datasets: readonly DatasetInfo[];
}

export interface SipasTrendModel {
  level: Level;
  /** The service point shown; null: all of them pooled. */
  unitName: string | null;
  figures: readonly PeriodFigure[];
  source: string | undefined;
}

export interface SipasDistributionModel {
  period: string | null;
  unitName: string | null;
  items: readonly ItemFigure[];
  source: string | undefined;
}

const answerLabel = (t: ChartLabels['t'], level: number) => t(`sipas.answer.${level}` as 'sipas.answer.1');
/** A rate at the registry's decimals for SIPAS, as the page's figures and the overview card write it. */
const fmtRate = (v: number, l: ChartLabels) => formatNumber(v, l.locale, INDICES.SIPAS.decimals);

async function unitNameOf(db: Db, unit: string | null): Promise<string | null> {
  if (!unit) return null;
  return (await fetchUnits(db)).find((u) => u.unit_code === unit)?.unit_name ?? unit;
}

export const sipasTrendChart: ChartDef<Db, SipasChartParams, SipasTrendModel> = {
  id: 'sipas-trend',
  async load(db, { route, settings, datasets }) {
    const { level, unit } = sipasView(route.params);
    const [trend, unitName] = await Promise.all([fetchTrend(db, level, unit), unitNameOf(db, unit)]);
    const figures = periodFigures(trend.rows, trend.respondents, (y) => sipasTargetFor(settings, y));
    return { level, unitName, figures, source: sourcesOf(datasets, SIPAS_KINDS) };
  },
  option: (m, l) =>
    trendOption(m.figures, {
      periodLabel: (k) => periodLabel(l.t, k),
      pooled: l.t('sipas.series.pooled'),
      mean: l.t('sipas.series.mean'),
      ci: l.t('sipas.series.ci'),
      target: l.t('sipas.series.target'),
      formatValue: (v) => fmtRate(v, l),
    }),
  title: (m, { t }) => t('sipas.trend.title', { level: levelLabel(t, m.level).toLowerCase() }),
  subtitle: (_m, { t }) => t('sipas.trend.sub'),
  context: (m, { t }) => m.unitName ?? t('sipas.allUnits'),
  source: (m) => m.source,
  table: (m, { t, locale }) => ({
    columns: [
      t('sipas.col.period'),
      t('sipas.col.ratePooled'),
      t('sipas.col.ci'),
      t('sipas.col.rateMean'),
      t('sipas.col.n'),
      t('sipas.col.forms'),
      t('sipas.col.target'),
    ],
    rows: m.figures.map((f) => [
      periodLabel(t, f.period),
      pct(f.pooled.rate, locale),
      ciText(f.pooled, locale),
      pct(f.mean.rate, locale),
      formatInteger(f.pooled.n, locale),
      formatInteger(f.respondents, locale),
      targetPct(f.target, locale),
    ]),
  }),
};

export const sipasDistributionChart: ChartDef<Db, SipasChartParams, SipasDistributionModel> = {
  id: 'sipas-distribution',
  async load(db, { route, settings, datasets }) {
    const { level, unit } = sipasView(route.params);
    const [periods, unitName] = await Promise.all([fetchPeriods(db, level), unitNameOf(db, unit)]);
    const period = pickPeriod(periods.sort(comparePeriods), route.params.period);
    const items = period ? itemFigures(await fetchItems(db, period, unit), periodTarget(settings, period)) : [];
    return { period, unitName, items, source: sourcesOf(datasets, SIPAS_KINDS) };
  },
  option: (m, l) => distributionOption(m.items, { answer: (level) => `${level} – ${answerLabel(l.t, level)}`, formatValue: (v) => `${fmtRate(v, l)}%` }),
  title: (m, { t }) => t('sipas.dist.title', { period: m.period ? periodLabel(t, m.period) : '' }),
  subtitle: (_m, { t }) => t('sipas.dist.sub'),
  context: (m, { t }) => [m.unitName ?? t('sipas.allUnits'), m.period ? periodLabel(t, m.period) : ''].filter(Boolean).join(' · '),
  source: (m) => m.source,
  table: (m, { t, locale }) => ({
    columns: [t('sipas.col.code'), t('sipas.col.item'), ...[1, 2, 3, 4, 5].map((l) => answerLabel(t, l)), t('sipas.col.n')],
    rows: m.items.map((i) => [i.code, i.text ?? i.code, ...i.answers.map((a) => formatInteger(a, locale)), formatInteger(i.n, locale)]),
  }),
  height: (m) => Math.max(320, 60 + m.items.length * 30),
};
