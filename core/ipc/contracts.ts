// The engine's API: one entry per channel ("area.verb"), each with a zod input and output.
// Handlers are typed against this object, the dispatcher validates every input against it, and
// the renderer's client derives its call signatures from it — one declaration, three users.
import { z } from 'zod';
import { ImportOutcome, ImportRequest } from '../import/request';
import { IMPORT_KINDS } from '../import/kinds';
import { Bytes, CodeChange, DatasetId, DatasetInfo, RegionCode, RegionInfo, Scope, Year, Divisor, Level } from './schemas';
import {
  Annotation,
  BudgetFunctionRow,
  ComplianceResult,
  GovLevel,
  Provenance,
  RuleDefinition,
  RuleIdSchema,
  RuleSummary,
  VarianceRow,
} from '../compliance/types';

import { Brief, BRIEF_SECTIONS } from '../brief/model';
import { SimInputs } from '../transfer/inputs';
import { OverlayEntry, Scores } from '../transfer/parameters';
import { GoalKindSchema, GoalResultSchema, StoredScenario } from '../transfer/schemas';
import { workspaceContracts } from './workspace-contracts';
import { healthContracts } from './health-contracts';
import { AuditEntry, AuditReport, BackupInfo } from './audit-schemas';
import { AidAllocateInput, AidAllocationView, AidNeedInput, AidNeedView } from '../aid/view';
import { targetsContracts } from '../balance/view';

const BriefRequest = z
  .object({
    regionCode: RegionCode,
    year: Year.optional(),
    scenarioId: z.number().int().positive().optional(),
    sections: z.array(z.enum(BRIEF_SECTIONS)).min(1),
    lang: z.enum(['zh', 'en']).default('zh'),
  })
  .strict();
/** Text a person typed: trimmed, not empty, no NUL or other control characters (SQLite stops at NUL). */
const VisibleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters are not allowed');
const AuditEntity = z.enum(['dataset', 'scenario', 'compliance_annotation', 'setting', 'database']);
const FileBytes = z.object({ fileName: z.string(), bytes: Bytes });
const UploadId = z.string().regex(/^[0-9a-f]{64}$/, 'an upload id');
const TableColumn = z.object({ header: z.string(), key: z.string(), kind: z.enum(['text', 'integer', 'year', 'number', 'decimal2', 'percent2']), width: z.number().optional() });

export const contracts = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      databaseFile: z.string(),
      synthetic: z.boolean(),
      host: z.enum(['electron', 'web']),
      /** Set when the database could only be opened read-only: nothing can be changed. */
      readOnly: z.object({ reason: z.enum(['requested', 'file_read_only', 'folder_read_only', 'locked']), message: z.string() }).nullable(),
      /** Set when the database is damaged: only the backup channels answer until one is restored. */
      recovery: z.object({ message: z.string(), backups: z.array(BackupInfo) }).nullable(),
    }),
  },
  'regions.tree': {
    input: z.object({}).strict(),
    output: z.object({ regions: z.array(RegionInfo), codeChanges: z.array(CodeChange) }),
  },
  'datasets.list': {
    input: z.object({}).strict(),
    output: z.object({ datasets: z.array(DatasetInfo) }),
  },
  'perStudent.series': {
    input: z
      .object({
        regionCode: RegionCode,
        /** Default: the latest year with data for the region. */
        year: Year.optional(),
        scope: Scope,
        /** Years of trend before `year` (the chart shows `span` years ending at `year`). */
        span: z.number().int().min(1).max(30).default(10),
        expenditureDatasetId: DatasetId.optional(),
        enrolmentDatasetId: DatasetId.optional(),
      })
      .strict(),
    output: z.object({
      region: RegionInfo,
      /** Exact facts on the region's current boundary, as Arrow IPC (see core/arrow/per-student-series.ts). */
      series: Bytes,
      firstYear: Year,
      lastYear: Year,
      expenditureDataset: DatasetInfo.nullable(),
      enrolmentDataset: DatasetInfo.nullable(),
      /** Datasets that hold facts for this region, to choose from. */
      candidates: z.array(DatasetInfo),
      /** Code changes used to put earlier years on the current boundary. */
      crosswalk: z.array(CodeChange),
      availableYears: z.array(Year),
    }),
  },
  'import.upload': {
    input: z.object({ fileName: z.string().min(1).max(255), bytes: Bytes }).strict(),
    output: z.object({ uploadId: UploadId, fileName: z.string(), sizeBytes: z.number().int() }),
  },
  'import.preview': {
    input: z.object({ uploadId: UploadId, fileName: z.string().min(1).max(255), request: ImportRequest }).strict(),
    output: ImportOutcome,
  },
  'import.commit': {
    input: z.object({ uploadId: UploadId, fileName: z.string().min(1).max(255), request: ImportRequest }).strict(),
    output: ImportOutcome,
  },
  /** A bulletin file (.txt, .docx, .pdf with a text layer) as text, for the 公告 tab to read. */
  'bulletin.text': {
    input: z.object({ fileName: z.string().min(1).max(255), bytes: Bytes }).strict(),
    output: z.object({ text: z.string(), format: z.enum(['txt', 'docx', 'pdf']), sha256: z.string() }),
  },
  /** A bulletin's text (as read or edited) stored as a bulletin dataset: all facts or none. */
  'bulletin.import': {
    input: z.object({ text: z.string().min(1).max(2_000_000), fileName: z.string().min(1).max(255), regionCode: RegionCode.nullable(), year: Year.nullable() }).strict(),
    output: z.object({ status: z.enum(['imported', 'unchanged', 'refused']), datasetId: z.number().int().nullable(), datasetName: z.string().nullable(), regionCode: z.string().nullable(), facts: z.number().int(), problems: z.array(z.string()) }),
  },
  'import.template': {
    input: z.object({ kind: z.enum(IMPORT_KINDS) }).strict(),
    output: FileBytes,
  },
  'datasets.compare': {
    input: z.object({ a: DatasetId, b: DatasetId, limit: z.number().int().min(1).max(100_000).default(500) }).strict(),
    output: z.object({
      a: DatasetInfo,
      b: DatasetInfo,
      same: z.number().int(),
      changed: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      cells: z.array(z.object({ regionCode: z.string(), year: z.number().int(), key: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    }),
  },
  'datasets.export': {
    input: z.object({ id: DatasetId, format: z.enum(['xlsx', 'csv', 'arrow']) }).strict(),
    output: FileBytes,
  },
  'table.export': {
    input: z
      .object({
        format: z.enum(['xlsx', 'csv']),
        fileStem: z.string().min(1).max(120),
        table: z.object({ title: z.string(), columns: z.array(TableColumn).min(1), rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).max(1_000_000), provenance: z.array(z.string()) }),
      })
      .strict(),
    output: FileBytes,
  },
  'compliance.rules': {
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(RuleDefinition) }),
  },
  'compliance.check': {
    input: z
      .object({
        /** Default: every rule in the registry. */
        rules: z.array(RuleIdSchema).min(1).optional(),
        /** Default: every year the data cover. A row for year t compares t with t−1. */
        yearFrom: Year.optional(),
        yearTo: Year.optional(),
        govLevel: GovLevel.default('province'),
        scope: Scope.default('consolidated'),
        /** Explicit datasets; by default the latest non-superseded dataset per kind and scope. */
        datasetIds: z.array(DatasetId).optional(),
        divisor: Divisor.default('autumn'),
        /** Only regions under (or equal to) this code. */
        underRegion: RegionCode.optional(),
        onlyFailures: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ results: z.array(ComplianceResult), summary: z.array(RuleSummary), provenance: Provenance }),
  },
  /** One rule's results for the compliance view as Arrow IPC (matrix cells, failures), cached per data choice. */
  'compliance.view': {
    input: z
      .object({
        rule: RuleIdSchema,
        govLevel: GovLevel.default('county'),
        scope: Scope.default('consolidated'),
        divisor: Divisor.default('autumn'),
        datasetIds: z.array(DatasetId).optional(),
        yearFrom: Year.optional(),
        yearTo: Year.optional(),
      })
      .strict(),
    output: z.object({
      /** core/compliance/view-arrow.ts encodeCells: the matrix's regions, and each one's own row per year. */
      regions: z.array(z.object({ code: z.string(), name: z.string() })),
      cells: Bytes,
      /** encodeFailures: every failing row, any level. */
      failures: Bytes,
      valueUnit: ComplianceResult.shape.valueUnit,
      summary: RuleSummary,
      rows: z.number().int(),
      years: z.object({ from: Year, to: Year }).nullable(),
      provenance: Provenance,
      annotations: z.array(Annotation),
      /** True when answered from the engine's memory of an earlier identical computation. */
      cached: z.boolean(),
    }),
  },
  'compliance.drilldown': {
    input: z
      .object({
        rule: RuleIdSchema,
        regionCode: RegionCode,
        year: Year,
        scope: Scope.default('consolidated'),
        /** Restrict the budget-function breakdown to one education level. */
        level: Level.optional(),
        datasetIds: z.array(DatasetId).optional(),
        divisor: Divisor.default('autumn'),
      })
      .strict(),
    output: z.object({
      region: ComplianceResult.nullable(),
      /** The same rule for the region's direct children (prefectures of a province, counties of a prefecture). */
      children: z.array(ComplianceResult),
      /** per-student-no-decrease by education level for the region (empty for other rules' levels). */
      levels: z.array(ComplianceResult),
      /** Spending by budget function code (class 205) for the region, year and prior year. */
      functions: z.array(BudgetFunctionRow),
      provenance: Provenance,
    }),
  },
  'compliance.annotate': {
    input: z.discriminatedUnion('action', [
      z
        .object({
          action: z.literal('add'),
          rule: RuleIdSchema,
          regionCode: RegionCode,
          year: Year,
          level: Level.nullable().default(null),
          scope: Scope.default('consolidated'),
          text: VisibleText(4000),
          author: VisibleText(120),
        })
        .strict(),
      z.object({ action: z.literal('remove'), id: z.number().int().positive() }).strict(),
    ]),
    output: z.object({ annotation: Annotation.nullable(), removedId: z.number().int().nullable() }),
  },
  'compliance.variance': {
    input: z
      .object({
        year: Year,
        govLevel: GovLevel.default('county'),
        scope: Scope.default('consolidated'),
        /** 'total' = 一般公共预算教育支出; 'per_student' = per student (level or combined). */
        measure: z.enum(['total', 'per_student']).default('total'),
        level: Level.optional(),
        /** Absolute growth, in percent, above which a row is flagged (e.g. "10"). */
        thresholdPercent: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, 'a non-negative decimal percent with at most 4 decimals').default('10'),
        top: z.number().int().min(1).max(1000).default(20),
        datasetIds: z.array(DatasetId).optional(),
        divisor: Divisor.default('autumn'),
      })
      .strict(),
    output: z.object({
      rows: z.array(VarianceRow),
      topUp: z.array(VarianceRow),
      topDown: z.array(VarianceRow),
      overThreshold: z.number().int(),
      provenance: Provenance,
    }),
  },
  'transfer.inputs': {
    input: z.object({ regionCode: RegionCode, year: Year.optional(), datasetIds: z.array(DatasetId).optional() }).strict(),
    output: z.object({ inputs: SimInputs, availableYears: z.array(Year) }),
  },
  'transfer.scenarios': {
    input: z.object({ regionCode: RegionCode, year: Year.optional() }).strict(),
    output: z.object({ scenarios: z.array(StoredScenario) }),
  },
  'transfer.edit': {
    input: z.discriminatedUnion('action', [
      z.object({ action: z.literal('create'), regionCode: RegionCode, year: Year.optional(), name: z.string().max(100), overlay: z.array(OverlayEntry).default([]), scores: Scores.optional() }).strict(),
      z.object({ action: z.literal('save'), id: z.number().int().positive(), year: Year.optional(), overlay: z.array(OverlayEntry), scores: Scores.optional() }).strict(),
      z.object({ action: z.literal('rename'), id: z.number().int().positive(), name: z.string().max(100) }).strict(),
      z.object({ action: z.literal('duplicate'), id: z.number().int().positive() }).strict(),
      z.object({ action: z.literal('delete'), id: z.number().int().positive() }).strict(),
    ]),
    output: z.object({ scenario: StoredScenario.nullable(), deletedId: z.number().int().nullable() }),
  },
  'transfer.goalSeek': {
    input: z.object({ regionCode: RegionCode, year: Year.optional(), goal: GoalKindSchema, overlay: z.array(OverlayEntry).default([]), scores: Scores.optional() }).strict(),
    output: GoalResultSchema,
  },
  'audit.history': {
    input: z.object({ entity: AuditEntity.optional(), entityId: z.string().min(1).max(200).optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ entries: z.array(AuditEntry), headSeq: z.number().int() }),
  },
  'audit.verify': {
    input: z.object({}).strict(),
    output: AuditReport,
  },
  'audit.export': {
    input: z.object({ format: z.enum(['xlsx', 'csv']), entity: AuditEntity.optional(), entityId: z.string().min(1).max(200).optional() }).strict(),
    output: FileBytes,
  },
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ backups: z.array(BackupInfo) }),
  },
  'backup.create': {
    input: z.object({}).strict(),
    output: z.object({ backup: BackupInfo }),
  },
  'backup.restore': {
    input: z.object({ name: z.string().min(1).max(255) }).strict(),
    output: z.object({ restored: BackupInfo, safetyCopy: z.string() }),
  },
  'brief.compose': {
    input: BriefRequest,
    output: Brief,
  },
  'brief.export': {
    input: BriefRequest.extend({ format: z.enum(['pdf', 'docx', 'xlsx']) }).strict(),
    output: FileBytes,
  },
  ...workspaceContracts,
  ...healthContracts,
  'aid.need': { input: AidNeedInput, output: AidNeedView },
  'aid.allocate': { input: AidAllocateInput, output: AidAllocationView },
  'aid.export': { input: z.object({ need: AidNeedInput, allocation: AidAllocateInput.optional() }).strict(), output: FileBytes },
  ...targetsContracts,
} as const;

export type Contracts = typeof contracts;
export type Channel = keyof Contracts;
export type Input<C extends Channel> = z.input<Contracts[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contracts[C]['input']>;
export type Output<C extends Channel> = z.output<Contracts[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

