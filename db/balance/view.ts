// The 规划目标 view's figures, built from the database: the targets with their trajectories, the
// cost to close county by county with prefecture sums, and one county's assessment school by
// school. Every output names the datasets it read and says when they are synthetic.
import type Database from 'better-sqlite3';
import { monitorTargets } from '../../core/balance/monitor';
import { LOCALE_ZH, SCHOOL_TYPE_ZH } from '../../core/balance/school';
import { INDICATORS } from '../../core/balance/standards';
import type { CostsView, CountyView, TargetsView } from '../../core/balance/view';
import { CodedError } from '../../core/result';
import { regionCosts, sumByPrefecture } from './costs';
import { balanceDatasets, gatherMonitorInput, loadSchools, schoolYears, type BalanceDatasets, type DatasetRef } from './gather';
import { readUnitCosts } from './unit-costs';
import { costAssumptions, costToClose } from '../../core/balance/cost';
import { assessCounty } from '../../core/balance/county';
import { countyTeacherPay } from './unit-costs';

const KIND: Record<keyof BalanceDatasets, string> = { schools: 'schools', kindergartens: 'kindergartens', attainment: 'county_attainment', inclusion: 'inclusion' };

function datasetList(ds: BalanceDatasets) {
  return (Object.keys(ds) as (keyof BalanceDatasets)[]).flatMap((k) => (ds[k] ? [{ kind: KIND[k], ...ds[k]! }] : []));
}

function regionName(db: Database.Database, code: string): { code: string; name: string } {
  const name = db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(code) as string | undefined;
  if (name === undefined) throw new CodedError('not_found', `地区 ${code} 不存在 / region ${code} does not exist`);
  return { code, name };
}

/** The latest year of the schools data (the default year of every view). */
export function latestSchoolYear(db: Database.Database): number | null {
  const ds = balanceDatasets(db).schools;
  const years = ds ? schoolYears(db, ds.id) : [];
  return years[years.length - 1] ?? null;
}

export function targetsView(db: Database.Database, regionCode: string, year?: number): TargetsView {
  const region = regionName(db, regionCode);
  const ds = balanceDatasets(db);
  const years = ds.schools ? schoolYears(db, ds.schools.id) : [];
  const asOf = year ?? years[years.length - 1];
  if (asOf === undefined) throw new CodedError('not_found', '无数据：数据库中没有学校数据（导入“学校”数据后可监测规划目标） / no schools data: import a schools table first');
  const { input } = gatherMonitorInput(db, regionCode, asOf);
  const names = new Map([[region.code, region.name], ...input.prefectures.map((p) => [p.code, p.name] as [string, string])]);
  const datasets = datasetList(ds);
  return {
    region,
    year: asOf,
    years,
    datasets,
    synthetic: datasets.some((d) => d.synthetic),
    targets: monitorTargets(input).map((e) => ({
      key: e.key,
      label: e.definition.label,
      region: e.region,
      regionName: names.get(e.region) ?? e.region,
      deadline: e.definition.deadline,
      comparator: e.definition.comparator,
      threshold: e.definition.threshold.value.num / e.definition.threshold.value.den,
      isShare: e.definition.threshold.unit === '比例',
      series: e.series,
      latest: e.latest,
      projection: e.projection,
      slope: e.slope,
      status: e.status,
      reason: e.reason,
      offTrackUnits: e.status === 'met' ? [] : (e.offTrackUnits ?? []),
      reference: `${e.definition.threshold.reference.document} ${e.definition.threshold.reference.article}`.trim(),
    })),
  };
}

function certifiedCounties(db: Database.Database, ds: DatasetRef | null, year: number): Set<string> {
  if (!ds) return new Set();
  return new Set(db.prepare(`SELECT DISTINCT region_code FROM county_attainment_fact WHERE dataset_id = ? AND attainment = 'quality_balance' AND year <= ?`).pluck().all(ds.id, year) as string[]);
}

export function costsView(db: Database.Database, regionCode: string, year?: number): CostsView {
  const region = regionName(db, regionCode);
  const asOf = year ?? latestSchoolYear(db);
  const unitCosts = readUnitCosts(db);
  const empty = (problem: string): CostsView => ({ region, year: asOf ?? 0, dataset: null, problem, unitCosts, counties: [], prefectures: [], totalFen: null, missing: [], basis: '' });
  if (asOf === null) return empty('无数据：数据库中没有学校数据，无法计算补齐资金（导入“学校”数据）');
  const rc = regionCosts(db, regionCode, asOf, unitCosts);
  if (!rc) return empty(`无数据：${region.name} ${asOf} 年没有学校数据`);
  const ds = balanceDatasets(db);
  const certified = certifiedCounties(db, ds.attainment, asOf);
  const counties = rc.assessments.map((a, i) => {
    const c = rc.costs[i]!;
    const pref = rc.prefectureOf.get(a.county) ?? null;
    return {
      code: a.county,
      name: rc.names.get(a.county) ?? a.county,
      prefecture: pref,
      prefectureName: pref ? (rc.names.get(pref) ?? pref) : '省直辖',
      status: a.status,
      certified: certified.has(a.county),
      failingSchools: a.sections.reduce((n, s) => n + s.schools.length - s.schoolsPassing, 0),
      failingCvs: a.sections.reduce((n, s) => n + s.cvs.filter((x) => !x.passes).length, 0),
      equipmentFen: c.equipmentFen,
      areaFen: c.areaFen,
      roomsFen: c.roomsFen,
      teachersFen: c.teachersFen,
      totalFen: c.totalFen,
      teacherPaySource: c.assumptions.teacherPayYuan?.source ?? null,
      metAfterClosing: c.metAfterClosing,
    };
  });
  const totalFen = counties.reduce<number | null>((s, c) => (s === null || c.totalFen === null ? null : s + c.totalFen), 0);
  return {
    region,
    year: asOf,
    dataset: { kind: 'schools', ...rc.dataset },
    problem: null,
    unitCosts,
    counties,
    prefectures: sumByPrefecture(rc),
    totalFen,
    missing: [...new Set(rc.costs.flatMap((c) => c.missing))],
    basis: '补齐资金按全部指标达标口径（多于“6项达标、余项≥85%”所需）：设备值缺口 + 面积缺口×单价 + 多媒体教室缺口×单价 + 教师缺口×一年平均工资；骨干教师为认定，不计费用',
  };
}

const nullIfNaN = (v: number) => (Number.isFinite(v) ? v : null);

export function countyView(db: Database.Database, countyCode: string, year: number): CountyView {
  const county = regionName(db, countyCode);
  const ds = balanceDatasets(db).schools;
  if (!ds) throw new CodedError('not_found', '无数据：数据库中没有学校数据 / no schools data');
  const schools = loadSchools(db, ds.id, [countyCode], year);
  if (schools.length === 0) throw new CodedError('not_found', `无数据：${county.name} ${year} 年没有学校数据 / no schools of ${countyCode} in ${year}`);
  const a = assessCounty(countyCode, schools);
  const c = costToClose(a, costAssumptions(readUnitCosts(db), countyTeacherPay(db, year).get(countyCode) ?? null));
  const as = c.assumptions;
  return {
    county,
    year,
    dataset: { kind: 'schools', ...ds },
    status: a.status,
    failures: a.failures,
    indicators: INDICATORS.map((d) => ({ key: d.key, n: d.n, zh: d.label.zh, en: d.label.en, unit: d.unit, primary: d.threshold.primary.value.num / d.threshold.primary.value.den, junior: d.threshold.junior.value.num / d.threshold.junior.value.den })),
    sections: a.sections.map((s) => ({
      section: s.section,
      pupils: s.pupils,
      schoolsPassing: s.schoolsPassing,
      cvs: s.cvs.map((x) => ({ key: x.key, cv: nullIfNaN(x.cv), limit: x.limit, passes: x.passes, countyValue: nullIfNaN(x.countyValue) })),
      schools: s.schools.map((r) => ({
        code: r.school.code,
        name: r.school.name,
        type: SCHOOL_TYPE_ZH[r.school.type],
        locale: LOCALE_ZH[r.school.locale],
        pupils: r.school.pupils,
        met: r.met,
        passes: r.passes,
        indicators: r.indicators.map((i) => ({ key: i.key, value: nullIfNaN(i.value), threshold: i.threshold, attainment: nullIfNaN(i.attainment), meets: i.meets, reachesRemainder: i.reachesRemainder, shortfall: i.shortfall })),
      })),
    })),
    excluded: a.excluded.map((e) => ({ code: e.school.code, name: e.school.name, reason: e.reason })),
    cost: {
      equipmentFen: c.equipmentFen,
      areaFen: c.areaFen,
      roomsFen: c.roomsFen,
      teachersFen: c.teachersFen,
      totalFen: c.totalFen,
      areaM2: c.areaM2,
      rooms: c.rooms,
      teachers: c.teachers,
      keyTeachers: c.keyTeachers,
      metAfterClosing: c.metAfterClosing,
      missing: c.missing,
      assumptions: [as.areaYuanPerM2 && `校舍场地 ${as.areaYuanPerM2.value} 元/m²（${as.areaYuanPerM2.source}）`, as.roomYuan && `多媒体教室 ${as.roomYuan.value} 元/间（${as.roomYuan.source}）`, as.teacherPayYuan && `教师 ${as.teacherPayYuan.value} 元/人·年（${as.teacherPayYuan.source}）`].filter((x): x is string => typeof x === 'string'),
      schools: c.schools.map((s) => ({ ...s })),
    },
  };
}
