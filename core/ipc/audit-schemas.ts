// Wire shapes of the audit trail and backups (engine ⇄ renderer). The db layer's types are checked
// against these by the handlers' return types.
import { z } from 'zod';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['genesis', 'insert', 'update', 'delete', 'migrate', 'backup', 'restore']),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  state: z.array(z.object({ entity: z.string(), entityId: z.string(), reason: z.string() })),
});

export const BackupInfo = z.object({
  name: z.string(),
  file: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  reason: z.enum(['migrate', 'import', 'restore', 'manual', 'unknown']),
  datasets: z.number().int().nullable(),
  scenarios: z.number().int().nullable(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  problem: z.string().nullable(),
  auditProblem: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;
