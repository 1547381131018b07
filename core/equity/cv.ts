// 差异系数 (coefficient of variation) between schools, docs/domain.md#balanced-development: pupil-weighted, with the county
// mean taken as county total ÷ county pupils (not the mean of school ratios). The unweighted form
// (population standard deviation of the school ratios over their plain mean) is kept for contrast
// only; the 优质均衡 thresholds (≤ 0.50 小学, ≤ 0.45 初中) apply to the weighted one.

export type SchoolValue = { pupils: number; amount: number };

/** Pupil-weighted CV: X̄ = ΣA/ΣP, S = sqrt(Σ (P_i/ΣP)(X_i − X̄)²), CV = S/X̄. NaN without pupils. */
export function weightedCv(schools: readonly SchoolValue[]): number {
  const withPupils = schools.filter((s) => s.pupils > 0);
  const pupils = withPupils.reduce((a, s) => a + s.pupils, 0);
  const amount = withPupils.reduce((a, s) => a + s.amount, 0);
  if (pupils === 0 || amount === 0) return Number.NaN;
  const mean = amount / pupils;
  let variance = 0;
  for (const s of withPupils) {
    const d = s.amount / s.pupils - mean;
    variance += (s.pupils / pupils) * d * d;
  }
  return Math.sqrt(variance) / mean;
}

/** Unweighted CV of the school ratios (population standard deviation). */
export function unweightedCv(schools: readonly SchoolValue[]): number {
  const ratios = schools.filter((s) => s.pupils > 0).map((s) => s.amount / s.pupils);
  if (ratios.length === 0) return Number.NaN;
  const mean = ratios.reduce((a, x) => a + x, 0) / ratios.length;
  const variance = ratios.reduce((a, x) => a + (x - mean) ** 2, 0) / ratios.length;
  return Math.sqrt(variance) / mean;
}
