// The scenario file read by `wb simulate --scenario FILE.json` (documented in docs/scenario-file.md).
// Validated strictly: an unknown field, an unknown parameter or a value out of range is refused
// with the JSON path of the offending entry, e.g. `parameters["difficulty.tilt"]: must be between 0
// and 2 (multiplier)`.
import { z } from 'zod';
import { OverlayEntry, parameterDefinition, Scores, type TransferKey } from './parameters';

export const SCENARIO_FORMAT = 'edu-finance-scenario/1';
/**
 * The largest scenario file read (characters). A real one — parameters, five alternatives and a
 * difficulty score for each of ~3,000 counties — is well under 1 MB; a 34 MB file of scores took
 * 53 s and 2 GB before. Larger files are refused before parsing.
 */
export const MAX_SCENARIO_FILE_CHARS = 2 * 1024 * 1024;
/** At most this many problems are listed; the count of the rest is given. */
export const MAX_LISTED_SCENARIO_PROBLEMS = 50;

const ParameterMap = z.record(z.string(), z.number().finite()).superRefine((m, ctx) => {
  for (const [key, value] of Object.entries(m)) {
    const d = parameterDefinition(key);
    if (!d) ctx.addIssue({ code: 'custom', path: [key], message: 'not a known parameter (see `wb simulate --list-parameters`)' });
    else if (value < d.min || value > d.max) ctx.addIssue({ code: 'custom', path: [key], message: `must be between ${d.min} and ${d.max} (${d.unit})` });
    else if (d.unit === 'switch' && value !== 0 && value !== 1) ctx.addIssue({ code: 'custom', path: [key], message: 'a switch is 0 (off) or 1 (on)' });
  }
});

const AlternativeScenario = z
  .object({
    name: z.string().trim().min(1).max(100),
    parameters: ParameterMap.default({}),
    changes: z.array(OverlayEntry).default([]),
    scores: Scores.default({}),
  })
  .strict();

export const ScenarioFile = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    name: z.string().trim().min(1).max(100),
    /** The region whose units share the pool; 000000 = the whole country. */
    region: z.string().regex(/^\d{6}$/, 'a six-digit region code'),
    /** Which units share it: the counties (default), prefectures or provinces under the region. */
    units: z.enum(['county', 'prefecture', 'province']).default('county'),
    year: z.number().int().min(1949).max(2100).optional(),
    description: z.string().max(2000).optional(),
    /** Values from the simulated year on (open-ended). */
    parameters: ParameterMap.default({}),
    /** Effective-dated changes, applied after `parameters`. */
    changes: z.array(OverlayEntry).default([]),
    scores: Scores.default({}),
    /** Other scenarios to compare with (the baseline is always included). */
    alternatives: z.array(AlternativeScenario).max(5).default([]),
  })
  .strict();
export type ScenarioFile = z.infer<typeof ScenarioFile>;

/** `parameters` then `changes` as one overlay. */
export function overlayOf(s: { parameters: Record<string, number>; changes: OverlayEntry[] }): OverlayEntry[] {
  // The map's keys were checked against the parameter table when the file was parsed.
  return [...Object.entries(s.parameters).map(([key, value]) => ({ key: key as TransferKey, value, from: null, to: null })), ...s.changes];
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(top level)';
}

/** zod says "expected string, received undefined" for a missing field; say "missing" instead. */
function plainMessage(issue: { code: string; message: string }): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    const expected = /expected (\w+)/.exec(issue.message)?.[1];
    return `required${expected ? ` (${expected})` : ''} but missing`;
  }
  return issue.message;
}

/** Parses the text of a scenario file; problems come back as lines "path: message". */
export function parseScenarioFile(text: string): { ok: true; value: ScenarioFile } | { ok: false; problems: string[] } {
  if (text.length > MAX_SCENARIO_FILE_CHARS) return { ok: false, problems: [`(file): ${text.length} characters; a scenario file is at most ${MAX_SCENARIO_FILE_CHARS} (2 MB) / 方案文件过大`] };
  // A byte-order mark (Notepad, Excel's "UTF-8 CSV" habit) is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, problems: [`(file): not valid JSON — ${(e as Error).message}`] };
  }
  const r = ScenarioFile.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  // zod's messages already name unknown keys ("Unrecognized key: …"). The list is bounded: a file of
  // 100,000 bad scores says so in 51 lines, not 100,000.
  const problems = r.error.issues.slice(0, MAX_LISTED_SCENARIO_PROBLEMS).map((i) => `${pathText(i.path)}: ${plainMessage(i)}`);
  if (r.error.issues.length > MAX_LISTED_SCENARIO_PROBLEMS) problems.push(`… ${r.error.issues.length - MAX_LISTED_SCENARIO_PROBLEMS} more problems not listed / 另有 ${r.error.issues.length - MAX_LISTED_SCENARIO_PROBLEMS} 处问题未列出`);
  return { ok: false, problems };
}
