// CI coverage of the fuzz harness itself: every target runs a few cases in-process with a fixed
// seed (the full run is `npm run fuzz`). A failure here is either a broken target or a real
// finding; the message prints the counterexample and how to reproduce it.
import { describe, expect, it } from 'vitest';
import { formatFinding, runTarget } from './harness';
import { TARGETS } from './targets';

const SEED = 20261129;

describe('fuzz targets (smoke)', () => {
  for (const target of TARGETS) {
    it(`${target.name} runs and finds nothing`, async () => {
      const r = await runTarget(target, { seed: SEED, numRuns: target.smokeRuns ?? 50, shrink: false });
      expect(r.runs).toBe(target.smokeRuns ?? 50);
      expect(r.findings.map(formatFinding).join('\n\n')).toBe('');
    }, 300_000);
  }
});
