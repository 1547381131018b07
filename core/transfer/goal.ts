// Goal seeking where the problem is linear, solved by a real LP solver (HiGHS, injected: core/ stays
// free of WebAssembly loading). Each county i has a requirement need_i — its per-student floor, and
// the allocation that keeps its education spending per student from falling (rule B) at the
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
// non-linear); the answer is re-evaluated by the full model and the check is reported with it.
// Infeasibility is explained from the per-county intervals of t (or lower bounds on P), which
// name the counties that bind.
import { poolFen, sharesFor, standardFor } from './evaluate';
import { FACTOR_KEY, FACTOR_NAMES, resolveParameters, setParameter, type OverlayEntry, type ResolvedParameters } from './parameters';
import type { Prepared } from './prepare';
import { baselineRun, scoresByIndex, simulate, type Scenario } from './simulate';

/** The part of a HiGHS solution read here. */
export type LpSolution = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }>; Rows: { Name: string; Primal: number; Lower: number | null; Upper: number | null; Dual: number }[] };
export type LpSolver = (lp: string) => LpSolution;

export type GoalKind = 'max-difficulty-weight' | 'min-pool';

export type Binding = { code: string; name: string; reason: 'floor' | 'per_student_no_decrease'; needFen: number };

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
  message: { zh: string; en: string };
  /** Full-model check of the answer: rule-B failures and counties below their floor. */
  check: { perStudentFailures: number; belowFloor: number } | null;
  lp: { variables: number; constraints: number };
};

const T_MAX = 0.99;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Need = { need: Float64Array; reason: Uint8Array; active: Uint8Array };

/** need_i: max(floor × students, baseline + the change that keeps rule B), in 分; active = has a constraint. */
function requirements(p: Prepared, params: ResolvedParameters): Need {
  const base = baselineRun(p).allocation.amounts;
  const floorFen = params['floor.per_student'] * 100;
  const pt = params['outcome.pass_through'];
  const need = new Float64Array(p.n);
  const reason = new Uint8Array(p.n);
  const active = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const floor = Math.ceil(floorFen * p.current.students[i]!);
    let keep = -Infinity;
    const e = p.current.eduSpending[i]!;
    const e0 = p.prior.eduSpending[i]!;
    const n = p.current.students[i]!;
    const n0 = p.prior.students[i]!;
    if (pt > 0 && p.prior.present[i] && Number.isFinite(e) && Number.isFinite(e0) && n > 0 && n0 > 0) {
      // E + pt·(a − base) ≥ E0·N/N0  ⇔  a ≥ base + (E0·N/N0 − E)/pt, rounded up to the 分.
      keep = base[i]! + Math.ceil((Math.ceil((e0 * n) / n0) - e) / pt);
    }
    need[i] = Math.max(floor, keep);
    reason[i] = keep > floor ? 1 : 0;
    active[i] = need[i]! > 0 ? 1 : 0;
  }
  return { need, reason, active };
}

const num = (x: number) => (Object.is(x, -0) ? '0' : x.toPrecision(15).replace(/\.?0+(e|$)/, '$1'));

function bindingList(p: Prepared, idx: readonly number[], need: Need): Binding[] {
  return idx.map((i) => ({ code: p.inputs.units[i]!.code, name: p.inputs.units[i]!.name, reason: need.reason[i] ? 'per_student_no_decrease' : 'floor', needFen: need.need[i]! }));
}

const names = (b: readonly Binding[]) => b.slice(0, 8).map((x) => `${x.name}（${x.code}）`).join('、') + (b.length > 8 ? ` 等 ${b.length} 个` : '');
const namesEn = (b: readonly Binding[]) => b.slice(0, 8).map((x) => `${x.name} (${x.code})`).join(', ') + (b.length > 8 ? ` and ${b.length - 8} more` : '');

/** Constraint rows at their bound in the solution, as unit indexes (rows are named c<i>). */
function tightRows(solution: LpSolution): number[] {
  return solution.Rows.filter((r) => /^c\d+$/.test(r.Name) && r.Lower !== null && Math.abs(r.Primal - r.Lower) <= 1e-7 * Math.max(1, Math.abs(r.Lower))).map((r) => Number(r.Name.slice(1)));
}

function fullCheck(p: Prepared, scenario: Scenario, overlay: OverlayEntry[]): { perStudentFailures: number; belowFloor: number } {
  const r = simulate(p, { ...scenario, overlay }, { hash: false });
  const floorFen = r.params['floor.per_student'] * 100;
  let belowFloor = 0;
  for (let i = 0; i < p.n; i++) if (r.allocation.amounts[i]! < Math.ceil(floorFen * p.current.students[i]!)) belowFloor++;
  return { perStudentFailures: r.counts.perStudent.scenario, belowFloor };
}

/** (a) The largest weight on the difficulty factor that keeps every county at its floor and rule B. */
export function maxDifficultyWeight(p: Prepared, scenario: Scenario, solve: LpSolver): GoalResult {
  const year = p.inputs.year;
  const params = resolveParameters(scenario.overlay, year);
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
  const base: Omit<GoalResult, 'feasible' | 'value' | 'share' | 'overlay' | 'binding' | 'message' | 'check'> = { goal: 'max-difficulty-weight', solverStatus: solution.Status, lp: { variables: 1, constraints: rows.length } };
  if (solution.Status !== 'Optimal') {
    const atZero = highT < 0;
    const tooHigh = lowT > T_MAX;
    const blamed = empty.length ? empty : atZero ? highArg : tooHigh ? lowArg : [...lowArg, ...highArg];
    const binding = bindingList(p, blamed, need);
    const zh = empty.length
      ? `不可行：无论困难因素权重取多少，${names(binding)} 都达不到生均下限或“生均不减”的要求。`
      : atZero
        ? `不可行：即使困难因素权重为 0，${names(binding)} 按公式所得也低于生均下限或“生均不减”所需，提高权重只会更少。`
        : tooHigh
          ? `不可行：${names(binding)} 需要困难因素占全部权重 ${(lowT * 100).toFixed(2)}% 以上，超过本工具上限 ${T_MAX * 100}%。`
          : `不可行：${names(bindingList(p, lowArg, need))} 要求困难因素至少占全部权重 ${(lowT * 100).toFixed(2)}%，而 ${names(bindingList(p, highArg, need))} 要求不超过 ${(highT * 100).toFixed(2)}%。`;
    const en = empty.length
      ? `Infeasible: whatever the difficulty weight, ${namesEn(binding)} cannot reach the per-student floor or keep spending per student from falling.`
      : atZero
        ? `Infeasible: even with a zero difficulty weight, ${namesEn(binding)} receive less by the formula than the per-student floor or the no-decrease rule needs, and a higher weight only gives them less.`
        : tooHigh
          ? `Infeasible: ${namesEn(binding)} need the difficulty factor to be over ${(lowT * 100).toFixed(2)} % of all weight, above the tool's limit of ${T_MAX * 100} %.`
          : `Infeasible: ${namesEn(bindingList(p, lowArg, need))} need the difficulty factor to be at least ${(lowT * 100).toFixed(2)} % of all weight, while ${namesEn(bindingList(p, highArg, need))} need it at most ${(highT * 100).toFixed(2)} %.`;
    return { ...base, feasible: false, value: null, share: null, overlay: null, binding, message: { zh, en }, check: null };
  }
  const t = solution.Columns['t']!.Primal;
  // Convert the share of weight back to a factor weight, then rescale every weight so they add up
  // to 1 again (shares do not change under a common scale).
  const rawWeight = (t * without.sum) / ((1 - t) * only.sum);
  const others = FACTOR_NAMES.filter((f) => f !== 'difficulty');
  const total = others.reduce((a, f) => a + params[FACTOR_KEY[f]], 0) + rawWeight;
  let overlay = [...scenario.overlay];
  for (const f of others) overlay = setParameter(overlay, FACTOR_KEY[f], round6(params[FACTOR_KEY[f]] / total));
  // The difficulty weight is rounded down to 1e-6, then stepped down while the full model (rounding
  // to the 分 included) still finds a county short: the answer given is one that holds.
  let capped = Math.floor((rawWeight / total) * 1e6) / 1e6;
  overlay = setParameter(overlay, FACTOR_KEY.difficulty, capped);
  let check = fullCheck(p, scenario, overlay);
  for (let k = 0; k < 20 && capped > 0 && check.perStudentFailures + check.belowFloor > 0; k++) {
    capped = round6(Math.max(0, capped - 1e-6 * 2 ** k));
    overlay = setParameter(overlay, FACTOR_KEY.difficulty, capped);
    check = fullCheck(p, scenario, overlay);
  }
  const binding = t >= T_MAX - 1e-9 ? [] : bindingList(p, tightRows(solution), need);
  const zh = binding.length
    ? `困难因素权重最高可取 ${capped.toFixed(4)}（占全部权重 ${(t * 100).toFixed(2)}%）；受 ${names(binding)} 约束。`
    : `困难因素权重可取到 ${capped.toFixed(4)}（占全部权重 ${(t * 100).toFixed(2)}%，本工具上限 ${T_MAX * 100}%），没有县受约束。`;
  const en = binding.length
    ? `The difficulty weight can go up to ${capped.toFixed(4)} (${(t * 100).toFixed(2)} % of all weight); bound by ${namesEn(binding)}.`
    : `The difficulty weight can reach ${capped.toFixed(4)} (${(t * 100).toFixed(2)} % of all weight, the tool's limit being ${T_MAX * 100} %); no county binds.`;
  return { ...base, feasible: true, value: capped, share: t, overlay, binding, message: { zh, en }, check };
}

/** (b) The smallest pool that keeps every county at its floor and rule B with the current weights. */
export function minPool(p: Prepared, scenario: Scenario, solve: LpSolver): GoalResult {
  const year = p.inputs.year;
  const params = resolveParameters(scenario.overlay, year);
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
      message: { zh: `不可行：${names(binding)} 在现有权重下份额为零，资金再多也达不到要求。`, en: `Infeasible: ${namesEn(binding)} have a zero formula share under the current weights, so no pool is large enough.` },
      check: null,
    };
  }
  // Round up to the 分, then step up by the rounding slack until the full model agrees.
  let pool = Math.ceil(solution.Columns['P']!.Primal * scale - 1e-6);
  let overlay = setParameter(scenario.overlay, 'pool.amount', pool / 100);
  let check = fullCheck(p, scenario, overlay);
  for (let k = 0; k < 5 && check.perStudentFailures + check.belowFloor > 0; k++) {
    pool += p.n;
    overlay = setParameter(scenario.overlay, 'pool.amount', pool / 100);
    check = fullCheck(p, scenario, overlay);
  }
  const binding = bindingList(p, tightRows(solution), need);
  const yi = (pool / 1e10).toFixed(4);
  return {
    ...base,
    feasible: true,
    value: pool,
    share: null,
    overlay,
    binding,
    message: { zh: `现有权重下最少需要 ${yi} 亿元；受 ${names(binding) || '无'} 约束。`, en: `With the current weights the pool must be at least ${yi} hundred million yuan; bound by ${namesEn(binding) || 'none'}.` },
    check,
  };
}

export function seekGoal(p: Prepared, scenario: Scenario, goal: GoalKind, solve: LpSolver): GoalResult {
  return goal === 'max-difficulty-weight' ? maxDifficultyWeight(p, scenario, solve) : minPool(p, scenario, solve);
}

