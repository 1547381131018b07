// The unit-cost options of `wb balance` (and what `wb simulate` reads): --area-cost 元/m²,
// --room-cost 元/间, --teacher-pay 元/人·年 override the stored setting for one run; --save-costs
// stores them (audited). There is no built-in default: a cost not set leaves its part 无数据.
import type Database from 'better-sqlite3';
import type { UnitCostSettings } from '../../core/balance/cost';
import { readUnitCosts, writeUnitCosts } from '../../db/balance/unit-costs';
import { UsageError } from '../io';

export const UNIT_COST_OPTIONS = { 'area-cost': { type: 'string' }, 'room-cost': { type: 'string' }, 'teacher-pay': { type: 'string' }, 'save-costs': { type: 'boolean' } } as const;

function positive(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+(\.\d{1,2})?$/.test(v) || !(n > 0) || n > 1e9) throw new UsageError(`--${name} must be a positive amount in 元 (at most two decimals), got "${String(v)}"`);
  return n;
}

export function unitCostsFor(db: Database.Database, values: Record<string, unknown>): UnitCostSettings {
  const stored = readUnitCosts(db);
  const given = { areaYuanPerM2: positive(values, 'area-cost'), roomYuan: positive(values, 'room-cost'), teacherPayYuan: positive(values, 'teacher-pay') };
  const used: UnitCostSettings = { areaYuanPerM2: given.areaYuanPerM2 ?? stored.areaYuanPerM2, roomYuan: given.roomYuan ?? stored.roomYuan, teacherPayYuan: given.teacherPayYuan ?? stored.teacherPayYuan };
  if (values['save-costs'] === true) writeUnitCosts(db, used);
  return used;
}

export function unitCostLine(s: UnitCostSettings): string {
  const one = (v: number | null, unit: string, flag: string) => (v === null ? `未设定（--${flag}）` : `${v} ${unit}（用户设定）`);
  return `单价：校舍场地 ${one(s.areaYuanPerM2, '元/m²', 'area-cost')}；多媒体教室 ${one(s.roomYuan, '元/间', 'room-cost')}；教师取各县教师平均工资，无则 ${one(s.teacherPayYuan, '元/人·年', 'teacher-pay')}`;
}
