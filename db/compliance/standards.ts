// Funding standards (基准定额 and top-ups) as the public-funds rule reads them.
import type Database from 'better-sqlite3';
import type { StandardRow } from '../../core/compliance/inputs';

export function loadStandards(db: Database.Database): StandardRow[] {
  return db
    .prepare(
      `SELECT level, component, region_class AS regionClass, value, effective_from AS effectiveFrom, effective_to AS effectiveTo
       FROM funding_standard WHERE component IN ('public_funds_base', 'boarding_topup', 'special_ed_public_funds', 'small_school_min_pupils')
       ORDER BY effective_from DESC`,
    )
    .all() as StandardRow[];
}
