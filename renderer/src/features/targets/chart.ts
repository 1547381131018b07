// ECharts option for one target: the observed values, the least-squares line to the deadline, the
// stated-assumption path and the threshold. Pure: unit-tested without a browser.
import type { EChartsCoreOption } from 'echarts/core';
import { straightLine } from '../../../../core/balance/targets';
import { UI_FONT } from '../../charts/options/trend';

export type TargetChartInput = {
  series: readonly { year: number; value: number }[];
  assumed: readonly { year: number; value: number }[] | null;
  deadline: number;
  threshold: number;
  isShare: boolean;
};

export type TargetChartLabels = { actual: string; line: string; assumed: string; threshold: string };

export function targetChartOption(t: TargetChartInput, labels: TargetChartLabels): EChartsCoreOption {
  const first = t.series[0]?.year ?? t.deadline;
  const last = Math.max(t.deadline, t.series[t.series.length - 1]?.year ?? t.deadline);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const scale = (v: number) => (t.isShare ? Math.round(v * 10000) / 100 : Math.round(v * 10000) / 10000);
  const clip = (v: number) => (t.isShare ? Math.min(1, Math.max(0, v)) : v);
  const at = (points: readonly { year: number; value: number }[]) => years.map((y) => {
    const p = points.find((q) => q.year === y);
    return p ? scale(p.value) : null;
  });
  const line = straightLine(t.series);
  return {
    textStyle: { fontFamily: UI_FONT },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: t.isShare ? '%' : '', scale: !t.isShare, ...(t.isShare ? { min: 0, max: 100 } : {}) },
    series: [
      { name: labels.actual, type: 'line', data: at(t.series), itemStyle: { color: '#2f6db5' }, symbolSize: 7 },
      { name: labels.line, type: 'line', data: line ? years.map((y) => scale(clip(line.at(y)))) : [], lineStyle: { type: 'dashed' }, itemStyle: { color: '#7c6fb0' }, showSymbol: false },
      { name: labels.assumed, type: 'line', data: t.assumed ? at(t.assumed) : [], lineStyle: { type: 'dotted', width: 2 }, itemStyle: { color: '#d08c2a' }, showSymbol: false },
      { name: labels.threshold, type: 'line', data: years.map(() => scale(t.threshold)), lineStyle: { type: 'solid', width: 1 }, itemStyle: { color: '#c0392b' }, showSymbol: false },
    ],
  };
}
