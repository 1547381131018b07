// Errors cross every boundary (engine ⇄ renderer, engine ⇄ CLI) as values, never as throws.

export const ERROR_CODES = [
  'bad_input', // the caller sent something the contract does not allow
  'unknown_channel',
  'not_found',
  'conflict', // e.g. the same file imported twice
  'cancelled',
  'db_newer_version', // the database was written by a newer workbench
  'db_unreadable', // locked so that it cannot even be read
  'db_corrupt', // not an SQLite file, or damaged: offer a backup
  'db_read_only', // opened read-only (file marked read-only, folder not writable, or locked): no changes
  'db_unavailable', // the engine is in recovery: only backup channels answer
  'backup_unusable', // a backup that fails its own check
  'internal',
  'not_implemented', // a channel declared in the contract whose handler is not written yet
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type AppError = { code: ErrorCode; message: string; details?: unknown };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Reply<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** An error that carries a code; handlers throw it and the dispatcher turns it into a Reply. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
