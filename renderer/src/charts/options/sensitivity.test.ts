// The simulator's sensitivity charts as ECharts options, on small hand-made inputs: the sweep's
// x-axis labels, series and axes; the tornado's bars as outcome − base with the largest swing on top.
import { describe, expect, it } from 'vitest';
import type { SweepPoint, TornadoBar } from '../../../../core/transfer/sensitivity';
import { sweepOption, tornadoOption, type SweepLabels } from './sensitivity';
import { FALL_COLOR, UI_FONT } from './trend';

const labels: SweepLabels = { parameter: '困难系数乘数', cv: '差异系数', gini: '基尼系数', theil: '泰尔指数', failures: '不达标县', equityAxis: '均衡度', failuresAxis: '县数' };

const point = (value: number, cv: number | null, gini: number | null, theil: number | null, failures: number): SweepPoint => ({ value, cv, gini, theil, mcloone: null, failures, tier1Share: 0.2, feasible: true });

const points: SweepPoint[] = [point(0, 0.07, 0.04, 0.003, 0), point(0.5, 0.065, 0.037, 0.0028, 2), point(1, null, null, null, 8)];

type Series = { name: string; type: string; data: (number | null)[]; yAxisIndex: number; itemStyle: { color: string } };
type Axis = { type: string; data: string[]; name?: string };

describe('sweepOption', () => {
  const o = sweepOption(points, labels, (v) => `${(v * 100).toFixed(0)}%`) as { xAxis: Axis; yAxis: { name: string; min?: number; minInterval?: number }[]; series: Series[]; textStyle: { fontFamily: string } };

  it('labels the x axis with the displayed parameter values, in order', () => {
    expect(o.xAxis).toMatchObject({ type: 'category', name: '困难系数乘数' });
    expect(o.xAxis.data).toEqual(['0%', '50%', '100%']);
  });

  it('draws three equity lines on the left axis and the failures as bars on the right', () => {
    expect(o.series.map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ['差异系数', 'line', 0],
      ['基尼系数', 'line', 0],
      ['泰尔指数', 'line', 0],
      ['不达标县', 'bar', 1],
    ]);
    expect(o.series[0]!.data).toEqual([0.07, 0.065, null]);
    expect(o.series[1]!.data).toEqual([0.04, 0.037, null]);
    expect(o.series[2]!.data).toEqual([0.003, 0.0028, null]);
    expect(o.series[3]!.data).toEqual([0, 2, 8]);
    expect(o.series[3]!.itemStyle.color).toBe(FALL_COLOR);
  });

  it('names both axes and counts failures in whole counties from zero', () => {
    expect(o.yAxis.map((a) => a.name)).toEqual(['均衡度', '县数']);
    expect(o.yAxis[1]).toMatchObject({ min: 0, minInterval: 1 });
    expect(o.textStyle.fontFamily).toBe(UI_FONT);
  });

  it('draws an empty chart for no points', () => {
    const empty = sweepOption([], labels, String) as { xAxis: Axis; series: Series[] };
    expect(empty.xAxis.data).toEqual([]);
    expect(empty.series.every((s) => s.data.length === 0)).toBe(true);
  });
});

describe('tornadoOption', () => {
  const bar = (key: string, low: number, high: number): TornadoBar => ({ key, label: { zh: key.toUpperCase(), en: key }, base: 0.05, low, high, lowValue: 0.9, highValue: 1.1, swing: Math.abs(high - low) });
  // As core/transfer/sensitivity's tornado() returns them: largest swing first.
  const bars = [bar('pool', 0.03, 0.08), bar('tilt', 0.06, 0.045), bar('floor', 0.049, 0.0505)];
  const copy = structuredClone(bars);
  const o = tornadoOption(0.05, bars, { low: '−10%', high: '+10%', outcome: 'CV' }, (b) => b.label.zh) as { xAxis: { type: string; name: string }; yAxis: Axis; series: (Series & { barGap?: string })[] };

  it('lists the parameters with the largest swing last, so it is drawn on top', () => {
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.data).toEqual(['FLOOR', 'TILT', 'POOL']);
    expect(o.xAxis).toMatchObject({ type: 'value', name: 'CV' });
  });

  it('draws each bar as outcome − base, low and high sharing the row', () => {
    expect(o.series.map((s) => s.name)).toEqual(['−10%', '+10%']);
    const [low, high] = o.series as [Series & { barGap?: string }, Series];
    expect(low.barGap).toBe('-100%');
    // floor, tilt, pool
    expect(low.data.map((x) => Number(x!.toFixed(10)))).toEqual([-0.001, 0.01, -0.02]);
    expect(high.data.map((x) => Number(x!.toFixed(10)))).toEqual([0.0005, -0.005, 0.03]);
    expect(low.data[2]).toBe(0.03 - 0.05);
    expect(high.data[2]).toBe(0.08 - 0.05);
  });

  it('leaves the caller’s bars untouched', () => {
    expect(bars).toEqual(copy);
  });

  it('takes the labels from the name function', () => {
    const en = tornadoOption(1, [bar('a', 0, 2)], { low: 'low', high: 'high', outcome: 'failures' }, (b) => b.label.en) as { yAxis: Axis; series: Series[] };
    expect(en.yAxis.data).toEqual(['a']);
    expect(en.series.map((s) => s.data)).toEqual([[-1], [1]]);
  });
});
