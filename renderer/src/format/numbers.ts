// Display formatting of exact values. Everything arrives exact (分, persons, ratios of BigInts)
// and is rounded here, once, half away from zero like the statistical bulletins.
import { formatRatio, type Ratio } from '../../../core/money';
import { FEN_PER_UNIT, type Fen, type MoneyUnit } from '../../../core/money/fen';

export function money(fen: Fen | null, unit: MoneyUnit): string {
  return fen === null ? '—' : formatRatio(BigInt(fen), FEN_PER_UNIT[unit], 2, true);
}

/** A per-student ratio in 分 per student, shown in 元 with 2 decimals. */
export function perStudentYuan(r: Ratio | null): string {
  return r === null ? '—' : formatRatio(r.num, r.den * 100n, 2, true);
}

/** Students may be fractional under averaged divisors: show decimals only then. */
export function students(r: Ratio | null): string {
  if (r === null) return '—';
  return formatRatio(r.num, r.den, r.num % r.den === 0n ? 0 : 2, true);
}

/** Growth ratio (x/prior − 1) as a percentage with 2 decimals; "-0.00%" keeps a tiny fall visible. */
export function growthPercent(g: Ratio | null): string {
  if (g === null) return '—';
  const text = formatRatio(g.num * 100n, g.den, 2);
  return `${g.num > 0n ? '+' : ''}${text}%`;
}

/** Thousands separators for exact decimal text from the engine ("839649000000.00" → "839,649,000,000.00"). */
export function groupDecimal(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A file size for people: 4.7 KB, 12.3 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
