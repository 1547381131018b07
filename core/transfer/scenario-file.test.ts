// `wb simulate --scenario FILE.json` is written by hand, so a mistake must come back as the JSON
// path of the offending entry — an analyst fixing a typo should not have to guess where it is.
import { describe, expect, it } from 'vitest';
import { overlayOf, parseScenarioFile, SCENARIO_FORMAT } from './scenario-file';

const valid = {
  format: SCENARIO_FORMAT,
  name: '向欠发达地区倾斜',
  region: '130000',
  year: 2024,
  description: 'Tilt toward tier 1 with hold-harmless at 95 %',
  parameters: { 'difficulty.tilt': 0.5, 'hold_harmless.h': 0.95 },
  changes: [{ key: 'pool.amount', value: 4_000_000_000, from: 2024, to: 2025 }],
  scores: { '130100': 62.5, '130200': 48 },
  alternatives: [{ name: '不倾斜', parameters: { 'difficulty.tilt': 0 } }],
};

/** The problem lines for a file that must be refused. */
function problems(file: unknown): string[] {
  const r = parseScenarioFile(typeof file === 'string' ? file : JSON.stringify(file));
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems;
}

describe('parseScenarioFile', () => {
  it('parses a valid file, filling the defaults', () => {
    const r = parseScenarioFile(JSON.stringify(valid));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parameters).toEqual({ 'difficulty.tilt': 0.5, 'hold_harmless.h': 0.95 });
    expect(r.value.changes).toEqual([{ key: 'pool.amount', value: 4_000_000_000, from: 2024, to: 2025 }]);
    expect(r.value.alternatives[0]).toEqual({ name: '不倾斜', parameters: { 'difficulty.tilt': 0 }, changes: [], scores: {} });
    // `parameters` first (open-ended), then the dated `changes`, so a change can override a parameter.
    expect(overlayOf(r.value)).toEqual([
      { key: 'difficulty.tilt', value: 0.5, from: null, to: null },
      { key: 'hold_harmless.h', value: 0.95, from: null, to: null },
      { key: 'pool.amount', value: 4_000_000_000, from: 2024, to: 2025 },
    ]);
    const minimal = parseScenarioFile(JSON.stringify({ format: SCENARIO_FORMAT, name: 'x', region: '130000' }));
    expect(minimal).toEqual({ ok: true, value: { format: SCENARIO_FORMAT, name: 'x', region: '130000', units: 'county', parameters: {}, changes: [], scores: {}, alternatives: [] } });
  });

  it('an unknown parameter key: parameters["difficulty.tlit"]', () => {
    const p = problems({ ...valid, parameters: { 'difficulty.tlit': 0.5 } });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^parameters\["difficulty\.tlit"\]: not a known parameter/);
  });

  it('a value out of range names the parameter, the range and the unit', () => {
    expect(problems({ ...valid, parameters: { 'difficulty.tilt': 3 } })).toEqual(['parameters["difficulty.tilt"]: must be between 0 and 2 (multiplier)']);
    expect(problems({ ...valid, changes: [{ key: 'cap.share', value: 1.5 }] })).toEqual(['changes[0].value: must be between 0 and 1 (fraction)']);
    expect(problems({ ...valid, alternatives: [{ name: 'b', parameters: { 'hold_harmless.h': -1 } }] })).toEqual(['alternatives[0].parameters["hold_harmless.h"]: must be between 0 and 1 (fraction)']);
  });

  it('an unknown top-level field is named', () => {
    const p = problems({ ...valid, paramters: {} });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\(top level\): /);
    expect(p[0]).toContain('"paramters"');
  });

  it('an unknown field inside an alternative is named at its path', () => {
    const p = problems({ ...valid, alternatives: [{ name: 'b', tilt: 1 }] });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^alternatives\[0\]: /);
    expect(p[0]).toContain('"tilt"');
  });

  it('a wrong format string', () => {
    const p = problems({ ...valid, format: 'edu-finance-scenario/2' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^format: /);
    expect(p[0]).toContain(SCENARIO_FORMAT);
  });

  it('text that is not JSON', () => {
    const p = problems('{"format": "edu-finance-scenario/1", ');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\(file\): not valid JSON — /);
  });

  it('a bad region code in scores, and a non-positive score', () => {
    const badKey = problems({ ...valid, scores: { '13010': 50 } });
    expect(badKey).toHaveLength(1);
    expect(badKey[0]).toMatch(/^scores\["13010"\]: /);
    expect(problems({ ...valid, scores: { '130100': 0 } })[0]).toMatch(/^scores\["130100"\]: /);
  });

  it('a bad region and a bad year are named at the top level fields', () => {
    const p = problems({ ...valid, region: '13', year: 1900 });
    expect(p.some((l) => l.startsWith('region: a six-digit region code'))).toBe(true);
    expect(p.some((l) => l.startsWith('year: '))).toBe(true);
  });

  it('every problem is reported, not just the first', () => {
    const p = problems({ ...valid, parameters: { 'difficulty.tlit': 1, 'cap.share': 2 }, format: 'x' });
    expect(p).toHaveLength(3);
    expect(p.filter((l) => l.startsWith('parameters['))).toHaveLength(2);
  });
});
