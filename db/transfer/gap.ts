// The 缺口因素 of a simulation: each unit's cost to close from db/balance, for the simulated year
// or, when the school data stop earlier, their latest year (said in `source`). Counties only: a
// pool shared among prefectures or provinces has no per-school gaps of its own, and the factor is
// then 无数据 with that reason.
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../core/hash/sha256';
import type { GapInputs } from '../../core/transfer/inputs';
import { regionCosts } from '../balance/costs';
import { balanceDatasets, schoolYears } from '../balance/gather';

const none = (reason: string): GapInputs => ({ year: null, source: '', reason, units: {}, hash: sha256Hex(canonicalJson({ reason })) });

export function gatherGap(db: Database.Database, regionCode: string, year: number, unitLevel: 'county' | 'prefecture' | 'province', unitCodes: readonly string[]): GapInputs {
  if (unitLevel !== 'county') return none('无数据：缺口因素按县计算，本方案的分配单位不是县');
  const ds = balanceDatasets(db).schools;
  if (!ds) return none('无数据：数据库中没有学校数据（导入“学校”数据后可用缺口因素）');
  const held = schoolYears(db, ds.id).filter((y) => y <= year);
  const used = held[held.length - 1];
  if (used === undefined) return none(`无数据：学校数据没有 ${year} 年或更早的年份`);
  const rc = regionCode === '000000' ? null : regionCosts(db, regionCode, used);
  if (!rc) return none(`无数据：${regionCode} ${used} 年没有学校数据`);
  const missing = [...new Set(rc.costs.flatMap((c) => c.missing))];
  if (missing.length) return none(missing.join('；'));
  const units: GapInputs['units'] = {};
  rc.assessments.forEach((a, i) => {
    if (unitCodes.includes(a.county)) units[a.county] = { costFen: rc.costs[i]!.totalFen!, metNow: a.status === 'met', metAfterClosing: rc.costs[i]!.metAfterClosing };
  });
  const source = `#${rc.dataset.id} ${rc.dataset.name} ${used}年${used !== year ? `（模拟年度 ${year} 无学校数据，取最近年份）` : ''}；单价 ${rc.settings.areaYuanPerM2} 元/m²、${rc.settings.roomYuan} 元/间`;
  return { year: used, source, reason: null, units, hash: sha256Hex(canonicalJson({ year: used, dataset: rc.dataset.sha256, units, settings: rc.settings })) };
}
