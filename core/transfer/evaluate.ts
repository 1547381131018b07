// One evaluation of the allocation rule for one year: standard-based component first (基准定额 ×
// students × the tier's cost share), then the rest of the pool by factor shares (× the difficulty
// multiplier), pre-split by tier if asked, within per-unit bounds from the per-student floor, the
// cap, hold-harmless and the growth band. Pure: what it returns is new; it writes besides only the
// Prepared's scratch space.
import { boundsPass, standardOf, standardRates } from './bounds';
import { splitLargestRemainder, waterFillWithSums, type FillStatus } from './kernel';
import { TIERS, type ResolvedParameters } from './parameters';
import type { Prepared, YearColumns } from './prepare';
import { formulaShares } from './shares';
import type { Warning } from './warning';

export { difficultyRaw } from './shares';

/** Why a unit sits at a bound. */
export const HELD_REASONS = ['free', 'floor', 'hold_harmless', 'growth_min', 'cap', 'growth_max'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export type { Warning } from './warning';

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
  const fen = Math.round(params['pool.amount'] * 100);
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('the pool must be a non-negative amount below 2^53 分');
  return fen;
}

/** Formula shares for the parameters (current year), with their sum before renormalising. */
export function sharesFor(p: Prepared, params: ResolvedParameters, scores?: Float64Array): { shares: Float64Array; sum: number } {
  const shares = new Float64Array(p.n);
  const sum = formulaShares(p.current, params, scores, new Float64Array(p.n), shares, []);
  const inverse = 1 / sum;
  for (let i = 0; i < p.n; i++) shares[i]! *= inverse;
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
  if (params['standard.enabled'] < 0.5) return 0;
  const { qp, qj, shareOf } = standardRates(params);
  let total = 0;
  for (let i = 0; i < p.n; i++) {
    out[i] = standardOf(qp, qj, cols.primary[i]!, cols.junior[i]!, shareOf[p.tier[i]!]!);
    total += out[i]!;
  }
  if (total > pool) return scaleStandardToPool(p, pool, total, out, warnings);
  return total;
}

/** When the standard component alone exceeds the pool, it is scaled down to the pool (to the 分). */
function scaleStandardToPool(p: Prepared, pool: number, total: number, standard: Float64Array, warnings: Warning[]): number {
  warnings.push({ code: 'standard_exceeds_pool', detail: `${total}>${pool}` });
  const scaled = new Float64Array(p.n);
  splitLargestRemainder(pool, standard, p.all, scaled, new Float64Array(p.n));
  standard.set(scaled);
  return pool;
}

/**
 * Allocates the pool for the parameters in force; `options.year` picks the data year.
 *
 * Every array returned is new; the per-unit bounds and the water-fill's working arrays live in
 * p.scratch, which each call overwrites before reading. The passes over the units are fused
 * (shares; standard + bounds + renormalising + group sums; water-fill; totals) because this runs
 * for every county on every slider move; each sum still runs in the order the separate passes
 * used, so the results are the same to the bit.
 */
export function evaluateAllocation(p: Prepared, params: ResolvedParameters, options: EvaluateOptions = {}): Allocation {
  const n = p.n;
  const cols = options.year === 'prior' ? p.prior : p.current;
  const ws = p.scratch;
  const warnings: Warning[] = [];
  const pool = poolFen(params);
  // One buffer for the five result arrays: one allocation instead of five on every slider move.
  const buffer = new ArrayBuffer(n * 33);
  const shares = new Float64Array(buffer, 0, n);
  const shareSum = formulaShares(cols, params, options.scores, ws.raw, shares, warnings);
  const plan = tierPlan(p, params);
  const group = plan.byTier ? p.tier : ws.oneGroup;
  const standard = new Float64Array(buffer, n * 8, n);
  const withStandard = params['standard.enabled'] >= 0.5;
  let pass = boundsPass(p, cols, params, pool, options.prior, shares, standard, { inverse: 1 / shareSum, computeStandard: withStandard, group });
  let standardTotal = pass.standardTotal;
  if (standardTotal > pool) {
    // Rare: the bounds depend on the standard component, so they are built again on the scaled one.
    standardTotal = scaleStandardToPool(p, pool, standardTotal, standard, warnings);
    pass = boundsPass(p, cols, params, pool, options.prior, shares, standard, { inverse: NaN, computeStandard: false, group });
  }
  if (pass.conflicts.length) warnings.push({ code: 'bounds_conflict', detail: `${pass.conflicts.length}`, units: pass.conflicts });
  if (plan.missing) warnings.push({ code: 'tier_missing', detail: `${p.tierMembers[0]!.length}`, units: Array.from(p.tierMembers[0]!) });
  const amounts = new Float64Array(buffer, n * 16, n);
  const formula = new Float64Array(buffer, n * 24, n);
  const held = new Uint8Array(buffer, n * 32, n);
  const heldSide = ws.held;
  // The formula-only split is a reference figure (for the diversion report), kept unrounded:
  // rounding it to the 分 would cost a second largest-remainder pass on every evaluation.
  const formulaScale = new Float64Array(6);
  let feasible = true;
  for (const g of poolGroups(p, plan, pool - standardTotal)) {
    const groupShares = ws.groupShares[g.index]!;
    formulaScale[g.index] = groupShares > 0 ? g.pool / groupShares : 0;
    const sums = { lo: ws.groupLo[g.index]!, hi: ws.groupHi[g.index]!, s: groupShares };
    const r: FillStatus = waterFillWithSums(g.pool, shares, ws.lo, ws.hi, g.members, amounts, heldSide, ws.remainders, ws.free, sums).status;
    if (r !== 'ok') {
      feasible = false;
      warnings.push({ code: r, detail: g.label, units: Array.from(g.members) });
    }
  }
  const { reasonLo, reasonHi } = ws;
  for (let i = 0; i < n; i++) {
    const std = standard[i]!;
    amounts[i]! += std;
    formula[i] = shares[i]! * formulaScale[group[i]!]! + std;
    const side = heldSide[i];
    // Held at a lower bound of 0 (no floor, no last year) is simply a zero share: free, not "floor".
    held[i] = side === -1 ? reasonLo[i]! : side === 1 ? reasonHi[i]! || 4 : 0;
  }
  return { pool, amounts, formula, standard, held, shares, warnings, feasible };
}

type TierPlan = { byTier: boolean; missing: boolean; present: number[]; weights: number[] };

/** Whether the pool is split by development tier (and which tiers take part), or shared by all. */
function tierPlan(p: Prepared, params: ResolvedParameters): TierPlan {
  const all = { byTier: false, missing: false, present: [], weights: [] };
  if (params['tiers.presplit'] < 0.5) return all;
  if (p.tierMembers[0]!.length) return { ...all, missing: true };
  const present = TIERS.filter((t) => p.tierMembers[t]!.length > 0);
  const weights = present.map((t) => params[`tiers.share_tier${t}`]!);
  if (!weights.some((w) => w > 0)) return all;
  return { byTier: true, missing: false, present, weights };
}

/** The whole pool for all units (group 0), or one pool per development tier (group = tier). */
function poolGroups(p: Prepared, plan: TierPlan, pool: number): { index: number; label: string; pool: number; members: Uint32Array }[] {
  if (!plan.byTier) return [{ index: 0, label: 'all', pool, members: p.all }];
  const tierPools = new Float64Array(plan.present.length);
  splitLargestRemainder(pool, Float64Array.from(plan.weights), Uint32Array.from(plan.present, (_, k) => k), tierPools, new Float64Array(plan.present.length));
  return plan.present.map((t, k) => ({ index: t, label: `tier${t}`, pool: tierPools[k]!, members: p.tierMembers[t]! }));
}
