// The second projection beside the straight line: a stated assumption about the pace from the
// latest year to the deadline. By default the pace is the last observed yearly change (“each year
// changes as much as the last one did”); the user may state another. The assumption is returned in
// words with the figure, so every place that shows the projection can say what it assumed.
import type { TargetDefinition } from './standards';

export type AssumedProjection = {
  /** Change per year assumed, in the target's unit (a share as a fraction). */
  pace: number;
  paceFrom: 'last_change' | 'user';
  /** Value at the deadline under the assumption (a share clipped to 0–100 %). */
  value: number;
  /** Points from the latest year to the deadline, for the chart. */
  path: { year: number; value: number }[];
  assumption: { zh: string; en: string };
};

function show(def: TargetDefinition, v: number): string {
  return def.threshold.unit === '比例' ? `${(v * 100).toFixed(1)}个百分点` : v.toFixed(4);
}

/** null when the pace cannot be known (one year of data and none stated) or there is no data. */
export function assumedProjection(def: TargetDefinition, series: readonly { year: number; value: number }[], statedPace?: number): AssumedProjection | null {
  const last = series[series.length - 1];
  if (!last) return null;
  const prev = series[series.length - 2];
  const pace = statedPace ?? (prev ? (last.value - prev.value) / (last.year - prev.year) : null);
  if (pace === null || !Number.isFinite(pace)) return null;
  const clip = (v: number) => (def.threshold.unit === '比例' ? Math.min(1, Math.max(0, v)) : v);
  const path: { year: number; value: number }[] = [];
  for (let y = last.year; y <= Math.max(last.year, def.deadline); y++) path.push({ year: y, value: clip(last.value + pace * (y - last.year)) });
  const paceFrom = statedPace === undefined ? 'last_change' : 'user';
  const zh = paceFrom === 'user' ? `假设自${last.year}年起每年变化 ${show(def, pace)}（用户设定）` : `假设自${last.year}年起每年变化与${prev!.year}–${last.year}年相同（${show(def, pace)}/年）`;
  const en = paceFrom === 'user' ? `assumes a change of ${pace.toFixed(4)} a year from ${last.year} (stated by the user)` : `assumes each year changes as much as ${prev!.year}–${last.year} did (${pace.toFixed(4)} a year)`;
  return { pace, paceFrom, value: path[path.length - 1]!.value, path, assumption: { zh, en } };
}
