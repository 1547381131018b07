// ECharts option for the per-student trend: one line per level (元 per student, exact values
// turned into floats only here, for plotting), total spending as bars on a second axis, and every
// year where per-student spending fell marked in red. Pure: unit-tested without a browser.
import type { EChartsCoreOption } from 'echarts/core';
import type { LevelOrAll } from '../../../../core/levels';
import type { TrendPoint } from '../../../../core/metrics/per-student';
import { FEN_PER_UNIT, type MoneyUnit } from '../../../../core/money/fen';
import { ratioToFloat } from '../../../../core/money/ratio';

export type TrendLabels = {
  levelName: (l: LevelOrAll) => string;
  spendingAxis: string;
  perStudentAxis: string;
  fallMark: string;
  spendingSeries: string;
};

export const LEVEL_COLORS: Record<LevelOrAll, string> = {
  preschool: '#7c6fb0',
  primary: '#2f6db5',
  junior: '#1f9e89',
  senior: '#d08c2a',
  sec_voc: '#8c564b',
  special: '#c2568f',
  higher: '#5b7083',
  all: '#1b2a41',
};
export const FALL_COLOR = '#c0392b';
export const UI_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', system-ui, sans-serif";

export type TrendModel = {
  years: number[];
  lines: { level: LevelOrAll; values: (number | null)[]; falls: boolean[] }[];
  spending: (number | null)[];
};

/** Arrange trend points by level and year; per-student in 元, spending in the chosen unit. */
export function trendModel(points: readonly TrendPoint[], unit: MoneyUnit): TrendModel {
  // Leading years without any figure (before the data begin) are left off the axis.
  const withData = points.filter((p) => p.spendingFen !== null || p.perStudent !== null).map((p) => p.year);
  const start = withData.length ? Math.min(...withData) : -Infinity;
  const years = [...new Set(points.map((p) => p.year))].filter((y) => y >= start).sort((a, b) => a - b);
  const levels = [...new Set(points.map((p) => p.level))];
  const at = new Map(points.map((p) => [`${p.level}|${p.year}`, p]));
  const lines = levels.map((level) => ({
    level,
    values: years.map((y) => {
      const p = at.get(`${level}|${y}`)?.perStudent;
      return p ? ratioToFloat(p) / 100 : null;
    }),
    falls: years.map((y) => at.get(`${level}|${y}`)?.direction === 'fall'),
  }));
  const perUnit = Number(FEN_PER_UNIT[unit]);
  const spending = years.map((y) => {
    const f = at.get(`all|${y}`)?.spendingFen;
    return f === null || f === undefined ? null : f / perUnit;
  });
  return { years, lines, spending };
}

export function trendOption(model: TrendModel, labels: TrendLabels): EChartsCoreOption {
  const lineSeries = model.lines.map((line) => ({
    type: 'line',
    name: labels.levelName(line.level),
    yAxisIndex: 0,
    connectNulls: false,
    symbolSize: 6,
    lineStyle: { width: line.level === 'all' ? 3 : 1.6, color: LEVEL_COLORS[line.level] },
    itemStyle: { color: LEVEL_COLORS[line.level] },
    data: line.values.map((v, i) =>
      line.falls[i]
        ? { value: v, symbol: 'diamond', symbolSize: 13, itemStyle: { color: FALL_COLOR, borderColor: '#fff', borderWidth: 1 } }
        : { value: v },
    ),
    z: line.level === 'all' ? 5 : 3,
  }));
  return {
    animation: false,
    // The same font the page uses: ECharts measures text with it to lay out the legend.
    textStyle: { fontFamily: UI_FONT },
    color: model.lines.map((l) => LEVEL_COLORS[l.level]),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : '—') },
    // A plain legend wraps onto a second line where the English names do not fit on one, so no
    // entry ("All levels" last) is cut off behind a scroll arrow; the grid leaves room for two lines.
    legend: { type: 'plain', bottom: 0, left: 'center', itemWidth: 18, itemHeight: 10, itemGap: 8 },
    grid: { left: 64, right: 72, top: 36, bottom: 84 },
    xAxis: { type: 'category', data: model.years.map(String), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: labels.perStudentAxis, nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: '#e7eaf0' } } },
      { type: 'value', name: labels.spendingAxis, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: labels.spendingSeries, yAxisIndex: 1, data: model.spending, barMaxWidth: 26, itemStyle: { color: '#d9e1ec' }, z: 1 },
      ...lineSeries,
    ],
  };
}
