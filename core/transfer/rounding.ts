// Money to the 分: a pool split in proportion to real-valued weights so that the parts are whole
// 分 and add up to the pool exactly (largest-remainder method; ties go to the earlier unit, so the
// result is deterministic).

/** Split `pool` (分) in proportion to `weights` (≥ 0, not all zero). Σ result = pool exactly. */
export function largestRemainder(pool: bigint, weights: readonly number[]): bigint[] {
  if (pool < 0n) throw new RangeError('the pool must not be negative');
  const total = weights.reduce((a, w) => a + w, 0);
  if (!(total > 0)) {
    if (pool === 0n) return weights.map(() => 0n);
    throw new RangeError('cannot split a pool by weights that are all zero');
  }
  const poolNumber = Number(pool);
  const exact = weights.map((w) => (w / total) * poolNumber);
  const floors = exact.map((x) => BigInt(Math.floor(x)));
  let left = pool - floors.reduce((a, b) => a + b, 0n);
  // Float error can make Σ floors exceed the pool by a few 分 on huge pools: take them back from the
  // smallest remainders first.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) }));
  if (left < 0n) {
    order.sort((a, b) => a.r - b.r || a.i - b.i);
    for (const o of order) {
      if (left === 0n) break;
      if (floors[o.i]! > 0n) {
        floors[o.i]! -= 1n;
        left += 1n;
      }
    }
    return floors;
  }
  order.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0n; k = (k + 1) % order.length) {
    floors[order[k]!.i]! += 1n;
    left -= 1n;
  }
  return floors;
}
