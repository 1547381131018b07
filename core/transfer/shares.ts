// Formula shares (docs/domain.md#equalisation-transfer): Σ_k w_k f_ik / Σ_j f_jk over the data factors, plus the
// difficulty factor, times the tilt multiplier. This runs on every slider move for every county,
// so the difficulty coefficient and its column total come out of one pass, and the factor sum is
// one fused pass over the pre-normalised columns (prepare.ts). The order of every sum is fixed
// (units in index order, factors in FACTOR_NAMES order): results must not move by a bit.
import type { Warning } from './warning';
import { FACTOR_KEY, type ResolvedParameters } from './parameters';
import { DATA_FACTORS, type YearColumns } from './prepare';

/** A scenario whose factor weights are all zero (or weigh only empty factors): bad input, not a bug. */
export class NoFactorWeightError extends RangeError {
  constructor() {
    super('每个因素权重都为 0（或有权重的因素都没有数据），资金无从分配 / every factor weight is zero (or every weighted factor is empty): nothing to share the pool by');
    this.name = 'NoFactorWeightError';
  }
}

/**
 * Raw difficulty coefficient per unit into `out`: score ÷ mean score − 1 when scores are given;
 * else average revenue per head ÷ the unit's − 1 when asked; else the weighted z-scores of 第七条's
 * components. Returns Σ max(floor, 1 + raw), the difficulty factor's column total, taken in the
 * same pass.
 */
export function difficultyRaw(cols: YearColumns, params: ResolvedParameters, scores: Float64Array | undefined, out: Float64Array, floor = params['difficulty.floor']): number {
  const n = out.length;
  let total = 0;
  if (scores) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (scores[i]! > 0) {
        s += scores[i]!;
        c++;
      }
    }
    const mean = c > 0 ? s / c : 1;
    for (let i = 0; i < n; i++) {
      const r = scores[i]! > 0 ? scores[i]! / mean - 1 : 0;
      out[i] = r;
      total += Math.max(floor, 1 + r);
    }
    return total;
  }
  if (params['difficulty.by_revenue_per_head'] >= 0.5) {
    const gap = cols.capacityGap;
    for (let i = 0; i < n; i++) {
      const r = gap[i]!;
      out[i] = r;
      total += Math.max(floor, 1 + r);
    }
    return total;
  }
  const wp = params['difficulty.weight_pressure'];
  const wg = params['difficulty.weight_gap'];
  const zp = cols.zPressure;
  const zg = cols.zGap;
  for (let i = 0; i < n; i++) {
    const r = wp * zp[i]! + wg * zg[i]!;
    out[i] = r;
    total += Math.max(floor, 1 + r);
  }
  return total;
}

/**
 * Units left out of a partial scores map get coefficient 0 (the mean) and the mean is taken over
 * the scores given: a choice the run makes for the user, so it is said, naming the units.
 */
function warnMissingScores(scores: Float64Array, warnings: Warning[]): void {
  const missing: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!(scores[i]! > 0)) missing.push(i);
  if (missing.length) warnings.push({ code: 'scores_partial', detail: `${missing.length}`, units: missing });
}

/** The 缺口因素 is weighted but its data are missing: the message says why (无数据 …). */
export class GapFactorUnavailableError extends Error {
  constructor(reason: string) {
    super(`缺口因素不可用：${reason}`);
    this.name = 'GapFactorUnavailableError';
  }
}

/**
 * Σ_k w_k f_ik / Σ_j f_jk × multiplier per unit into `shares`, NOT yet renormalised, and their sum
 * (the caller multiplies by 1 / sum, fused into its own next pass). Factors that sum to zero are
 * skipped (warned). `raw` is scratch for the difficulty coefficient.
 */
export function formulaShares(cols: YearColumns, params: ResolvedParameters, scores: Float64Array | undefined, raw: Float64Array, shares: Float64Array, warnings: Warning[]): number {
  const n = shares.length;
  const floor = params['difficulty.floor'];
  const tilt = params['difficulty.tilt'];
  const wd = params[FACTOR_KEY.difficulty];
  const columns: Float64Array[] = [];
  const weights: number[] = [];
  let weightSum = 0;
  for (const f of DATA_FACTORS) {
    const w = params[FACTOR_KEY[f]];
    if (w <= 0) continue;
    const column = cols.normalised[f];
    // The 缺口因素 without its data is refused, never read as 0 (a column of real zeros — every
    // unit already meets the standards — is only warned, like any other empty factor).
    if (f === 'gap' && cols.gapMissing !== null) throw new GapFactorUnavailableError(cols.gapMissing);
    if (!column) {
      warnings.push({ code: 'factor_empty', detail: f });
      continue;
    }
    columns.push(column);
    weights.push(w);
    weightSum += w;
  }
  // As a factor, difficulty's value per unit is its multiplier at full strength (1 + raw, at least
  // the floor). The coefficient is only worked out when something uses it.
  let difficultyScale = 0;
  if (wd > 0 || tilt > 0) {
    const total = difficultyRaw(cols, params, scores, raw, floor);
    if (scores) warnMissingScores(scores, warnings);
    if (wd > 0) {
      difficultyScale = wd / total;
      weightSum += wd;
    }
  }
  if (!(weightSum > 0)) throw new NoFactorWeightError();
  if (columns.length === 5) return fiveFactors(columns, weights, raw, floor, difficultyScale, tilt, shares);
  const k = columns.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < k; j++) v += weights[j]! * columns[j]![i]!;
    if (difficultyScale > 0) v += difficultyScale * Math.max(floor, 1 + raw[i]!);
    if (tilt > 0) v *= Math.max(floor, 1 + tilt * raw[i]!);
    shares[i] = v;
    sum += v;
  }
  return sum;
}

/**
 * The usual case, every data factor weighted, with the factor loop unrolled: the same terms added
 * in the same order as the general loop (starting from 0), so the same numbers to the bit.
 */
function fiveFactors(columns: Float64Array[], weights: number[], raw: Float64Array, floor: number, difficultyScale: number, tilt: number, shares: Float64Array): number {
  const n = shares.length;
  const [c0, c1, c2, c3, c4] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [w0, w1, w2, w3, w4] = weights as [number, number, number, number, number];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    v += w0 * c0[i]!;
    v += w1 * c1[i]!;
    v += w2 * c2[i]!;
    v += w3 * c3[i]!;
    v += w4 * c4[i]!;
    if (difficultyScale > 0) v += difficultyScale * Math.max(floor, 1 + raw[i]!);
    if (tilt > 0) v *= Math.max(floor, 1 + tilt * raw[i]!);
    shares[i] = v;
    sum += v;
  }
  return sum;
}
