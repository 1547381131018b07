// School-finance equity measures (docs/domain.md#equity-metrics, Berne & Stiefel): each unit (county, district,
// school) has a per-pupil value x_i and a pupil weight w_i; every statistic is pupil-weighted unless
// `weighted: false`, which gives each unit weight 1. Floats are right here: these are descriptive
// statistics of already exact figures, compared to 1e-9, never used to decide a pass or fail.

export type EquityUnit = { pupils: number; value: number; wealth?: number; group?: string };

export type EquityOptions = {
  /** Pupil weights (default) or one per unit. */
  weighted?: boolean;
  /** McLoone/Verstegen: include units exactly at the median (default false: strict < and >). */
  includeMedian?: boolean;
};

export type GroupTheil = { group: string; pupils: number; mean: number; theil: number; share: number };

export type EquityStats = {
  pupils: number;
  mean: number;
  range: number;
  p5: number;
  median: number;
  p95: number;
  restrictedRange: number;
  federalRangeRatio: number;
  sd: number;
  cv: number;
  mcloone: number;
  verstegen: number;
  gini: number;
  theil: number;
  /** Present when every unit has a group. */
  theilWithin: number | null;
  theilBetween: number | null;
  groups: GroupTheil[];
  /** Present when every unit has a positive wealth. */
  wealthCorrelation: number | null;
  wealthElasticity: number | null;
};

const weightsOf = (units: readonly EquityUnit[], weighted: boolean) => units.map((u) => (weighted ? u.pupils : 1));

function weightedMean(xs: readonly number[], ws: readonly number[]): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < xs.length; i++) {
    s += ws[i]! * xs[i]!;
    w += ws[i]!;
  }
  return s / w;
}

/**
 * Weighted percentile, the documented rule of docs/domain.md#equity-metrics: sort by value; P_p is the value of the
 * first unit whose cumulative weight share reaches p (with a 1e-12 allowance for float sums).
 */
export function weightedPercentile(xs: readonly number[], ws: readonly number[], p: number): number {
  const order = xs.map((x, i) => ({ x, w: ws[i]! })).sort((a, b) => a.x - b.x);
  const total = order.reduce((a, o) => a + o.w, 0);
  let cum = 0;
  for (const o of order) {
    cum += o.w;
    if (cum / total >= p - 1e-12) return o.x;
  }
  return order[order.length - 1]!.x;
}

function theilOf(xs: readonly number[], ws: readonly number[], mean: number): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = xs[i]! / mean;
    s += ws[i]! * (r > 0 ? r * Math.log(r) : 0);
    w += ws[i]!;
  }
  return s / w;
}

export function equityStats(units: readonly EquityUnit[], options: EquityOptions = {}): EquityStats {
  const kept = units.filter((u) => u.pupils > 0);
  if (kept.length === 0) throw new RangeError('equity statistics need at least one unit with pupils');
  const weighted = options.weighted ?? true;
  const xs = kept.map((u) => u.value);
  const ws = weightsOf(kept, weighted);
  const W = ws.reduce((a, b) => a + b, 0);
  const mean = weightedMean(xs, ws);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const p5 = weightedPercentile(xs, ws, 0.05);
  const median = weightedPercentile(xs, ws, 0.5);
  const p95 = weightedPercentile(xs, ws, 0.95);
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += ws[i]! * (xs[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / W);

  const isBelow = (x: number) => (options.includeMedian ? x <= median : x < median);
  const isAbove = (x: number) => (options.includeMedian ? x >= median : x > median);
  const side = (keep: (x: number) => boolean) => {
    let s = 0;
    let w = 0;
    for (let i = 0; i < xs.length; i++)
      if (keep(xs[i]!)) {
        s += ws[i]! * xs[i]!;
        w += ws[i]!;
      }
    return w === 0 ? 1 : s / (median * w);
  };

  // Σ_i Σ_j w_i w_j |x_i − x_j| = 2 Σ_i w_i x_i (weight below i − weight above i) over the units
  // sorted by x (ties add nothing either way): O(n log n) instead of the O(n²) double sum.
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  let gini = 0;
  let below = 0;
  for (const i of order) {
    gini += ws[i]! * xs[i]! * (below - (W - below - ws[i]!));
    below += ws[i]!;
  }
  gini /= W * W * mean;

  const theil = theilOf(xs, ws, mean);
  const grouped = kept.every((u) => u.group !== undefined);
  const groups: GroupTheil[] = [];
  let theilWithin: number | null = null;
  let theilBetween: number | null = null;
  if (grouped) {
    theilWithin = 0;
    theilBetween = 0;
    for (const g of [...new Set(kept.map((u) => u.group!))].sort()) {
      const idx = kept.map((u, i) => (u.group === g ? i : -1)).filter((i) => i >= 0);
      const gx = idx.map((i) => xs[i]!);
      const gw = idx.map((i) => ws[i]!);
      const Wg = gw.reduce((a, b) => a + b, 0);
      const mg = weightedMean(gx, gw);
      const Tg = theilOf(gx, gw, mg);
      const share = (Wg * mg) / (W * mean);
      theilWithin += share * Tg;
      theilBetween += share * Math.log(mg / mean);
      groups.push({ group: g, pupils: Wg, mean: mg, theil: Tg, share });
    }
  }

  let wealthCorrelation: number | null = null;
  let wealthElasticity: number | null = null;
  if (kept.every((u) => u.wealth !== undefined && u.wealth > 0) && kept.every((u) => u.value > 0)) {
    const vs = kept.map((u) => u.wealth!);
    const mv = weightedMean(vs, ws);
    let cov = 0;
    let vv = 0;
    for (let i = 0; i < xs.length; i++) {
      cov += ws[i]! * (xs[i]! - mean) * (vs[i]! - mv);
      vv += ws[i]! * (vs[i]! - mv) ** 2;
    }
    wealthCorrelation = cov / W / (sd * Math.sqrt(vv / W));
    const lx = xs.map(Math.log);
    const lv = vs.map(Math.log);
    const mlx = weightedMean(lx, ws);
    const mlv = weightedMean(lv, ws);
    let num = 0;
    let den = 0;
    for (let i = 0; i < xs.length; i++) {
      num += ws[i]! * (lx[i]! - mlx) * (lv[i]! - mlv);
      den += ws[i]! * (lv[i]! - mlv) ** 2;
    }
    wealthElasticity = num / den;
  }

  return {
    pupils: W,
    mean,
    range: max - min,
    p5,
    median,
    p95,
    restrictedRange: p95 - p5,
    federalRangeRatio: (p95 - p5) / p5,
    sd,
    cv: sd / mean,
    mcloone: side(isBelow),
    verstegen: side(isAbove),
    gini,
    theil,
    theilWithin,
    theilBetween,
    groups,
    wealthCorrelation,
    wealthElasticity,
  };
}
