// Money to the 分: a pool split in proportion to real-valued weights so that the parts are whole
// 分 and add up to the pool exactly (largest-remainder method; ties go to the earlier unit, so the
// result is deterministic). BigInt face of the typed-array kernel.
import { splitLargestRemainder } from './kernel';

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
