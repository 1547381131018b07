// The largest-remainder split with BigInt in and out, for tests that state an expected allocation
// in whole 分: "the pool split by these weights, to the 分, ties to the earlier unit". It runs the
// kernel's split (core/transfer/kernel.ts), so it is a reference for what the whole pipeline must
// reduce to in a simple case, not an independent check of the split itself — kernel.test.ts holds
// that one (an exact rational largest remainder).
import { splitLargestRemainder } from '../../core/transfer/kernel';

/** Split `pool` (分) in proportion to `weights` (≥ 0, not all zero). Σ result = pool exactly. */
export function largestRemainder(pool: bigint, weights: readonly number[]): bigint[] {
  if (pool < 0n) throw new RangeError('the pool must not be negative');
  if (pool > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the pool exceeds 2^53 分');
  const total = weights.reduce((a, w) => a + w, 0);
  if (!(total > 0)) {
    if (pool === 0n) return weights.map(() => 0n);
    throw new RangeError('cannot split a pool by weights that are all zero');
  }
  const n = weights.length;
  const out = new Float64Array(n);
  splitLargestRemainder(Number(pool), Float64Array.from(weights), Uint32Array.from({ length: n }, (_, i) => i), out, new Float64Array(n));
  return Array.from(out, (x) => BigInt(x));
}
