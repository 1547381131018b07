// When to restart a crashed engine. Exponential backoff so a crash loop (say, a database the
// engine refuses to open) does not spin the CPU, and a bound so the user is eventually told
// instead of watching an empty window. A run that stayed up long enough resets the count: one
// crash a day is not a loop.

export type RestartPolicy = {
  /** The crash that gives up (counted consecutively, see stableAfterMs). */
  maxCrashes: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long before exiting starts a fresh count. */
  stableAfterMs: number;
};

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  stableAfterMs: 60_000,
};

/** Delay before restarting after the given consecutive crash (1-based), or null to give up. */
export function restartDelay(crashes: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number | null {
  if (crashes >= policy.maxCrashes) return null;
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, crashes - 1), policy.maxDelayMs);
}

/** The consecutive-crash count after a run of ranForMs that ended in a crash. */
export function nextCrashCount(previous: number, ranForMs: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  return ranForMs >= policy.stableAfterMs ? 1 : previous + 1;
}
