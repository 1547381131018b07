// The compliance engine's result shapes (issue #4), declared once as zod schemas so the engine
// contract, the CLI and the renderer all read the same thing. Numbers that decide a pass or a fail
// travel as exact decimal text: money totals as integer 分 strings, ratios as decimals rounded for
// display only (the status was decided on the unrounded values before they were printed).
import { z } from 'zod';
import { LEVEL_CODES } from '../levels';

export const RULE_IDS = [
  'edu-spending-no-decrease',
  'per-student-no-decrease',
  'three-growths',
  'fiscal-edu-gdp-4pct',
  'edu-share-of-budget',
  'public-funds-per-student-standard',
  'teacher-pay-parity',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RuleIdSchema = z.enum(RULE_IDS);

export const STATUSES = ['pass', 'fail', 'na'] as const;
export type Status = (typeof STATUSES)[number];

export const GovLevel = z.enum(['national', 'province', 'prefecture', 'county']);
export type GovLevel = z.infer<typeof GovLevel>;

/** What `value`, `priorValue` and `benchmark` are measured in. */
export const ValueUnit = z.enum([
  'fen', // integer 分
  'fen_per_student', // 分 per student, decimal (4 dp)
  'percent', // a percentage, decimal (4 dp), e.g. a growth rate or a share
]);
export type ValueUnit = z.infer<typeof ValueUnit>;

export const RuleDefinition = z.object({
  id: RuleIdSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  /** Quoted legal text (docs/domain.md#never-decrease) and the document it comes from. */
  legalBasis: z.string(),
  legalSource: z.string(),
  formula: z.string(),
  requiredInputs: z.array(z.string()),
  severity: z.enum(['statutory', 'policy', 'advisory']),
  /** Whether the rule is evaluated per education level (per-student rules) or per region only. */
  perLevel: z.boolean(),
  valueUnit: ValueUnit,
});
export type RuleDefinition = z.infer<typeof RuleDefinition>;

/**
 * Which figure a rule compared: one computed here (spending ÷ enrolment, level sums, amounts), or
 * one a source printed (a bulletin's per-student figure of a named kind, a printed growth rate).
 */
export const RESULT_MEASURES = [
  'computed', // E/N from spending and enrolment of the level
  'computed_level_sums', // the 合计 from ΣE/ΣN over the levels (no all-levels figure printed)
  'published_per_student', // 生均一般公共预算教育经费 as printed
  'published_operating', // 生均一般公共预算教育事业费 as printed
  'published_public_funds', // 生均一般公共预算公用经费 as printed
  'published_growth', // a growth rate as printed (三个增长 without both years' amounts)
] as const;
export const ResultMeasure = z.enum(RESULT_MEASURES);
export type ResultMeasure = z.infer<typeof ResultMeasure>;

export const ResultFlags = z.object({
  /** The comparison ran on the current boundary through region_code_change. */
  crosswalk: z.boolean(),
  /** A predecessor was split and allocated by share (an estimate). */
  splitByShare: z.boolean(),
  /** The prior value is a published 同口径 restated base, not the prior year's own figure. */
  restatedBase: z.boolean(),
  /** Old codes whose data went into the base year, when `crosswalk`. */
  predecessors: z.array(z.string()),
});
export type ResultFlags = z.infer<typeof ResultFlags>;

/**
 * Per-student change split exactly: p1/p0 = (E1/E0)/(N1/N0), so
 *   g(p) = g(E)/(1+g(N)) − g(N)/(1+g(N))
 * with spendingEffect = g(E)/(1+g(N)) and enrolmentEffect = −g(N)/(1+g(N)). The two parts sum to
 * g(p) exactly; the printed parts are rounded so that they also sum to the printed total.
 */
export const Decomposition = z.object({
  /** All in percentage points, 2 dp, spendingEffect + enrolmentEffect = totalGrowth exactly as text. */
  spendingEffect: z.string(),
  enrolmentEffect: z.string(),
  totalGrowth: z.string(),
  spendingGrowth: z.string().nullable(),
  enrolmentGrowth: z.string().nullable(),
  spending: z.string(),
  priorSpending: z.string(),
  students: z.string(),
  priorStudents: z.string(),
});
export type Decomposition = z.infer<typeof Decomposition>;

export const Annotation = z.object({
  id: z.number().int().positive(),
  rule: RuleIdSchema,
  regionCode: z.string(),
  year: z.number().int(),
  level: z.enum(LEVEL_CODES).nullable(),
  scope: z.enum(['consolidated', 'own_level']),
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

export const ComplianceResult = z.object({
  rule: RuleIdSchema,
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: GovLevel,
  year: z.number().int(),
  /** Education level for per-level rows; null for totals and for the all-levels combined figure. */
  level: z.enum(LEVEL_CODES).nullable(),
  scope: z.enum(['consolidated', 'own_level']),
  status: z.enum(STATUSES),
  valueUnit: ValueUnit,
  value: z.string().nullable(),
  priorValue: z.string().nullable(),
  /**
   * The yardstick when the rule compares against one: for three-growths the revenue growth (percent,
   * compare with `growth`); for the 4 % rule '4.0000'; for the standard the 基准定额 (分 per student);
   * for teacher pay the civil servants' pay (分).
   */
  benchmark: z.string().nullable(),
  /** Percent, 4 dp, half away from zero; the sign survives rounding ("-0.0000" fell). */
  growth: z.string().nullable(),
  /** Percentage-point change, for the share rule. */
  changePp: z.string().nullable(),
  /** Why a row is na, or a note on how it was computed; Chinese first. */
  reason: z.string().nullable(),
  flags: ResultFlags,
  /** Set on per-student failures (the rows that need explaining); null otherwise. */
  decomposition: Decomposition.nullable(),
  annotations: z.array(Annotation),
  /** Which figure was compared (absent on rules with a single measure). */
  measure: ResultMeasure.optional(),
});
export type ComplianceResult = z.infer<typeof ComplianceResult>;

export const DatasetRef = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  scope: z.enum(['consolidated', 'own_level']).nullable(),
  basis: z.string().nullable(),
  sha256: z.string(),
});
export type DatasetRef = z.infer<typeof DatasetRef>;

export const Provenance = z.object({
  datasets: z.array(DatasetRef),
  divisor: z.enum(['autumn', 'weighted_8_4', 'average_two_autumns']),
  scope: z.enum(['consolidated', 'own_level']),
  computedAt: z.string(),
  /** The data basis read: its hash and one line naming each input's datasets and years. */
  basis: z.object({ hash: z.string(), line: z.string() }).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const RuleSummary = z.object({ rule: RuleIdSchema, pass: z.number().int(), fail: z.number().int(), na: z.number().int() });
export type RuleSummary = z.infer<typeof RuleSummary>;

export const BudgetFunctionRow = z.object({
  funcCode: z.string(),
  name: z.string().nullable(),
  value: z.string().nullable(),
  priorValue: z.string().nullable(),
  delta: z.string().nullable(),
  growth: z.string().nullable(),
});
export type BudgetFunctionRow = z.infer<typeof BudgetFunctionRow>;

export const VarianceRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: GovLevel,
  level: z.enum(LEVEL_CODES).nullable(),
  value: z.string().nullable(),
  priorValue: z.string().nullable(),
  /** value − priorValue in the row's unit. */
  delta: z.string().nullable(),
  growth: z.string().nullable(),
  overThreshold: z.boolean(),
  flags: ResultFlags,
});
export type VarianceRow = z.infer<typeof VarianceRow>;
