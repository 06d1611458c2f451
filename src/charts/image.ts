// Chart pictures that explain themselves: the chart re-rendered at a fixed size (not a scaled screen canvas),
// white background, 2× pixels, with its title, unit, period and source drawn in as text.
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';
import { CANVAS_TEXT, THEME, type ChartPlace } from './theme';

interface ImageText {
  title: string;
  subtitle?: string;
  /** Unit and period, e.g. "Xã Hòa An · Quý 1/2026". */
  context?: string;
  source?: string;
  /** e.g. "Chỉ số · 24/11/2026 · Dữ liệu minh họa" */
  footer?: string;
}

/** Draws the option into an off-screen chart in the look of `place` and returns it as a PNG data URL at `pixelRatio`. */
export function renderOptionToDataUrl(option: EChartsCoreOption, width: number, height: number, pixelRatio = 2, place: ChartPlace = 'screen'): string {
  const el = document.createElement('div');
  const chart = echarts.init(el, THEME[place], { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  try {
    chart.setOption(option);
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('chart image did not load'));
    img.src = src;
  });
}

/** Lines of text that fit `maxWidth`, so a long Vietnamese title wraps instead of running off the picture. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart with its texts, as a PNG blob `width × pixelRatio` pixels wide. */
export async function chartPng(option: EChartsCoreOption, text: ImageText, width = 1200, chartHeight = 560, pixelRatio = 2): Promise<Blob> {
  const chartImg = await loadImage(renderOptionToDataUrl(option, width, chartHeight, pixelRatio));
  const pad = 24;
  const measure = document.createElement('canvas').getContext('2d')!;
  const lines: { text: string; font: string; colour: string; size: number }[] = [];
  const add = (t: string | undefined, size: number, weight: string, colour: string) => {
    if (!t) return;
    measure.font = `${weight} ${size}px ${CANVAS_TEXT.family}`;
    for (const l of wrap(measure, t, width - 2 * pad)) lines.push({ text: l, font: measure.font, colour, size });
  };
  add(text.title, 26, '700', CANVAS_TEXT.colour);
  add(text.subtitle, 17, '400', CANVAS_TEXT.muted);
  add(text.context, 18, '600', CANVAS_TEXT.colour);
  const headerH = pad + lines.reduce((a, l) => a + l.size * 1.35, 0) + 8;
  const footer: typeof lines = [];
  for (const t of [text.source, text.footer]) {
    if (!t) continue;
    measure.font = `400 15px ${CANVAS_TEXT.family}`;
    for (const l of wrap(measure, t, width - 2 * pad)) footer.push({ text: l, font: measure.font, colour: CANVAS_TEXT.muted, size: 15 });
  }
  const footerH = footer.reduce((a, l) => a + l.size * 1.4, 0) + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width * pixelRatio;
  canvas.height = Math.ceil((headerH + chartHeight + footerH) * pixelRatio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(pixelRatio, pixelRatio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, headerH + chartHeight + footerH);
  ctx.textBaseline = 'top';
  let y = pad;
  for (const l of lines) {
    ctx.font = l.font;
    ctx.fillStyle = l.colour;
    ctx.fillText(l.text, pad, y);
    y += l.size * 1.35;
  }
  ctx.drawImage(chartImg, 0, headerH, width, chartHeight);
  y = headerH + chartHeight + 8;
  for (const l of footer) {
    ctx.font = l.font;
    ctx.fillStyle = l.colour;
    ctx.fillText(l.text, pad, y);
    y += l.size * 1.4;
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
