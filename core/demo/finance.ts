// Fiscal and economic indicators per region and year (DemoFiscal), consistent with the final
// education series: general-budget expenditure is education spending over an education share of
// 16–21 % (counties) or 11–15 % (the own budgets of prefectures and the province, which pay for
// much besides schools); revenue per head follows fiscal capacity, which is what devTier ranks.
//
// Additive indicators (revenue, expenditure, GDP, population, area, education funds) are built from
// each unit's own part and summed up the tree, so a prefecture's figure is exactly the sum of its
// counties and its own level — like the education rows. transfer_received is not additive
// (transfers between a prefecture and its counties cancel inside the prefecture); it is the gap
// between expenditure and own revenue, less debt and carried-over balances.
import { gdpIndex, payIndex, revenueIndex } from './profiles';
import { createRng, type Rng } from './random';
import { LEVEL_COUNT, type DemoState } from './state';
import type { DemoFiscal, DemoFiscalIndicator } from './types';

const ADDITIVE = ['gpb_revenue', 'gpb_expenditure', 'recurrent_revenue', 'tax_revenue', 'gdp', 'fiscal_edu_funds', 'edu_appropriation', 'population', 'area'] as const;
type Additive = (typeof ADDITIVE)[number];

export type FinanceOptions = {
  /** GDP per head (元, last year) is kept within this range; a province's counties span less than a country's. */
  gdpPerHeadRange: readonly [number, number];
};

/** A slowly varying ratio within [lo, hi]: a reflected random walk, one value per year index. */
function walk(rng: Rng, years: number, lo: number, hi: number, step: number): Float64Array {
  const out = new Float64Array(years);
  let v = rng.range(lo, hi);
  for (let y = 0; y < years; y++) {
    v += rng.range(-step, step);
    if (v < lo) v = 2 * lo - v;
    if (v > hi) v = 2 * hi - v;
    out[y] = Math.min(hi, Math.max(lo, v));
  }
  return out;
}

export function generateFiscal(state: DemoState, seed: number, opts: FinanceOptions): DemoFiscal[] {
  const Y = state.years;
  const N = state.nodes.length;
  const vals = new Map<Additive, Float64Array>(ADDITIVE.map((k) => [k, new Float64Array(N * Y)]));
  const v = (k: Additive): Float64Array => vals.get(k) as Float64Array;
  const teacherPay = new Float64Array(N * Y);
  const civilPay = new Float64Array(N * Y);
  const otherFinancing = new Float64Array(N * Y);

  const ownE = (node: number, y: number): number => {
    let s = 0;
    for (let l = 0; l < LEVEL_COUNT; l++) s += state.ownE[state.cell(node, l, y)] as number;
    return s;
  };

  // A few counties pay teachers less than civil servants (the 义务教育法 Art. 31 gap auditors look
  // for): about 4 % throughout, and about 4 % more until they closed the gap in some year.
  const counties = state.nodes.filter((n) => n.level === 'county').map((n) => n.index);
  createRng(seed, 'pay-gap').shuffle(counties);
  const k = Math.max(2, Math.round(counties.length * 0.04));
  const payGap = new Set(counties.slice(0, k));
  const payGapClosed = new Set(counties.slice(k, 2 * k));

  // Own parts, counties first so that prefectures and provinces can size their own revenue on them.
  const order = [...state.nodes].sort((a, b) => b.ancestors.length - a.ancestors.length || a.index - b.index);
  const belowRevenue = new Float64Array(N * Y); // revenue of everything under a node, own parts
  for (const n of order) {
    const rng = createRng(seed, 'fiscal', n.code);
    const share = n.level === 'county' ? walk(rng, Y, 0.16, 0.21, 0.006) : walk(rng, Y, 0.11, 0.15, 0.004);
    const recurrent = walk(rng, Y, 0.885, 0.945, 0.01);
    const tax = walk(rng, Y, 0.64, 0.8, 0.015);
    const funds = walk(rng, Y, 1.035, 1.075, 0.006);
    const approp = walk(rng, Y, 0.94, 0.985, 0.006);
    const other = walk(rng, Y, 0.03, 0.08, 0.01);
    const revenuePerHead = 2_800 * n.capacity * rng.range(0.9, 1.1);
    const [gLo, gHi] = opts.gdpPerHeadRange;
    const gdpPerHead = Math.min(gHi * 0.98, Math.max(gLo * 1.03, 58_000 * Math.pow(n.capacity, 0.55) * rng.range(0.92, 1.08)));
    const ownRevenueShare = n.level === 'prefecture' ? rng.range(0.2, 0.4) : rng.range(0.3, 0.4);
    const civil2024 = Math.min(185_000, Math.max(82_000, 100_000 * Math.pow(n.capacity, 0.3) * rng.range(0.95, 1.05)));
    const belowUntil = payGap.has(n.index) ? Y : payGapClosed.has(n.index) ? rng.int(1, Y - 1) : 0;
    const teacherRatio = walk(rng, Y, 1.0, 1.07, 0.01);
    const belowRatio = walk(rng, Y, 0.94, 0.985, 0.008);

    for (let y = n.firstYi; y <= n.lastYi; y++) {
      const i = n.index * Y + y;
      const year = state.firstYear + y;
      const e = ownE(n.index, y);
      let revenue: number;
      if (n.level === 'county') {
        const pop = n.population[y] as number;
        revenue = revenuePerHead * revenueIndex(year) * pop * rng.range(0.98, 1.02) * 100;
        v('population')[i] = pop;
        v('area')[i] = n.area;
        v('gdp')[i] = Math.round(gdpPerHead * gdpIndex(year) * pop * rng.range(0.99, 1.01) * 100);
        const cp = civil2024 * payIndex(year) * rng.range(0.99, 1.01) * 100;
        civilPay[i] = Math.round(cp);
        teacherPay[i] = Math.round(cp * ((y < belowUntil ? belowRatio[y] : teacherRatio[y]) as number));
      } else {
        revenue = (belowRevenue[i] as number) * ownRevenueShare;
      }
      v('gpb_revenue')[i] = Math.round(revenue);
      v('recurrent_revenue')[i] = Math.round(revenue * (recurrent[y] as number));
      v('tax_revenue')[i] = Math.round(revenue * (tax[y] as number));
      v('gpb_expenditure')[i] = Math.round(e / (share[y] as number));
      v('fiscal_edu_funds')[i] = Math.round(e * (funds[y] as number));
      v('edu_appropriation')[i] = Math.round(e * (approp[y] as number));
      otherFinancing[i] = other[y] as number;
      for (const a of n.ancestors) belowRevenue[a * Y + y] = (belowRevenue[a * Y + y] as number) + Math.round(revenue);
    }
  }

  // Sum own parts up the tree (children before parents).
  for (const n of order) {
    if (n.parent < 0) continue;
    for (let y = n.firstYi; y <= n.lastYi; y++) {
      for (const k of ADDITIVE) {
        const arr = v(k);
        arr[n.parent * Y + y] = (arr[n.parent * Y + y] as number) + (arr[n.index * Y + y] as number);
      }
    }
  }

  const out: DemoFiscal[] = [];
  const push = (regionCode: string, year: number, indicator: DemoFiscalIndicator, value: number): void => {
    if (!Number.isSafeInteger(value)) throw new RangeError(`fiscal ${indicator} of ${regionCode} ${year} is not an integer: ${value}`);
    out.push({ regionCode, year, indicator, value });
  };
  for (const n of [...state.nodes].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    for (let y = n.firstYi; y <= n.lastYi; y++) {
      const i = n.index * Y + y;
      const year = state.firstYear + y;
      const exp = v('gpb_expenditure')[i] as number;
      const rev = v('gpb_revenue')[i] as number;
      for (const k of ADDITIVE) push(n.code, year, k, v(k)[i] as number);
      push(n.code, year, 'transfer_received', Math.round(Math.max(exp * 0.03, exp * (1 - (otherFinancing[i] as number)) - rev)));
      if (n.level === 'county') {
        push(n.code, year, 'teacher_avg_pay', teacherPay[i] as number);
        push(n.code, year, 'civil_servant_avg_pay', civilPay[i] as number);
      }
    }
  }
  return out;
}
