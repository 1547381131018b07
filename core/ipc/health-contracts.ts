// Engine calls for 数据体检 (the health of the data basis) and for which datasets a view reads (the
// 合成数据 banner shows exactly while a view reads synthetic data).
import { z } from 'zod';
import { Scope } from './schemas';

const Code = z.string().regex(/^\d{6}$/);
const Year = z.number().int().min(1949).max(2100);
const ViewId = z.enum(['home', 'compliance', 'transfer', 'brief', 'health']);

export const DataHealthView = z.object({
  basis: z.object({ hash: z.string(), line: z.string() }),
  govLevel: z.enum(['national', 'province', 'prefecture', 'county']),
  scope: Scope,
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  regions: z.number().int(),
  results: z.number().int(),
  coverage: z.array(z.object({ input: z.string(), covered: z.number().int(), total: z.number().int(), gaps: z.array(z.object({ code: z.string(), name: z.string(), missingYears: z.string() })) })),
  na: z.array(z.object({ rule: z.string(), reason: z.string(), count: z.number().int() })),
  overlaps: z.array(z.object({ input: z.string(), usedId: z.number().int(), otherId: z.number().int(), regionYears: z.number().int(), same: z.number().int(), rounding: z.number().int(), conflict: z.number().int() })),
  views: z.array(z.object({ view: ViewId, total: z.number().int(), na: z.number().int(), reasons: z.array(z.object({ reason: z.string(), count: z.number().int(), examples: z.array(z.string()) })) })),
  warnings: z.array(z.object({ kind: z.enum(['synthetic', 'control_total', 'conflict', 'rounding']), text: z.string() })),
});
export type DataHealthView = z.infer<typeof DataHealthView>;

export const healthContracts = {
  'health.report': {
    input: z
      .object({ scope: Scope.default('consolidated'), govLevel: z.enum(['province', 'prefecture', 'county']).default('province'), from: Year.optional(), to: Year.optional(), underRegion: Code.optional() })
      .strict(),
    output: DataHealthView,
  },
  'basis.uses': {
    input: z.object({ scope: Scope.default('consolidated'), view: z.enum(['home', 'compliance', 'transfer', 'targets', 'aid', 'brief', 'datasets', 'import', 'audit', 'health']), region: Code.nullable() }).strict(),
    output: z.object({ synthetic: z.boolean(), datasets: z.array(z.object({ id: z.number().int(), name: z.string(), synthetic: z.boolean() })) }),
  },
} as const;
