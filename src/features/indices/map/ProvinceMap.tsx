import { useCallback, useEffect, useMemo, useState } from 'react';
import { Chart } from '../../../charts/Chart';
import { useI18n } from '../../../i18n/i18n';
import { formatNumber } from '../../../i18n/format';
import { classify, classText, mapOption, type MapBand, type MapLabels } from './mapOption';
import { loadProvinceMap, type ProvinceGeo } from './loadMap';
import { provinceKey } from './names';
import { mapText, type MapTextKey } from './messages';
import './map.css';

export interface ProvinceMapProps {
  rows: { province: string; value: number | null }[];
  view: '34' | '63';
  highlight?: string | null;
  title: string;
  context?: string;
  decimals: number;
  /** the data's source, shown under the map (the map's own attribution is drawn on it) */
  source?: string;
  /** named bands (e.g. PAR Nhóm A ≥ 90), at most 6; quartiles when absent */
  bands?: MapBand[] | null;
}

/** Choropleth of the provinces in quartile classes; missing data grey; the user's province outlined. */
export function ProvinceMap({ rows, view, highlight, title, context, decimals, source, bands }: ProvinceMapProps) {
  const { locale } = useI18n();
  const t = useCallback((key: MapTextKey, vars?: Record<string, string | number>) => mapText(locale, key, vars), [locale]);
  const [geo, setGeo] = useState<ProvinceGeo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setGeo(null);
    setFailed(false);
    loadProvinceMap(view).then(
      (g) => live && setGeo(g),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [view]);

  const built = useMemo(() => {
    if (!geo) return null;
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
  }, [geo, rows, highlight, view, decimals, locale, t, bands]);

  if (failed) return <p className="empty" role="alert">{t('map.loadFailed')}</p>;
  if (!built) return <div className="chart-skeleton map-skeleton" aria-busy="true" aria-label={t('map.loading')} />;
  return (
    <div className="province-map" data-testid="province-map" data-view={view} data-highlight={built.highlighted ?? ''}>
      <Chart id={`province-map-${view}`} title={title} context={context} option={built.option} table={built.table} source={source} height={680} />
      {built.notOnMap.length > 0 && <p className="map-note">{t('map.notOnMap', { names: built.notOnMap.join(', ') })}</p>}
    </div>
  );
}
