import { useCallback, useEffect, useMemo, useState } from 'react';
import { Chart } from '../../../charts/Chart';
import { useI18n } from '../../../i18n/i18n';
import type { MapBand } from './mapOption';
import { loadProvinceMap, type ProvinceGeo } from './loadMap';
import { mapFigures } from './mapFigures';
import { mapText, type MapTextKey } from './messages';
import './map.css';

interface ProvinceMapProps {
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

  // One build of the option and table for the page and for the map drawn alone (mapFigures.ts), memoised on its data.
  const built = useMemo(
    () => (geo ? mapFigures(geo, { rows, view, highlight, decimals, bands }, locale) : null),
    [geo, rows, highlight, view, decimals, locale, bands],
  );

  if (failed)
    return (
      <p className="empty" role="alert">
        {t('map.loadFailed')}
      </p>
    );
  if (!built) return <div className="chart-skeleton map-skeleton" aria-busy="true" aria-label={t('map.loading')} />;
  return (
    <div className="province-map" data-testid="province-map" data-view={view} data-highlight={built.highlighted ?? ''}>
      <Chart id={`province-map-${view}`} title={title} context={context} option={built.option} table={built.table} source={source} height={680} />
      {built.notOnMap.length > 0 && <p className="map-note">{t('map.notOnMap', { names: built.notOnMap.join(', ') })}</p>}
    </div>
  );
}
