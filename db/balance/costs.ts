// Every county of a region assessed for one year with its cost to close, priced with the stored
// unit costs (or the ones given for this run) and each county's own teacher pay: what the CLI
// summary, the 规划目标 view, the brief and the simulator's 缺口因素 all read.
import type Database from 'better-sqlite3';
import { costAssumptions, costToClose, type CountyCost, type UnitCostSettings } from '../../core/balance/cost';
import { assessCounty, type CountyAssessment } from '../../core/balance/county';
import { balanceDatasets, countiesIn, loadSchools, type DatasetRef } from './gather';
import { countyTeacherPay, readUnitCosts } from './unit-costs';

export type RegionCosts = {
  dataset: DatasetRef;
  year: number;
  settings: UnitCostSettings;
  counties: { code: string; name: string; prefecture: string | null }[];
  names: Map<string, string>;
  prefectureOf: Map<string, string | null>;
  assessments: CountyAssessment[];
  costs: CountyCost[];
};

/** null when the database holds no schools data, or none for these counties in this year. */
export function regionCosts(db: Database.Database, regionCode: string, year: number, settings?: UnitCostSettings): RegionCosts | null {
  const dataset = balanceDatasets(db).schools;
  if (!dataset) return null;
  const counties = countiesIn(db, regionCode);
  const names = new Map<string, string>(counties.map((c) => [c.code, c.name]));
  const region = db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(regionCode) as string | undefined;
  if (region) names.set(regionCode, region);
  for (const p of new Set(counties.map((c) => c.prefecture).filter((x): x is string => x !== null))) names.set(p, (db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(p) as string | undefined) ?? p);
  const assessments = counties.map((c) => assessCounty(c.code, loadSchools(db, dataset.id, [c.code], year))).filter((a) => a.status !== 'no_data');
  if (assessments.length === 0) return null;
  const used = settings ?? readUnitCosts(db);
  const pay = countyTeacherPay(db, year);
  const costs = assessments.map((a) => costToClose(a, costAssumptions(used, pay.get(a.county) ?? null)));
  return { dataset, year, settings: used, counties, names, prefectureOf: new Map(counties.map((c) => [c.code, c.prefecture])), assessments, costs };
}

export type PrefectureSum = { code: string; name: string; counties: number; met: number; fen: number | null };

/** The cost to close summed by prefecture (null when any county's cost is 无数据). */
export function sumByPrefecture(rc: RegionCosts): PrefectureSum[] {
  const out = new Map<string, PrefectureSum>();
  rc.assessments.forEach((a, i) => {
    const code = rc.prefectureOf.get(a.county) ?? 'direct';
    const s = out.get(code) ?? { code, name: rc.names.get(code) ?? '省直辖', counties: 0, met: 0, fen: 0 };
    s.counties++;
    if (a.status === 'met') s.met++;
    const fen = rc.costs[i]!.totalFen;
    s.fen = s.fen === null || fen === null ? null : s.fen + fen;
    out.set(code, s);
  });
  return [...out.values()];
}
