// The unit costs the cost to close is priced with: one setting row (`balance.unit_costs`, audited
// like every setting), each cost null until the user states it — there is no built-in default
// (see core/balance/cost.ts for why). Teacher pay comes from the county's 教师平均工资 in the
// fiscal data where it is held.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { NO_UNIT_COSTS, type UnitCostSettings } from '../../core/balance/cost';

export const UNIT_COSTS_SETTING = 'balance.unit_costs';

const Positive = z.number().finite().positive().max(1e9).nullable();
export const UnitCostSettingsSchema = z.object({ areaYuanPerM2: Positive, roomYuan: Positive, teacherPayYuan: Positive }).strict();

export function readUnitCosts(db: Database.Database): UnitCostSettings {
  const text = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(UNIT_COSTS_SETTING) as string | undefined;
  if (text === undefined) return { ...NO_UNIT_COSTS };
  const parsed = UnitCostSettingsSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : { ...NO_UNIT_COSTS };
}

/** Stores the unit costs (one setting row, so the audit log records before and after). */
export function writeUnitCosts(db: Database.Database, costs: UnitCostSettings): UnitCostSettings {
  const checked = UnitCostSettingsSchema.parse(costs);
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value').run(UNIT_COSTS_SETTING, JSON.stringify(checked));
  return checked;
}

/** Each county's 教师平均工资 (分/年) for the year, from the newest fiscal dataset holding it. */
export function countyTeacherPay(db: Database.Database, year: number): Map<string, { fen: number; source: string }> {
  const rows = db
    .prepare(
      `SELECT f.region_code AS code, f.value AS fen, d.id AS id, d.name AS name FROM fiscal_fact f JOIN dataset d ON d.id = f.dataset_id
       WHERE f.indicator = 'teacher_avg_pay' AND f.year = ? AND f.dataset_id = (SELECT max(dataset_id) FROM fiscal_fact WHERE indicator = 'teacher_avg_pay' AND year = ?)`,
    )
    .all(year, year) as { code: string; fen: number; id: number; name: string }[];
  return new Map(rows.map((r) => [r.code, { fen: r.fen, source: `${year}年本县教师平均工资（#${r.id} ${r.name}）` }]));
}
