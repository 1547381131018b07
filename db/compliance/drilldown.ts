// Drill-down for one rule, region and year: the region's own result, the same rule for its direct
// children, per-student by education level, and spending by budget function code (class 205).
import type Database from 'better-sqlite3';
import { growthText } from '../../core/compliance/exact';
import type { BudgetFunctionRow, ComplianceResult, GovLevel, Provenance, RuleId } from '../../core/compliance/types';
import type { LevelCode } from '../../core/levels';
import { levelInfo } from '../../core/levels';
import type { Divisor } from '../../core/metrics/divisor';
import { CodedError } from '../../core/result';
import { boundarySources, getRegion } from '../repos/regions';
import { runCheck } from './check';
import type { InputBasis } from '../repos/basis';
import { chooseDatasets } from './datasets';

export type DrilldownQuery = {
  rule: RuleId;
  regionCode: string;
  year: number;
  scope: 'consolidated' | 'own_level';
  level?: LevelCode | undefined;
  datasetIds?: readonly number[] | undefined;
  divisor: Divisor;
};

export type DrilldownOutput = { region: ComplianceResult | null; children: ComplianceResult[]; levels: ComplianceResult[]; functions: BudgetFunctionRow[]; provenance: Provenance };

export function drilldown(db: Database.Database, q: DrilldownQuery): DrilldownOutput {
  const region = getRegion(db, q.regionCode);
  if (!region) throw new CodedError('not_found', `地区代码 ${q.regionCode} 不在数据库中 / region ${q.regionCode} is not in the database`);
  const base = { yearFrom: q.year, yearTo: q.year, scope: q.scope, datasetIds: q.datasetIds, divisor: q.divisor };
  const own = runCheck(db, { ...base, rules: [q.rule], govLevel: region.level, codes: [region.code] });
  const mine = own.results.filter((r) => r.level === null || (q.level !== undefined && r.level === q.level));
  const children: ComplianceResult[] = [];
  const kids = db.prepare('SELECT code, level FROM region WHERE parent_code = ? AND valid_to IS NULL ORDER BY code').all(region.code) as { code: string; level: GovLevel }[];
  for (const level of new Set(kids.map((k) => k.level))) {
    const codes = kids.filter((k) => k.level === level).map((k) => k.code);
    const r = runCheck(db, { ...base, rules: [q.rule], govLevel: level, codes });
    children.push(...r.results.filter((x) => x.level === (q.level ?? null)));
  }
  const levels = q.rule === 'per-student-no-decrease' ? own.results : runCheck(db, { ...base, rules: ['per-student-no-decrease'], govLevel: region.level, codes: [region.code] }).results;
  return {
    region: mine.find((r) => r.level === (q.level ?? null)) ?? mine[0] ?? null,
    children,
    levels: levels.filter((r) => r.level !== null),
    functions: functionBreakdown(db, q, chooseDatasets(db, q.scope, q.datasetIds).expenditure),
    provenance: own.provenance,
  };
}

/** The 205 breakdown of the spending the basis reads: each region-year from the dataset it names. */
function functionBreakdown(db: Database.Database, q: DrilldownQuery, spending: InputBasis | null): BudgetFunctionRow[] {
  if (!spending) return [];
  const sources = boundarySources(db, q.regionCode);
  const codes = sources.map((s) => s.code);
  const share = new Map(sources.map((s) => [s.code, s.share]));
  const funcs = q.level ? levelInfo(q.level).functionCodes : null;
  const rows = db
    .prepare(
      `SELECT f.dataset_id AS id, f.region_code AS code, f.year, f.func_code AS func, SUM(f.amount_fen) AS amount, MAX(b.name_zh) AS name
       FROM expenditure_fact f LEFT JOIN budget_function b ON b.year = f.year AND b.code = f.func_code
       WHERE f.dataset_id IN (SELECT value FROM json_each(?)) AND f.region_code IN (SELECT value FROM json_each(?)) AND f.year IN (?, ?)
         AND (? IS NULL OR f.level = ?)
       GROUP BY f.dataset_id, f.region_code, f.year, f.func_code`,
    )
    .all(JSON.stringify(spending.datasets.map((d) => d.id)), JSON.stringify(codes), q.year, q.year - 1, q.level ?? null, q.level ?? null) as { id: number; code: string; year: number; func: string; amount: number; name: string | null }[];
  const by = new Map<string, { name: string | null; cur: number | null; prior: number | null }>();
  for (const r of rows) {
    if (spending.owner.get(`${r.code}|${r.year}`) !== r.id) continue;
    if (funcs && !funcs.some((f) => r.func.startsWith(f)) && r.func !== '205') continue;
    const s = share.get(r.code) ?? 1;
    const v = s === 1 ? r.amount : Math.round(r.amount * s);
    const e = by.get(r.func) ?? { name: null, cur: null, prior: null };
    e.name ??= r.name;
    if (r.year === q.year) e.cur = (e.cur ?? 0) + v;
    else e.prior = (e.prior ?? 0) + v;
    by.set(r.func, e);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([funcCode, e]) => ({
      funcCode,
      name: e.name,
      value: e.cur === null ? null : String(e.cur),
      priorValue: e.prior === null ? null : String(e.prior),
      delta: e.cur === null || e.prior === null ? null : String(e.cur - e.prior),
      growth: e.cur === null || e.prior === null ? null : growthText(e.prior, 1, e.cur, 1),
    }));
}
