// The map chart from its rows and the loaded outlines: option, data table and what could not be drawn. Pure, so the
// index page (ProvinceMap) and the map drawn alone on a slide or the report (indices/chartDefs.ts) build it the same way.
import { formatNumber, type Locale } from '../../../i18n/format';
import type { ChartTable } from '../../../charts/registry';
import type { EChartsCoreOption } from 'echarts/core';
import { provinceKey } from '../../../domain/vnNames';
import { classify, classText, mapOption, type MapBand, type MapLabels } from './mapOption';
import type { ProvinceGeo } from './loadMap';
import { mapText, type MapTextKey } from './messages';

interface MapInput {
  rows: readonly { province: string; value: number | null }[];
  view: '34' | '63';
  highlight?: string | null;
  decimals: number;
  /** named bands (e.g. PAR Nhóm A ≥ 90), at most 6; quartiles when absent */
  bands?: readonly MapBand[] | null;
}

export interface MapFigures {
  option: EChartsCoreOption;
  table: ChartTable;
  /** rows whose province matches no outline (their names, as given) */
  notOnMap: string[];
  /** the outlined province as the map names it */
  highlighted: string | null;
}

export function mapFigures(geo: ProvinceGeo, { rows, view, highlight, decimals, bands }: MapInput, locale: Locale): MapFigures {
  const t = (key: MapTextKey, vars?: Record<string, string | number>) => mapText(locale, key, vars);
  const classified = classify(geo.featureNames, rows, bands);
  const hlKey = highlight ? provinceKey(highlight) : null;
  const hlName = hlKey ? (geo.featureNames.find((n) => provinceKey(n) === hlKey) ?? null) : null;
  const labels: MapLabels = {
    formatValue: (v) => formatNumber(v, locale, decimals),
    legendTitle: t(classified.classes.some((c) => c.band) ? 'map.legendBands' : 'map.legendTitle'),
    count: (n) => t('map.count', { n }),
    missing: t('map.missing'),
    highlight: (name) => t('map.highlight', { name }),
    attribution: t(view === '34' ? 'map.attribution34' : 'map.attribution63'),
    hoangSa: t('map.hoangSa'),
    truongSa: t('map.truongSa'),
    className: (n) => t('map.class', { n }),
  };
  const option = mapOption({ mapName: geo.mapName, classified, highlight: hlName, highlightRings: hlName ? geo.outline(hlName) : [], labels });
  const table = {
    columns: [t('map.colProvince'), t('map.colValue'), t('map.colClass')],
    rows: [...classified.regions]
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'))
      .map((r) => [r.name, r.value === null ? t('map.missing') : formatNumber(r.value, locale, decimals), classText(r, classified.classes, labels)]),
  };
  return { option, table, notOnMap: classified.notOnMap, highlighted: hlName };
}
