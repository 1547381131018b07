// “Does this split get us to the plan's 60 %?” For an allocation, how many units would meet the
// 优质均衡 resource standards by 2027 and by 2030 if the transfer went to closing their gaps.
//
// The stated assumption: from the simulated year on, each year the same allocation comes, and the
// share `gap.spend_share` of it is spent on closing the unit's gaps (priced as in the cost to
// close: every indicator raised to its standard). A unit counts as meeting the standards in year Y
// when it meets them now, or when share × allocation × (Y − simulated year + 1) ≥ its cost to close
// and closing every gap makes it meet them (a unit whose CVs would still fail never counts). The
// comparison is exact in 分 (integers). Certification itself (督导评估认定) is not modelled.
import type { GapInputs, SimInputs } from './inputs';

export const REACH_YEARS = [2027, 2030] as const;

export type GapReach = {
  /** null: the report cannot be made, with `reason`. */
  available: boolean;
  reason: string | null;
  spendShare: number;
  units: number;
  metNow: number;
  byYear: { year: number; count: number; share: number; reached: string[] }[];
  assumption: { zh: string; en: string };
};

function assumption(share: number, year: number): { zh: string; en: string } {
  const pct = `${(share * 100).toFixed(0)}%`;
  return {
    zh: `假设：自${year}年起每年金额不变，各县所得转移支付的 ${pct} 用于补齐优质均衡资源配置缺口（全部指标达标口径）；累计金额不少于补齐资金、且补齐后差异系数达标的县计为达标；不含督导认定程序`,
    en: `Assumes the same allocation every year from ${year}, ${pct} of each county’s transfer spent on closing its 优质均衡 resource gaps (all indicators met); a county counts once the money so far covers its cost to close and closing the gaps brings its CVs within the limits; certification itself is not modelled`,
  };
}

/** How many units reach the resource standards by each target year under one allocation (分 per unit, in unit order). */
export function gapReach(inputs: SimInputs, amounts: ArrayLike<number>, spendShare: number): GapReach {
  const year = inputs.year;
  const base = { spendShare, units: inputs.units.length, assumption: assumption(spendShare, year) };
  const g: GapInputs | undefined = inputs.gap;
  const reason = !g ? '无数据：本次模拟没有读取学校数据' : g.reason ?? (inputs.units.some((u) => !g.units[u.code]) ? '无数据：部分单位没有学校数据，无法计算补齐资金' : null);
  if (reason !== null || !g) return { ...base, available: false, reason, metNow: 0, byYear: [] };
  // share as an exact ratio of 10⁶ (the slider's resolution is far coarser).
  const shareMicros = BigInt(Math.round(spendShare * 1_000_000));
  let metNow = 0;
  for (const u of inputs.units) if (g.units[u.code]!.metNow) metNow++;
  const byYear = REACH_YEARS.map((target) => {
    const years = BigInt(Math.max(0, target - year + 1));
    const reached: string[] = [];
    let count = 0;
    inputs.units.forEach((u, i) => {
      const x = g.units[u.code]!;
      if (x.metNow) return void count++;
      if (!x.metAfterClosing) return;
      const money = BigInt(Math.max(0, Math.round(amounts[i]!))) * shareMicros * years;
      if (money >= BigInt(x.costFen) * 1_000_000n) {
        count++;
        reached.push(`${u.name}（${u.code}）`);
      }
    });
    return { year: target, count, share: inputs.units.length ? count / inputs.units.length : 0, reached };
  });
  return { ...base, available: true, reason: null, metNow, byYear };
}
