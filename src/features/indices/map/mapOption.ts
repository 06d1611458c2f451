// Pure pieces of the province choropleth: quartile classes, the join of rows to map features, the ECharts option.
import type { EChartsCoreOption } from 'echarts/core';
import { GRAPHIC_TEXT } from '../../../charts/theme';
import { provinceKey } from '../../../domain/vnNames';

/** Sequential, light → dark (ColorBrewer YlGnBu): reads in greyscale, for colour-blind viewers and on a washed-out projector. */
const CLASS_COLOURS = ['#edf8b1', '#7fcdbb', '#2c7fb8', '#253494'] as const;
const MISSING_COLOUR = '#bdbdbd';
const HIGHLIGHT_COLOUR = '#D55E00';
const BORDER_COLOUR = '#4d4d4d';

/** Quantile with linear interpolation between order statistics (Excel QUARTILE.INC, R type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The three cut points (25th, 50th, 75th percentile) of the values present; null when there are none. */
export function quartileCuts(values: readonly number[]): [number, number, number] | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return [quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75)];
}

/** 0 (lowest quarter) … 3 (highest). A value equal to a cut point belongs to the class below it. */
export function quartileClass(value: number, cuts: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  if (value <= cuts[0]) return 0;
  if (value <= cuts[1]) return 1;
  if (value <= cuts[2]) return 2;
  return 3;
}

interface MapClass {
  /** 0 = lowest class, or 'missing' */
  key: number | 'missing';
  colour: string;
  /** the caller's band name ("Nhóm A"); none for quartiles */
  band?: string;
  count: number;
  /** lowest and highest value among the provinces in the class (null when it has none) */
  min: number | null;
  max: number | null;
}

/** A band the caller names: a value belongs to the last band whose `min` it reaches (the first takes anything lower). */
export interface MapBand {
  label: string;
  min: number;
}

interface MapRegion {
  /** the feature's name (the province as the app's data names it) */
  name: string;
  value: number | null;
  cls: MapClass['key'];
}

interface Classified {
  regions: MapRegion[];
  classes: MapClass[];
  /** rows whose province matches no feature (their names, as given) */
  notOnMap: string[];
}

/** Sequential YlGnBu schemes by number of classes (ColorBrewer), light → dark. */
const SCHEMES: Record<number, readonly string[]> = {
  1: ['#2c7fb8'],
  2: ['#edf8b1', '#2c7fb8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: CLASS_COLOURS,
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
};
const MAX_BANDS = 6;

/** Index of the band a value falls in; bands sorted by `min` ascending. */
export function bandClass(value: number, bands: readonly MapBand[]): number {
  let k = 0;
  bands.forEach((b, i) => {
    if (value >= b.min) k = i;
  });
  return k;
}

/**
 * Joins rows to the map's features on normalised names and classes each feature: by the caller's bands when given
 * (at most 6), otherwise by quartiles. A feature without a row, or with a null value, is 'missing' (grey), never zero.
 */
export function classify(
  featureNames: readonly string[],
  rows: readonly { province: string; value: number | null }[],
  bandsIn?: readonly MapBand[] | null,
): Classified {
  const bands = bandsIn && bandsIn.length > 0 && bandsIn.length <= MAX_BANDS ? [...bandsIn].sort((a, b) => a.min - b.min) : null;
  const byKey = new Map<string, number | null>();
  for (const r of rows) byKey.set(provinceKey(r.province), r.value !== null && Number.isFinite(r.value) ? r.value : null);
  const featureKeys = new Set(featureNames.map(provinceKey));
  const notOnMap = rows.filter((r) => !featureKeys.has(provinceKey(r.province))).map((r) => r.province);
  const present = featureNames.map((n) => byKey.get(provinceKey(n)) ?? null);
  const cuts = quartileCuts(present.filter((v): v is number => v !== null));
  const classOf = (v: number): number => (bands ? bandClass(v, bands) : quartileClass(v, cuts!));
  const regions = featureNames.map((name, i): MapRegion => {
    const value = present[i] ?? null;
    return { name, value, cls: value === null || !cuts ? 'missing' : classOf(value) };
  });
  const n = bands ? bands.length : 4;
  const colours = SCHEMES[n]!;
  const keys: MapClass['key'][] = [...Array.from({ length: n }, (_, i) => i), 'missing'];
  const classes = keys.map((key): MapClass => {
    const vals = regions
      .filter((r) => r.cls === key)
      .map((r) => r.value)
      .filter((v): v is number => v !== null);
    return {
      key,
      colour: key === 'missing' ? MISSING_COLOUR : colours[key]!,
      ...(bands && key !== 'missing' ? { band: bands[key]!.label } : {}),
      count: regions.filter((r) => r.cls === key).length,
      min: vals.length ? Math.min(...vals) : null,
      max: vals.length ? Math.max(...vals) : null,
    };
  });
  return { regions, classes, notOnMap };
}

export interface MapLabels {
  formatValue: (v: number) => string;
  legendTitle: string;
  count: (n: number) => string;
  missing: string;
  /** e.g. "Viền cam: Huế"; shown only when a province is highlighted */
  highlight: (name: string) => string;
  attribution: string;
  hoangSa: string;
  truongSa: string;
  /** a quartile's name from its number 1–4 */
  className: (n: number) => string;
}

/** A region's class as text: the band's name, or "Nhóm 3/4"; '–' when missing. */
export function classText(region: MapRegion, classes: readonly MapClass[], labels: MapLabels): string {
  if (region.cls === 'missing') return '–';
  return classes.find((c) => c.key === region.cls)?.band ?? labels.className(region.cls + 1);
}

/** The text of one legend entry: "37,22 – 40,10 · 16 tỉnh", "Nhóm A · 90,50 – 95,00 · 3 tỉnh" or "Không có dữ liệu · 2 tỉnh". */
export function legendText(c: MapClass, labels: MapLabels): string {
  if (c.key === 'missing') return `${labels.missing} · ${labels.count(c.count)}`;
  const range =
    c.min === null || c.max === null ? '–' : c.min === c.max ? labels.formatValue(c.min) : `${labels.formatValue(c.min)} – ${labels.formatValue(c.max)}`;
  return [c.band, range, labels.count(c.count)].filter(Boolean).join(' · ');
}

/** Plain-text tooltip for one province (no HTML: names are text). */
export function tooltipText(region: MapRegion | undefined, name: string, classes: readonly MapClass[], labels: MapLabels): string {
  if (!region || region.value === null) return `${name}\n${labels.missing}`;
  return `${name}\n${labels.formatValue(region.value)} (${classText(region, classes, labels)})`;
}

// Where the archipelago names are written (lon, lat), beside the islands, clear of the mainland.
const HOANG_SA: [number, number] = [112.2, 17.55];
const TRUONG_SA: [number, number] = [114.3, 12.3];

type Ring = [number, number][];

interface MapOptionInput {
  mapName: string;
  classified: Classified;
  highlight?: string | null;
  /** the highlighted province's outer rings, drawn on top so no neighbour covers the outline */
  highlightRings: Ring[];
  labels: MapLabels;
}

/**
 * A geo component coloured region by region (so "no data" is its own grey, not a value on a scale), a legend
 * drawn as graphics (it goes into the PNG too), and a custom series on top for the highlighted outline and the
 * archipelago names.
 */
export function mapOption({ mapName, classified, highlight, highlightRings, labels }: MapOptionInput): EChartsCoreOption {
  const byName = new Map(classified.regions.map((r) => [r.name, r]));
  const colourOf = (r: MapRegion) => classified.classes.find((c) => c.key === r.cls)?.colour ?? MISSING_COLOUR;
  const regions = classified.regions.map((r) => ({
    name: r.name,
    itemStyle: { areaColor: colourOf(r) },
    emphasis: { itemStyle: { areaColor: colourOf(r), borderColor: '#000', borderWidth: 1.5 }, label: { show: false } },
  }));

  const shown = classified.classes.filter((c) => c.count > 0);
  const row = 26;
  const legendItems = shown.flatMap((c, i) => [
    { type: 'rect', shape: { x: 0, y: 30 + i * row, width: 22, height: 18 }, style: { fill: c.colour, stroke: BORDER_COLOUR, lineWidth: 1 } },
    { type: 'text', x: 30, y: 30 + i * row + 2, style: { ...GRAPHIC_TEXT, text: legendText(c, labels) } },
  ]);
  const hlY = 30 + shown.length * row + 8;
  const highlightItems =
    highlight && highlightRings.length
      ? [
          { type: 'rect', shape: { x: 0, y: hlY, width: 22, height: 18 }, style: { fill: 'none', stroke: HIGHLIGHT_COLOUR, lineWidth: 3 } },
          { type: 'text', x: 30, y: hlY + 2, style: { ...GRAPHIC_TEXT, text: labels.highlight(highlight) } },
        ]
      : [];

  type Api = { coord: (p: [number, number]) => number[] };
  const overlay = [
    ...highlightRings.map((ring) => ({ kind: 'ring' as const, ring })),
    { kind: 'label' as const, at: HOANG_SA, text: labels.hoangSa },
    { kind: 'label' as const, at: TRUONG_SA, text: labels.truongSa },
  ];

  return {
    aria: { enabled: true },
    // Canvas-drawn text, not HTML: a province name is never interpreted as markup.
    tooltip: { trigger: 'item', renderMode: 'richText' },
    geo: {
      map: mapName,
      roam: false,
      selectedMode: false,
      layoutCenter: ['62%', '50%'],
      layoutSize: '96%',
      tooltip: {
        show: true,
        formatter: (p: { name?: string }) => tooltipText(byName.get(p.name ?? ''), p.name ?? '', classified.classes, labels),
      },
      itemStyle: { areaColor: MISSING_COLOUR, borderColor: BORDER_COLOUR, borderWidth: 0.5 },
      emphasis: { label: { show: false } },
      label: { show: false },
      regions,
    },
    graphic: [
      {
        type: 'group',
        left: 12,
        top: 12,
        silent: true,
        children: [{ type: 'text', x: 0, y: 0, style: { ...GRAPHIC_TEXT, text: labels.legendTitle, fontWeight: 'bold' } }, ...legendItems, ...highlightItems],
      },
      {
        // Bottom left: open sea west of the Mekong delta, clear of the islands in the east.
        type: 'text',
        left: 12,
        bottom: 8,
        silent: true,
        style: { ...GRAPHIC_TEXT, text: labels.attribution, fontSize: 13, lineHeight: 18, fill: '#57606a', width: 330, overflow: 'break' },
      },
    ],
    series: [
      {
        type: 'custom',
        coordinateSystem: 'geo',
        silent: true,
        z: 10,
        data: overlay.map((o) => (o.kind === 'ring' ? o.ring[0] : o.at)),
        renderItem: (params: { dataIndex: number }, api: Api) => {
          const o = overlay[params.dataIndex]!;
          if (o.kind === 'label') {
            const [x, y] = api.coord(o.at);
            return {
              type: 'text',
              x,
              y,
              style: { ...GRAPHIC_TEXT, text: o.text, fontStyle: 'italic', fill: '#1f4e79', align: 'center', verticalAlign: 'bottom' },
            };
          }
          const points = o.ring.map((p) => api.coord(p));
          return {
            type: 'group',
            children: [
              { type: 'polygon', shape: { points }, style: { fill: 'none', stroke: '#ffffff', lineWidth: 5 } },
              { type: 'polygon', shape: { points }, style: { fill: 'none', stroke: HIGHLIGHT_COLOUR, lineWidth: 3 } },
            ],
          };
        },
      },
    ],
  };
}
