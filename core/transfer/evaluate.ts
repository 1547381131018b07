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
  /** The same pool by the formula alone (standard component + factor shares, no bounds), unrounded 分. */
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

/**
 * Raw difficulty coefficient per unit: score ÷ mean score − 1 when scores are given; else average
 * revenue per head ÷ the unit's − 1 when asked; else the weighted z-scores of 第七条's components.
 */
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
  if (params['difficulty.by_revenue_per_head']! >= 0.5) {
    out.set(cols.capacityGap);
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
  const floor = params['difficulty.floor']!;
  const tilt = params['difficulty.tilt']!;
  const wd = params[FACTOR_KEY.difficulty]!;
  // The data factors come pre-normalised (prepare.ts), so a share is one fused pass over them.
  const columns: Float64Array[] = [];
  const weights: number[] = [];
  let weightSum = 0;
  for (const f of DATA_FACTORS) {
    const w = params[FACTOR_KEY[f]]!;
    if (w <= 0) continue;
    const column = cols.normalised[f];
    if (!column) {
      warnings.push({ code: 'factor_empty', detail: f });
      continue;
    }
    columns.push(column);
    weights.push(w);
    weightSum += w;
  }
  // As a factor, difficulty's value per unit is its multiplier at full strength (1 + raw, at least the floor).
  let difficultyScale = 0;
  if (wd > 0) {
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(floor, 1 + raw[i]!);
    difficultyScale = wd / total;
    weightSum += wd;
  }
  if (!(weightSum > 0)) throw new RangeError('every factor weight is zero (or every weighted factor is empty): nothing to share the pool by');
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
  const inverse = 1 / sum;
  for (let i = 0; i < n; i++) shares[i]! *= inverse;
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
  const shareOf = [0, ...TIERS.map((t) => params[`standard.share_tier${t}`]!)];
  let total = 0;
  for (let i = 0; i < p.n; i++) {
    out[i] = Math.round((qp * cols.primary[i]! + qj * cols.junior[i]!) * shareOf[p.tier[i]!]!);
    total += out[i]!;
  }
  if (total > pool) {
    warnings.push({ code: 'standard_exceeds_pool', detail: `${total}>${pool}` });
    const scaled = new Float64Array(p.n);
    splitLargestRemainder(pool, out, p.all, scaled, new Float64Array(p.n));
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
  // One pass, no closures: this runs on every slider move for every county.
  for (let i = 0; i < n; i++) {
    let min = Math.ceil(floorFen * cols.students[i]!);
    let why = min > 0 ? 1 : 0;
    const last = prior === undefined ? NaN : prior[i]!;
    const hasLast = Number.isFinite(last);
    if (hasLast && h > 0) {
      const v = Math.ceil(h * last);
      if (v > min) {
        min = v;
        why = 2;
      }
    }
    if (hasLast && growth) {
      const v = Math.ceil((1 + gMin) * last);
      if (v > min) {
        min = v;
        why = 3;
      }
    }
    let max = Infinity;
    let whyHi = 0;
    if (cap < 1) {
      max = Math.floor(cap * pool);
      whyHi = 4;
    }
    if (hasLast && growth) {
      const v = Math.floor((1 + gMax) * last);
      if (v < max) {
        max = v;
        whyHi = 5;
      }
    }
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
    // The formula-only split is a reference figure (for the diversion report), kept unrounded:
    // rounding it to the 分 would cost a second largest-remainder pass on every evaluation.
    let groupShares = 0;
    for (let k = 0; k < group.members.length; k++) groupShares += shares[group.members[k]!]!;
    const scale = groupShares > 0 ? group.pool / groupShares : 0;
    for (let k = 0; k < group.members.length; k++) formula[group.members[k]!] = shares[group.members[k]!]! * scale;
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
  if (params['tiers.presplit']! < 0.5) return [{ label: 'all', pool, members: p.all }];
  if (p.tierMembers[0]!.length) {
    warnings.push({ code: 'tier_missing', detail: `${p.tierMembers[0]!.length}`, units: Array.from(p.tierMembers[0]!) });
    return [{ label: 'all', pool, members: p.all }];
  }
  const present = TIERS.filter((t) => p.tierMembers[t]!.length > 0);
  const weights = present.map((t) => params[`tiers.share_tier${t}`]!);
  if (!weights.some((w) => w > 0)) return [{ label: 'all', pool, members: p.all }];
  const tierPools = new Float64Array(present.length);
  splitLargestRemainder(pool, Float64Array.from(weights), Uint32Array.from(present, (_, k) => k), tierPools, new Float64Array(present.length));
  return present.map((t, k) => ({ label: `tier${t}`, pool: tierPools[k]!, members: p.tierMembers[t]! }));
}
