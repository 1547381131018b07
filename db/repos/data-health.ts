// The 数据体检 view's figures: `wb health` (coverage, N/A per rule, overlaps) plus what each view of
// the app would show as N/A and why, and the warnings a user should see before trusting a figure
// (synthetic data in the basis, published totals that disagree with their parts, conflicting
// overlaps, rounding differences). Also which datasets a view reads, for the 合成数据 banner.
import type Database from 'better-sqlite3';
import { viewsReading, type BasisViewId } from '../../core/basis/impact';
import { healthReport, type HealthQuery, type HealthReport } from './basis-health';
import { allDatasets, regionMatches, resolveBasis, type BasisInput, type DataBasis, type Scope } from './basis';
import { currentBoundaries } from './regions';

export type ViewNa = { view: BasisViewId; total: number; na: number; reasons: { reason: string; count: number; examples: string[] }[] };
export type HealthWarning = { kind: 'synthetic' | 'control_total' | 'conflict' | 'rounding'; text: string };
export type DataHealth = HealthReport & { views: ViewNa[]; warnings: HealthWarning[] };

const EXAMPLES = 5;
const NO_SPENDING = '无数据：数据基础中无本年教育支出 / no education spending for this year in the data basis';
const NO_ENROLMENT = '无数据：数据基础中无本年在校生数 / no enrolment for this year in the data basis';

/** Region-years of the query's units missing spending or enrolment: the N/A of the per-student figures and of the simulator. */
function perStudentGaps(db: Database.Database, basis: DataBasis, q: HealthQuery, years: number[]): { total: number; missing: Map<string, string[]> } {
  const targets = currentBoundaries(db, { govLevel: q.govLevel, underRegion: q.underRegion });
  const has = (input: BasisInput, sources: { code: string }[], y: number) => sources.some((s) => basis.inputs.get(input)?.owner.has(`${s.code}|${y}`) ?? false);
  const missing = new Map<string, string[]>();
  const note = (reason: string, what: string) => {
    const list = missing.get(reason) ?? [];
    list.push(what);
    missing.set(reason, list);
  };
  for (const t of targets)
    for (const y of years) {
      if (!has('expenditure', t.sources, y)) note(NO_SPENDING, `${t.name} ${y}`);
      if (!has('enrolment', t.sources, y)) note(NO_ENROLMENT, `${t.name} ${y}`);
    }
  return { total: targets.length * years.length, missing };
}

export function dataHealth(db: Database.Database, q: HealthQuery): DataHealth {
  const report = healthReport(db, q);
  const basis = resolveBasis(db, q.scope);
  const years = report.from === null || report.to === null ? [] : Array.from({ length: report.to - report.from + 1 }, (_, i) => report.from! + i);
  const gaps = perStudentGaps(db, basis, q, years);
  const naOf = (reasons: Map<string, string[]>) => [...reasons].map(([reason, list]) => ({ reason, count: list.length, examples: list.slice(0, EXAMPLES) }));
  // A region-year is N/A in the per-student view when either input is missing (counted once).
  const homeNa = new Set([...gaps.missing.values()].flat()).size;
  const complianceTotal = report.na.reduce((s, n) => s + n.count, 0);
  const views: ViewNa[] = [
    { view: 'home', total: gaps.total, na: homeNa, reasons: naOf(gaps.missing) },
    { view: 'compliance', total: report.results, na: complianceTotal, reasons: report.na.map((n) => ({ reason: `${n.rule}: ${n.reason}`, count: n.count, examples: [] })) },
    // The simulator refuses units with holes (it names them) unless told how to fill them.
    { view: 'transfer', total: gaps.total, na: homeNa, reasons: naOf(gaps.missing).map((r) => ({ ...r, reason: `${r.reason}（模拟拒绝运行，除非指定补缺方式 / the simulator refuses unless told how to fill）` })) },
  ];
  const warnings: HealthWarning[] = [];
  // One line per synthetic dataset, naming the inputs it supplies.
  const synthetic = new Map<number, { name: string; inputs: string[]; regions: number }>();
  for (const s of basis.summary.filter((x) => x.synthetic)) {
    const e = synthetic.get(s.datasetId) ?? { name: s.datasetName, inputs: [], regions: 0 };
    e.inputs.push(s.input);
    e.regions = Math.max(e.regions, s.regions);
    synthetic.set(s.datasetId, e);
  }
  for (const [id, e] of synthetic) warnings.push({ kind: 'synthetic', text: `#${id} ${e.name} 为合成数据 / is synthetic — ${e.inputs.length > 3 ? `${e.inputs.slice(0, 3).join(', ')} … ${e.inputs.length} inputs` : e.inputs.join(', ')}（${e.regions} 个地区 / regions）` });
  const used = [...new Set(basis.summary.map((s) => s.datasetId))];
  if (used.length) {
    const bad = db
      .prepare(`SELECT c.dataset_id AS id, c.label, c.year, c.field, c.expected, c.actual FROM dataset_control_total c WHERE c.dataset_id IN (SELECT value FROM json_each(?)) AND abs(c.actual - c.expected) > c.tolerance ORDER BY c.dataset_id, c.year`)
      .all(JSON.stringify(used)) as { id: number; label: string; year: number | null; field: string; expected: number; actual: number }[];
    for (const b of bad) warnings.push({ kind: 'control_total', text: `#${b.id} ${b.year ?? ''} ${b.label} ${b.field}: 合计 ${b.expected} ≠ 分项之和 ${b.actual}（分或人 / fen or persons）` });
  }
  for (const o of report.overlaps) {
    if (o.conflict) warnings.push({ kind: 'conflict', text: `${o.input}: #${o.usedId} 与 #${o.otherId} 有 ${o.conflict} 个冲突的地区年份（采用 #${o.usedId}）/ ${o.conflict} conflicting region-years` });
    if (o.rounding) warnings.push({ kind: 'rounding', text: `${o.input}: #${o.usedId} 与 #${o.otherId} 有 ${o.rounding} 个舍入差异（同一数字，小数位不同）/ ${o.rounding} rounding differences` });
  }
  return { ...report, views, warnings };
}

/** The app's views and the basis inputs each reads (datasets, import and audit read none). */
const VIEW_INPUTS: Record<string, (input: string) => boolean> = {
  home: (i) => viewsReading(i).includes('home'),
  compliance: (i) => viewsReading(i).includes('compliance'),
  transfer: (i) => viewsReading(i).includes('transfer'),
  brief: (i) => viewsReading(i).includes('brief'),
  health: () => true,
};

/**
 * The datasets a view reads for a region (and the regions under it), from the data basis; for the
 * views outside the basis, the datasets they list (数据集: all) or read (学生资助: aid data).
 */
export function datasetsUsedBy(db: Database.Database, scope: Scope, view: string, region: string | null): { id: number; name: string; synthetic: boolean }[] {
  if (view === 'datasets') return allDatasets(db).map((d) => ({ id: d.id, name: d.name, synthetic: d.synthetic }));
  // The plan's targets read the school-level kinds (schools, kindergartens, attainment, inclusion).
  if (view === 'targets') return allDatasets(db).filter((d) => ['schools', 'kindergartens', 'county_attainment', 'inclusion'].includes(d.kind) && !d.superseded).map((d) => ({ id: d.id, name: d.name, synthetic: d.synthetic }));
  if (view === 'aid') return allDatasets(db).filter((d) => d.kind === 'aid' && !d.superseded).map((d) => ({ id: d.id, name: d.name, synthetic: d.synthetic }));
  const reads = VIEW_INPUTS[view];
  if (!reads) return [];
  const basis = resolveBasis(db, scope);
  const ids = new Set<number>();
  for (const ib of basis.inputs.values()) {
    if (!reads(ib.input)) continue;
    for (const [k, id] of ib.owner) if (!ids.has(id) && (region === null || regionMatches(region, k.slice(0, 6)))) ids.add(id);
  }
  return basis.summary.filter((s, i, all) => ids.has(s.datasetId) && all.findIndex((x) => x.datasetId === s.datasetId) === i).map((s) => ({ id: s.datasetId, name: s.datasetName, synthetic: s.synthetic }));
}
