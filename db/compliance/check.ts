// One compliance run: choose datasets, gather inputs at one government level and scope, evaluate
// the rules, attach annotations and say exactly what was read.
import type Database from 'better-sqlite3';
import { evaluate, summarise } from '../../core/compliance/evaluate';
import type { RegionInputs } from '../../core/compliance/inputs';
import { RULES } from '../../core/compliance/registry';
import type { ComplianceResult, GovLevel, Provenance, RuleId, RuleSummary } from '../../core/compliance/types';
import { LEVEL_CODES } from '../../core/levels';
import type { Divisor } from '../../core/metrics/divisor';
import { CodedError } from '../../core/result';
import { basisLine } from '../repos/basis';
import { listAnnotations } from './annotations';
import { chooseDatasets, datasetRefs, type Chosen } from './datasets';
import { dataYears, gatherInputs } from './gather';
import { loadStandards } from './standards';

export type CheckQuery = {
  rules?: readonly RuleId[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  govLevel: GovLevel;
  scope: 'consolidated' | 'own_level';
  datasetIds?: readonly number[] | undefined;
  divisor: Divisor;
  underRegion?: string | undefined;
  codes?: readonly string[] | undefined;
  onlyFailures?: boolean | undefined;
};

export type CheckOutput = { results: ComplianceResult[]; summary: RuleSummary[]; provenance: Provenance; inputs: RegionInputs[]; chosen: Chosen };

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const LEVEL_ORDER = new Map<string | null, number>([...LEVEL_CODES.map((l, i) => [l, i] as const), [null, 99]]);

export function compareResults(a: ComplianceResult, b: ComplianceResult): number {
  return (
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
    (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0) ||
    a.year - b.year ||
    (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0)
  );
}

export function yearRange(db: Database.Database, chosen: Chosen, yearFrom?: number, yearTo?: number): { from: number; to: number } | null {
  const span = dataYears(db, chosen);
  if (!span && (yearFrom === undefined || yearTo === undefined)) return null;
  // Default: every year that has a prior year in the data.
  const from = yearFrom ?? Math.min(span!.first + 1, yearTo ?? span!.last);
  const to = yearTo ?? Math.max(span!.last, from);
  if (from > to) throw new CodedError('bad_input', `起始年份 ${from} 晚于结束年份 ${to} / yearFrom ${from} is after yearTo ${to}`);
  return { from, to };
}

export function runCheck(db: Database.Database, q: CheckQuery, now = new Date()): CheckOutput {
  const chosen = chooseDatasets(db, q.scope, q.datasetIds);
  const rules = q.rules?.length ? [...new Set(q.rules)] : RULES.map((r) => r.id);
  const provenance: Provenance = { datasets: datasetRefs(chosen), divisor: q.divisor, scope: q.scope, computedAt: now.toISOString(), basis: { hash: chosen.basis.hash, line: basisLine(chosen.basis) } };
  const range = yearRange(db, chosen, q.yearFrom, q.yearTo);
  if (!range) return { results: [], summary: summarise([], rules), provenance, inputs: [], chosen };
  // Two years before the range: growth needs t−1, and the 8/4 divisor of t−1 needs t−2's autumn.
  const inputs = gatherInputs(db, chosen, { govLevel: q.govLevel, underRegion: q.underRegion, codes: q.codes, fromYear: range.from - 2, toYear: range.to });
  const results = evaluate(inputs, {
    rules,
    yearFrom: range.from,
    yearTo: range.to,
    divisor: q.divisor,
    scope: q.scope,
    standards: rules.includes('public-funds-per-student-standard') ? loadStandards(db) : [],
    annotations: listAnnotations(db, q.scope, range.from, range.to),
  });
  results.sort(compareResults);
  const shown = q.onlyFailures ? results.filter((r) => r.status === 'fail') : results;
  return { results: shown, summary: summarise(results, rules), provenance, inputs, chosen };
}
