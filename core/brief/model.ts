// What a budget brief holds, independent of its format: a title block, sections of paragraphs and
// tables, and the provenance printed on every page or sheet. The data it is built from (BriefData)
// is gathered by db/brief/gather.ts; build.ts turns data into this model with the templates; the
// HTML, PDF, DOCX and XLSX writers only lay it out. JSON-safe so it crosses the engine boundary.
import { z } from 'zod';

export const BRIEF_SECTIONS = ['spending', 'per_student', 'compliance', 'scenario', 'targets', 'appendix'] as const;
export type BriefSection = (typeof BRIEF_SECTIONS)[number];

// year: a calendar year (no thousands separator); decimal4: a ratio or % shown to 4 decimals.
export const CellKind = z.enum(['text', 'integer', 'year', 'decimal4', 'yuan2', 'yi2', 'wan2', 'percent2']);
export type CellKind = z.infer<typeof CellKind>;

export const BriefTable = z.object({
  caption: z.string(),
  columns: z.array(z.object({ header: z.string(), kind: CellKind })),
  /** Numbers are the display values in the column's unit (元, 亿元, 万元, %), unrounded; text as is. */
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  note: z.string().nullable(),
});
export type BriefTable = z.infer<typeof BriefTable>;

export const BriefChart = z.object({
  title: z.string(),
  /** One bar per year, with the growth label under it. */
  bars: z.array(z.object({ label: z.string(), value: z.number(), note: z.string(), fall: z.boolean() })),
  unit: z.string(),
});
export type BriefChart = z.infer<typeof BriefChart>;

export const BriefBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('table'), table: BriefTable }),
  z.object({ type: z.literal('chart'), chart: BriefChart }),
]);
export type BriefBlock = z.infer<typeof BriefBlock>;

export const Brief = z.object({
  lang: z.enum(['zh', 'en']),
  title: z.string(),
  subtitle: z.string(),
  /** 2026年11月29日 / 29 November 2026 — the generation date. */
  date: z.string(),
  sections: z.array(z.object({ id: z.enum(BRIEF_SECTIONS), heading: z.string(), blocks: z.array(BriefBlock) })),
  /** Printed in every page footer and on every sheet. */
  provenance: z.array(z.string()),
  /** The page footer: rules, app, time, scenario hash, datasets by name and short hash. */
  footer: z.string(),
  /** The same without dataset names, for footers with a length limit (Excel: 255 characters). */
  footerShort: z.string(),
});
export type Brief = z.infer<typeof Brief>;
