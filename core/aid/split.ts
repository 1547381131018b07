// Exact splits of whole amounts: a share in basis points of a whole number of 分 (half up), and a
// whole number of people split by shares with the largest-remainder rule (ties to the earlier).

/** round(amount × bp ÷ 10000), halves away from zero; exact for any safe integer amount. */
export function shareOf(amount: number, bp: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isInteger(bp)) throw new RangeError(`shareOf needs whole numbers, got ${amount} × ${bp}`);
  const p = BigInt(amount) * BigInt(bp);
  const q = p / 10000n;
  const r = p % 10000n;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= 10000n ? q + (p < 0n ? -1n : 1n) : q;
  return Number(rounded);
}

/** Split `total` (whole) by `weights` (non-negative) into whole parts that add up to `total`. */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot split a non-zero total among nothing');
    return [];
  }
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}
