// One evaluation of the allocation rule for one year: standard-based component first (基准定额 ×
// students × the tier's cost share), then the rest of the pool by factor shares (× the difficulty
// multiplier), pre-split by tier if asked, within per-unit bounds from the per-student floor, the
// cap, hold-harmless and the growth band. Pure; writes only into fresh arrays it returns.
import { splitLargestRemainder, waterFill, type FillStatus } from './kernel';
import { FACTOR_KEY, TIERS, type ResolvedParameters } from './parameters';
import { DATA_FACTORS, type Prepared, type YearColumns } from './prepare';

/** Why a unit sits at a bound. */
export const HELD_REASONS = ['free', 'floor', 'hold_harmless', 'growth_min', 'cap', 'growth_max'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export type Warning = { code: 'factor_empty' | 'bounds_conflict' | 'standard_exceeds_pool' | 'tier_missing' | 'infeasible_low' | 'infeasible_high'; detail: string; units?: number[] };

export type Allocation = {
  pool: number;
  /** Final allocation per unit, whole 分. */
  amounts: Float64Array;
  /** The same pool by the formula alone (standard component + factor shares, no bounds). */
  formula: Float64Array;
  standard: Float64Array;
  /** Index into HELD_REASONS. */
  held: Uint8Array;
  /** The formula shares used (Σ = 1 over the units that take part). */
  shares: Float64Array;
  warnings: Warning[];
  feasible: boolean;
};

export type EvaluateOptions = {
  /** Last year's allocation per unit (NaN = none) for hold-harmless and the growth band. */
  prior?: Float64Array | undefined;
  /** Difficulty scores (e.g. the 20–90 scale) by unit index; replaces the computed coefficient. */
  scores?: Float64Array | undefined;
  /** Evaluate on the prior-year columns (to build last year's allocation). */
  year?: 'current' | 'prior';
};

export function poolFen(params: ResolvedParameters): number {
  const fen = Math.round(params['pool.amount']! * 100);
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('the pool must be a non-negative amount below 2^53 分');
  return fen;
}

/** Raw difficulty coefficient per unit: weighted z-scores, or score ÷ mean score − 1. */
export function difficultyRaw(cols: YearColumns, params: ResolvedParameters, scores: Float64Array | undefined, out: Float64Array): void {
  const n = out.length;
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
    for (let i = 0; i < n; i++) out[i] = scores[i]! > 0 ? scores[i]! / mean - 1 : 0;
    return;
  }
  const wp = params['difficulty.weight_pressure']!;
  const wg = params['difficulty.weight_gap']!;
  for (let i = 0; i < n; i++) out[i] = wp * cols.zPressure[i]! + wg * cols.zGap[i]!;
}

/**
 * Σ_k w_k f_ik / Σ_j f_jk × multiplier, renormalised; factors that sum to zero are skipped (warned).
 * Returns the sum before renormalising (the goal seeker needs it to turn a share of weight back
 * into a factor weight).
 */
function formulaShares(p: Prepared, cols: YearColumns, params: ResolvedParameters, raw: Float64Array, shares: Float64Array, warnings: Warning[]): number {
  const n = p.n;
  shares.fill(0);
  const floor = params['difficulty.floor']!;
  let weightSum = 0;
  for (const f of DATA_FACTORS) {
    const w = params[FACTOR_KEY[f]]!;
    if (w <= 0) continue;
    const values = cols.factors[f];
    let total = 0;
    for (let i = 0; i < n; i++) total += values[i]!;
    if (!(total > 0)) {
      warnings.push({ code: 'factor_empty', detail: f });
      continue;
    }
    weightSum += w;
    const scale = w / total;
    for (let i = 0; i < n; i++) shares[i]! += scale * values[i]!;
  }
  const wd = params[FACTOR_KEY.difficulty]!;
  if (wd > 0) {
    // As a factor: each unit's value is its multiplier at full strength (1 + raw, at least the floor).
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(floor, 1 + raw[i]!);
    weightSum += wd;
    const scale = wd / total;
    for (let i = 0; i < n; i++) shares[i]! += scale * Math.max(floor, 1 + raw[i]!);
  }
  if (!(weightSum > 0)) throw new RangeError('every factor weight is zero (or every weighted factor is empty): nothing to share the pool by');
  const tilt = params['difficulty.tilt']!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (tilt > 0) shares[i]! *= Math.max(floor, 1 + tilt * raw[i]!);
    sum += shares[i]!;
  }
  for (let i = 0; i < n; i++) shares[i]! /= sum;
  return sum;
}

/** Formula shares for the parameters (current year), with their sum before renormalising. */
export function sharesFor(p: Prepared, params: ResolvedParameters, scores?: Float64Array): { shares: Float64Array; sum: number } {
  const raw = new Float64Array(p.n);
  difficultyRaw(p.current, params, scores, raw);
  const shares = new Float64Array(p.n);
  const sum = formulaShares(p, p.current, params, raw, shares, []);
  return { shares, sum };
}

/** The standard-based component for the parameters (current year), 分 per unit, and its total. */
export function standardFor(p: Prepared, params: ResolvedParameters): { amounts: Float64Array; total: number } {
  const amounts = new Float64Array(p.n);
  const total = standardComponent(p, p.current, params, poolFen(params), amounts, []);
  return { amounts, total };
}

function standardComponent(p: Prepared, cols: YearColumns, params: ResolvedParameters, pool: number, out: Float64Array, warnings: Warning[]): number {
  out.fill(0);
  if (params['standard.enabled']! < 0.5) return 0;
  const qp = Math.round(params['standard.quota_primary']! * 100);
  const qj = Math.round(params['standard.quota_junior']! * 100);
  let total = 0;
  for (let i = 0; i < p.n; i++) {
    const t = p.tier[i]!;
    const share = t >= 1 ? params[`standard.share_tier${t}`]! : 0;
    out[i] = Math.round((qp * cols.primary[i]! + qj * cols.junior[i]!) * share);
    total += out[i]!;
  }
  if (total > pool) {
    warnings.push({ code: 'standard_exceeds_pool', detail: `${total}>${pool}` });
    const scaled = new Float64Array(p.n);
    splitLargestRemainder(pool, out, Uint32Array.from({ length: p.n }, (_, i) => i), scaled, new Float64Array(p.n));
    out.set(scaled);
    return pool;
  }
  return total;
}

type Bounds = { lo: Float64Array; hi: Float64Array; reasonLo: Uint8Array; reasonHi: Uint8Array };

function unitBounds(p: Prepared, cols: YearColumns, params: ResolvedParameters, pool: number, standard: Float64Array, prior: Float64Array | undefined, warnings: Warning[]): Bounds {
  const n = p.n;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(Infinity);
  const reasonLo = new Uint8Array(n);
  const reasonHi = new Uint8Array(n);
  const floorFen = params['floor.per_student']! * 100;
  const cap = params['cap.share']!;
  const h = params['hold_harmless.h']!;
  const growth = params['growth.enabled']! >= 0.5;
  const gMin = params['growth.min']!;
  const gMax = params['growth.max']!;
  const conflicts: number[] = [];
  for (let i = 0; i < n; i++) {
    let min = 0;
    let why = 0;
    const consider = (v: number, reason: number) => {
      if (v > min) [min, why] = [v, reason];
    };
    consider(Math.ceil(floorFen * cols.students[i]!), 1);
    const last = prior?.[i];
    const hasLast = last !== undefined && Number.isFinite(last);
    if (hasLast && h > 0) consider(Math.ceil(h * last), 2);
    if (hasLast && growth) consider(Math.ceil((1 + gMin) * last), 3);
    let max = Infinity;
    let whyHi = 0;
    if (cap < 1) [max, whyHi] = [Math.floor(cap * pool), 4];
    if (hasLast && growth && Math.floor((1 + gMax) * last) < max) [max, whyHi] = [Math.floor((1 + gMax) * last), 5];
    if (max < min) {
      // A statutory floor or hold-harmless outranks a cap: the cap gives way, and the run says so.
      conflicts.push(i);
      max = min;
    }
    // The standard component is already paid; the bounds apply to the total.
    lo[i] = Math.max(0, min - standard[i]!);
    hi[i] = Math.max(lo[i]!, max - standard[i]!);
    reasonLo[i] = why;
    reasonHi[i] = whyHi;
  }
  if (conflicts.length) warnings.push({ code: 'bounds_conflict', detail: `${conflicts.length}`, units: conflicts });
  return { lo, hi, reasonLo, reasonHi };
}

/** Allocates the pool for the parameters in force; `options.year` picks the data year. */
export function evaluateAllocation(p: Prepared, params: ResolvedParameters, options: EvaluateOptions = {}): Allocation {
  const n = p.n;
  const cols = options.year === 'prior' ? p.prior : p.current;
  const warnings: Warning[] = [];
  const pool = poolFen(params);
  const raw = p.scratch.a;
  difficultyRaw(cols, params, options.scores, raw);
  const shares = new Float64Array(n);
  formulaShares(p, cols, params, raw, shares, warnings);
  const standard = new Float64Array(n);
  const rest = pool - standardComponent(p, cols, params, pool, standard, warnings);
  const bounds = unitBounds(p, cols, params, pool, standard, options.prior, warnings);
  const amounts = new Float64Array(n);
  const formula = new Float64Array(n);
  const held = new Uint8Array(n);
  const heldSide = p.scratch.held;
  let feasible = true;
  for (const group of tierGroups(p, params, rest, warnings)) {
    splitLargestRemainder(group.pool, shares, group.members, formula, p.scratch.b);
    const r: FillStatus = waterFill(group.pool, shares, bounds.lo, bounds.hi, group.members, amounts, heldSide, p.scratch.c, p.scratch.free).status;
    if (r !== 'ok') {
      feasible = false;
      warnings.push({ code: r, detail: group.label, units: Array.from(group.members) });
    }
  }
  for (let i = 0; i < n; i++) {
    amounts[i]! += standard[i]!;
    formula[i]! += standard[i]!;
    held[i] = heldSide[i] === -1 ? bounds.reasonLo[i]! || 1 : heldSide[i] === 1 ? bounds.reasonHi[i]! || 4 : 0;
  }
  return { pool, amounts, formula, standard, held, shares, warnings, feasible };
}

/** The whole pool for all units, or one pool per development tier when pre-splitting is on. */
function tierGroups(p: Prepared, params: ResolvedParameters, pool: number, warnings: Warning[]): { label: string; pool: number; members: Uint32Array }[] {
  const all = Uint32Array.from({ length: p.n }, (_, i) => i);
  if (params['tiers.presplit']! < 0.5) return [{ label: 'all', pool, members: all }];
  const unclassified = all.filter((i) => p.tier[i]! < 1);
  if (unclassified.length) {
    warnings.push({ code: 'tier_missing', detail: `${unclassified.length}`, units: Array.from(unclassified) });
    return [{ label: 'all', pool, members: all }];
  }
  const present = TIERS.filter((t) => p.tier.includes(t));
  const weights = present.map((t) => params[`tiers.share_tier${t}`]!);
  if (!weights.some((w) => w > 0)) return [{ label: 'all', pool, members: all }];
  const tierPools = new Float64Array(present.length);
  splitLargestRemainder(pool, weights, Uint32Array.from(present, (_, k) => k), tierPools, new Float64Array(present.length));
  return present.map((t, k) => ({ label: `tier${t}`, pool: tierPools[k]!, members: all.filter((i) => p.tier[i] === t) }));
}
