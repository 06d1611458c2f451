// The one chart of a pinned view, drawn large on a slide or as a fixed-size picture on the printed report.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { echarts } from '../../charts/echarts';
import { renderOptionToDataUrl } from '../../charts/image';
import { useData } from '../../app/DataContext';
import { showsFiction } from '../../app/catalogue';
import { useI18n } from '../../i18n/i18n';
import type { ChartDrawing } from '../../charts/host';
import { enlargeOption } from './slideOption';

/** Which chart of a hidden view draws, where and how (a slide's or the report's; see ChartFocus.tsx). */
export interface ChartFocus {
  chartId: string;
  /** Where the chart draws itself (a node in the slide or the report sheet). */
  target: HTMLElement;
  mode: 'slide' | 'print';
  /** Called once the chart has drawn into `target`, so the slide can drop its "loading" text. */
  onShown?: () => void;
  /** Slides: the smallest ECharts text in px (18 at least, more on a large screen). */
  labelPx?: number;
}

interface FocusedChartProps extends ChartDrawing {
  focus: ChartFocus;
}

/**
 * Print size of a report chart: drawn at 480 × 370 CSS px and printed 91 mm wide (two side by side across the
 * 190 mm text width), i.e. chart text at about 7–8 pt, 2× pixels ≈ 270 dpi on paper.
 */
const PRINT_CHART = { width: 480, height: 370, pixelRatio: 2 } as const;

/** A stable key for an option (functions drop out), so the print picture is re-rendered only when the chart changes. */
const optionKey = (o: EChartsCoreOption) => JSON.stringify(o);

function PrintPicture({ option, title }: { option: EChartsCoreOption; title: string }) {
  const key = optionKey(option);
  // Re-rendered off-screen at the printed size with animation off: sharp on paper, not a scaled screen canvas.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the option's JSON: a new but equal option (each render) draws nothing new
  const src = useMemo(() => renderOptionToDataUrl(option, PRINT_CHART.width, PRINT_CHART.height, PRINT_CHART.pixelRatio), [key]);
  return <img className="report-chart-img" src={src} width={PRINT_CHART.width} height={PRINT_CHART.height} alt={title} data-testid="report-chart-img" />;
}

export function FocusedChart({ focus, id, title, subtitle, context, option, hasData, source }: FocusedChartProps) {
  const { t } = useI18n();
  const { datasets } = useData();
  const demo = showsFiction(datasets);
  const mine = focus.chartId === id;
  const { onShown } = focus;
  useEffect(() => {
    if (mine) onShown?.();
  }, [mine, onShown]);
  if (!mine) return null;

  if (focus.mode === 'print') {
    return createPortal(
      <figure className="report-chart" data-report-chart={id}>
        <figcaption>
          <h3>{title}</h3>
          {context && <p className="report-chart-context">{context}</p>}
        </figcaption>
        {hasData ? <PrintPicture option={option} title={title} /> : <p className="empty">{t('chart.noData')}</p>}
        {source && <p className="report-chart-source">{t('source.label')}: {source}</p>}
      </figure>,
      focus.target,
    );
  }

  return createPortal(
    <div className="slide-chart" data-slide-chart={id}>
      <header className="slide-head">
        <h1 className="slide-title">{title}</h1>
        {context && <p className="slide-corner" data-testid="slide-context">{context}</p>}
      </header>
      {subtitle && <p className="slide-subtitle">{subtitle}</p>}
      <div className="slide-canvas">
        {hasData ? (
          <ReactEChartsCore echarts={echarts} option={enlargeOption(option, Math.max(18, focus.labelPx ?? 18))} notMerge style={{ height: '100%', width: '100%' }} opts={{ renderer: 'canvas' }} />
        ) : (
          <p className="slide-empty">{t('chart.noData')}</p>
        )}
      </div>
      <footer className="slide-foot">
        {source && <span>{t('source.label')}: {source}</span>}
        {demo && <span className="slide-demo">{t('app.demoBadge')}</span>}
      </footer>
    </div>,
    focus.target,
  );
}
