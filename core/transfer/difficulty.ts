// 财力困难程度系数 (DOMAIN §3.2, 财预〔2022〕58号 第七条): standardised components combined with
// weights — by default z(必保支出 ÷ 标准财政收入) × 55 % + z(收支缺口 ÷ 标准财政支出) × 45 % —
// or a published score (the 20–90 scale) entered directly. A raw z combination can be negative,
// and how the ministry treats that is not published, so the shift to a positive multiplier is a
// user parameter here (`floor`), never a hidden choice.

export type DifficultyComponent = { name: string; weight: number; values: readonly number[] };

/** z(x) = (x − mean) / sd over the units (population sd, as 标准化处理 is usually done); 0 when sd = 0. */
export function zScores(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return values.map((v) => (sd === 0 ? 0 : (v - mean) / sd));
}

/** Σ_k weight_k · z(component_k): the raw coefficient, mean zero, possibly negative. */
export function rawDifficulty(components: readonly DifficultyComponent[]): number[] {
  const n = components[0]?.values.length ?? 0;
  const out = new Array<number>(n).fill(0);
  for (const c of components) {
    if (c.values.length !== n) throw new RangeError(`component ${c.name} has ${c.values.length} values for ${n} units`);
    zScores(c.values).forEach((z, i) => (out[i]! += c.weight * z));
  }
  return out;
}

/** The ministry's two components with its published 55 % / 45 % weights. */
export function ministryDifficulty(input: { mandatorySpending: readonly number[]; standardRevenue: readonly number[]; standardSpending: readonly number[] }, weights = { pressure: 0.55, gap: 0.45 }): number[] {
  const n = input.standardRevenue.length;
  const pressure = Array.from({ length: n }, (_, i) => input.mandatorySpending[i]! / input.standardRevenue[i]!);
  const gap = Array.from({ length: n }, (_, i) => (input.standardSpending[i]! - input.standardRevenue[i]!) / input.standardSpending[i]!);
  return rawDifficulty([
    { name: 'mandatory_spending_pressure', weight: weights.pressure, values: pressure },
    { name: 'standard_gap_ratio', weight: weights.gap, values: gap },
  ]);
}

/**
 * A raw coefficient as a multiplier of formula shares: 1 + strength × raw, never below `floor`
 * (default 0.1, so the richest unit keeps a tenth of its formula share at full strength).
 */
export function difficultyMultiplier(raw: readonly number[], strength: number, floor = 0.1): number[] {
  return raw.map((r) => Math.max(floor, 1 + strength * r));
}

/** A published score on the 20–90 scale as a multiplier relative to its mean (mean score → 1). */
export function scoreMultiplier(scores: readonly number[]): number[] {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return scores.map((s) => s / mean);
}
