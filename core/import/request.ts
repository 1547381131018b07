// What an import is asked to do, and what it answers — shared by the CLI, the engine contract and
// the wizard. Amounts in answers are decimal text (BigInt does not cross JSON).
import { z } from 'zod';
import { BasisImpact } from '../basis/impact';
import { IMPORT_KINDS } from './kinds';
import { PROBLEM_CODES } from './problems';

export const ImportRequest = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    sheet: z.string().optional(),
    unit: z.enum(['元', '千元', '万元', '亿元', '人', '万人', '平方公里', '万平方公里']).optional(),
    map: z.array(z.string()).default([]),
    where: z.array(z.string()).default([]),
    datasetName: z.string().min(1).optional(),
    basis: z.enum(['moe_edu_funds', 'mof_205']).optional(),
    scope: z.enum(['consolidated', 'own_level']).optional(),
    stage: z.enum(['flash', 'bulletin', 'yearbook', 'final_accounts', 'budget', 'other']).optional(),
    encoding: z.enum(['auto', 'utf-8', 'gb18030']).default('auto'),
    password: z.string().optional(),
    /** Published totals to reconcile: "YEAR=VALUE" or "FIELD:YEAR=VALUE", VALUE in the import's unit. */
    controls: z.array(z.string()).default([]),
    /** Use a mapping saved for a file of the same shape when no --map is given (default true). */
    useSavedMapping: z.boolean().default(true),
    /** The user has seen the warnings that need confirmation (implausible values, hidden content) and imports anyway. */
    confirm: z.boolean().default(false),
  })
  .strict();
export type ImportRequest = z.output<typeof ImportRequest>;
export type ImportRequestInput = z.input<typeof ImportRequest>;

export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  expected: z.string(),
});

const FieldSource = z.union([z.object({ column: z.number().int() }), z.object({ constant: z.string() })]);
export const MappingSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string(),
  headerRows: z.array(z.number().int()),
  dataStart: z.number().int(),
  columns: z.array(z.string()),
  fields: z.record(z.string(), FieldSource),
  values: z.array(z.object({ column: z.number().int(), field: z.string(), year: z.number().int().optional(), level: z.string().optional(), unit: z.string().optional() })),
  filters: z.array(z.object({ column: z.number().int(), equals: z.string() })),
  declaredUnit: z.string().optional(),
});

export const ImportOutcome = z.object({
  status: z.enum(['committed', 'previewed', 'unchanged', 'refused', 'cancelled']),
  datasetId: z.number().int().nullable(),
  datasetName: z.string().nullable(),
  supersedes: z.number().int().nullable(),
  file: z.object({ name: z.string(), sha256: z.string(), format: z.string(), encoding: z.string().nullable(), sheet: z.string().nullable(), sheets: z.array(z.string()), sizeBytes: z.number() }).nullable(),
  mapping: MappingSchema.nullable(),
  mappingSource: z.enum(['suggested', 'saved', 'given']).nullable(),
  notes: z.array(z.string()),
  factCount: z.number().int(),
  rowsRead: z.number().int(),
  problems: z.array(ProblemSchema),
  problemCount: z.number().int(),
  preview: z.object({
    rows: z.array(z.object({ row: z.number().int(), regionCode: z.string(), regionName: z.string(), year: z.number().int(), level: z.string(), key: z.string(), field: z.string(), stored: z.string(), storedUnit: z.string() })),
    totalsByYear: z.array(z.object({ year: z.number().int(), field: z.string(), total: z.string(), storedUnit: z.string(), facts: z.number().int() })),
  }),
  changes: z
    .object({
      previousId: z.number().int(),
      changed: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      cells: z.array(z.object({ regionCode: z.string(), year: z.number().int(), key: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    })
    .nullable(),
  reconciliation: z.array(z.object({ label: z.string(), year: z.number().int().nullable(), field: z.string(), expected: z.string(), actual: z.string(), difference: z.string(), tolerance: z.string(), storedUnit: z.string(), ok: z.boolean(), row: z.number().int().nullable() })),
  /** Whether committing changes the default data basis, and how (absent where the kind feeds none). */
  basisImpact: BasisImpact.optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;
