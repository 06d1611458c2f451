// The look of every chart, as three ECharts themes registered once (echarts.ts): on screen, on a slide and on the
// printed report. Option builders say what the data is; the theme of the place a chart draws in says how text,
// axes and grid lines look, so a slide reads from the back of a meeting room without touching any option.

/** Where a chart draws: its theme follows. */
export type ChartPlace = 'screen' | 'slide' | 'print';

/** The registered name of each place's theme. */
export const THEME: Readonly<Record<ChartPlace, string>> = { screen: 'chiso', slide: 'chiso-slide', print: 'chiso-print' };

/** Text drawn beside the charts on canvas (PNG titles and sources: image.ts), in the charts' own type. */
export const CANVAS_TEXT = {
  family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  colour: '#1b1f24',
  muted: '#57606a',
} as const;

/** Chart text on screen, in px (axis labels, legend, data labels). */
const SCREEN_TEXT = 14;

/**
 * Text of graphic elements and custom series (the map's legend and island names): ECharts themes do not reach them,
 * so they carry the screen's type themselves and draw at that size in every place.
 */
export const GRAPHIC_TEXT = { fontSize: SCREEN_TEXT, fill: CANVAS_TEXT.colour, fontFamily: CANVAS_TEXT.family } as const;

// Colours that survive a washed-out projector and colour-blind viewers (Okabe–Ito): series take them in order.
const PALETTE = ['#0060A8', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/**
 * Series whose colour means something, the same on every chart: the unit looked at (or the appraised score) blue,
 * the best peer (or the self-assessment) orange, the peers' median green, a target line pink. A chart's other series
 * take the theme's palette in order.
 */
export const ROLE_COLOUR = {
  subject: PALETTE[0]!,
  contrast: PALETTE[1]!,
  typical: PALETTE[2]!,
  target: PALETTE[3]!,
  /** Extra thin lines beside the subject (former provinces of a merged one), by position. */
  extra: (k: number) => PALETTE[(4 + k) % PALETTE.length]!,
  /** A marked break in a series (a change of methodology): neutral, dotted. */
  mark: CANVAS_TEXT.muted,
} as const;

interface Look {
  /** Axis labels, axis names, legend, data labels, mark labels, tooltips. */
  text: number;
  textColour: string;
  gridColour: string;
  /** Axis lines and ticks; on screen, ECharts' own. */
  axisColour?: string;
  legendItem: [number, number];
}

const LOOKS: Record<ChartPlace, Look> = {
  screen: { text: SCREEN_TEXT, textColour: CANVAS_TEXT.colour, gridColour: '#d0d7de', legendItem: [25, 14] },
  // Read from across a room on a projector: at least 18 px, so 20.
  slide: { text: 20, textColour: '#000000', gridColour: '#c4ccd4', axisColour: '#57606a', legendItem: [28, 16] },
  // Drawn 480 px wide and printed 91 mm wide: 14 px is about 7.5 pt on paper; darker lines that a printer keeps.
  print: { text: SCREEN_TEXT, textColour: '#000000', gridColour: '#b8c0c8', axisColour: '#57606a', legendItem: [20, 11] },
};

/** One place's ECharts theme (a plain object: ECharts merges it under every option drawn with it). */
export function themeOf(place: ChartPlace): Record<string, unknown> {
  const l = LOOKS[place];
  const text = { fontSize: l.text, color: l.textColour };
  const axis = {
    axisLabel: text,
    nameTextStyle: text,
    ...(l.axisColour ? { axisLine: { lineStyle: { color: l.axisColour } }, axisTick: { lineStyle: { color: l.axisColour } } } : {}),
    splitLine: { lineStyle: { color: l.gridColour } },
  };
  // Data labels take the size only: their colour stays ECharts' (the series' own, or a contrast inside a bar).
  const labelled = { label: { fontSize: l.text } };
  return {
    color: PALETTE,
    backgroundColor: 'transparent',
    // No animation anywhere: a redrawn chart is final at once (the benchmark times it; a slide must not move).
    animation: false,
    textStyle: { fontFamily: CANVAS_TEXT.family, ...text },
    title: { textStyle: { fontSize: Math.round(l.text * 1.4), color: l.textColour }, subtextStyle: text },
    legend: { textStyle: text, itemWidth: l.legendItem[0], itemHeight: l.legendItem[1] },
    tooltip: { textStyle: { fontSize: l.text } },
    categoryAxis: axis,
    valueAxis: axis,
    logAxis: axis,
    timeAxis: axis,
    markLine: { label: text },
    markArea: { label: text },
    markPoint: { label: text },
    line: labelled,
    bar: labelled,
    map: { label: text },
    geo: { label: text },
  };
}
