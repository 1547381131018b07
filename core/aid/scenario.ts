// The aid scenario file: what a bureau changes (standards, tiers, coverage, the province's share of
// the local part) and how it splits quotas. Strict: an unknown key is refused, not ignored.
import { z } from 'zod';
import { isLevelCode, type LevelCode } from '../levels';
import { AID_FACTORS, type AidFactor } from './allocate';
import { AID_ITEMS, AID_ITEM_INFO, type AidItem } from './items';
import { AidOverlay } from './params';

const Bp = z.number().int().min(0).max(10000);

export const AidAllocation = z
  .object({
    level: z.string().refine(isLevelCode, 'an education level: preschool, primary, junior, senior or sec_voc'),
    item: z.enum(AID_ITEMS).optional(),
    /** The quota to split, persons; or `coverage` of the enrolled students (bp). */
    total: z.number().int().min(0).max(1e9).optional(),
    coverage: Bp.optional(),
    weights: z.record(z.enum(AID_FACTORS), z.number().min(0).max(1e6)).optional(),
    min_ratio: z.number().int().min(0).max(100000).optional(),
    cap_eligible: z.number().int().min(0).max(1e6).nullable().optional(),
  })
  .strict();
export type AidAllocation = z.infer<typeof AidAllocation>;

export const AidScenario = z.object({ name: z.string().min(1).max(200), overlay: AidOverlay.default({}), allocation: AidAllocation.optional() }).strict();
export type AidScenario = z.infer<typeof AidScenario>;

export const DEFAULT_WEIGHTS: Readonly<Record<AidFactor, number>> = { students: 0.3, eligible: 0.5, economic: 0.1, fiscal: 0.1 };
/** The national 资助面 of about 20 % of 普高 students; other levels have no published coverage. */
export const DEFAULT_COVERAGE_BP: Partial<Record<LevelCode, number>> = { senior: 2000 };

/** The aid item whose per-student amount prices a quota place at a level. */
export function itemForLevel(level: LevelCode, item?: AidItem): AidItem | null {
  if (item) return AID_ITEM_INFO[item].levels.includes(level) ? item : null;
  const byLevel: Partial<Record<LevelCode, AidItem>> = { senior: 'senior_grant', sec_voc: 'voc_grant', preschool: 'preschool_aid', primary: 'living_subsidy', junior: 'living_subsidy' };
  return byLevel[level] ?? null;
}
