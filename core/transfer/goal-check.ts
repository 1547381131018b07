// The full-model check of a goal-seeking answer. The linear programs of goal.ts see the formula
// allocation only; the answer actually applied goes through the whole rule — rounding to the 分,
// the cap, hold-harmless and the growth band, which move money between counties — so before an
// answer is given it is run through simulate() and every county that would then fail is named:
// below its per-student floor, or failing either never-decrease rule (education spending, and
// that spending per student, after the pass-through). Nothing the answer does is left unsaid.
import { HELD_REASONS } from './evaluate';
import type { OverlayEntry } from './parameters';
import type { Prepared } from './prepare';
import { FAIL } from './rules';
import { simulate, type Scenario } from './simulate';

export type FailedRule = 'floor' | 'edu_spending_no_decrease' | 'per_student_no_decrease';

/** The bounds the linear programs leave to the full model. */
export type OutsideBound = 'cap' | 'hold_harmless' | 'growth_band';

export type GoalCheck = {
  /** Counties failing rule B (spending per student) / rule A (education spending) / below the floor. */
  perStudentFailures: number;
  eduSpendingFailures: number;
  belowFloor: number;
  /** Of those, counties that pass both rules under the baseline rule (the answer would break them). */
  newlyFailing: number;
  failing: { code: string; name: string; rules: FailedRule[]; alreadyUnderBaseline: boolean }[];
  /** Counties the full model held at each bound (money moved away from the formula). */
  boundsActed: Record<'floor' | 'hold_harmless' | 'growth_min' | 'cap' | 'growth_max', number>;
  /** Bounds in force in the scenario that the linear program does not contain. */
  outside: OutsideBound[];
};

/** The bounds switched on by the parameters that a linear program on the formula cannot see. */
export function outsideBounds(params: Readonly<Record<string, number>>): OutsideBound[] {
  const out: OutsideBound[] = [];
  if (params['cap.share']! < 1) out.push('cap');
  if (params['hold_harmless.h']! > 0) out.push('hold_harmless');
  if (params['growth.enabled']! >= 0.5) out.push('growth_band');
  return out;
}

export function fullCheck(p: Prepared, scenario: Scenario, overlay: readonly OverlayEntry[]): GoalCheck {
  const r = simulate(p, { ...scenario, overlay }, { hash: false });
  const floorFen = r.params['floor.per_student']! * 100;
  const failing: GoalCheck['failing'] = [];
  let belowFloor = 0;
  let newlyFailing = 0;
  const boundsActed = { floor: 0, hold_harmless: 0, growth_min: 0, cap: 0, growth_max: 0 };
  for (let i = 0; i < p.n; i++) {
    const rules: FailedRule[] = [];
    if (r.allocation.amounts[i]! < Math.ceil(floorFen * p.current.students[i]!)) {
      rules.push('floor');
      belowFloor++;
    }
    if (r.ruleA.scenario[i] === FAIL) rules.push('edu_spending_no_decrease');
    if (r.ruleB.scenario[i] === FAIL) rules.push('per_student_no_decrease');
    const already = r.ruleA.baseline[i] === FAIL || r.ruleB.baseline[i] === FAIL;
    if (rules.length) {
      failing.push({ code: p.inputs.units[i]!.code, name: p.inputs.units[i]!.name, rules, alreadyUnderBaseline: already });
      if (!already && rules.some((x) => x !== 'floor')) newlyFailing++;
    }
    const held = HELD_REASONS[r.allocation.held[i]!]!;
    if (held !== 'free') boundsActed[held]++;
  }
  return {
    perStudentFailures: r.counts.perStudent.scenario,
    eduSpendingFailures: r.counts.eduSpending.scenario,
    belowFloor,
    newlyFailing,
    failing,
    boundsActed,
    outside: outsideBounds(r.params),
  };
}

/**
 * Whether the answer holds: nobody below the floor, and nobody failing a never-decrease rule —
 * unless no transfer can change the outcome (pass-through 0: spending stays as recorded, so the
 * rules stand as under the baseline, and the check still lists those counties).
 */
export function holds(check: GoalCheck, passThrough: number): boolean {
  if (check.belowFloor > 0) return false;
  return passThrough === 0 || check.perStudentFailures + check.eduSpendingFailures === 0;
}

const RULE_ZH: Record<FailedRule, string> = { floor: '低于生均下限', edu_spending_no_decrease: '教育支出下降', per_student_no_decrease: '生均教育支出下降' };
const RULE_EN: Record<FailedRule, string> = { floor: 'below the per-student floor', edu_spending_no_decrease: 'education spending falls', per_student_no_decrease: 'spending per student falls' };
const BOUND_ZH: Record<OutsideBound, string> = { cap: '单县上限', hold_harmless: '保既得利益', growth_band: '增幅控制' };
const BOUND_EN: Record<OutsideBound, string> = { cap: 'the cap per county', hold_harmless: 'hold-harmless', growth_band: 'the growth band' };

const listZh = (xs: readonly string[]) => xs.join('、');
const listEn = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The sentences that say what the check found, in both languages. */
export function describeCheck(check: GoalCheck): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (check.outside.length) {
    zh.push(`线性规划只含生均下限和两个“只增不减”；${listZh(check.outside.map((b) => BOUND_ZH[b]))}不在其中，已用完整模型复核。`);
    en.push(`The linear program holds the per-student floor and both never-decrease rules; ${listEn(check.outside.map((b) => BOUND_EN[b]))} ${check.outside.length > 1 ? 'are' : 'is'} not in it and ${check.outside.length > 1 ? 'were' : 'was'} re-checked with the full model.`);
  }
  if (check.failing.length === 0) {
    zh.push('完整模型复核：没有县低于生均下限，没有县教育支出或生均教育支出下降。');
    en.push('Full-model check: no county below its per-student floor, none with falling education spending or spending per student.');
  } else {
    const shown = check.failing.slice(0, 8);
    const more = check.failing.length - shown.length;
    zh.push(`完整模型复核：${check.failing.length} 个县不达标——${shown.map((f) => `${f.name}（${f.code}，${listZh(f.rules.map((r) => RULE_ZH[r]))}${f.alreadyUnderBaseline ? '，基准下已不达标' : ''}）`).join('；')}${more > 0 ? ` 等` : ''}。`);
    en.push(`Full-model check: ${check.failing.length} ${check.failing.length === 1 ? 'county fails' : 'counties fail'} — ${shown.map((f) => `${f.name} (${f.code}: ${listEn(f.rules.map((r) => RULE_EN[r]))}${f.alreadyUnderBaseline ? '; already failing under the baseline' : ''})`).join('; ')}${more > 0 ? ` and ${more} more` : ''}.`);
  }
  return { zh: zh.join(''), en: en.join(' ') };
}
