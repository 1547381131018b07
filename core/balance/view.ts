// What crosses from the engine to the 规划目标 view: flat, JSON-safe, money in 分 (null = 无数据,
// with the reason beside it). Channels are declared here and spread into core/ipc/contracts.ts.
import { z } from 'zod';
import { Bytes } from '../ipc/schemas';

const Code = z.string().regex(/^\d{6}$/);
const YearSchema = z.number().int().min(1949).max(2100);
const Fen = z.number().int().nullable();
const Dataset = z.object({ kind: z.string(), id: z.number().int(), name: z.string(), sha256: z.string(), synthetic: z.boolean() });
const Point = z.object({ year: z.number().int(), value: z.number() });

export const TargetRowSchema = z.object({
  key: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  region: z.string(),
  regionName: z.string(),
  deadline: z.number().int(),
  comparator: z.enum(['>=', '<=']),
  threshold: z.number(),
  isShare: z.boolean(),
  series: z.array(Point),
  latest: z.object({ year: z.number().int(), value: z.number(), meets: z.boolean() }).nullable(),
  projection: z.number().nullable(),
  slope: z.number().nullable(),
  status: z.enum(['met', 'on_track', 'off_track', 'no_data']),
  reason: z.string(),
  offTrackUnits: z.array(z.string()),
  reference: z.string(),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

export const UnitCosts = z.object({ areaYuanPerM2: z.number().positive().max(1e9).nullable(), roomYuan: z.number().positive().max(1e9).nullable(), teacherPayYuan: z.number().positive().max(1e9).nullable() }).strict();

export const CountyCostRow = z.object({
  code: z.string(),
  name: z.string(),
  prefecture: z.string().nullable(),
  prefectureName: z.string(),
  status: z.enum(['met', 'not_met', 'no_data']),
  certified: z.boolean(),
  failingSchools: z.number().int(),
  failingCvs: z.number().int(),
  equipmentFen: Fen,
  areaFen: Fen,
  roomsFen: Fen,
  teachersFen: Fen,
  totalFen: Fen,
  teacherPaySource: z.string().nullable(),
  metAfterClosing: z.boolean(),
});

export const TargetsView = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  years: z.array(z.number().int()),
  datasets: z.array(Dataset),
  synthetic: z.boolean(),
  targets: z.array(TargetRowSchema),
});
export type TargetsView = z.infer<typeof TargetsView>;

export const CostsView = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  dataset: Dataset.nullable(),
  /** Why there is nothing to show (no schools data), else null. */
  problem: z.string().nullable(),
  unitCosts: UnitCosts,
  counties: z.array(CountyCostRow),
  prefectures: z.array(z.object({ code: z.string(), name: z.string(), counties: z.number().int(), met: z.number().int(), fen: Fen })),
  totalFen: Fen,
  missing: z.array(z.string()),
  basis: z.string(),
});
export type CostsView = z.infer<typeof CostsView>;

const Indicator = z.object({ key: z.string(), value: z.number().nullable(), threshold: z.number(), attainment: z.number().nullable(), meets: z.boolean(), reachesRemainder: z.boolean(), shortfall: z.number() });

export const CountyView = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  dataset: Dataset,
  status: z.enum(['met', 'not_met', 'no_data']),
  failures: z.array(z.string()),
  indicators: z.array(z.object({ key: z.string(), n: z.number().int(), zh: z.string(), en: z.string(), unit: z.string(), primary: z.number(), junior: z.number() })),
  sections: z.array(
    z.object({
      section: z.enum(['primary', 'junior']),
      pupils: z.number().int(),
      schoolsPassing: z.number().int(),
      cvs: z.array(z.object({ key: z.string(), cv: z.number().nullable(), limit: z.number(), passes: z.boolean(), countyValue: z.number().nullable() })),
      schools: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), locale: z.string(), pupils: z.number().int(), met: z.number().int(), passes: z.boolean(), indicators: z.array(Indicator) })),
    }),
  ),
  excluded: z.array(z.object({ code: z.string(), name: z.string(), reason: z.string() })),
  cost: z.object({
    equipmentFen: Fen,
    areaFen: Fen,
    roomsFen: Fen,
    teachersFen: Fen,
    totalFen: Fen,
    areaM2: z.number(),
    rooms: z.number().int(),
    teachers: z.number().int(),
    keyTeachers: z.number().int(),
    metAfterClosing: z.boolean(),
    missing: z.array(z.string()),
    assumptions: z.array(z.string()),
    schools: z.array(z.object({ code: z.string(), name: z.string(), section: z.string(), equipmentFen: Fen, areaM2: z.number(), areaFen: Fen, rooms: z.number().int(), roomsFen: Fen, teachers: z.number().int(), teachersFen: Fen, keyTeachers: z.number().int(), totalFen: Fen })),
  }),
});
export type CountyView = z.infer<typeof CountyView>;

const RegionYear = z.object({ regionCode: Code, year: YearSchema.optional() }).strict();

export const targetsContracts = {
  'targets.monitor': { input: RegionYear, output: TargetsView },
  'targets.costs': { input: RegionYear, output: CostsView },
  'targets.county': { input: z.object({ countyCode: Code, year: YearSchema }).strict(), output: CountyView },
  'targets.unitCosts.get': { input: z.object({}).strict(), output: UnitCosts },
  'targets.unitCosts.set': { input: UnitCosts, output: UnitCosts },
  'targets.export': { input: z.object({ regionCode: Code, year: YearSchema }).strict(), output: z.object({ fileName: z.string(), bytes: Bytes }) },
} as const;
