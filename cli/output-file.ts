// The CLI's side of db/files/output-file: the database it protects is the one this run uses
// (--db, or the workbench's own), and a refusal is bad input (exit 2, nothing written).
import { CodedError } from '../core/result';
import { defaultDatabasePath } from '../db/paths';
import { checkOutputFile, writeOutputFile } from '../db/files/output-file';
import { UsageError } from './io';

export type CliOutput = { path: string; force: boolean; databaseFile: string };

function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CodedError && (e.code === 'bad_input' || e.code === 'conflict')) throw new UsageError(e.message);
    throw e;
  }
}

/** Check an --out path before any work is done; returns what `writeCliOutput` needs. */
export function cliOutput(path: string, force: boolean, dbOption: string | undefined): CliOutput {
  const output = { path, force, databaseFile: dbOption ?? defaultDatabasePath() };
  asUsage(() => checkOutputFile(path, output));
  return output;
}

export function writeCliOutput(output: CliOutput, bytes: Uint8Array | string): void {
  asUsage(() => writeOutputFile(output.path, bytes, output));
}
