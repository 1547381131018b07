// The figures a brief is written from, gathered by db/brief/gather.ts: exact integers (分,
// persons) and the compliance rows as the rules printed them. JSON-safe.
import type { LevelOrAll } from '../levels';
import type { TargetsFigures } from './section-targets';

export type LevelFigures = { level: LevelOrAll; spendingFen: number | null; priorSpendingFen: number | null; students: number | null; priorStudents: number | null };

export type CountyFigures = {
  code: string;
  name: string;
  spendingFen: number | null;
  priorSpendingFen: number | null;
  students: number | null;
  priorStudents: number | null;
  ruleA: 'pass' | 'fail' | 'na';
  ruleB: 'pass' | 'fail' | 'na';
};

export type FailureFigures = { rule: 'edu-spending-no-decrease' | 'per-student-no-decrease'; code: string; name: string; level: string | null; growth: string | null; notes: string[] };

export type ScenarioFigures = {
  id: number;
  name: string;
  paramsHash: string;
  poolFen: number;
  baselinePoolFen: number;
  gaining: number;
  losing: number;
  newFailures: number;
  changes: { label: string; from: number; to: number; unit: string }[];
  winners: { code: string; name: string; deltaFen: number }[];
  losers: { code: string; name: string; deltaFen: number }[];
  equity: { cvBefore: number; cvAfter: number; giniBefore: number; giniAfter: number; mclooneBefore: number; mclooneAfter: number } | null;
  /** Allocation by development tier: baseline and scenario, 分. */
  tiers: { tier: string; baselineFen: number; scenarioFen: number }[];
};

export type BriefData = {
  region: { code: string; name: string };
  year: number;
  /** Education spending (all levels) for up to five years ending at `year`. */
  trend: { year: number; spendingFen: number | null }[];
  levels: LevelFigures[];
  /**
   * 基准定额 in force in `year`, 分 per student, with where it comes from: the law store's national
   * figure and its citation, or the province's own imported standard (a dataset, no citation).
   */
  standards: { level: 'primary' | 'junior'; quotaFen: number; source: 'law' | 'province'; citation: string | null }[];
  /** The counties (or units) under the region, with the two never-decrease rules. */
  counties: CountyFigures[];
  failures: FailureFigures[];
  scenario: ScenarioFigures | null;
  /** The 规划目标 section's figures (core/brief/section-targets.ts); absent when not gathered. */
  targets?: TargetsFigures | undefined;
  datasets: { id: number; name: string; sha256: string }[];
  /** The data basis the figures were read through: hash and one line (which dataset, which years). */
  basis?: { hash: string; line: string } | undefined;
  rulesVersion: string;
  appVersion: string;
  generatedAt: string;
};
