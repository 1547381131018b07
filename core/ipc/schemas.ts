// Shared zod building blocks for the contracts.
import { z } from 'zod';
import { LEVEL_CODES } from '../levels';

/** A six-digit GB/T 2260 code, or 000000 for the whole country (全国). */
export const RegionCode = z.string().regex(/^(?:[1-9]\d{5}|000000)$/, 'a six-digit GB/T 2260 code (000000 = 全国)');
export const Year = z.number().int().min(1949).max(2100);
export const Scope = z.enum(['consolidated', 'own_level']);
export const Divisor = z.enum(['autumn', 'weighted_8_4', 'average_two_autumns']);
export const Level = z.enum(LEVEL_CODES);
export const LevelOrAll = z.enum([...LEVEL_CODES, 'all']);
export const RegionLevel = z.enum(['national', 'province', 'prefecture', 'county']);
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes (Uint8Array)');
export const DatasetId = z.number().int().positive();

export const DatasetInfo = z.object({
  id: DatasetId,
  name: z.string(),
  kind: z.enum(['expenditure', 'enrolment', 'fiscal', 'standard', 'bulletin', 'regions', 'region_changes', 'aid', 'schools', 'kindergartens', 'county_attainment', 'inclusion']),
  sourceFileName: z.string(),
  sha256: z.string(),
  sheet: z.string().nullable(),
  importedAt: z.string(),
  unit: z.string(),
  basis: z.enum(['moe_edu_funds', 'mof_205']).nullable(),
  scope: Scope.nullable(),
  releaseStage: z.enum(['flash', 'bulletin', 'yearbook', 'final_accounts', 'budget', 'other']),
  rowCount: z.number().int(),
  synthetic: z.boolean(),
  supersedesId: DatasetId.nullable(),
  note: z.string().nullable(),
  firstYear: Year.nullable(),
  lastYear: Year.nullable(),
  regionCount: z.number().int(),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const RegionInfo = z.object({
  code: RegionCode,
  name: z.string(),
  shortName: z.string(),
  level: RegionLevel,
  kind: z.string(),
  parentCode: RegionCode.nullable(),
  devTier: z.number().int().min(1).max(5).nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type RegionInfo = z.infer<typeof RegionInfo>;

export const CodeChange = z.object({
  oldCode: RegionCode,
  newCode: RegionCode,
  effectiveDate: z.string(),
  kind: z.string(),
  share: z.number(),
});
export type CodeChange = z.infer<typeof CodeChange>;
