// Runs the chosen rules over gathered regions: one row per rule × region × year (× education level
// for the per-level rules), in a stable order, with annotations attached. Pure: the same inputs
// give the same rows, whichever database they came from.
import { LEVEL_CODES, type LevelOrAll } from '../levels';
import type { EvaluateOptions, RegionInputs } from './inputs';
import { resultRow } from './row';
import { eduSpendingNoDecrease } from './rules/edu-spending';
import { eduShare, gdp4pct, teacherPay, threeGrowths } from './rules/fiscal';
import { perStudentNoDecrease } from './rules/per-student';
import { publicFundsStandard, STANDARD_LEVELS } from './rules/public-funds';
import type { Annotation, ComplianceResult, RuleId } from './types';

export function annotationKey(rule: RuleId, regionCode: string, year: number, level: string | null, scope: string): string {
  return `${rule}|${regionCode}|${year}|${level ?? ''}|${scope}`;
}

function hasAnyData(region: RegionInputs, year: number): boolean {
  return region.facts.has(year) || region.fiscal.has(year);
}

function hasPublicFunds(region: RegionInputs): boolean {
  for (const levels of region.facts.values()) for (const f of levels.values()) if (f.publicFunds !== undefined) return true;
  return false;
}

export function evaluateRegion(region: RegionInputs, opts: EvaluateOptions, out: ComplianceResult[]): void {
  const rules = new Set(opts.rules);
  const publicFunds = rules.has('public-funds-per-student-standard') && hasPublicFunds(region);
  for (let year = opts.yearFrom; year <= opts.yearTo; year++) {
    if (!hasAnyData(region, year)) continue;
    for (const rule of opts.rules) {
      switch (rule) {
        case 'edu-spending-no-decrease':
          if (region.facts.has(year)) out.push(eduSpendingNoDecrease(region, year, opts.scope));
          break;
        case 'per-student-no-decrease': {
          const levels: LevelOrAll[] = [...LEVEL_CODES, 'all'];
          for (const level of levels) {
            const r = perStudentNoDecrease(region, year, level, opts.divisor, opts.scope);
            if (r) out.push(r);
          }
          break;
        }
        case 'three-growths':
          out.push(threeGrowths(region, year, opts.scope));
          break;
        case 'fiscal-edu-gdp-4pct':
          out.push(gdp4pct(region, year, opts.scope));
          break;
        case 'edu-share-of-budget':
          out.push(eduShare(region, year, opts.scope));
          break;
        case 'public-funds-per-student-standard':
          if (publicFunds) for (const level of STANDARD_LEVELS) out.push(publicFundsStandard(region, year, level, opts.standards, opts.scope));
          else out.push({ ...resultRow(region, rule, year, null, opts.scope, [year]), reason: '缺少生均公用经费数据 / no per-student public-funds figures in the chosen data' });
          break;
        case 'teacher-pay-parity':
          out.push(teacherPay(region, year, opts.scope));
          break;
      }
    }
  }
}

export function evaluate(regions: readonly RegionInputs[], opts: EvaluateOptions): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  // Rule-major, then region and year: the order the views list results in, so sorting is cheap.
  for (const rule of opts.rules) {
    const one = { ...opts, rules: [rule] };
    for (const region of regions) evaluateRegion(region, one, out);
  }
  if (opts.annotations.length) attachAnnotations(out, opts.annotations);
  return out;
}

export function attachAnnotations(rows: ComplianceResult[], annotations: readonly Annotation[]): void {
  const byKey = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const k = annotationKey(a.rule, a.regionCode, a.year, a.level, a.scope);
    byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  for (const r of rows) {
    const hit = byKey.get(annotationKey(r.rule, r.regionCode, r.year, r.level, r.scope));
    if (hit) r.annotations = hit;
  }
}

/** Pass/fail/na counts per rule, with a zero line for every requested rule that produced no row. */
export function summarise(rows: readonly ComplianceResult[], rules: readonly RuleId[] = []): { rule: RuleId; pass: number; fail: number; na: number }[] {
  const by = new Map<RuleId, { rule: RuleId; pass: number; fail: number; na: number }>(rules.map((rule) => [rule, { rule, pass: 0, fail: 0, na: 0 }]));
  for (const r of rows) {
    let s = by.get(r.rule);
    if (!s) by.set(r.rule, (s = { rule: r.rule, pass: 0, fail: 0, na: 0 }));
    s[r.status]++;
  }
  return [...by.values()];
}
