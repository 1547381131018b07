// Gathers a simulation's inputs: the counties under a region with their enrolment and education
// spending for the year and the year before (through the compliance gatherer, so the same
// datasets, current boundaries and crosswalks as `wb check`), their development tier and
// urban/rural class, and the fiscal figures the factors need (revenue, expenditure, population,
// area), all through the data basis. A figure the basis does not cover is a hole, listed by unit,
// year and input: the caller refuses to simulate on holes rather than read them as 0.
import type Database from 'better-sqlite3';
import type { RegionInputs } from '../../core/compliance/inputs';
import { totalSpending } from '../../core/compliance/rules/totals';
import { canonicalJson, sha256Hex } from '../../core/hash/sha256';
import { CodedError } from '../../core/result';
import type { SimInputs, SimUnit, YearFigures } from '../../core/transfer/inputs';
import { chooseDatasets, datasetRefs } from '../compliance/datasets';
import { basisLine } from '../repos/basis';
import { gatherInputs } from '../compliance/gather';
import { gatherGap } from './gap';


/** '000000' stands for the whole country (every unit in the database). */
export const NATIONAL = '000000';

export type SimQuery = {
  regionCode: string;
  year?: number | undefined;
  datasetIds?: readonly number[] | undefined;
  /** The units that share the pool: counties (default), prefectures or provinces under the region. */
  unitLevel?: 'county' | 'prefecture' | 'province' | undefined;
};

function enrolment(r: RegionInputs, year: number): { students: number; primary: number; junior: number } | undefined {
  const levels = r.facts.get(year);
  if (!levels) return undefined;
  let students = 0;
  let any = false;
  for (const [level, f] of levels) {
    if (level === 'all' || level === 'higher' || f.n === undefined) continue;
    students += f.n;
    any = true;
  }
  if (!any && levels.get('all')?.n !== undefined) return { students: levels.get('all')!.n!, primary: 0, junior: 0 };
  return any ? { students, primary: levels.get('primary')?.n ?? 0, junior: levels.get('junior')?.n ?? 0 } : undefined;
}

export function gatherSimInputs(db: Database.Database, q: SimQuery): SimInputs {
  const national = q.regionCode === NATIONAL;
  const region = national ? { code: NATIONAL, name: '全国', level: 'nation' } : (db.prepare('SELECT code, name, level FROM region WHERE code = ?').get(q.regionCode) as { code: string; name: string; level: string } | undefined);
  if (!region) throw new CodedError('bad_input', `地区 ${q.regionCode} 不存在 / region ${q.regionCode} does not exist`);
  const unitLevel = q.unitLevel ?? 'county';
  const order = ['nation', 'province', 'prefecture', 'county'];
  if (region.level === 'county') throw new CodedError('bad_input', `${region.name}（${region.code}）是县级，模拟需要其下辖县 / a simulation splits a pool among the counties under a province or prefecture`);
  if (order.indexOf(unitLevel) <= order.indexOf(region.level)) throw new CodedError('bad_input', `${region.name}（${region.code}）之下没有${unitLevel}级单位 / no ${unitLevel} units under ${region.code}`);
  const chosen = chooseDatasets(db, 'consolidated', q.datasetIds);
  if (!chosen.enrolment) throw new CodedError('not_found', '数据基础中没有在校生数据，无法按学生数分配 / the data basis has no enrolment: import one first');
  let latest: number | null = null;
  for (const k of chosen.enrolment.owner.keys()) latest = Math.max(latest ?? 0, Number(k.slice(k.indexOf('|') + 1)));
  const year = q.year ?? latest;
  if (year === null || year === undefined) throw new CodedError('not_found', '在校生数据集为空 / the enrolment dataset is empty');
  const regions = gatherInputs(db, chosen, { govLevel: unitLevel, underRegion: national ? undefined : q.regionCode, fromYear: year - 1, toYear: year });
  const meta = db.prepare('SELECT dev_tier AS tier, urban_rural AS urbanRural FROM region WHERE code = ?');
  const holes: NonNullable<SimInputs['holes']> = [];
  const FISCAL_ZH = { population: '人口', area: '面积', gpb_revenue: '一般公共预算收入', gpb_expenditure: '一般公共预算支出' } as const;
  const figures = (r: RegionInputs, y: number, current: boolean): YearFigures | null => {
    const en = enrolment(r, y);
    if (!en) {
      if (current) holes.push({ code: r.code, name: r.name, year: y, input: 'enrolment', reason: '数据基础中无在校生数 / no enrolment in the data basis' });
      return null;
    }
    const fiscal = r.fiscal.get(y) ?? {};
    const need = (key: keyof typeof FISCAL_ZH): number => {
      const v = fiscal[key];
      if (v === undefined) {
        if (current) holes.push({ code: r.code, name: r.name, year: y, input: `fiscal:${key}`, reason: `数据基础中无${FISCAL_ZH[key]} / no ${key} in the data basis` });
        return 0;
      }
      return v;
    };
    const e = totalSpending(r, y);
    if (e === undefined && current) holes.push({ code: r.code, name: r.name, year: y, input: 'expenditure', reason: '数据基础中无教育支出 / no education spending in the data basis' });
    return {
      ...en,
      population: need('population'),
      areaKm2: need('area') / 100,
      revenue: need('gpb_revenue'),
      expenditure: need('gpb_expenditure'),
      eduSpending: e ?? null,
    };
  };
  const units: SimUnit[] = [];
  for (const r of regions) {
    const current = figures(r, year, true);
    if (!current) continue;
    const m = meta.get(r.code) as { tier: number | null; urbanRural: 'urban' | 'rural' | null };
    units.push({ code: r.code, name: r.name, tier: m.tier, urbanRural: m.urbanRural, current, prior: figures(r, year - 1, false) });
  }
  if (units.length === 0) throw new CodedError('not_found', `${region.name} ${year} 年没有下辖单位的在校生数据 / no ${unitLevel} enrolment under ${region.code} in ${year}`);
  const unique = datasetRefs(chosen).map((d) => ({ id: d.id, name: d.name, sha256: d.sha256 }));
  const basis = { hash: chosen.basis.hash, line: basisLine(chosen.basis, (i) => ['expenditure', 'enrolment', 'fiscal:population', 'fiscal:area', 'fiscal:gpb_revenue', 'fiscal:gpb_expenditure'].includes(i)) };
  const gap = gatherGap(db, region.code, year, unitLevel, units.map((u) => u.code));
  return { regionCode: region.code, regionName: region.name, year, units, datasets: unique, dataHash: sha256Hex(canonicalJson(units)), holes, basis, gap };
}
