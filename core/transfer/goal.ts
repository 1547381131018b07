// Goal seeking where the problem is linear, solved by a real LP solver (HiGHS, injected: core/ stays
// free of WebAssembly loading). Each county i has a requirement need_i — the largest of its
// per-student floor, the allocation that keeps its education spending from falling (rule A) and
// the allocation that keeps its education spending per student from falling (rule B), both at the
// scenario's pass-through — and the formula allocation is linear in the unknown:
//
//   (a) max t  s.t.  std_i + R·((1 − t)·b_i + t·d_i) ≥ need_i,  0 ≤ t ≤ T
//       t = the difficulty factor's share of all weight; b = the formula shares without it,
//       d = the difficulty factor's own shares (both after the tilt multiplier), R = pool − Σ std.
//       The weight is then w_d = t·β / ((1 − t)·δ), β and δ being the two unnormalised sums.
//   (b) min P  s.t.  std_i + (P − Σ std)·s_i ≥ need_i,  P ≥ Σ std   (current weights, shares s):
//       the pool at which the formula itself meets every requirement, with nothing diverted by
//       the floor (the full model could also meet a floor below it by clamping).
//
// Caps, hold-harmless and the growth band are not part of these programs (they make the rule
// non-linear). The LP's answer is therefore run through the full model (goal-check.ts); when money
// those bounds move makes a county fail there, the answer is moved inward along the same line —
// bisection on the full model — until it holds, and the message says so. An answer is only called
// feasible when the full model confirms it; otherwise every failing county is named. Infeasibility
// of the LP itself is explained from the per-county intervals of t (or lower bounds on P).
import { poolFen, sharesFor, standardFor } from './evaluate';
import { describeCheck, fullCheck, holds, type GoalCheck } from './goal-check';
import { FACTOR_KEY, FACTOR_NAMES, resolveParameters, setParameter, type OverlayEntry, type ResolvedParameters } from './parameters';
import type { Prepared } from './prepare';
import { leastSpendingKeepingPerStudent } from './rules';
import { baselineRun, scoresByIndex, type Scenario } from './simulate';

export type { GoalCheck } from './goal-check';

/** The part of a HiGHS solution read here. */
export type LpSolution = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }>; Rows: { Name: string; Primal: number; Lower: number | null; Upper: number | null; Dual: number }[] };
export type LpSolver = (lp: string) => LpSolution;

export type GoalKind = 'max-difficulty-weight' | 'min-pool';

export type BindingReason = 'floor' | 'edu_spending_no_decrease' | 'per_student_no_decrease';
export type Binding = { code: string; name: string; reason: BindingReason; needFen: number };

/** What limits the answer: a requirement of the law (LP row or full model), or only the tool's own cap. */
export type Limit = 'law' | 'full_model' | 'tool_cap';

export type GoalResult = {
  goal: GoalKind;
  feasible: boolean;
  solverStatus: string;
  /** (a) the difficulty weight found and its share of all weight; (b) the pool in 分. */
  value: number | null;
  share: number | null;
  /** The overlay that applies the answer to the scenario. */
  overlay: OverlayEntry[] | null;
  binding: Binding[];
  /** Why the answer is not larger (a) or smaller (b); null when infeasible. */
  limit: Limit | null;
  /** The LP's own answer, before the full model moved it inward (same unit as value). */
  lpValue: number | null;
  message: { zh: string; en: string };
  /** Full-model check of the answer as applied. */
  check: GoalCheck | null;
  lp: { variables: number; constraints: number };
};

/** The tool's upper limit on the difficulty factor's share of all weight. */
export const T_MAX = 0.99;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Need = { need: Float64Array; reason: Uint8Array; active: Uint8Array };
const REASONS: readonly BindingReason[] = ['floor', 'per_student_no_decrease', 'edu_spending_no_decrease'];

/**
 * need_i in 分: the largest of ⌈floor × students⌉, the allocation keeping education spending
 * (E + pt·(a − base) ≥ E0) and the one keeping spending per student (E + pt·(a − base) ≥
 * ⌈E0·N/N0⌉). With no pass-through the transfer cannot move either rule, so only the floor counts.
 */
function requirements(p: Prepared, params: ResolvedParameters): Need {
  const base = baselineRun(p).allocation.amounts;
  const floorFen = params['floor.per_student']! * 100;
  const pt = params['outcome.pass_through']!;
  const need = new Float64Array(p.n);
  const reason = new Uint8Array(p.n);
  const active = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let best = Math.ceil(floorFen * p.current.students[i]!);
    let why = 0;
    const e = p.current.eduSpending[i]!;
    const e0 = p.prior.eduSpending[i]!;
    const n = p.current.students[i]!;
    const n0 = p.prior.students[i]!;
    if (pt > 0 && p.prior.present[i] && Number.isFinite(e) && Number.isFinite(e0)) {
      const keepA = base[i]! + Math.ceil((e0 - e) / pt);
      if (keepA > best) {
        best = keepA;
        why = 2;
      }
      if (n > 0 && n0 > 0) {
        const whole = Number.isSafeInteger(e0) && e0 >= 0 && Number.isSafeInteger(n) && Number.isSafeInteger(n0);
        const least = whole ? leastSpendingKeepingPerStudent(e0, n0, n) : NaN;
        const target = Number.isFinite(least) ? least : Math.ceil((e0 * n) / n0);
        const keepB = base[i]! + Math.ceil((target - e) / pt);
        if (keepB > best) {
          best = keepB;
          why = 1;
        }
      }
    }
    need[i] = best;
    reason[i] = why;
    active[i] = best > 0 ? 1 : 0;
  }
  return { need, reason, active };
}

const num = (x: number) => (Object.is(x, -0) ? '0' : x.toPrecision(15).replace(/\.?0+(e|$)/, '$1'));

function bindingList(p: Prepared, idx: readonly number[], need: Need): Binding[] {
  return idx.map((i) => ({ code: p.inputs.units[i]!.code, name: p.inputs.units[i]!.name, reason: REASONS[need.reason[i]!]!, needFen: need.need[i]! }));
}

const names = (b: readonly { name: string; code: string }[]) => b.slice(0, 8).map((x) => `${x.name}（${x.code}）`).join('、') + (b.length > 8 ? ` 等 ${b.length} 个` : '');
const namesEn = (b: readonly { name: string; code: string }[]) => b.slice(0, 8).map((x) => `${x.name} (${x.code})`).join(', ') + (b.length > 8 ? ` and ${b.length - 8} more` : '');
const RULES_ZH = '生均下限或两个“只增不减”（教育支出、生均教育支出）';
const RULES_EN = 'the per-student floor or the never-decrease rules (education spending, spending per student)';

/** A share or weight as the panel shows it: per cent, rounded down so the figure never overstates. */
const pct = (x: number) => `${(Math.floor(x * 1e4 + 1e-9) / 100).toFixed(2)}%`;
const pctEn = (x: number) => `${(Math.floor(x * 1e4 + 1e-9) / 100).toFixed(2)} %`;

/** Constraint rows at their bound in the solution, as unit indexes (rows are named c<i>). */
function tightRows(solution: LpSolution): number[] {
  return solution.Rows.filter((r) => /^c\d+$/.test(r.Name) && r.Lower !== null && Math.abs(r.Primal - r.Lower) <= 1e-7 * Math.max(1, Math.abs(r.Lower))).map((r) => Number(r.Name.slice(1)));
}

/** Failing counties of a check as bindings (for an answer the full model limited). */
function failingAsBinding(check: GoalCheck, p: Prepared, need: Need): Binding[] {
  const index = new Map(p.inputs.units.map((u, i) => [u.code, i]));
  return check.failing.map((f) => {
    const i = index.get(f.code)!;
    const rule = f.rules.includes('floor') ? 'floor' : f.rules[0]!;
    return { code: f.code, name: f.name, reason: rule, needFen: need.need[i]! };
  });
}

/** Bisection on a line of answers: the last point that holds, given lo holds and hi does not. */
function bisect(lo: number, hi: number, holdsAt: (x: number) => boolean, steps: number, stop: (lo: number, hi: number) => boolean): number {
  for (let k = 0; k < steps && !stop(lo, hi); k++) {
    const mid = (lo + hi) / 2;
    if (holdsAt(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** (a) The largest weight on the difficulty factor that keeps every county at its floor and both never-decrease rules. */
export function maxDifficultyWeight(p: Prepared, scenario: Scenario, solve: LpSolver): GoalResult {
  const year = p.inputs.year;
  const params = resolveParameters(scenario.overlay, year);
  const pt = params['outcome.pass_through']!;
  const scores = scoresByIndex(p, scenario.scores);
  const without = sharesFor(p, { ...params, [FACTOR_KEY.difficulty]: 0 }, scores);
  const zeroed = Object.fromEntries(Object.keys(params).filter((k) => k.startsWith('factor.')).map((k) => [k, 0]));
  const only = sharesFor(p, { ...params, ...zeroed, [FACTOR_KEY.difficulty]: 1 }, scores);
  const std = standardFor(p, params);
  const R = poolFen(params) - std.total;
  const need = requirements(p, params);
  // Row i: R·(d_i − b_i)·t ≥ need_i − std_i − R·b_i, in 万元 to keep the solver's numbers moderate.
  const scale = 1e6;
  const rows: string[] = [];
  let lowT = 0;
  let highT = T_MAX;
  const lowArg: number[] = [];
  const highArg: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < p.n; i++) {
    if (!need.active[i]) continue;
    const coef = (R * (only.shares[i]! - without.shares[i]!)) / scale;
    const rhs = (need.need[i]! - std.amounts[i]! - R * without.shares[i]!) / scale;
    rows.push(` c${i}: ${num(coef)} t >= ${num(rhs)}`);
    // The same constraint as an interval of t, to explain infeasibility in words.
    if (coef > 0) {
      const t = rhs / coef;
      if (t > lowT + 1e-12) {
        lowT = t;
        lowArg.length = 0;
      }
      if (Math.abs(t - lowT) <= 1e-12) lowArg.push(i);
    } else if (coef < 0) {
      const t = rhs / coef;
      if (t < highT - 1e-12) {
        highT = t;
        highArg.length = 0;
      }
      if (Math.abs(t - highT) <= 1e-12) highArg.push(i);
    } else if (rhs > 0) empty.push(i);
  }
  const lp = `Maximize\n obj: t\nSubject To\n${rows.join('\n') || ' c: t >= 0'}\nBounds\n 0 <= t <= ${T_MAX}\nEnd\n`;
  const solution = solve(lp);
  const base = { goal: 'max-difficulty-weight' as const, solverStatus: solution.Status, lp: { variables: 1, constraints: rows.length } };
  if (solution.Status !== 'Optimal') {
    const atZero = highT < 0;
    const tooHigh = lowT > T_MAX;
    const blamed = empty.length ? empty : atZero ? highArg : tooHigh ? lowArg : [...lowArg, ...highArg];
    const binding = bindingList(p, blamed, need);
    const zh = empty.length
      ? `不可行：无论困难因素权重取多少，${names(binding)} 都达不到${RULES_ZH}的要求。`
      : atZero
        ? `不可行：即使困难因素权重为 0，${names(binding)} 按公式所得也低于${RULES_ZH}所需，提高权重只会更少。`
        : tooHigh
          ? `不可行：${names(binding)} 需要困难因素占全部权重 ${(lowT * 100).toFixed(2)}% 以上，超过本工具上限 ${T_MAX * 100}%。`
          : `不可行：${names(bindingList(p, lowArg, need))} 要求困难因素至少占全部权重 ${(lowT * 100).toFixed(2)}%，而 ${names(bindingList(p, highArg, need))} 要求不超过 ${(highT * 100).toFixed(2)}%。`;
    const en = empty.length
      ? `Infeasible: whatever the difficulty weight, ${namesEn(binding)} cannot meet ${RULES_EN}.`
      : atZero
        ? `Infeasible: even with a zero difficulty weight, ${namesEn(binding)} receive less by the formula than ${RULES_EN} needs, and a higher weight only gives them less.`
        : tooHigh
          ? `Infeasible: ${namesEn(binding)} need the difficulty factor to be over ${(lowT * 100).toFixed(2)} % of all weight, above the tool's limit of ${T_MAX * 100} %.`
          : `Infeasible: ${namesEn(bindingList(p, lowArg, need))} need the difficulty factor to be at least ${(lowT * 100).toFixed(2)} % of all weight, while ${namesEn(bindingList(p, highArg, need))} need it at most ${(highT * 100).toFixed(2)} %.`;
    return { ...base, feasible: false, value: null, share: null, overlay: null, binding, limit: null, lpValue: null, message: { zh, en }, check: null };
  }
  const tLp = solution.Columns['t']!.Primal;
  const others = FACTOR_NAMES.filter((f) => f !== 'difficulty');
  /** The overlay giving the difficulty factor share t of all weight (weights rescaled to sum to 1). */
  const overlayAt = (t: number): { overlay: OverlayEntry[]; weight: number } => {
    // Convert the share of weight back to a factor weight, then rescale every weight so they add up
    // to 1 again (shares do not change under a common scale). The difficulty weight is rounded down
    // to 10⁻⁶, so the answer stays on the safe side of the edge.
    const rawWeight = t <= 0 ? 0 : (t * without.sum) / ((1 - t) * only.sum);
    const total = others.reduce((a, f) => a + params[FACTOR_KEY[f]]!, 0) + rawWeight;
    let overlay = [...scenario.overlay];
    for (const f of others) overlay = setParameter(overlay, FACTOR_KEY[f], round6(params[FACTOR_KEY[f]]! / total));
    const weight = Math.floor((rawWeight / total) * 1e6) / 1e6;
    return { overlay: setParameter(overlay, FACTOR_KEY.difficulty, weight), weight };
  };
  const holdsAt = (t: number) => holds(fullCheck(p, scenario, overlayAt(t).overlay), pt);
  let t = tLp;
  let limit: Limit = tLp >= T_MAX - 1e-9 && tightRows(solution).length === 0 ? 'tool_cap' : 'law';
  let lpBinding = limit === 'law' ? bindingList(p, tightRows(solution), need) : [];
  if (!holdsAt(t)) {
    // The bounds outside the LP (or rounding to the 分) break the answer: move inward on the full model.
    const lpCheck = fullCheck(p, scenario, overlayAt(t).overlay);
    if (!holdsAt(0)) {
      const check = fullCheck(p, scenario, overlayAt(0).overlay);
      const said = describeCheck(check);
      return {
        ...base,
        feasible: false,
        value: null,
        share: null,
        overlay: null,
        binding: failingAsBinding(check, p, need),
        limit: null,
        lpValue: tLp,
        message: {
          zh: `不可行：线性规划给出困难因素占 ${pct(tLp)}，但在完整模型中即使权重为 0 也有县不达标。${said.zh}`,
          en: `Infeasible: the linear program allows the difficulty factor ${pctEn(tLp)} of all weight, but in the full model counties fail even at a zero weight. ${said.en}`,
        },
        check,
      };
    }
    t = bisect(0, tLp, holdsAt, 60, (lo, hi) => hi - lo < 1e-7);
    limit = 'full_model';
    lpBinding = failingAsBinding(lpCheck, p, need);
  }
  const { overlay, weight } = overlayAt(t);
  const check = fullCheck(p, scenario, overlay);
  const said = describeCheck(check);
  const bound = limit === 'tool_cap'
    ? { zh: `不受法规约束，受工具上限约束：困难因素最多占全部权重 ${T_MAX * 100}%（本工具上限），到此仍没有县低于生均下限或“只增不减”不达标。`, en: `Not limited by the law but by the tool's cap: the difficulty factor may take at most ${T_MAX * 100} % of all weight (the tool's limit), and even there no county falls below its floor or fails a never-decrease rule.` }
    : limit === 'full_model'
      ? { zh: `线性规划给出 ${pct(tLp)}，但在完整模型中 ${names(lpBinding)} 会不达标，故取完整模型仍成立的最大值。`, en: `The linear program gives ${pctEn(tLp)}, but in the full model ${namesEn(lpBinding)} would then fail, so the answer is the largest value at which the full model still holds.` }
      : { zh: `受 ${names(lpBinding)} 约束（${reasonsZh(lpBinding)}）。`, en: `Bound by ${namesEn(lpBinding)} (${reasonsEn(lpBinding)}).` };
  const zh = `困难因素权重最高可取 ${pct(weight)}（各因素权重已重新分配为合计 100%，困难因素占全部权重 ${pct(t)}）。${bound.zh}${said.zh}`;
  const en = `The difficulty weight can go up to ${pctEn(weight)} (all factor weights rescaled to a total of 100 %; the difficulty factor is ${pctEn(t)} of all weight). ${bound.en} ${said.en}`;
  return { ...base, feasible: holds(check, pt), value: weight, share: t, overlay, binding: lpBinding, limit, lpValue: tLp, message: { zh, en }, check };
}

const BIND_ZH: Record<BindingReason, string> = { floor: '生均下限', edu_spending_no_decrease: '教育支出不减', per_student_no_decrease: '生均教育支出不减' };
const BIND_EN: Record<BindingReason, string> = { floor: 'per-student floor', edu_spending_no_decrease: 'education spending must not fall', per_student_no_decrease: 'spending per student must not fall' };
const distinct = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);
function reasonsZh(b: readonly Binding[]): string {
  return distinct(b.map((x) => BIND_ZH[x.reason])).join('、');
}
function reasonsEn(b: readonly Binding[]): string {
  return distinct(b.map((x) => BIND_EN[x.reason])).join(', ');
}

/** A pool in 分 as the panel words it: 亿元 / bn yuan, four decimals. */
const yi = (fen: number) => `${(fen / 1e10).toFixed(4)} 亿元`;
const bn = (fen: number) => `${(fen / 1e11).toFixed(5)} bn yuan`;

/** (b) The smallest pool that keeps every county at its floor and both never-decrease rules with the current weights. */
export function minPool(p: Prepared, scenario: Scenario, solve: LpSolver): GoalResult {
  const year = p.inputs.year;
  const params = resolveParameters(scenario.overlay, year);
  const pt = params['outcome.pass_through']!;
  const { shares } = sharesFor(p, params, scoresByIndex(p, scenario.scores));
  const std = standardFor(p, params);
  const need = requirements(p, params);
  const scale = 1e6;
  const rows: string[] = [];
  const zero: number[] = [];
  for (let i = 0; i < p.n; i++) {
    if (!need.active[i]) continue;
    const rhs = need.need[i]! - std.amounts[i]! + std.total * shares[i]!;
    if (shares[i]! <= 0 && rhs > 0) zero.push(i);
    rows.push(` c${i}: ${num(shares[i]!)} P >= ${num(rhs / scale)}`);
  }
  const lp = `Minimize\n obj: P\nSubject To\n${rows.join('\n') || ' c: P >= 0'}\nBounds\n P >= ${num(std.total / scale)}\nEnd\n`;
  const solution = solve(lp);
  const base = { goal: 'min-pool' as const, solverStatus: solution.Status, lp: { variables: 1, constraints: rows.length } };
  if (solution.Status !== 'Optimal') {
    const binding = bindingList(p, zero, need);
    return {
      ...base,
      feasible: false,
      value: null,
      share: null,
      overlay: null,
      binding,
      limit: null,
      lpValue: null,
      message: { zh: `不可行：${names(binding)} 在现有权重下份额为零，资金再多也达不到要求。`, en: `Infeasible: ${namesEn(binding)} have a zero formula share under the current weights, so no pool is large enough.` },
      check: null,
    };
  }
  const overlayAt = (fen: number) => setParameter(scenario.overlay, 'pool.amount', fen / 100);
  const holdsAt = (fen: number) => holds(fullCheck(p, scenario, overlayAt(fen)), pt);
  const poolLp = Math.max(0, Math.ceil(solution.Columns['P']!.Primal * scale - 1e-6));
  let pool = poolLp;
  let limit: Limit = 'law';
  let binding = bindingList(p, tightRows(solution), need);
  const most = 1e14; // the parameter's upper limit, 10¹² 元
  if (!holdsAt(pool)) {
    // Outside the LP's view (the bounds, rounding): search upward on the full model, doubling the
    // step until a pool holds, then bisect back to the 分.
    const lpCheck = fullCheck(p, scenario, overlayAt(pool));
    let lo = pool;
    let hi = NaN;
    for (let step = Math.max(p.n, Math.ceil(pool * 1e-6)); lo + step <= most; step *= 2) {
      if (holdsAt(lo + step)) {
        hi = lo + step;
        break;
      }
      lo += step;
    }
    if (Number.isNaN(hi)) {
      const check = fullCheck(p, scenario, overlayAt(lo));
      const said = describeCheck(check);
      return { ...base, feasible: false, value: null, share: null, overlay: null, binding: failingAsBinding(check, p, need), limit: null, lpValue: poolLp, message: { zh: `不可行：线性规划给出 ${yi(poolLp)}，但在完整模型中资金再多也有县不达标。${said.zh}`, en: `Infeasible: the linear program gives ${bn(poolLp)}, but in the full model counties fail however large the pool. ${said.en}` }, check };
    }
    // Integer bisection: lo fails, hi holds.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (holdsAt(mid)) hi = mid;
      else lo = mid;
    }
    pool = hi;
    limit = 'full_model';
    binding = failingAsBinding(lpCheck, p, need);
  }
  const overlay = overlayAt(pool);
  const check = fullCheck(p, scenario, overlay);
  const said = describeCheck(check);
  const why =
    limit === 'full_model'
      ? { zh: `线性规划给出 ${yi(poolLp)}，但在完整模型中 ${names(binding)} 会不达标，故取完整模型成立的最小值。`, en: `The linear program gives ${bn(poolLp)}, but in the full model ${namesEn(binding)} would then fail, so the answer is the smallest pool at which the full model holds.` }
      : binding.length
        ? { zh: `受 ${names(binding)} 约束（${reasonsZh(binding)}）。`, en: `Bound by ${namesEn(binding)} (${reasonsEn(binding)}).` }
        : { zh: '没有县起约束作用。', en: 'No county binds.' };
  return {
    ...base,
    feasible: holds(check, pt),
    value: pool,
    share: null,
    overlay,
    binding,
    limit,
    lpValue: poolLp,
    message: { zh: `现有权重下最少需要 ${yi(pool)}。${why.zh}${said.zh}`, en: `With the current weights the pool must be at least ${bn(pool)}. ${why.en} ${said.en}` },
    check,
  };
}

export function seekGoal(p: Prepared, scenario: Scenario, goal: GoalKind, solve: LpSolver): GoalResult {
  return goal === 'max-difficulty-weight' ? maxDifficultyWeight(p, scenario, solve) : minPool(p, scenario, solve);
}
