// The engine's API: one entry per channel ("area.verb"), each with a zod input and output.
// Handlers are typed against this object, the dispatcher validates every input against it, and
// the renderer's client derives its call signatures from it — one declaration, three users.
import { z } from 'zod';
import { Bytes, CodeChange, DatasetId, DatasetInfo, RegionCode, RegionInfo, Scope, Year } from './schemas';

export const contracts = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      databaseFile: z.string(),
      synthetic: z.boolean(),
      host: z.enum(['electron', 'web']),
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
} as const;

export type Contracts = typeof contracts;
export type Channel = keyof Contracts;
export type Input<C extends Channel> = z.input<Contracts[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contracts[C]['input']>;
export type Output<C extends Channel> = z.output<Contracts[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

