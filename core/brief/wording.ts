// The growth wording of the statistical bulletins (统计公告): "比上年增长4.68%", "比上年下降2.10%",
// "与上年持平". The direction comes from the exact comparison of the two values and the size from
// the exact ratio rounded half up to two decimals, so a sentence can never call a fall a rise; a
// change too small to show at two decimals says so in words instead of printing "增长0.00%".
import { formatRatio } from '../money/decimal';

export type Direction = 'up' | 'down' | 'flat' | 'no_prior';

export type Growth = { direction: Direction; /** |growth| in percent, 2 decimals, or null */ percent: string | null; tiny: boolean };

/** Growth of `current` over `prior` (both exact integers, e.g. 分 or persons). */
export function growth(prior: bigint | number | null, current: bigint | number): Growth {
  if (prior === null) return { direction: 'no_prior', percent: null, tiny: false };
  const p = BigInt(prior);
  const c = BigInt(current);
  if (p <= 0n) return { direction: 'no_prior', percent: null, tiny: false };
  if (c === p) return { direction: 'flat', percent: '0.00', tiny: false };
  const diff = c > p ? c - p : p - c;
  const percent = formatRatio(diff * 100n, p, 2);
  return { direction: c > p ? 'up' : 'down', percent, tiny: percent === '0.00' };
}

/** "比上年增长4.68%" and its kin (no leading comma, no full stop). */
export function growthZh(g: Growth, what = '上年'): string {
  switch (g.direction) {
    case 'no_prior':
      return `${what}无可比数据`;
    case 'flat':
      return `与${what}持平`;
    case 'up':
      return g.tiny ? `比${what}略有增长（增幅不足0.01%）` : `比${what}增长${g.percent}%`;
    case 'down':
      return g.tiny ? `比${what}略有下降（降幅不足0.01%）` : `比${what}下降${g.percent}%`;
  }
}

/** "up 4.68% on the previous year" and its kin. */
export function growthEn(g: Growth): string {
  switch (g.direction) {
    case 'no_prior':
      return 'with no comparable figure for the previous year';
    case 'flat':
      return 'unchanged from the previous year';
    case 'up':
      return g.tiny ? 'up slightly on the previous year (by less than 0.01%)' : `up ${g.percent}% on the previous year`;
    case 'down':
      return g.tiny ? 'down slightly on the previous year (by less than 0.01%)' : `down ${g.percent}% on the previous year`;
  }
}

/** 分 as 亿元 / 万元 / 元 text with two decimals and separators, for sentences. */
export function amountText(fen: bigint | number, unit: '亿元' | '万元' | '元'): string {
  const den = unit === '亿元' ? 10_000_000_000n : unit === '万元' ? 1_000_000n : 100n;
  return formatRatio(BigInt(fen), den, 2, true);
}

export const UNIT_EN: Record<'亿元' | '万元' | '元', string> = { 亿元: 'hundred million yuan', 万元: 'ten thousand yuan', 元: 'yuan' };

/** Growth of a ratio c = cNum/cDen over p = pNum/pDen (e.g. 分 per student), exactly. */
export function ratioGrowth(pNum: bigint | number | null, pDen: bigint | number | null, cNum: bigint | number, cDen: bigint | number): Growth {
  if (pNum === null || pDen === null) return { direction: 'no_prior', percent: null, tiny: false };
  const [pn, pd, cn, cd] = [BigInt(pNum), BigInt(pDen), BigInt(cNum), BigInt(cDen)];
  if (pn <= 0n || pd <= 0n || cd <= 0n) return { direction: 'no_prior', percent: null, tiny: false };
  const left = cn * pd;
  const right = pn * cd;
  if (left === right) return { direction: 'flat', percent: '0.00', tiny: false };
  const diff = left > right ? left - right : right - left;
  const percent = formatRatio(diff * 100n, right, 2);
  return { direction: left > right ? 'up' : 'down', percent, tiny: percent === '0.00' };
}
