// (f) reference: a lower bound on what a full evaluation can cost in scalar JavaScript — the
// arithmetic every mechanism needs and nothing else. It is NOT a correct allocation and nothing
// uses its results: no reason codes, no formula-only split, no warnings, no result arrays handed
// out, no exact-tie handling, and the leftover 分 after flooring are not handed out by largest
// remainder (the selection that needs). Units are laid out tier by tier so every loop runs over a
// contiguous range. Its only purpose is to show how far below the full evaluation any
// restructuring in JavaScript could go, next to the plain-shares floor.
import { DATA_FACTORS, type Prepared } from '../core/transfer/prepare';
import { FACTOR_KEY, TIERS, type ResolvedParameters, type TransferKey } from '../core/transfer/parameters';
import { baselineRun } from '../core/transfer/simulate';

export type BoundModel = { evaluate(params: ResolvedParameters): number };

/** Columns permuted into tier order, built once (untimed), and the evaluation over them. */
export function boundModel(p: Prepared): BoundModel {
  const order = Uint32Array.from(TIERS.flatMap((t) => [...p.tierMembers[t]!]));
  const n = order.length;
  const permute = (a: Float64Array) => Float64Array.from(order, (i) => a[i]!);
  const c = p.current;
  const columns = DATA_FACTORS.map((f) => {
    const column = c.normalised[f];
    if (!column) throw new Error(`(f) the ${f} column is empty`);
    return permute(column);
  });
  const [c0, c1, c2, c3, c4] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const zPressure = permute(c.zPressure);
  const zGap = permute(c.zGap);
  const primary = permute(c.primary);
  const junior = permute(c.junior);
  const students = permute(c.students);
  const eduSpending = permute(c.eduSpending);
  const base = baselineRun(p);
  const last = permute(base.prior);
  const baseAmounts = permute(base.allocation.amounts);
  const priorSpending = permute(p.prior.eduSpending);
  const priorStudents = permute(p.prior.students);
  const priorTimesStudents = Float64Array.from(priorSpending, (e, i) => e * students[i]!);
  const starts = [0];
  for (const t of TIERS) starts.push(starts.at(-1)! + p.tierMembers[t]!.length);
  const raw = new Float64Array(n);
  const factorSum = new Float64Array(n);
  const shares = new Float64Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const amounts = new Float64Array(n);

  function evaluate(params: ResolvedParameters): number {
    const [w0, w1, w2, w3, w4] = DATA_FACTORS.map((f) => params[FACTOR_KEY[f]]) as [number, number, number, number, number];
    const wd = params[FACTOR_KEY.difficulty];
    const tilt = params['difficulty.tilt'];
    const floor = params['difficulty.floor'];
    const wp = params['difficulty.weight_pressure'];
    const wg = params['difficulty.weight_gap'];
    const pool = Math.round(params['pool.amount'] * 100);
    const qp = Math.round(params['standard.quota_primary'] * 100);
    const qj = Math.round(params['standard.quota_junior'] * 100);
    const floorFen = params['floor.per_student'] * 100;
    const h = params['hold_harmless.h'];
    const low = 1 + params['growth.min'];
    const high = 1 + params['growth.max'];
    const capMax = Math.floor(params['cap.share'] * pool);
    // Shares: the difficulty coefficient (and its column total) and the five data factors.
    let difficultyTotal = 0;
    for (let i = 0; i < n; i++) {
      const r = wp * zPressure[i]! + wg * zGap[i]!;
      raw[i] = r;
      const d = 1 + r;
      difficultyTotal += d > floor ? d : floor;
      factorSum[i] = w0 * c0[i]! + w1 * c1[i]! + w2 * c2[i]! + w3 * c3[i]! + w4 * c4[i]!;
    }
    const difficultyScale = wd / difficultyTotal;
    // Per tier: shares with the tilt, the standard component and the bounds; then λ by Newton
    // steps; then clamp and floor to the 分; then the outcome and the two rules. The Newton loop
    // repeats core/transfer/kernel.ts's on purpose (same steps, same tolerance) rather than calling
    // it: the kernel works through member lists and goes on to the exact integer pass, which is
    // the bookkeeping this reference leaves out.
    let standardTotal = 0;
    const tierShares = [0, 0, 0, 0, 0, 0];
    const tierLo = [0, 0, 0, 0, 0, 0];
    for (let t = 1; t <= 5; t++) {
      const costShare = params[`standard.share_tier${t}` as TransferKey];
      let sumS = 0;
      let sumLo = 0;
      for (let i = starts[t - 1]!; i < starts[t]!; i++) {
        const r = raw[i]!;
        const d = 1 + r;
        const m = 1 + tilt * r;
        const s = (factorSum[i]! + difficultyScale * (d > floor ? d : floor)) * (m > floor ? m : floor);
        shares[i] = s;
        sumS += s;
        const std = Math.round((qp * primary[i]! + qj * junior[i]!) * costShare);
        amounts[i] = std;
        standardTotal += std;
        const l0 = last[i]!;
        let min = Math.ceil(floorFen * students[i]!);
        const a = Math.ceil(h * l0);
        if (a > min) min = a;
        const b = Math.ceil(low * l0);
        if (b > min) min = b;
        let max = Math.floor(high * l0);
        if (capMax < max) max = capMax;
        if (max < min) max = min;
        const l = min - std > 0 ? min - std : 0;
        lo[i] = l;
        hi[i] = max - std > l ? max - std : l;
        sumLo += l;
      }
      tierShares[t] = sumS;
      tierLo[t] = sumLo;
    }
    const rest = pool - standardTotal;
    let failures = 0;
    for (let t = 1; t <= 5; t++) {
      const from = starts[t - 1]!;
      const to = starts[t]!;
      const tierPool = Math.round(rest * params[`tiers.share_tier${t}` as TransferKey]);
      let lambda = tierPool / tierShares[t]!;
      let below = 0;
      let above = Infinity;
      for (let step = 0; step < 200; step++) {
        let f = 0;
        let freeS = 0;
        let bound = 0;
        for (let i = from; i < to; i++) {
          const s = shares[i]!;
          const x = lambda * s;
          const l = lo[i]!;
          if (x <= l) {
            f += l;
            bound += l;
            continue;
          }
          const u = hi[i]!;
          if (x >= u) {
            f += u;
            bound += u;
          } else {
            f += x;
            freeS += s;
          }
        }
        if (Math.abs(f - tierPool) <= 0.5) break;
        if (f < tierPool) below = lambda;
        else above = lambda;
        let next = freeS > 0 ? (tierPool - bound) / freeS : NaN;
        if (!(next > below && next < above)) next = Number.isFinite(above) ? (below + above) / 2 : Math.max(2 * below, below + 1);
        if (next === lambda) break;
        lambda = next;
      }
      for (let i = from; i < to; i++) {
        const x = lambda * shares[i]!;
        const l = lo[i]!;
        const u = hi[i]!;
        const total = amounts[i]! + (x <= l ? l : x >= u ? u : Math.floor(x));
        const e = eduSpending[i]! + (total - baseAmounts[i]!);
        if (e < priorSpending[i]! || e * priorStudents[i]! < priorTimesStudents[i]!) failures++;
      }
    }
    return failures;
  }
  return { evaluate };
}
