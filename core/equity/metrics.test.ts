// docs/domain.md#equity-metrics and Appendix A: the six-county fixture, every statistic against the printed values
// (rounded to 6 places) and to 1e-9 against the Appendix A script's full-precision output, the Theil decomposition adding up, and the
// weighted/unweighted switch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityStats, type EquityUnit } from './metrics';

const FIXTURE: EquityUnit[] = [
  { pupils: 12000, value: 11000, wealth: 30000, group: 'east' },
  { pupils: 8000, value: 13500, wealth: 52000, group: 'east' },
  { pupils: 20000, value: 9800, wealth: 18000, group: 'west' },
  { pupils: 5000, value: 16000, wealth: 75000, group: 'east' },
  { pupils: 15000, value: 10400, wealth: 21000, group: 'west' },
  { pupils: 3000, value: 12500, wealth: 15000, group: 'west' },
];

describe('equity statistics on the docs/domain.md#equity-metrics fixture', () => {
  const s = equityStats(FIXTURE);
  const close = (actual: number | null, expected: number) => expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(5e-7);

  it('reproduces every printed value', () => {
    expect(s.pupils).toBe(63000);
    close(s.mean, 11261.904762);
    expect(s.range).toBe(6200);
    expect([s.p5, s.median, s.p95]).toEqual([9800, 10400, 16000]);
    expect(s.restrictedRange).toBe(6200);
    close(s.federalRangeRatio, 0.632653);
    expect(Math.abs(s.sd - 1832.807593)).toBeLessThan(5e-6);
    close(s.cv, 0.162744);
    close(s.mcloone, 0.942308);
    close(s.verstegen, 1.227679);
    close(s.gini, 0.080696);
    close(s.theil, 0.012405);
    close(s.theilWithin, 0.006351);
    close(s.theilBetween, 0.006054);
    close(s.wealthCorrelation, 0.939217);
    close(s.wealthElasticity, 0.281131);
  });

  it('gives the group means, Theil indices and shares', () => {
    const [east, west] = s.groups;
    expect(east).toMatchObject({ group: 'east', pupils: 25000, mean: 12800 });
    close(east!.theil, 0.011242);
    close(east!.share, 0.451022);
    expect(west).toMatchObject({ group: 'west', pupils: 38000, mean: 10250 });
    close(west!.theil, 0.002333);
    close(west!.share, 0.548978);
  });

  it('agrees with the Appendix A script (Python, full double precision) to 1e-9', () => {
    const script = { mean: 11261.904761904761, federalRangeRatio: 0.6326530612244898, sd: 1832.8075931393855, cv: 0.16274401461279955, mcloone: 0.9423076923076923, verstegen: 1.2276785714285714, gini: 0.08069622023110395, theil: 0.01240543110179845, theilWithin: 0.006351115304283602, theilBetween: 0.006054315797514816, wealthCorrelation: 0.9392172083969559, wealthElasticity: 0.2811309709490748 };
    for (const [key, expected] of Object.entries(script)) expect(Math.abs((s[key as keyof typeof script] as number) - expected), key).toBeLessThan(1e-9);
    expect(Math.abs(equityStats(FIXTURE, { weighted: false }).cv - 0.17278045632527186)).toBeLessThan(1e-9);
  });

  it('decomposes Theil exactly into within and between', () => {
    expect(Math.abs(s.theilWithin! + s.theilBetween! - s.theil)).toBeLessThan(1e-12);
  });

  it('has the unweighted CV of the fixture when weights are off', () => {
    expect(Math.abs(equityStats(FIXTURE, { weighted: false }).cv - 0.17278)).toBeLessThan(5e-7);
  });

  it('is zero for equal spending and scale-free (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ pupils: fc.integer({ min: 1, max: 1e6 }), value: fc.integer({ min: 1, max: 1e6 }) }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 1000 }), (units, k) => {
        const a = equityStats(units);
        const b = equityStats(units.map((u) => ({ ...u, value: u.value * k })));
        for (const key of ['cv', 'gini', 'theil', 'mcloone', 'verstegen'] as const) expect(Math.abs(a[key] - b[key])).toBeLessThan(1e-9);
        const flat = equityStats(units.map((u) => ({ ...u, value: 500 })));
        expect(flat.cv).toBe(0);
        expect(flat.gini).toBe(0);
        expect(Math.abs(flat.theil)).toBeLessThan(1e-15);
      }),
    );
  });
});
