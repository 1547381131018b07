// What crosses from the engine to the renderer for the aid view: flat, JSON-safe, money in 分.
import { z } from 'zod';
import { AID_FACTORS } from './allocate';
import { AID_ITEMS } from './items';
import { AidOverlay } from './params';

const Fen = z.number().int().nullable();
const Source = z.object({ id: z.number().int(), name: z.string(), sha256: z.string(), importedAt: z.string(), synthetic: z.boolean() }).nullable();
const Sources = z.object({ aid: Source, enrolment: Source, fiscal: Source });
const Ref = z.object({ label: z.string(), value: z.string(), document: z.string(), article: z.string(), url: z.string(), confidence: z.enum(['C', 'M']) });

export const AidNeedInput = z.object({ regionCode: z.string().regex(/^\d{6}$/), year: z.number().int().min(1949).max(2100), overlay: AidOverlay.optional() }).strict();

export const AidNeedView = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  date: z.string(),
  dang: z.number().int().nullable(),
  dangSource: z.enum(['law', 'region_dev_tier', 'unknown']),
  sources: Sources,
  scenarioHash: z.string(),
  totals: z.array(z.object({ item: z.enum(AID_ITEMS), needFen: Fen, centralFen: Fen, localFen: Fen, budgetFen: Fen, gapFen: Fen, units: z.number().int(), unitsMissing: z.number().int() })),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      item: z.enum(AID_ITEMS),
      level: z.string(),
      recipients: z.number().int().nullable(),
      needFen: Fen,
      centralFen: Fen,
      localFen: Fen,
      budgetFen: Fen,
      gapFen: Fen,
      missing: z.string().nullable(),
      notes: z.array(z.string()),
    }),
  ),
  refs: z.array(Ref),
});
export type AidNeedView = z.infer<typeof AidNeedView>;

export const AidAllocateInput = z
  .object({
    regionCode: z.string().regex(/^\d{6}$/),
    year: z.number().int().min(1949).max(2100),
    level: z.enum(['preschool', 'primary', 'junior', 'senior', 'sec_voc']),
    total: z.number().int().min(0).max(1e9).optional(),
    coverage: z.number().int().min(0).max(10000).optional(),
    weights: z.record(z.enum(AID_FACTORS), z.number().min(0).max(1e6)).optional(),
    minRatio: z.number().int().min(0).max(100000).optional(),
    capEligible: z.number().int().min(0).max(1e6).nullable().optional(),
    overlay: AidOverlay.optional(),
  })
  .strict();

export const AidAllocationView = z.object({
  ok: z.boolean(),
  /** When the inputs cannot be used: what is missing, in words. */
  problem: z.string().nullable(),
  total: z.number().int(),
  totalFrom: z.enum(['given', 'coverage']),
  coverageBp: z.number().int().nullable(),
  status: z.enum(['ok', 'infeasible_low', 'infeasible_high']),
  weights: z.record(z.enum(AID_FACTORS), z.number()),
  weightsNormalised: z.boolean(),
  pricing: z.string(),
  moneyFen: Fen,
  rows: z.array(z.object({ code: z.string(), name: z.string(), enrolled: z.number().int(), eligible: z.number().int(), floor: z.number().int(), cap: z.number().int(), quota: z.number().int(), held: z.enum(['free', 'floor', 'cap']), shortfall: z.number().int(), moneyFen: Fen })),
  shortOf: z.array(z.object({ code: z.string(), name: z.string(), shortfall: z.number().int() })),
  excluded: z.array(z.object({ code: z.string(), name: z.string() })),
  scenarioHash: z.string(),
});
export type AidAllocationView = z.infer<typeof AidAllocationView>;
