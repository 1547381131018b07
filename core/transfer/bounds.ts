// Per-unit bounds (DOMAIN §3.5) and the standard-based component (基准定额 × students × the tier's
// cost share, DOMAIN §3.3), built in one pass over the units together with what the water-fill
// would otherwise take in passes of its own: the renormalised shares and, per pool group, Σ lo,
// Σ hi and Σ share. Each group sum runs over the units in index order from 0, which is the order a
// group's member list has (prepare.ts), so the sums are the same numbers the kernel would get.
import type { ResolvedParameters } from './parameters';
import type { Prepared, YearColumns } from './prepare';

/** 基准定额 × (primary, junior) × the tier's share, rounded to the 分 once per unit. */
export function standardOf(quotaPrimary: number, quotaJunior: number, primary: number, junior: number, share: number): number {
  return Math.round((quotaPrimary * primary + quotaJunior * junior) * share);
}

/** The quotas in 分 and the cost share by tier (index 0 = unclassified, which has none). */
export function standardRates(params: ResolvedParameters): { qp: number; qj: number; shareOf: Float64Array } {
  const shareOf = new Float64Array(6);
  for (let t = 1; t <= 5; t++) shareOf[t] = params[`standard.share_tier${t}`]!;
  return { qp: Math.round(params['standard.quota_primary']! * 100), qj: Math.round(params['standard.quota_junior']! * 100), shareOf };
}

export type BoundsPass = {
  /** Multiply each share by this first (1 ÷ the sum before renormalising), or NaN to leave them. */
  inverse: number;
  /** Work out the standard component into `standard` (else read it from there). */
  computeStandard: boolean;
  /** Pool group of each unit (0 = one pool, 1–5 = tier), indexing the scratch group sums. */
  group: Int8Array;
};

/**
 * Writes p.scratch's lo, hi, reasonLo, reasonHi and group sums; renormalises `shares` and fills
 * `standard` when asked. Returns Σ standard (when computed) and the units whose cap gave way to a
 * floor or hold-harmless.
 */
export function boundsPass(p: Prepared, cols: YearColumns, params: ResolvedParameters, pool: number, prior: Float64Array | undefined, shares: Float64Array, standard: Float64Array, pass: BoundsPass): { standardTotal: number; conflicts: number[] } {
  const n = p.n;
  const { lo, hi, reasonLo, reasonHi, groupLo, groupHi, groupShares } = p.scratch;
  groupLo.fill(0);
  groupHi.fill(0);
  groupShares.fill(0);
  const { inverse, computeStandard, group } = pass;
  const normalise = !Number.isNaN(inverse);
  const { qp, qj, shareOf } = standardRates(params);
  const primary = cols.primary;
  const junior = cols.junior;
  const students = cols.students;
  const tier = p.tier;
  const floorFen = params['floor.per_student']! * 100;
  const cap = params['cap.share']!;
  const h = params['hold_harmless.h']!;
  const growth = params['growth.enabled']! >= 0.5;
  const gMin = params['growth.min']!;
  const gMax = params['growth.max']!;
  // The cap does not depend on the unit.
  const capMax = cap < 1 ? Math.floor(cap * pool) : Infinity;
  const capWhy = cap < 1 ? 4 : 0;
  const conflicts: number[] = [];
  // No last year: every unit reads NaN (hold-harmless and the growth band then do not apply).
  const lastYear = prior ?? p.scratch.noPrior;
  let standardTotal = 0;
  for (let i = 0; i < n; i++) {
    let s = shares[i]!;
    if (normalise) {
      s *= inverse;
      shares[i] = s;
    }
    let std: number;
    if (computeStandard) {
      std = standardOf(qp, qj, primary[i]!, junior[i]!, shareOf[tier[i]!]!);
      standard[i] = std;
      standardTotal += std;
    } else std = standard[i]!;
    let min = Math.ceil(floorFen * students[i]!);
    let why = min > 0 ? 1 : 0;
    const last = lastYear[i]!;
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
    let max = capMax;
    let whyHi = capWhy;
    if (hasLast && growth) {
      const v = Math.floor((1 + gMax) * last);
      if (v < max) {
        max = v;
        whyHi = 5;
      }
    }
    if (max < min) {
      // A statutory floor or hold-harmless outranks a cap: the cap gives way, and the run says so.
      // The unit is paid its lower bound, so that is what it is held at, whichever side the
      // water-fill meets it from.
      conflicts.push(i);
      max = min;
      whyHi = why;
    }
    // The standard component is already paid; the bounds apply to the total.
    const l = Math.max(0, min - std);
    const u = Math.max(l, max - std);
    lo[i] = l;
    hi[i] = u;
    reasonLo[i] = why;
    reasonHi[i] = whyHi;
    const g = group[i]!;
    groupLo[g]! += l;
    groupHi[g]! += u;
    groupShares[g]! += s;
  }
  return { standardTotal, conflicts };
}
