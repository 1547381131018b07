// The figures of the brief's 规划目标 section (core/brief/section-targets.ts): the targets, the
// counties meeting the resource standards and the cost to close by prefecture, read through the
// same functions as the 规划目标 view. A database without school data gives the reason.
import type Database from 'better-sqlite3';
import type { TargetsFigures } from '../../core/brief/section-targets';
import { costsView, latestSchoolYear, targetsView } from '../balance/view';

/** A share as % (0.59 → 59), a ratio as is; no figure is null (shown as —), never 0. */
const inUnit = (v: number | null | undefined, share: boolean): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : share ? v * 100 : v);

export function gatherTargetsFigures(db: Database.Database, regionCode: string, year: number): TargetsFigures {
  const empty = (reason: string): TargetsFigures => ({ reason, year: null, targets: [], counties: 0, countiesMet: 0, certified: 0, prefectures: [], totalCostFen: null, missing: [], synthetic: false, datasets: [] });
  const latest = latestSchoolYear(db);
  if (latest === null) return empty('数据库中没有学校数据（导入“学校”数据后可报告规划目标）');
  const asOf = Math.min(year, latest);
  const level = db.prepare('SELECT level FROM region WHERE code = ?').pluck().get(regionCode) as string | undefined;
  if (level !== 'province' && level !== 'prefecture') return empty('规划目标按省或地级市报告');
  const t = targetsView(db, regionCode, asOf);
  const c = costsView(db, regionCode, asOf);
  if (c.problem) return empty(c.problem.replace(/^无数据：/, ''));
  return {
    reason: null,
    year: asOf,
    targets: t.targets.map((r) => ({ name: r.label, region: r.regionName, deadline: r.deadline, unit: r.isShare ? 'percent' : 'ratio', comparator: r.comparator === '>=' ? '≥' : '≤', threshold: inUnit(r.threshold, r.isShare)!, latest: inUnit(r.latest?.value, r.isShare), latestYear: r.latest?.year ?? null, projection: inUnit(r.projection, r.isShare), status: r.status })),
    counties: c.counties.length,
    countiesMet: c.counties.filter((x) => x.status === 'met').length,
    certified: c.counties.filter((x) => x.certified).length,
    prefectures: c.prefectures.map((p) => ({ name: p.name, counties: p.counties, met: p.met, costFen: p.fen })),
    totalCostFen: c.totalFen,
    missing: c.missing,
    synthetic: t.synthetic,
    datasets: t.datasets.map((d) => ({ id: d.id, name: d.name, sha256: d.sha256 })),
  };
}
