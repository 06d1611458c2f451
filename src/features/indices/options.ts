// The index page's charts, defined once from its model (model.ts indexModel) as charts by id (charts/registry.ts): the
// page draws them, and a slide, the report or a PNG can too, with loadIndex (load.ts) + indexModel as their `load`. Pure.
import type { ChartView } from '../../charts/registry';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/i18n';
import { componentBarsOption, indexTrendOption } from './charts';
import type { IndexModel } from './model';

/** "PAPI" or "PAPI · Thủ tục hành chính công": the index and the component shown. */
const metricTitle = (m: IndexModel, t: Translate) => `${t(`index.short.${m.meta.code}`)}${m.component ? ' · ' + m.metricName : ''}`;

/** The unit, the peers' median and best by year, the target, and former units beside a merged one. */
export const indexTrendView: ChartView<IndexModel> = {
  id: 'index-trend',
  option: (m, { t, locale }) =>
    indexTrendOption(
      m.points,
      m.meta,
      {
        unit: m.unitName,
        median: t('indices.series.medianPeers'),
        best: t('indices.series.bestPeer'),
        target: t('indices.series.target', { target: `${formatNumber(m.target, locale, 0)}%` }),
        breakLabel: (year) => t('series.break', { year }),
        yAxis: m.meta.scale === 'percent' ? t('indices.axis.percent') : t('indices.axis.score'),
        xAxis: t('axis.year'),
        formatValue: (v) => formatNumber(v, locale, m.meta.decimals),
      },
      m.target,
      m.formers,
    ),
  title: (m, { t }) => t('indices.trendTitle', { index: metricTitle(m, t), unit: m.unitName, from: m.from ?? '', to: m.to ?? '' }),
  subtitle: (m, { t }) => (m.computedYears.size ? `${t('indices.trendSub')}. ${t('indices.computedPoints')}` : t('indices.trendSub')),
  context: (m) => m.context,
  source: (m) => m.source,
  table: (m, { t, locale }) => {
    const fmt = (v: number | null) => formatNumber(v, locale, m.meta.decimals);
    return {
      columns: [t('col.year'), m.unitName, t('indices.series.medianPeers'), t('indices.series.bestPeer'), t('col.rank'), ...m.formers.map((f) => f.name)],
      rows: m.standings.map((s, i) => [
        String(s.year),
        m.computedYears.has(s.year) && s.value !== null ? `${fmt(s.value)} (${t('indices.derivedTag')})` : fmt(s.value),
        fmt(s.median),
        fmt(s.best),
        s.rank !== null ? `${s.rank}/${s.of}` : '–',
        ...m.formers.map((f) => fmt(f.values[i] ?? null)),
      ]),
    };
  },
};

/** The components of the year: the unit against the median and the best, per component (% of max where the index says). */
export const indexComponentsView: ChartView<IndexModel> = {
  id: 'index-components',
  option: (m, { t, locale }) =>
    componentBarsOption(m.bars, {
      unit: m.unitName,
      median: t('indices.series.medianPeers'),
      best: t('indices.series.bestPeer'),
      xAxis: m.percentBars ? t('indices.axis.percent') : t('indices.axis.score'),
      formatValue: (v) => formatNumber(v, locale, 2),
    }),
  title: (m, { t }) => t('indices.componentsTitle', { year: m.year ?? '', unit: m.unitName }),
  subtitle: (m, { t }) => (m.percentBars ? t('indices.componentsSubPct') : t('indices.componentsSub')),
  context: (m) => `${m.unitName} · ${m.year}`,
  source: (m) => m.source,
  table: (m, { t, locale }) => ({
    columns: [t('indices.col.component'), m.unitName, t('indices.series.medianPeers'), t('indices.series.bestPeer')],
    rows: m.bars.map((b) => [b.label, formatNumber(b.unit, locale, 2), formatNumber(b.median, locale, 2), formatNumber(b.best, locale, 2)]),
  }),
  height: (m) => Math.max(320, 56 + m.bars.length * 46),
};
