import { describe, expect, it } from 'vitest';
import { enlargeOption } from './slideOption';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into ECharts options, which are untyped there
type Loose = Record<string, any>;

describe('enlargeOption', () => {
  it('raises every text to the minimum and keeps larger sizes', () => {
    const out = enlargeOption(
      {
        xAxis: { type: 'category', axisLabel: { fontSize: 12, rotate: 30 } },
        yAxis: [{ type: 'value', name: 'Điểm' }, { type: 'value', axisLabel: { fontSize: 24 } }],
        legend: { top: 0 },
        series: [{ type: 'line', data: [1], markLine: { data: [], label: { fontSize: 11 } }, label: { show: true } }],
      },
      18,
    ) as Loose;
    expect(out.textStyle.fontSize).toBe(18);
    expect(out.xAxis.axisLabel).toEqual({ fontSize: 18, rotate: 30 });
    expect(out.yAxis[0].nameTextStyle.fontSize).toBe(18);
    expect(out.yAxis[1].axisLabel.fontSize).toBe(24);
    expect(out.legend.textStyle.fontSize).toBe(18);
    expect(out.legend.top).toBe(0);
    expect(out.series[0].markLine.label.fontSize).toBe(18);
    expect(out.series[0].label).toEqual({ show: true, fontSize: 18 });
    expect(out.animation).toBe(false);
  });
  it('raises labels on mark data items (a method-break line)', () => {
    const out = enlargeOption({ series: [{ markLine: { data: [{ xAxis: '2018', label: { formatter: 'x', fontSize: 10 } }, [{ label: { fontSize: 9 } }, {}]] } }] }, 20) as Loose;
    expect(out.series[0].markLine.data[0].label).toEqual({ formatter: 'x', fontSize: 20 });
    expect(out.series[0].markLine.data[1][0].label.fontSize).toBe(20);
  });
  it('does not change the option it was given', () => {
    const option = { xAxis: { axisLabel: { fontSize: 12 } } };
    enlargeOption(option, 20);
    expect(option.xAxis.axisLabel.fontSize).toBe(12);
  });
});
