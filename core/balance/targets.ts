// The plan's dated targets evaluated on the years in the data: today's value (an exact ratio,
// compared by cross-multiplication so that exactly 60 % or exactly 1.05 passes), the trajectory,
// a straight-line projection to the deadline (least squares over the observed years) and a status.
import { TARGETS, type Exact, type TargetDefinition, type TargetKey } from './standards';

/** One year's value of a target's measure as an exact ratio num/den (den > 0). */
export type Observation = { year: number; num: number; den: number };

export type TargetStatus = 'met' | 'on_track' | 'off_track' | 'no_data';

export type TargetEvaluation = {
  key: TargetKey;
  definition: TargetDefinition;
  region: string;
  series: { year: number; value: number }[];
  latest: { year: number; value: number; meets: boolean } | null;
  /** Straight-line value at the deadline; null with fewer than two years. */
  projection: number | null;
  /** Change per year the line assumes. */
  slope: number | null;
  status: TargetStatus;
  /** Why the status is what it is, in Chinese. */
  reason: string;
  /** Units (counties, prefectures) behind the latest value that miss, when the measure counts units. */
  offTrackUnits?: string[];
};

/** Exactly: does num/den satisfy the target's threshold? Integers, no rounding. */
export function meetsThreshold(def: TargetDefinition, num: number, den: number): boolean {
  const t: Exact = def.threshold.value;
  const left = BigInt(num) * BigInt(t.den);
  const right = BigInt(t.num) * BigInt(den);
  return def.comparator === '>=' ? left >= right : left <= right;
}

/** Least-squares line through (year, value); null with fewer than two distinct years. */
export function straightLine(points: readonly { year: number; value: number }[]): { slope: number; at: (year: number) => number } | null {
  const n = points.length;
  if (n < 2) return null;
  const my = points.reduce((a, p) => a + p.year, 0) / n;
  const mv = points.reduce((a, p) => a + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - my) ** 2;
    sxy += (p.year - my) * (p.value - mv);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, at: (year) => mv + slope * (year - my) };
}

function pct(def: TargetDefinition, v: number): string {
  return def.threshold.unit === '比例' ? `${(v * 100).toFixed(1)}%` : v.toFixed(4);
}

export function evaluateTarget(key: TargetKey, region: string, observations: readonly Observation[], asOfYear: number, offTrackUnits?: string[]): TargetEvaluation {
  const definition = TARGETS.find((t) => t.key === key)!;
  const obs = observations.filter((o) => o.den > 0).sort((a, b) => a.year - b.year);
  const series = obs.map((o) => ({ year: o.year, value: o.num / o.den }));
  const base = { key, definition, region, series, offTrackUnits };
  const last = obs[obs.length - 1];
  if (!last) return { ...base, latest: null, projection: null, slope: null, status: 'no_data', reason: '无数据：没有该目标所需的数据' };
  const meets = meetsThreshold(definition, last.num, last.den);
  const line = straightLine(series);
  // A share cannot pass 100 % or fall below 0: the line is clipped there.
  const raw = line ? line.at(definition.deadline) : null;
  const projection = raw !== null && definition.threshold.unit === '比例' ? Math.min(1, Math.max(0, raw)) : raw;
  const latest = { year: last.year, value: last.num / last.den, meets };
  const threshold = definition.threshold.value.num / definition.threshold.value.den;
  const sign = definition.comparator === '>=' ? '≥' : '≤';
  if (meets) return { ...base, latest, projection, slope: line?.slope ?? null, status: 'met', reason: `${last.year}年 ${pct(definition, latest.value)}，已达到 ${sign} ${pct(definition, threshold)}` };
  if (asOfYear > definition.deadline) return { ...base, latest, projection, slope: line?.slope ?? null, status: 'off_track', reason: `期限 ${definition.deadline} 年已过，仍未达到 ${sign} ${pct(definition, threshold)}` };
  if (projection === null) return { ...base, latest, projection, slope: null, status: 'off_track', reason: `只有 ${last.year} 年一年数据，无法外推；当前 ${pct(definition, latest.value)} 未达到 ${sign} ${pct(definition, threshold)}` };
  const reaches = definition.comparator === '>=' ? projection >= threshold : projection <= threshold;
  return {
    ...base,
    latest,
    projection,
    slope: line!.slope,
    status: reaches ? 'on_track' : 'off_track',
    reason: `按${series[0]!.year}–${last.year}年直线趋势，${definition.deadline}年约 ${pct(definition, projection)}（目标 ${sign} ${pct(definition, threshold)}）`,
  };
}

export const TARGET_STATUS_ZH: Record<TargetStatus, string> = { met: '已达标', on_track: '按期可达', off_track: '进度滞后', no_data: '无数据' };
