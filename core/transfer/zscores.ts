// Standardisation for the 财力困难程度系数 (docs/domain.md#equalisation-transfer, 财预〔2022〕58号 第七条): each component is
// turned into z-scores before the components are combined with their weights (shares.ts), so that
// components on different scales count by their weights alone.

/** z(x) = (x − mean) / sd over the units (population sd, as 标准化处理 is usually done); 0 when sd = 0. */
export function zScores(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return values.map((v) => (sd === 0 ? 0 : (v - mean) / sd));
}
