// A chart option made readable from the back of a meeting room: every ECharts text at least `min` px.
import type { EChartsCoreOption } from 'echarts/core';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Raises `obj[key].fontSize` to at least `min` (creating the text style if missing). */
function raise(obj: Obj, key: string, min: number): Obj {
  const style = isObj(obj[key]) ? (obj[key] as Obj) : {};
  const size = typeof style.fontSize === 'number' ? style.fontSize : 0;
  return { ...obj, [key]: { ...style, fontSize: Math.max(size, min) } };
}

const each = (v: unknown, f: (o: Obj) => Obj): unknown => (Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : isObj(v) ? f(v) : v);

function bigSeries(s: Obj, min: number): Obj {
  let out = s;
  if (isObj(out.label)) out = raise(out, 'label', min);
  if (isObj(out.endLabel)) out = raise(out, 'endLabel', min);
  for (const mark of ['markLine', 'markArea', 'markPoint']) {
    const m = out[mark];
    if (!isObj(m)) continue;
    // Labels may sit on the mark's data items too (e.g. a method-break line): raise those as well.
    const data = Array.isArray(m.data) ? m.data.map((d) => (Array.isArray(d) ? d.map((x) => (isObj(x) && isObj(x.label) ? raise(x, 'label', min) : x)) : isObj(d) && isObj(d.label) ? raise(d, 'label', min) : d)) : m.data;
    out = { ...out, [mark]: { ...raise(m, 'label', min), ...(data !== undefined ? { data } : {}) } };
  }
  return out;
}

/** A copy of `option` for slides: axis labels, names, legend, labels and tooltips at `min` px or more; no animation. */
export function enlargeOption(option: EChartsCoreOption, min = 18): EChartsCoreOption {
  const o = option as Obj;
  const axis = (a: Obj) => raise(raise(a, 'axisLabel', min), 'nameTextStyle', min);
  const out: Obj = { ...o, animation: false, textStyle: { ...(isObj(o.textStyle) ? o.textStyle : {}), fontSize: Math.max(Number((o.textStyle as Obj | undefined)?.fontSize) || 0, min) } };
  for (const k of ['xAxis', 'yAxis', 'radiusAxis', 'angleAxis', 'singleAxis']) if (k in o) out[k] = each(o[k], axis);
  if ('legend' in o) out.legend = each(o.legend, (l) => raise({ ...l, itemWidth: 28, itemHeight: 16 }, 'textStyle', min));
  if ('tooltip' in o) out.tooltip = each(o.tooltip, (t) => raise(t, 'textStyle', min));
  if ('visualMap' in o) out.visualMap = each(o.visualMap, (v) => raise(v, 'textStyle', min));
  if ('title' in o) out.title = each(o.title, (t) => raise(t, 'textStyle', min + 10));
  if ('series' in o) out.series = each(o.series, (s) => bigSeries(s, min));
  return out as EChartsCoreOption;
}
