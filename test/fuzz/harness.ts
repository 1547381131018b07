// The fuzzing harness: a target is an arbitrary (fast-check) plus a check that runs the product code
// on one generated input and says what, if anything, is wrong with how it behaved. The property
// given to fast-check never fails: every violation is recorded (deduplicated by a signature, so one
// bug hit a thousand times is one finding with a count) and the run goes on, so a target reports
// all its distinct findings, not only the first. Afterwards each distinct finding is replayed from
// its fast-check path and shrunk to a small counterexample (cheap targets only).
//
// Runs in a worker (test/fuzz/main.ts, which watches each case for hangs) or in-process (the
// vitest smoke test).
import fc from 'fast-check';
import { ERROR_CODES, CodedError } from '../../core/result';
import { ReaderError } from '../../db/import/read';
import { UsageError } from '../../cli/io';

/** What a check found wrong with one case; null/undefined when the product behaved. */
export type Violation = {
  /** Short, stable description used to deduplicate ("raw TypeError: Cannot read properties of …"). */
  signature: string;
  /** Full detail for the report (error message, offending reply …). */
  detail: string;
};

export type Target<T, C = unknown> = {
  name: string;
  /** Number of cases in a full run (`npm run fuzz`). */
  runs: number;
  /** Number of cases in the smoke test (default 50). */
  smokeRuns?: number;
  /** Shrink findings (replays the property many times; off for expensive targets). */
  shrink?: boolean;
  /** One-time set-up per run (temp dirs, a database …), shared by all cases. */
  setup?: () => Promise<C> | C;
  teardown?: (ctx: C) => Promise<void> | void;
  arb: (ctx: C) => fc.Arbitrary<T>;
  check: (input: T, ctx: C) => Promise<Violation | null | undefined> | Violation | null | undefined;
  /** A readable form of an input for the report (default fc.stringify, clipped). */
  show?: (input: T) => string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTarget = Target<any, any>;

export type Finding = {
  target: string;
  signature: string;
  detail: string;
  count: number;
  seed: number;
  /** 0-based index of the first case that showed it (fast-check path of that run). */
  caseIndex: number;
  input: string;
  shrunk?: string;
  shrunkDetail?: string;
};

export type TargetResult = { target: string; runs: number; seed: number; findings: Finding[]; ms: number };

const MAX_INPUT_CHARS = 4000;
const MAX_SIGNATURES = 12;
const SHRINK_BUDGET = 400;

export function clip(s: string, max = MAX_INPUT_CHARS): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
}

export function showInput(target: AnyTarget, input: unknown): string {
  try {
    return clip(target.show ? target.show(input) : fc.stringify(input));
  } catch (e) {
    return `(could not print the input: ${String(e)})`;
  }
}

/** Digits and quoted values out, so one bug with many inputs is one signature. */
export function normaliseSignature(s: string): string {
  return s
    .replace(/"[^"]*"|“[^”]*”|「[^」]*」|'[^']*'/g, '…')
    .replace(/\d+/g, 'N')
    .replace(/\/tmp\/\S+/g, 'TMP')
    .slice(0, 200);
}

// ---- judging thrown values and messages ------------------------------------------------------

const RAW_ERROR_NAMES = /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError|InternalError)\b/;
const STACK_LINE = /\n\s+at\s+\S.*(\(|:\d+:\d+)/;
const SUSPICIOUS = [/\bundefined\b/, /\[object Object\]/, /\bNaN\b/];

/**
 * Words a message must not contain unless the input itself put them there ("undefined",
 * "[object Object]", "NaN", a stack trace, a raw error class name).
 */
export function messageProblems(message: string, inputText = ''): string[] {
  const out: string[] = [];
  if (typeof message !== 'string') return ['message is not a string'];
  if (message.trim() === '') out.push('empty message');
  if (STACK_LINE.test(message)) out.push('stack trace in message');
  const raw = RAW_ERROR_NAMES.exec(message);
  if (raw && !inputText.includes(raw[1] as string)) out.push(`raw ${raw[1]} name in message`);
  for (const re of SUSPICIOUS) {
    const m = re.exec(message);
    if (m && !inputText.includes(m[0])) out.push(`"${m[0]}" in message`);
  }
  return out;
}

export function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return `non-Error thrown: ${String(e)}`;
}

/** A thrown value that is not one of ours: a violation named by its class and message. */
export function rawThrow(where: string, e: unknown): Violation {
  const name = e instanceof Error ? e.constructor.name || e.name : typeof e;
  const message = e instanceof Error ? e.message : String(e);
  return { signature: `${where}: raw ${name}: ${normaliseSignature(message)}`, detail: describeThrown(e) };
}

export type OwnErrorKinds = { reader?: boolean; coded?: boolean; usage?: boolean; abort?: boolean };

/**
 * A thrown value judged: one of our own error values with a clean message is fine (null); anything
 * else is a violation.
 */
export function judgeThrown(where: string, e: unknown, allowed: OwnErrorKinds, inputText = ''): Violation | null {
  if (allowed.reader && e instanceof ReaderError) {
    const p = e.problem;
    const issues = [...messageProblems(p.expected, inputText)];
    if (!p.file) issues.push('problem without a file name');
    if (p.severity !== 'error') issues.push(`reader problem with severity ${p.severity}`);
    if ((p.code === 'encoding_invalid' || (p.code === 'file_unreadable' && /quote|引号|16 MB/.test(p.expected))) && p.row === null) issues.push(`${p.code} without a row`);
    if (p.code === 'sheet_not_found' && p.sheet === null) issues.push('sheet_not_found without the sheet');
    return issues.length ? { signature: `${where}: ReaderError ${p.code}: ${issues.join(', ')}`, detail: `${e.message}\n${JSON.stringify(p)}` } : null;
  }
  if (allowed.coded && e instanceof CodedError) {
    const issues = messageProblems(e.message, inputText);
    if (!(ERROR_CODES as readonly string[]).includes(e.code)) issues.push(`unknown code ${e.code}`);
    return issues.length ? { signature: `${where}: CodedError ${e.code}: ${issues.join(', ')}`, detail: e.message } : null;
  }
  if (allowed.usage && e instanceof UsageError) {
    const issues = messageProblems(e.message, inputText);
    return issues.length ? { signature: `${where}: UsageError: ${issues.join(', ')} :: ${normaliseSignature(e.message)}`, detail: e.message } : null;
  }
  if (allowed.abort && e instanceof Error && e.name === 'AbortError') return null;
  return rawThrow(where, e);
}

// ---- running a target --------------------------------------------------------------------------

export type RunOptions = {
  seed: number;
  numRuns: number;
  /** Called before each case with its 0-based index (the worker stamps it for the hang watch). */
  onCase?: (index: number) => void;
  /** Shrink findings (default: the target's setting). */
  shrink?: boolean;
};

async function checkOne(target: AnyTarget, ctx: unknown, input: unknown): Promise<Violation | null> {
  try {
    return (await target.check(input, ctx)) ?? null;
  } catch (e) {
    // The check itself threw: a check lets the product's throws through only when they are not ours.
    return rawThrow(`${target.name} (thrown through the check)`, e);
  }
}

export async function runTarget(target: AnyTarget, options: RunOptions): Promise<TargetResult> {
  const started = Date.now();
  const ctx = target.setup ? await target.setup() : undefined;
  const findings = new Map<string, Finding>();
  try {
    const arb = target.arb(ctx);
    let index = 0;
    const property = fc.asyncProperty(arb, async (input) => {
      const i = index++;
      options.onCase?.(i);
      const v = await checkOne(target, ctx, input);
      if (v) {
        const f = findings.get(v.signature);
        if (f) f.count++;
        else if (findings.size < MAX_SIGNATURES) {
          findings.set(v.signature, { target: target.name, signature: v.signature, detail: clip(v.detail), count: 1, seed: options.seed, caseIndex: i, input: showInput(target, input) });
        }
      }
      return true;
    });
    const r = await fc.check(property, { seed: options.seed, numRuns: options.numRuns });
    if (r.failed && r.errorInstance) {
      // Only the harness can get here (the property returns true): say so rather than hide it.
      findings.set('harness', { target: target.name, signature: 'harness error', detail: describeThrown(r.errorInstance), count: 1, seed: options.seed, caseIndex: -1, input: '' });
    }
    if (options.shrink ?? target.shrink ?? false) {
      for (const f of findings.values()) {
        if (f.caseIndex < 0) continue;
        let calls = 0;
        let lastDetail = '';
        const same = fc.asyncProperty(arb, async (input) => {
          if (++calls > SHRINK_BUDGET) return true;
          options.onCase?.(-calls);
          const v = await checkOne(target, ctx, input);
          if (v && v.signature === f.signature) {
            lastDetail = v.detail;
            return false;
          }
          return true;
        });
        const s = await fc.check(same, { seed: options.seed, path: String(f.caseIndex), numRuns: 1 });
        if (s.failed && s.counterexample) {
          f.shrunk = showInput(target, s.counterexample[0]);
          f.shrunkDetail = clip(lastDetail, 1500);
        }
      }
    }
  } finally {
    if (target.teardown) await target.teardown(ctx);
  }
  return { target: target.name, runs: options.numRuns, seed: options.seed, findings: [...findings.values()], ms: Date.now() - started };
}

/** The input of case `index` of a run (fast-check generates the same values for the same seed). */
export async function replayInput(target: AnyTarget, seed: number, index: number): Promise<string> {
  const ctx = target.setup ? await target.setup() : undefined;
  try {
    const values = fc.sample(target.arb(ctx), { seed, numRuns: index + 1 });
    return showInput(target, values[index]);
  } finally {
    if (target.teardown) await target.teardown(ctx);
  }
}

export function formatFinding(f: Finding): string {
  const lines = [
    `  ✗ [${f.target}] ${f.signature}  (×${f.count})`,
    `    reproduce: npm run fuzz -- --target ${f.target} --seed ${f.seed} --replay ${f.caseIndex}`,
    `    input: ${f.input.replace(/\n/g, '\n           ')}`,
    `    seen: ${f.detail.replace(/\n/g, '\n          ')}`,
  ];
  if (f.shrunk) lines.push(`    shrunk input: ${f.shrunk.replace(/\n/g, '\n                  ')}`, `    shrunk seen: ${(f.shrunkDetail ?? '').replace(/\n/g, '\n                 ')}`);
  return lines.join('\n');
}
