// Where a command writes. Tests pass string buffers; the binary passes process streams.
export type CliIO = {
  out(text: string): void;
  err(text: string): void;
};

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Exit codes: 0 ok, 1 a check found failures, 2 bad input (nothing done), 3 unexpected error. */
export const EXIT = { ok: 0, failures: 1, badInput: 2, internal: 3 } as const;

/** Bad input: printed on stderr, exit 2. */
export class UsageError extends Error {}
