// Argument parsing on node:util parseArgs, with the workbench's conventions: a bad flag or value is
// a UsageError (exit 2) that says what was expected.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options, allowPositionals = false): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function requireString(values: Record<string, unknown>, name: string, what: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required: ${what}`);
  return v;
}

export function optionalInt(values: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${String(v)}"`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function oneOf<T extends string>(values: Record<string, unknown>, name: string, allowed: readonly T[], fallback: T): T {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join('|')}, got "${String(v)}"`);
  return v as T;
}
