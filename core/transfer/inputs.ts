// What a simulation reads: the counties under one region with the figures the factors, bounds and
// compliance re-run need, for the simulated year and the year before. Money in 分 and counts in
// persons as safe integers; area in km². Gathered from the database by db/transfer/inputs.ts, or
// written by hand in tests.
import { z } from 'zod';

export const YearFigures = z.object({
  /** Students counted for per-student funding: all levels below higher education. */
  students: z.number().int().nonnegative(),
  primary: z.number().int().nonnegative(),
  junior: z.number().int().nonnegative(),
  population: z.number().nonnegative(),
  areaKm2: z.number().nonnegative(),
  /** 一般公共预算收入 and 支出, 分. */
  revenue: z.number().int().nonnegative(),
  expenditure: z.number().int().nonnegative(),
  /** Education spending (the basis of the compliance rules), 分; null when not reported. */
  eduSpending: z.number().int().nonnegative().nullable(),
});
export type YearFigures = z.infer<typeof YearFigures>;

export const SimUnit = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string(),
  /** Development tier 1 (least developed) … 5, or null when unclassified. */
  tier: z.number().int().min(1).max(5).nullable(),
  urbanRural: z.enum(['urban', 'rural']).nullable(),
  current: YearFigures,
  prior: YearFigures.nullable(),
});
export type SimUnit = z.infer<typeof SimUnit>;

export const SimDataset = z.object({ id: z.number().int(), name: z.string(), sha256: z.string(), importedAt: z.string().optional() });
export type SimDataset = z.infer<typeof SimDataset>;

/**
 * The 缺口因素: each unit's cost to close its 优质均衡 resource gaps (分, all indicators met) from
 * the school data, whether it meets the resource standards now, and whether closing every gap
 * would make it meet them (the CVs can still fail). `reason` is set, and `units` empty, when the
 * factor cannot be used (无数据: no school data, a unit without schools, a unit cost not set).
 * Kept beside `units` (not in `dataHash`) with its own hash, so data without school records hash
 * as before.
 */
export const GapInputs = z.object({
  year: z.number().int().nullable(),
  source: z.string(),
  reason: z.string().nullable(),
  units: z.record(z.string(), z.object({ costFen: z.number().int().nonnegative(), metNow: z.boolean(), metAfterClosing: z.boolean() })),
  hash: z.string(),
});
export type GapInputs = z.infer<typeof GapInputs>;

export const SimInputs = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  units: z.array(SimUnit),
  datasets: z.array(SimDataset),
  /** SHA-256 of the canonical JSON of `units`, so a run can name the data it used. */
  dataHash: z.string(),
  /** Region-years the data basis does not cover for an input the simulation reads (never read as 0 silently). */
  holes: z.array(z.object({ code: z.string(), name: z.string(), year: z.number().int(), input: z.string(), reason: z.string() })).optional(),
  /** The data basis the inputs were read through: its hash and one line naming the datasets. */
  basis: z.object({ hash: z.string(), line: z.string() }).optional(),
  /** The 缺口因素 and the 优质均衡 reach report's inputs (absent: not gathered, e.g. hand-made inputs). */
  gap: GapInputs.optional(),
});
export type SimInputs = z.infer<typeof SimInputs>;
