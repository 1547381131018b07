// Goal seeking with the real HiGHS solver (tests may cross layers): the answer must be the edge —
// it keeps every county at its floor and its spending per student from falling, and a little
// more of the goal breaks exactly that — and when there is no answer the counties that make it
// impossible must be named, because that is what the analyst takes back to the department.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSolver } from '../../db/transfer/solver';
import { HELD_REASONS } from './evaluate';
import { maxDifficultyWeight, minPool, type LpSolver } from './goal';
import { FACTOR_KEY, FACTOR_NAMES, type OverlayEntry, type TransferKey } from './parameters';
import { prepare, type Prepared } from './prepare';
import { simulate, type Scenario } from './simulate';
import { fixture, ROWS } from '../../test/fixtures/transfer-counties';

const entry = (key: TransferKey, value: number): OverlayEntry => ({ key, value, from: null, to: null });
const indexOf = (code: string) => ROWS.findIndex((r) => r[0] === code);
const FLOOR_HELD = HELD_REASONS.indexOf('floor');

/** The answer's difficulty weight times `factor`, every factor weight then rescaled to sum to 1. */
function scaleDifficulty(overlay: readonly OverlayEntry[], factor: number): OverlayEntry[] {
  // A weight equal to its baseline everywhere (the 缺口因素's 0) is not written into the overlay.
  const weight = (f: string) => (overlay.find((e) => e.key === f)?.value ?? 0) * (f === FACTOR_KEY.difficulty ? factor : 1);
  const keys = FACTOR_NAMES.map((f) => FACTOR_KEY[f]);
  const sum = keys.reduce((a, k) => a + weight(k), 0);
  return [...overlay.filter((e) => !keys.includes(e.key)), ...keys.map((k) => entry(k, weight(k) / sum))];
}

/** Rule A (E ≥ E0), rule B (E·N0 ≥ E0·N) failures and counties below ⌈floor × pupils⌉, counted here, not by goal.ts. */
function independentCheck(p: Prepared, scenario: Scenario) {
  const r = simulate(p, scenario, { hash: false });
  const floorFen = r.params['floor.per_student'] * 100;
  let perStudent = 0;
  let spending = 0;
  let belowFloor = 0;
  p.inputs.units.forEach((u, i) => {
    const e = r.eduAfter[i]!;
    if (BigInt(e) * BigInt(u.prior!.students) < BigInt(u.prior!.eduSpending!) * BigInt(u.current.students)) perStudent++;
    if (e < u.prior!.eduSpending!) spending++;
    if (r.allocation.amounts[i]! < Math.ceil(floorFen * u.current.students)) belowFloor++;
  });
  return { perStudent, spending, belowFloor, r };
}

const CLEAN = { perStudentFailures: 0, eduSpendingFailures: 0, belowFloor: 0, newlyFailing: 0, failing: [] };

let solve: LpSolver;
beforeAll(async () => {
  solve = await loadSolver();
});

describe('maxDifficultyWeight', () => {
  const p = prepare(fixture());
  const baseline = simulate(p, { name: 'baseline', overlay: [] });

  it('bound by the no-decrease rule: the answer keeps every county whole, 10 % more weight breaks the binding one', () => {
    const scenario: Scenario = { name: 'baseline', overlay: [] };
    const r = maxDifficultyWeight(p, scenario, solve);
    expect(r.feasible).toBe(true);
    expect(r.solverStatus).toBe('Optimal');
    expect(r.lp).toEqual({ variables: 1, constraints: 12 });
    // 藁城区 has the largest allocation and loses most as money moves toward the poorer counties;
    // it needs baseline + E0 − E (pass-through 1) to keep its education spending — more than the
    // baseline + ⌈E0·N/N0⌉ − E that keeps spending per student, as it had more pupils last year.
    const k = indexOf('130109');
    const u = p.inputs.units[k]!;
    const needB = baseline.baseline.amounts[k]! + Math.ceil((u.prior!.eduSpending! * u.current.students) / u.prior!.students) - u.current.eduSpending!;
    const need = baseline.baseline.amounts[k]! + u.prior!.eduSpending! - u.current.eduSpending!;
    expect(need).toBeGreaterThan(needB);
    expect(r.binding).toEqual([{ code: '130109', name: '藁城区', reason: 'edu_spending_no_decrease', needFen: need }]);
    expect(r.limit).toBe('law');
    expect(r.message.zh).toContain('藁城区（130109）');
    // With tilt 0 and baseline weights summing to 1, the weight found is its share of all weight.
    expect(r.share!).toBeGreaterThan(0.05);
    expect(r.share!).toBeLessThan(0.99);
    expect(r.value!).toBeCloseTo(r.share!, 5);
    const weights = r.overlay!.filter((e) => e.key.startsWith('factor.'));
    expect(weights).toHaveLength(6);
    expect(weights.reduce((a, e) => a + e.value, 0)).toBeCloseTo(1, 5);

    // goal.ts rounds the difficulty weight down to 10^-6 and steps down until the full model
    // agrees, so the answer always lies inside the edge.
    expect(r.check).toMatchObject(CLEAN);
    const at = independentCheck(p, { ...scenario, overlay: r.overlay! });
    expect([at.perStudent, at.spending, at.belowFloor]).toEqual([0, 0, 0]);
    // The edge is tight: 藁城区 is left with under 0.01 % of its allocation to spare.
    expect(at.r.allocation.amounts[k]! - need).toBeGreaterThanOrEqual(0);
    expect(at.r.allocation.amounts[k]! - need).toBeLessThan(need * 1e-4);

    const more = independentCheck(p, { ...scenario, overlay: scaleDifficulty(r.overlay!, 1.1) });
    expect(more.r.ruleA.scenario[k]).toBe(1);
    expect(more.spending).toBeGreaterThanOrEqual(1);
    expect(more.r.counts.eduSpending.newlyFailing).toBeGreaterThanOrEqual(1);
    const less = independentCheck(p, { ...scenario, overlay: scaleDifficulty(r.overlay!, 0.9) });
    expect(less.perStudent + less.spending).toBe(0);
  });

  it('the answer it gives always holds in the full model, whatever the tilt (rounding never lands outside)', () => {
    for (const tilt of [0, 0.02, 0.05, 0.1, 0.2, 0.35]) {
      const scenario: Scenario = { name: 'tilted', overlay: tilt ? [{ key: 'difficulty.tilt', value: tilt, from: null, to: null }] : [] };
      const r = maxDifficultyWeight(p, scenario, solve);
      if (!r.feasible) continue;
      expect(r.check, `tilt ${tilt}`).toMatchObject(CLEAN);
      const at = independentCheck(p, { ...scenario, overlay: r.overlay! });
      expect([at.perStudent, at.spending, at.belowFloor], `tilt ${tilt}`).toEqual([0, 0, 0]);
    }
  });

  it('bound by a per-student floor: the formula reaches the floor exactly at the answer and falls short beyond it', () => {
    // 4,000 元 per pupil with no pass-through (so only floors count): 长安区, the richest county,
    // needs 4,000 × 100 × 60,000 = 24,000,000,000 分 and loses most per pupil as the weight rises.
    const scenario: Scenario = { name: 'floor', overlay: [entry('floor.per_student', 4000), entry('outcome.pass_through', 0)] };
    const r = maxDifficultyWeight(p, scenario, solve);
    expect(r.feasible).toBe(true);
    expect(r.binding).toEqual([{ code: '130102', name: '长安区', reason: 'floor', needFen: 24_000_000_000 }]);
    expect(r.check).toMatchObject(CLEAN);
    const k = indexOf('130102');
    const at = independentCheck(p, { ...scenario, overlay: r.overlay! });
    expect(at.belowFloor).toBe(0);
    expect(at.r.allocation.formula[k]!).toBeGreaterThanOrEqual(24_000_000_000);
    expect(at.r.allocation.formula[k]!).toBeLessThan(24_000_000_000 * (1 + 1e-4));
    // Beyond the answer the formula alone gives 长安区 less than its floor; the full model then
    // holds it at the floor (the floor is a bound there), taking the difference from the others.
    const more = independentCheck(p, { ...scenario, overlay: scaleDifficulty(r.overlay!, 1.1) });
    expect(more.r.allocation.formula[k]!).toBeLessThan(24_000_000_000);
    expect(more.r.allocation.amounts[k]).toBe(24_000_000_000);
    expect(more.r.allocation.held[k]).toBe(FLOOR_HELD);
  });

  it('infeasible: a floor the pool cannot give at any weight is reported with the counties named', () => {
    // 5,000 元 per pupil: 长安区 would need 3.0·10^10 分 and gets 2.79·10^10 at weight 0 — and
    // less at any higher weight.
    const r = maxDifficultyWeight(p, { name: 'too high', overlay: [entry('floor.per_student', 5000), entry('outcome.pass_through', 0)] }, solve);
    expect(r.feasible).toBe(false);
    expect(r.solverStatus).toBe('Infeasible');
    expect(r.value).toBeNull();
    expect(r.overlay).toBeNull();
    expect(r.check).toBeNull();
    expect(r.binding).toContainEqual({ code: '130102', name: '长安区', reason: 'floor', needFen: 30_000_000_000 });
    for (const b of r.binding) {
      expect(r.message.zh).toContain(`${b.name}（${b.code}）`);
      expect(r.message.en).toContain(`${b.name} (${b.code})`);
    }
    expect(r.message.zh).toMatch(/^不可行：即使困难因素权重为 0/);
  });

  it('infeasible: a pool cut far below last year\'s is reported with the counties named', () => {
    const r = maxDifficultyWeight(p, { name: 'small pool', overlay: [entry('floor.per_student', 5000), entry('pool.amount', 1_000_000_000)] }, solve);
    expect(r.feasible).toBe(false);
    expect(r.binding.length).toBeGreaterThan(0);
    for (const b of r.binding) expect(r.message.zh).toContain(`${b.name}（${b.code}）`);
  });
});

describe('what limits the answer', () => {
  const p = prepare(fixture());

  it('says when only the tool\'s own cap limits the weight, not the law', () => {
    // No pass-through: the transfer cannot move either never-decrease rule, and there is no floor.
    const r = maxDifficultyWeight(p, { name: 'no pass-through', overlay: [entry('outcome.pass_through', 0)] }, solve);
    expect(r.feasible).toBe(true);
    expect(r.limit).toBe('tool_cap');
    expect(r.share).toBeCloseTo(0.99, 9);
    expect(r.binding).toEqual([]);
    expect(r.message.zh).toContain('不受法规约束，受工具上限约束');
    expect(r.message.en).toContain("Not limited by the law but by the tool's cap");
  });

  it('hold-harmless moves money the LP does not see: the answer is moved inward until the full model holds, and says so', () => {
    const scenario: Scenario = { name: 'hold-harmless 100 %', overlay: [entry('hold_harmless.h', 1)] };
    const r = maxDifficultyWeight(p, scenario, solve);
    expect(r.feasible).toBe(true);
    expect(r.limit).toBe('full_model');
    expect(r.share!).toBeLessThan(r.lpValue!);
    expect(r.check).toMatchObject(CLEAN);
    expect(r.check!.outside).toEqual(['hold_harmless']);
    expect(r.message.zh).toContain('保既得利益不在其中，已用完整模型复核');
    expect(r.message.zh).toContain('藁城区（130109）');
    // At the LP's own answer the full model breaks 藁城区's education spending.
    const at = independentCheck(p, { ...scenario, overlay: r.overlay! });
    expect([at.perStudent, at.spending, at.belowFloor]).toEqual([0, 0, 0]);
  });

  it('a cap that breaks the rules at any weight is reported as infeasible, naming every failing county', () => {
    const r = maxDifficultyWeight(p, { name: 'cap 12 %', overlay: [entry('cap.share', 0.12)] }, solve);
    expect(r.feasible).toBe(false);
    expect(r.overlay).toBeNull();
    expect(r.check!.failing.map((f) => f.code)).toEqual(['130109', '130125']);
    expect(r.message.zh).toContain('单县上限不在其中');
    expect(r.message.zh).toContain('藁城区（130109，教育支出下降、生均教育支出下降）');
  });

  it('the smallest pool under a cap is found on the full model, above the LP\'s', () => {
    const r = minPool(p, { name: 'cap 12 %', overlay: [entry('cap.share', 0.12)] }, solve);
    expect(r.feasible).toBe(true);
    expect(r.limit).toBe('full_model');
    expect(r.value!).toBeGreaterThan(r.lpValue!);
    const at = independentCheck(p, { name: 'x', overlay: r.overlay! });
    expect([at.perStudent, at.spending, at.belowFloor]).toEqual([0, 0, 0]);
    // One 分 less fails: the answer is the edge to the 分.
    const less = independentCheck(p, { name: 'x', overlay: [entry('cap.share', 0.12), entry('pool.amount', (r.value! - 1) / 100)] });
    expect(less.perStudent + less.spending).toBeGreaterThan(0);
  });
});

describe('minPool', () => {
  const p = prepare(fixture());
  const scenario: Scenario = { name: 'baseline weights', overlay: [] };

  it('the pool found keeps every county whole; 1 % less breaks the no-decrease rule', () => {
    const r = minPool(p, scenario, solve);
    expect(r.feasible).toBe(true);
    expect(Number.isSafeInteger(r.value)).toBe(true);
    // The baseline (35 亿元) passes both rules, so the minimum is below it.
    expect(r.value!).toBeLessThan(350_000_000_000);
    expect(r.overlay).toEqual([entry('pool.amount', r.value! / 100)]);
    expect(r.binding.map((b) => [b.code, b.reason])).toEqual([['130125', 'edu_spending_no_decrease']]);
    expect(r.message.zh).toContain(`${(r.value! / 1e10).toFixed(4)} 亿元`);
    expect(r.message.zh).toContain('行唐县（130125）');
    expect(r.check).toMatchObject(CLEAN);

    const at = independentCheck(p, { ...scenario, overlay: r.overlay! });
    expect([at.perStudent, at.spending, at.belowFloor]).toEqual([0, 0, 0]);
    const less = independentCheck(p, { ...scenario, overlay: [entry('pool.amount', Math.round(r.value! * 0.99) / 100)] });
    expect(less.spending).toBeGreaterThan(0);
    expect(less.r.ruleA.scenario[indexOf('130125')]).toBe(1);
  });

  it('infeasible: a county with a zero formula share and a floor cannot be reached by any pool', () => {
    // Population as the only factor and 井陉矿区 with no resident population: its share is zero,
    // so no pool gives it the 100 元 per pupil floor.
    const q = prepare(fixture((u) => (u.code === '130107' ? { ...u, current: { ...u.current, population: 0 } } : u)));
    const overlay = [...FACTOR_NAMES.map((f) => entry(FACTOR_KEY[f], f === 'population' ? 1 : 0)), entry('floor.per_student', 100)];
    const r = minPool(q, { name: 'population only', overlay }, solve);
    expect(r.feasible).toBe(false);
    expect(r.value).toBeNull();
    expect(r.binding.map((b) => b.code)).toEqual(['130107']);
    expect(r.message.zh).toBe('不可行：井陉矿区（130107） 在现有权重下份额为零，资金再多也达不到要求。');
  });
});
