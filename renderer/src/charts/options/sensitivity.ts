// ECharts options for the simulator's sensitivity views. Pure, unit-tested without a browser.
//   sweepOption: equity measures (left axis) and failing counties (right axis) against one parameter.
//   tornadoOption: each parameter's low (−10 %) and high (+10 %) effect on one outcome.
import type { EChartsCoreOption } from 'echarts/core';
import type { SweepPoint, TornadoBar } from '../../../../core/transfer/sensitivity';
import { FALL_COLOR, UI_FONT } from './trend';

export type SweepLabels = { parameter: string; cv: string; gini: string; theil: string; failures: string; equityAxis: string; failuresAxis: string };

export function sweepOption(points: readonly SweepPoint[], labels: SweepLabels, display: (v: number) => string): EChartsCoreOption {
  const xs = points.map((p) => display(p.value));
  const line = (name: string, values: (number | null)[], color: string) => ({ name, type: 'line', data: values, yAxisIndex: 0, symbolSize: 5, lineStyle: { color }, itemStyle: { color } });
  return {
    textStyle: { fontFamily: UI_FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 60, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: xs, name: labels.parameter, nameLocation: 'middle', nameGap: 30 },
    yAxis: [
      { type: 'value', name: labels.equityAxis, scale: true },
      { type: 'value', name: labels.failuresAxis, minInterval: 1, min: 0, splitLine: { show: false } },
    ],
    series: [
      line(labels.cv, points.map((p) => p.cv), '#2f6db5'),
      line(labels.gini, points.map((p) => p.gini), '#1f9e89'),
      line(labels.theil, points.map((p) => p.theil), '#d08c2a'),
      { name: labels.failures, type: 'bar', yAxisIndex: 1, data: points.map((p) => p.failures), itemStyle: { color: FALL_COLOR, opacity: 0.45 }, barMaxWidth: 14 },
    ],
  };
}

export type TornadoLabels = { low: string; high: string; outcome: string };

/** Change of the outcome from its base value at −10 % and +10 % of each parameter, the largest swing on top. */
export function tornadoOption(base: number, bars: readonly TornadoBar[], labels: TornadoLabels, name: (b: TornadoBar) => string): EChartsCoreOption {
  const shown = [...bars].reverse(); // ECharts draws the first category at the bottom
  return {
    textStyle: { fontFamily: UI_FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 220, right: 40, top: 36, bottom: 40 },
    xAxis: { type: 'value', name: labels.outcome, nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: shown.map(name), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      // Both bars of a parameter start at zero (the base) and share the row (barGap −100 %), half
      // transparent so that a smaller swing on the same side stays visible.
      { name: labels.low, type: 'bar', barGap: '-100%', data: shown.map((b) => b.low - base), itemStyle: { color: '#2f6db5', opacity: 0.7 } },
      { name: labels.high, type: 'bar', data: shown.map((b) => b.high - base), itemStyle: { color: '#d08c2a', opacity: 0.7 } },
    ],
  };
}
