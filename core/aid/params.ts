// The parameters of an aid calculation for one year: the law store's values in force, with a
// scenario's changes laid over them. Every value says where it came from, so a result can show
// whether a standard is the national one, a province's tier or a what-if.
import { z } from 'zod';
import type { LevelCode } from '../levels';
import { AID_ITEMS, type AidItem } from './items';
import { lawAt, type LawRecord } from '../law';
import type { LawKey } from '../law/keys';
import type { IsoDate, LawReference } from '../law/types';
import { CENTRAL_SHARE_KEYS, referenceDate, standardOn } from './standards';

export type Sourced<T> = { value: T; source: 'law' | 'scenario'; ref: LawReference | null; confidence: 'C' | 'M' | null; note?: string | undefined };

/** A store value as basis points (shares) or as it is (分). */
const bp = (fraction: number): number => Math.round(fraction * 10000);

/** A province's tiers for a grant: amounts (分) and the share of recipients in each (bp, summing to 10000). */
export const GrantTiers = z
  .object({ amounts: z.array(z.number().int().positive()).min(1).max(3), shares: z.array(z.number().int().min(0).max(10000)).min(1).max(3) })
  .strict()
  .refine((t) => t.amounts.length === t.shares.length, 'amounts and shares must have the same number of tiers')
  .refine((t) => t.shares.reduce((a, b) => a + b, 0) === 10000, 'tier shares must add up to 10000 basis points (100 %)');
export type GrantTiers = z.infer<typeof GrantTiers>;

const Bp = z.number().int().min(0).max(10000);
const Fen = z.number().int().min(0).max(100_000_000);

/** What a scenario may change. Absent keys keep the law's values. */
export const AidOverlay = z
  .object({
    standards: z.record(z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'item.level, e.g. living_subsidy.junior'), Fen).optional(),
    tiers: z.partialRecord(z.enum(['senior_grant', 'voc_grant']), GrantTiers).optional(),
    coverage: z.partialRecord(z.enum(AID_ITEMS), Bp).optional(),
    preschool_standard: Fen.optional(),
    province_share_of_local: Bp.optional(),
    non_boarder_share: Bp.optional(),
    central_share_by_dang: z.tuple([Bp, Bp, Bp, Bp, Bp]).optional(),
  })
  .strict();
export type AidOverlay = z.infer<typeof AidOverlay>;

export type AidParams = {
  year: number;
  date: IsoDate;
  standard: (item: AidItem, level: LevelCode) => Sourced<number> | null;
  tiers: Partial<Record<'senior_grant' | 'voc_grant', GrantTiers>>;
  tierRange: { min: number; max: number } | null;
  coverage: Partial<Record<AidItem, number>>;
  preschoolStandard: Sourced<number> | null;
  provinceShareOfLocal: number | null;
  nonBoarderShare: Sourced<number> | null;
  vocCentralRate: Sourced<number> | null;
  centralShareByDang: Sourced<readonly [number, number, number, number, number]> | null;
};

export function resolveAidParams(year: number, overlay: AidOverlay = {}): AidParams {
  const date = referenceDate(year);
  const fromLaw = (r: LawRecord | undefined, map: (v: number) => number = (v) => v): Sourced<number> | null => (r ? { value: map(r.value), source: 'law', ref: r.reference, confidence: r.confidence, note: r.note ?? undefined } : null);
  const at = (key: LawKey) => lawAt(key, date);
  const scenario = <T>(value: T): Sourced<T> => ({ value, source: 'scenario', ref: null, confidence: null });
  const shares = CENTRAL_SHARE_KEYS.map((k) => at(k));
  const lawShares: Sourced<readonly [number, number, number, number, number]> | null = shares.every((r) => r !== undefined)
    ? { value: shares.map((r) => bp(r!.value)) as unknown as readonly [number, number, number, number, number], source: 'law', ref: shares[0]!.reference, confidence: shares[0]!.confidence }
    : null;
  const tierMin = at('aid.grant_tier.min');
  const tierMax = at('aid.grant_tier.max');
  return {
    year,
    date,
    standard: (item, level) => {
      const o = overlay.standards?.[`${item}.${level}`];
      return o !== undefined ? scenario(o) : fromLaw(standardOn(item, level, date));
    },
    tiers: overlay.tiers ?? {},
    tierRange: tierMin && tierMax ? { min: tierMin.value, max: tierMax.value } : null,
    coverage: overlay.coverage ?? {},
    preschoolStandard: overlay.preschool_standard !== undefined ? scenario(overlay.preschool_standard) : null,
    provinceShareOfLocal: overlay.province_share_of_local ?? null,
    nonBoarderShare: overlay.non_boarder_share !== undefined ? scenario(overlay.non_boarder_share) : fromLaw(at('aid.living_subsidy.non_boarder_share'), bp),
    vocCentralRate: fromLaw(at('aid.voc_fee_waiver.central_rate')),
    centralShareByDang: overlay.central_share_by_dang ? scenario(overlay.central_share_by_dang) : lawShares,
  };
}
