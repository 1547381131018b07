// Law is data: baseline values change on the dates the documents say, a scenario overlays them
// only for the years it names, and what a scenario changed can be listed for the brief.
import { describe, expect, it } from 'vitest';
import { baselineValue, FACTOR_KEY, FACTOR_NAMES, OverlayEntry, PARAMETERS, parameterDefinition, resolveParameters, setParameter, whatChanged, type TransferKey } from './parameters';

const entry = (key: TransferKey, value: number, from: number | null = null, to: number | null = null): OverlayEntry => ({ key, value, from, to });

describe('the parameter table', () => {
  it('every baseline is sorted by year and inside its own range; keys are unique', () => {
    expect(new Set(PARAMETERS.map((d) => d.key)).size).toBe(PARAMETERS.length);
    for (const d of PARAMETERS) {
      const years = d.baseline.map((b) => b.from);
      expect(years).toEqual([...years].sort((a, b) => a - b));
      for (const b of d.baseline) {
        expect(b.value, d.key).toBeGreaterThanOrEqual(d.min);
        expect(b.value, d.key).toBeLessThanOrEqual(d.max);
      }
    }
  });

  it('the baseline factor weights add up to 1 (Σ w_k = 1, docs/domain.md#factor-method)', () => {
    const params = resolveParameters([], 2024);
    expect(FACTOR_NAMES.reduce((a, f) => a + params[FACTOR_KEY[f]], 0)).toBeCloseTo(1, 12);
  });
});

describe('effective-dated baseline values', () => {
  it('the pool: 30 亿 until 2022, 33 亿 in 2023, 35 亿 from 2024', () => {
    expect(resolveParameters([], 2022)['pool.amount']).toBe(3_000_000_000);
    expect(resolveParameters([], 2023)['pool.amount']).toBe(3_300_000_000);
    expect(resolveParameters([], 2024)['pool.amount']).toBe(3_500_000_000);
    expect(resolveParameters([], 2030)['pool.amount']).toBe(3_500_000_000);
  });

  it('the per-student quotas: 650 / 850 元 before 2023, 720 / 940 元 from the 2023 spring term', () => {
    expect(resolveParameters([], 2022)['standard.quota_primary']).toBe(650);
    expect(resolveParameters([], 2023)['standard.quota_primary']).toBe(720);
    expect(resolveParameters([], 2022)['standard.quota_junior']).toBe(850);
    expect(resolveParameters([], 2023)['standard.quota_junior']).toBe(940);
  });

  it('a year before the first dated value takes the first value', () => {
    expect(baselineValue(parameterDefinition('pool.amount')!, 1990)).toBe(3_000_000_000);
  });
});

describe('overlay entries apply only inside their period', () => {
  it('a closed period [2023, 2024]', () => {
    const overlay = [entry('pool.amount', 4_000_000_000, 2023, 2024)];
    expect([2022, 2023, 2024, 2025].map((y) => resolveParameters(overlay, y)['pool.amount'])).toEqual([3_000_000_000, 4_000_000_000, 4_000_000_000, 3_500_000_000]);
  });

  it('open at either end', () => {
    const until = [entry('difficulty.tilt', 0.5, null, 2023)];
    const since = [entry('difficulty.tilt', 0.5, 2024, null)];
    expect([2023, 2024].map((y) => resolveParameters(until, y)['difficulty.tilt'])).toEqual([0.5, 0]);
    expect([2023, 2024].map((y) => resolveParameters(since, y)['difficulty.tilt'])).toEqual([0, 0.5]);
  });

  it('where entries overlap, the later one wins', () => {
    const overlay = [entry('cap.share', 0.2), entry('cap.share', 0.1, 2024, 2024)];
    expect(resolveParameters(overlay, 2023)['cap.share']).toBe(0.2);
    expect(resolveParameters(overlay, 2024)['cap.share']).toBe(0.1);
    expect(resolveParameters([...overlay].reverse(), 2024)['cap.share']).toBe(0.2);
  });

  it('other parameters keep their baseline values', () => {
    const r = resolveParameters([entry('difficulty.tilt', 1)], 2024);
    const base = resolveParameters([], 2024);
    for (const d of PARAMETERS) if (d.key !== 'difficulty.tilt') expect(r[d.key], d.key).toBe(base[d.key]);
  });
});

describe('whatChanged', () => {
  it('lists each changed parameter, old → new, with the period of the entry that set it', () => {
    const overlay = [entry('pool.amount', 4_000_000_000, 2023, 2024), entry('difficulty.tilt', 0.5), entry('cap.share', 1)];
    const changes = whatChanged([], overlay, 2023);
    // cap.share restates the baseline (1), so it is not a change.
    expect(changes.map((c) => ({ key: c.key, from: c.from, to: c.to, period: c.period }))).toEqual([
      { key: 'pool.amount', from: 3_300_000_000, to: 4_000_000_000, period: { from: 2023, to: 2024 } },
      { key: 'difficulty.tilt', from: 0, to: 0.5, period: { from: null, to: null } },
    ]);
    expect(changes[0]!.label.zh).toBe('转移支付资金总额');
    expect(changes[0]!.unit).toBe('yuan');
    expect(changes[1]!.reference).toContain('财预〔2022〕58号');
  });

  it('outside the entry\'s period there is nothing to report', () => {
    expect(whatChanged([], [entry('pool.amount', 4_000_000_000, 2023, 2024)], 2025)).toEqual([]);
  });

  it('compares two scenarios on the same baseline, naming the later entry that applies', () => {
    const changes = whatChanged([entry('difficulty.tilt', 0.5)], [entry('difficulty.tilt', 0.5), entry('difficulty.tilt', 1, 2024, null)], 2024);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key: 'difficulty.tilt', from: 0.5, to: 1, period: { from: 2024, to: null } });
  });
});

describe('setParameter', () => {
  it('keeps an entry equal to the latest baseline when the baseline is dated (it still changes earlier years)', () => {
    expect(resolveParameters(setParameter([], 'pool.amount', 3_500_000_000), 2023)['pool.amount']).toBe(3_500_000_000);
    expect(resolveParameters(setParameter([], 'standard.quota_primary', 720), 2022)['standard.quota_primary']).toBe(720);
    const dated = setParameter([], 'pool.amount', 3e9, 2022, 2024);
    expect(resolveParameters(dated, 2024)['pool.amount']).toBe(3e9);
    expect(resolveParameters(dated, 2021)['pool.amount']).toBe(3e9); // the baseline then was 30 亿 too
    expect(resolveParameters(dated, 2025)['pool.amount']).toBe(3_500_000_000);
  });
  it('adds an open-ended entry, and replaces it on the next move of the same slider', () => {
    const once = setParameter([], 'difficulty.tilt', 0.5);
    expect(once).toEqual([entry('difficulty.tilt', 0.5)]);
    expect(setParameter(once, 'difficulty.tilt', 0.8)).toEqual([entry('difficulty.tilt', 0.8)]);
  });

  it('drops the entry when the value equals the baseline', () => {
    expect(setParameter([], 'difficulty.tilt', 0)).toEqual([]);
    expect(setParameter([entry('difficulty.tilt', 0.5), entry('cap.share', 0.2)], 'difficulty.tilt', 0)).toEqual([entry('cap.share', 0.2)]);
  });

  it('keeps a baseline-equal entry when another entry for the key would otherwise show through', () => {
    // The older entry sets 0.5 up to 2020; the new open-ended 0 (= baseline) overrides it there.
    const overlay = setParameter([entry('difficulty.tilt', 0.5, null, 2020)], 'difficulty.tilt', 0);
    expect(overlay).toEqual([entry('difficulty.tilt', 0.5, null, 2020), entry('difficulty.tilt', 0)]);
    expect(resolveParameters(overlay, 2019)['difficulty.tilt']).toBe(0);
  });

  it('entries for other periods of the same key are left alone', () => {
    const overlay = setParameter([entry('cap.share', 0.2, 2023, 2023)], 'cap.share', 0.3, 2024, 2025);
    expect(overlay).toEqual([entry('cap.share', 0.2, 2023, 2023), entry('cap.share', 0.3, 2024, 2025)]);
  });

  it('refuses an unknown parameter (a compile error too: keys are typed)', () => {
    // @ts-expect-error a misspelt key does not compile
    expect(() => setParameter([], 'difficulty.tlit', 1)).toThrow(/unknown parameter difficulty\.tlit/);
  });
});

describe('OverlayEntry validation', () => {
  const issues = (x: unknown) => {
    const r = OverlayEntry.safeParse(x);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  it('accepts a known key in range, with an open period by default', () => {
    expect(OverlayEntry.parse({ key: 'difficulty.tilt', value: 2 })).toEqual(entry('difficulty.tilt', 2));
    expect(OverlayEntry.parse({ key: 'growth.min', value: -1, from: 2024, to: 2024 })).toEqual(entry('growth.min', -1, 2024, 2024));
  });

  it('rejects an unknown key', () => {
    expect(issues({ key: 'difficulty.tlit', value: 1 })).toEqual([{ path: ['key'], message: 'not a known parameter' }]);
  });

  it('rejects a value outside the parameter\'s range, saying the range and unit', () => {
    expect(issues({ key: 'difficulty.tilt', value: 2.05 })).toEqual([{ path: ['value'], message: 'must be between 0 and 2 (multiplier)' }]);
    expect(issues({ key: 'hold_harmless.h', value: -0.01 })).toEqual([{ path: ['value'], message: 'must be between 0 and 1 (fraction)' }]);
    expect(issues({ key: 'pool.amount', value: 1e12 + 1 })).toEqual([{ path: ['value'], message: 'must be between 0 and 1000000000000 (yuan)' }]);
  });

  it('rejects a non-finite value, an extra field, a year out of range and a period that ends before it starts', () => {
    expect(OverlayEntry.safeParse({ key: 'difficulty.tilt', value: Infinity }).success).toBe(false);
    expect(issues({ key: 'difficulty.tilt', value: 1, note: 'x' })).toEqual([{ path: [], message: expect.stringContaining('note') }]);
    expect(issues({ key: 'difficulty.tilt', value: 1, from: 1900 })[0]!.path).toEqual(['from']);
    expect(issues({ key: 'difficulty.tilt', value: 1, from: 2024, to: 2023 })).toEqual([{ path: ['to'], message: 'must not be before "from"' }]);
  });
});
