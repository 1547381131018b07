// An evaluation reuses working space owned by the Prepared data set (bounds, the water-fill's
// buffers, the difficulty coefficient) and the baseline rule arrays it caches. That must be
// invisible: evaluating A after other scenarios gives exactly what a fresh data set gives for A,
// and a result handed out earlier is not changed by the evaluations after it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, setParameter, type OverlayEntry, type TransferKey } from './parameters';
import { prepare } from './prepare';
import { simulate, type SimResult } from './simulate';
import { fixture } from '../../test/fixtures/transfer-counties';

/** Everything a result carries, as plain values (typed arrays as arrays; NaN kept as NaN). */
const snapshot = (r: SimResult) => ({
  allocation: { ...r.allocation, amounts: [...r.allocation.amounts], formula: [...r.allocation.formula], standard: [...r.allocation.standard], held: [...r.allocation.held], shares: [...r.allocation.shares] },
  delta: [...r.delta],
  eduAfter: [...r.eduAfter],
  ruleA: { baseline: [...r.ruleA.baseline], scenario: [...r.ruleA.scenario] },
  ruleB: { baseline: [...r.ruleB.baseline], scenario: [...r.ruleB.scenario] },
  counts: r.counts,
});

// Any value in range for a handful of parameters that change the bounds, the shares, the tiers
// and the standard component (so the scratch arrays are written with different contents).
const KEYS: TransferKey[] = ['difficulty.tilt', 'factor.difficulty', 'factor.students', 'floor.per_student', 'cap.share', 'hold_harmless.h', 'growth.enabled', 'growth.max', 'standard.enabled', 'tiers.presplit', 'pool.amount'];
const overlay: fc.Arbitrary<OverlayEntry[]> = fc
  .array(
    fc.constantFrom(...KEYS).chain((key) => {
      const d = PARAMETERS.find((x) => x.key === key)!;
      const max = key === 'pool.amount' ? 1e10 : key === 'floor.per_student' ? 50 : d.max;
      return fc.integer({ min: 0, max: 1000 }).map((k) => ({ key, value: d.unit === 'switch' ? k % 2 : d.min + ((max - d.min) * k) / 1000 }));
    }),
    { maxLength: 6 },
  )
  .map((changes) => changes.reduce<OverlayEntry[]>((o, c) => setParameter(o, c.key, c.value), []));

describe('working space reused across evaluations', () => {
  it('A, then others, then A again equals A on a fresh data set, and earlier results stay as they were (property)', () => {
    fc.assert(
      fc.property(overlay, fc.array(overlay, { minLength: 1, maxLength: 4 }), (a, others) => {
        const inputs = fixture();
        const shared = prepare(inputs);
        const first = simulate(shared, { name: 'A', overlay: a });
        const before = snapshot(first);
        for (const o of others) simulate(shared, { name: 'other', overlay: o });
        const again = simulate(shared, { name: 'A', overlay: a });
        const fresh = simulate(prepare(inputs), { name: 'A', overlay: a });
        expect(snapshot(again)).toEqual(snapshot(fresh));
        expect(snapshot(first)).toEqual(before);
        expect(before).toEqual(snapshot(fresh));
      }),
      { numRuns: 150 },
    );
  });
});
