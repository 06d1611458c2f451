export interface ProvinceMapProps {
  rows: { province: string; value: number | null }[];
  view: '34' | '63';
  highlight?: string | null;
  title: string;
  context?: string;
  decimals: number;
}

/** Choropleth of the provinces (placeholder until the map is wired in). */
export function ProvinceMap(props: ProvinceMapProps) {
  return (
    <figure className="chart" data-chart="province-map">
      <figcaption><h2 className="chart-title">{props.title}</h2></figcaption>
      <p className="empty">…</p>
    </figure>
  );
}
