// Exact decimal text ⇄ integers. Source files print amounts as decimal text ("8309.04" 亿元);
// converting through a binary float would turn 0.1 into 0.1000000000000000055…, so text is parsed
// digit by digit into a BigInt scaled by the unit.

export type DecimalParse =
  | { ok: true; value: bigint; scale: number }
  | { ok: false; reason: string };

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parse a normalised decimal ("-12.345") into an integer and the number of decimals. */
export function parseDecimal(text: string): DecimalParse {
  const m = DECIMAL.exec(text);
  if (!m) return { ok: false, reason: `not a decimal number: "${text}"` };
  const sign = m[1] === '-' ? -1n : 1n;
  const int = m[2] ?? '0';
  const frac = m[3] ?? '';
  return { ok: true, value: sign * BigInt(int + frac), scale: frac.length };
}

/**
 * value × 10^-scale × factor as an exact integer, or an error when the product has a fractional
 * part (the source is more precise than the target unit can hold).
 */
export function scaleExact(value: bigint, scale: number, factor: bigint): { ok: true; value: bigint } | { ok: false; reason: string } {
  const num = value * factor;
  const den = 10n ** BigInt(scale);
  if (num % den !== 0n) return { ok: false, reason: 'more decimal places than the target unit can hold exactly' };
  return { ok: true, value: num / den };
}

/**
 * Round num/den to `decimals` places, half away from zero (四舍五入, as statistical bulletins
 * print), and render it as text. Exact: works on BigInt throughout.
 */
export function formatRatio(num: bigint, den: bigint, decimals: number, groupThousands = false): string {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const scale = 10n ** BigInt(decimals);
  const scaled = abs * scale;
  let q = scaled / den;
  const r = scaled % den;
  if (r * 2n >= den) q += 1n;
  const intPart = q / scale;
  const fracPart = q % scale;
  let intText = intPart.toString();
  if (groupThousands) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fracText = decimals > 0 ? '.' + fracPart.toString().padStart(decimals, '0') : '';
  // A value that rounds to zero keeps its sign: "-0.00" tells an auditor the raw value fell.
  return (negative ? '-' : '') + intText + fracText;
}
