// Compliance values as the engine sends them (exact decimal text: 分, 分 per student, percent) and
// as they are shown and exported: rounded here for display only; the status was decided upstream
// on the unrounded values.
import type { ComplianceResult } from '../../../../core/compliance/types';
import { parseDecimal } from '../../../../core/money/decimal';
import { formatRatio } from '../../../../core/money';
import { FEN_PER_UNIT, type MoneyUnit } from '../../../../core/money/fen';
import { unitLabel } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';

function scaled(text: string, extraDen: bigint, group: boolean, decimals = 2): string | null {
  const d = parseDecimal(text);
  if (!d.ok) return text;
  const out = formatRatio(d.value, 10n ** BigInt(d.scale) * extraDen, decimals, group);
  // "-0.0000" fell, however little: keep the sign the rounding would drop.
  return text.trim().startsWith('-') && !out.startsWith('-') ? `-${out}` : out;
}

/** A value or prior value in the row's unit: money in the chosen 元/万元/亿元, per student in 元. */
export function valueText(v: string | null, unit: ComplianceResult['valueUnit'], money: MoneyUnit, group = true): string | null {
  if (v === null) return null;
  if (unit === 'fen') return scaled(v, FEN_PER_UNIT[money], group);
  if (unit === 'fen_per_student') return scaled(v, 100n, group);
  return scaled(v, 1n, group);
}

function den(unit: ComplianceResult['valueUnit'], money: MoneyUnit): bigint {
  return unit === 'fen' ? FEN_PER_UNIT[money] : unit === 'fen_per_student' ? 100n : 1n;
}

/**
 * This year's and last year's values with as many decimals as it takes (2 at least, 10 at most)
 * for two different exact values to print differently: a failure must never read "本年 = 上年"
 * (275,307,570.04 vs 275,307,570.11 元 both print 27,530.76 万元 at two places).
 */
export function valuePairText(v: string | null, prior: string | null, unit: ComplianceResult['valueUnit'], money: MoneyUnit, group = true): [string | null, string | null] {
  if (v === null || prior === null || v === prior) return [valueText(v, unit, money, group), valueText(prior, unit, money, group)];
  const d = den(unit, money);
  let a = scaled(v, d, group);
  let b = scaled(prior, d, group);
  // Money: straight to the exact 分 (万元 6 places, 亿元 10), not to a digit that only looks different.
  const exact = unit === 'fen' ? String(d).length - 1 : 0;
  if (a === b && exact > 2) {
    a = scaled(v, d, group, exact);
    b = scaled(prior, d, group, exact);
  }
  for (let decimals = 3; a === b && decimals <= 10; decimals++) {
    a = scaled(v, d, group, decimals);
    b = scaled(prior, d, group, decimals);
  }
  return [a, b];
}

/** A percent (growth, effect) to two places, sign kept. */
export function percentText(v: string | null): string | null {
  return v === null ? null : `${scaled(v, 1n, false)}%`;
}

/** The exact value as a sortable number (display sorting only). */
export function sortNumber(v: string | null): number | null {
  return v === null ? null : Number(v);
}

/** The unit a value of this kind is shown in: the chosen money unit, 元 per student, or %. */
export function valueUnitLabel(kind: ComplianceResult['valueUnit'], money: MoneyUnit, lang: Lang): string {
  if (kind === 'fen') return unitLabel(money, lang);
  if (kind === 'fen_per_student') return lang === 'zh' ? '元/生' : 'yuan/student';
  return '%';
}
