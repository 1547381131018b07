// Engine calls for workspaces (one database file each, in the workbench's data folder) and for the
// data basis (which dataset feeds each input per region-year; see db/repos/basis.ts).
import { z } from 'zod';
import { DatasetId, Scope } from './schemas';

/** A workspace name: the file name without .sqlite; no path, so only the data folder is reachable. */
export const WorkspaceName = z.string().regex(/^[\p{L}\p{N}_-]{1,60}$/u, 'letters, digits, _ and - only (1–60)');

export const BasisInputName = z.string().regex(/^(expenditure|enrolment|bulletin|fiscal:[a-z_]+)$/);

export const BasisOverrideSchema = z.object({
  input: BasisInputName,
  scope: Scope.nullable(),
  region: z.string().regex(/^\d{6}$/).nullable(),
  from: z.number().int().min(1949).max(2100).nullable(),
  to: z.number().int().min(1949).max(2100).nullable(),
  datasetId: DatasetId,
  mode: z.enum(['prefer', 'exclude']),
  note: z.string().max(500).nullable(),
});

export const BasisView = z.object({
  scope: Scope,
  hash: z.string(),
  rule: z.string(),
  line: z.string(),
  synthetic: z.boolean(),
  summary: z.array(z.object({ input: z.string(), datasetId: z.number().int(), datasetName: z.string(), sha256: z.string(), synthetic: z.boolean(), stage: z.string(), regions: z.number().int(), years: z.array(z.number().int()) })),
  overrides: z.array(BasisOverrideSchema),
});
export type BasisView = z.infer<typeof BasisView>;

export const workspaceContracts = {
  'workspace.list': {
    input: z.object({}).strict(),
    output: z.object({ current: z.string(), folder: z.string(), workspaces: z.array(z.object({ name: z.string(), current: z.boolean() })) }),
  },
  'workspace.switch': {
    input: z.object({ name: WorkspaceName, create: z.enum(['empty', 'demo']).optional() }).strict(),
    output: z.object({ name: z.string(), created: z.boolean() }),
  },
  'basis.show': {
    input: z.object({ scope: Scope.default('consolidated') }).strict(),
    output: BasisView,
  },
  'basis.set': {
    input: z.object({ scope: Scope.default('consolidated'), add: BasisOverrideSchema.optional(), clear: z.boolean().optional() }).strict(),
    output: BasisView,
  },
} as const;
