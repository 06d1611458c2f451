// Which columns the chart draws: its type, the horizontal axis, the value (a number column) and the column that splits
// the rows into series. Each change goes into the link (model.ts specParams).
import { useI18n } from '../../i18n/i18n';
import { CHART_TYPES, type ChartSpec } from './model';
import type { ResultColumn } from './result';

interface Props {
  columns: readonly ResultColumn[];
  spec: ChartSpec;
  onChange(spec: ChartSpec): void;
}

export function ChartControls({ columns, spec, onChange }: Props) {
  const { t } = useI18n();
  const numbers = columns.filter((c) => c.kind === 'number');
  return (
    <div className="wb-chart-controls">
      <label className="control">
        {t('workbench.chart.type')}
        <select value={spec.type} onChange={(e) => onChange({ ...spec, type: e.target.value as ChartSpec['type'] })} data-testid="chart-type">
          {CHART_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`workbench.chart.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        {t('workbench.chart.x')}
        <select value={spec.x} onChange={(e) => onChange({ ...spec, x: e.target.value })} data-testid="chart-x">
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        {t('workbench.chart.y')}
        <select value={spec.y} onChange={(e) => onChange({ ...spec, y: e.target.value })} data-testid="chart-y">
          {numbers.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        {t('workbench.chart.series')}
        <select value={spec.series ?? ''} onChange={(e) => onChange({ ...spec, series: e.target.value || null })} data-testid="chart-series">
          <option value="">{t('workbench.chart.none')}</option>
          {columns
            .filter((c) => c.name !== spec.x && c.name !== spec.y)
            .map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
