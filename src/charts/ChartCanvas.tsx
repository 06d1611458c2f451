import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { echarts } from './echarts';
import { THEME, type ChartPlace } from './theme';

interface Props {
  option: EChartsCoreOption;
  /** Where it draws: the theme follows (theme.ts). */
  place: ChartPlace;
  /** CSS height: px on a page, '100%' in a slide. */
  height: number | string;
  onDrawn?: () => void;
}

const OPTS = { renderer: 'canvas' } as const;

// Options are memoised on their data by whoever builds them: a new option object is new data, the same object is
// the same drawing. So a re-render of the page around a chart redraws nothing (and no option is ever compared
// by content).
const drawsSomethingNew = (prev: { option: unknown; theme?: unknown; style?: unknown }, next: typeof prev) =>
  prev.option !== next.option || prev.theme !== next.theme || prev.style !== next.style;

/** The one place ECharts is mounted: the option drawn in the look of its place. */
export function ChartCanvas({ option, place, height, onDrawn }: Props) {
  const style = useMemo(() => ({ height, width: '100%' }), [height]);
  const events = useMemo(() => (onDrawn ? { finished: onDrawn } : undefined), [onDrawn]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      theme={THEME[place]}
      notMerge
      style={style}
      opts={OPTS}
      shouldSetOption={drawsSomethingNew}
      onChartReady={onDrawn}
      onEvents={events}
    />
  );
}
