// What the rules read: one region's facts on its current boundary, already gathered from the
// chosen datasets (db/compliance/gather.ts) or written by hand in a golden case. Plain numbers: 分
// and persons are safe integers; exactness is kept by the comparisons in exact.ts.
import type { Divisor } from '../metrics/divisor';
import type { LevelCode, LevelOrAll } from '../levels';
import type { Annotation, GovLevel, RuleId } from './types';

export type Fact = {
  /** 一般公共预算教育支出, 分. */
  e?: number;
  /** A published 同口径 restated base for the prior year, 分 (docs/domain.md#edge-cases item 2). */
  restatedPrior?: number;
  /** Autumn enrolment (秋季在校生数). */
  n?: number;
  /** A published per-student figure (bulletin), 分 per student, used where e/n cannot be computed. */
  perStudent?: number;
  perStudentRestatedPrior?: number;
  /** 生均公用经费, 分 per student (bulletin measure per_student_public_funds). */
  publicFunds?: number;
  publicFundsRestatedPrior?: number;
  /** 生均教育事业费, 分 per student (bulletin measure per_student_operating). */
  perStudentOperating?: number;
  perStudentOperatingRestatedPrior?: number;
};

/**
 * Growth rates a source printed beside (or instead of) the amounts, for the rules that compare
 * growths (三个增长): percent as printed ("15.23"), never recomputed here.
 */
export type PublishedGrowths = {
  /** The printed growth of 一般公共预算教育经费 (the bulletin's total) and whether it is 同口径. */
  eduGrowth?: { rate: string; comparable: boolean };
  /** 财政经常性收入 as the source printed it: amounts in 分 (this year, last year) and/or its growth. */
  revenue?: number;
  revenuePrior?: number;
  revenueGrowth?: string;
  /** Printed growth of a per-student figure printed without its prior-year amount, by `${level}|${measure}`. */
  perStudentGrowth?: Partial<Record<string, string>>;
};

export const FISCAL_KEYS = ['gpb_expenditure', 'recurrent_revenue', 'gdp', 'fiscal_edu_funds', 'edu_appropriation', 'teacher_avg_pay', 'civil_servant_avg_pay'] as const;
export type FiscalKey = (typeof FISCAL_KEYS)[number];
/** Indicators the transfer simulator reads besides the rules' (gathered the same way). */
export const SIM_FISCAL_KEYS = ['gpb_revenue', 'gpb_expenditure', 'population', 'area'] as const;
export type AnyFiscalKey = FiscalKey | (typeof SIM_FISCAL_KEYS)[number];

export type RegionInputs = {
  code: string;
  name: string;
  govLevel: GovLevel;
  /** year → level → facts; level 'all' holds a total printed as such (not a sum made here). */
  facts: Map<number, Map<LevelOrAll, Fact>>;
  fiscal: Map<number, Partial<Record<AnyFiscalKey, number>>>;
  /** Years whose figures include a predecessor code's facts (current boundary). */
  crosswalkYears: ReadonlySet<number>;
  /** Years where a predecessor was split and allocated by share. */
  splitYears: ReadonlySet<number>;
  predecessors: readonly string[];
  /** year → growths a bulletin printed (absent when the basis holds none). */
  published?: Map<number, PublishedGrowths>;
};

export type StandardRow = {
  level: LevelCode;
  component: 'public_funds_base' | 'boarding_topup' | 'special_ed_public_funds' | 'small_school_min_pupils';
  /** national | east | central_west | a province code */
  regionClass: string;
  value: number;
  effectiveFrom: string;
  effectiveTo: string | null;
};

export type EvaluateOptions = {
  rules: readonly RuleId[];
  yearFrom: number;
  yearTo: number;
  divisor: Divisor;
  scope: 'consolidated' | 'own_level';
  standards: readonly StandardRow[];
  annotations: readonly Annotation[];
};
