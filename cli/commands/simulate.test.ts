// `wb simulate` and `wb optimise` on the demo province: exit 1 when the scenario makes a county fail
// a never-decrease rule the baseline passes, 0 when it does not, 2 on a bad scenario file (naming
// the offending path); the JSON allocations add up to the pool to the 分; optimise runs HiGHS.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir('wb-simulate-');
const file = join(dir, 'demo.sqlite');
const TILT = fileURLToPath(new URL('../../test/fixtures/scenarios/tilt.json', import.meta.url));
let counties: number;

async function wb(args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

function scenarioFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const base = { format: 'edu-finance-scenario/1', name: '与基准相同', region: '390000', year: 2024 };

type CountyJson = { code: string; allocation_fen: number; baseline_fen: number; delta_fen: number; new_failure: boolean };
type ScenarioJson = { name: string; params_hash: string; data_hash: string; pool_fen: number; failures: { edu_spending_no_decrease: { newlyFailing: number }; per_student_no_decrease: { newlyFailing: number } }; what_changed: { key: string; from: number; to: number }[]; counties: CountyJson[] };
type SimulateJson = { region: string; year: number; data_hash: string; datasets: { id: number; sha256: string }[]; scenarios: ScenarioJson[] };

beforeAll(() => {
  const opened = openDatabase(file);
  writeDemo(opened.db, generateDemo({ scale: 'province' }));
  counties = opened.db
    .prepare(`SELECT count(*) FROM region r WHERE level = 'county' AND valid_to IS NULL AND EXISTS (SELECT 1 FROM enrolment_fact e WHERE e.region_code = r.code AND e.year = 2024)`)
    .pluck()
    .get() as number;
  opened.db.close();
});

describe('wb simulate', () => {
  it('exits 1 on the tilt scenario, which makes new failures, and prints name, hashes and sources', async () => {
    const r = await wb(['simulate', '--scenario', TILT]);
    expect(r.err).toBe('');
    expect(r.rc).toBe(1);
    expect(r.out).toContain('向欠发达地区倾斜');
    expect(r.out).toContain('示范省（390000）2024 年');
    expect(r.out).toMatch(/参数哈希 [0-9a-f]{16} {2}数据哈希 [0-9a-f]{16}/);
    expect(r.out).toContain('数据来源');
    expect(r.out).toContain('difficulty.tilt');
    expect(r.out).toContain('困难因素 30%');
  });

  it('exits 0 on a scenario identical to the baseline', async () => {
    const r = await wb(['simulate', '--scenario', scenarioFile('same.json', { ...base, parameters: {} })]);
    expect(r.err).toBe('');
    expect(r.rc).toBe(0);
    expect(r.out).toContain('与基准相同 / identical to the baseline');
  });

  it('writes JSON whose allocations add up to each pool, the baseline first with no change', async () => {
    const r = await wb(['simulate', '--scenario', TILT, '--format', 'json']);
    expect(r.rc).toBe(1);
    const j = JSON.parse(r.out) as SimulateJson;
    expect(j.region).toBe('390000');
    expect(j.year).toBe(2024);
    expect(j.data_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(j.datasets).toHaveLength(3);
    expect(j.scenarios.map((s) => s.name)).toEqual(['基准', '向欠发达地区倾斜', '困难因素 30%']);
    for (const s of j.scenarios) {
      expect(s.counties, s.name).toHaveLength(counties);
      expect(s.pool_fen, s.name).toBe(350_000_000_000); // 35 亿元, the 2024 baseline pool
      expect(s.counties.reduce((a, c) => a + c.allocation_fen, 0), s.name).toBe(s.pool_fen);
      for (const c of s.counties) {
        expect(Number.isInteger(c.allocation_fen), c.code).toBe(true);
        expect(c.delta_fen, c.code).toBe(c.allocation_fen - c.baseline_fen);
      }
      expect(s.data_hash).toBe(j.data_hash);
    }
    const [baseline, tilt] = j.scenarios as [ScenarioJson, ScenarioJson, ScenarioJson];
    expect(baseline.counties.every((c) => c.delta_fen === 0 && !c.new_failure)).toBe(true);
    expect(baseline.what_changed).toEqual([]);
    expect(tilt.what_changed.map((c) => [c.key, c.from, c.to])).toEqual([
      ['difficulty.tilt', 0, 1],
      ['floor.per_student', 0, 150],
      ['hold_harmless.h', 0, 0.95],
    ]);
    const newly = tilt.failures.edu_spending_no_decrease.newlyFailing + tilt.failures.per_student_no_decrease.newlyFailing;
    expect(newly).toBeGreaterThan(0);
    expect(tilt.counties.filter((c) => c.new_failure)).toHaveLength(newly);
    expect(tilt.params_hash).not.toBe(baseline.params_hash);
  });

  it('gives a baseline-identical scenario the baseline parameter hash', async () => {
    const r = await wb(['simulate', '--scenario', join(dir, 'same.json'), '--format', 'json']);
    const j = JSON.parse(r.out) as SimulateJson;
    expect(j.scenarios[1]!.params_hash).toBe(j.scenarios[0]!.params_hash);
    expect(j.scenarios[1]!.counties.map((c) => c.allocation_fen)).toEqual(j.scenarios[0]!.counties.map((c) => c.allocation_fen));
  });

  it('writes CSV with one header and one row per county', async () => {
    const r = await wb(['simulate', '--scenario', TILT, '--format', 'csv']);
    expect(r.rc).toBe(1);
    const lines = r.out.split('\r\n');
    expect(lines.at(-1)).toBe('');
    lines.pop();
    expect(lines).toHaveLength(1 + counties);
    expect(lines[0]!.startsWith('code,name,tier,urban_rural,students,基准:allocation_fen,基准:delta_fen')).toBe(true);
    expect(lines[0]).toContain('向欠发达地区倾斜:allocation_fen');
    expect(lines.filter((l) => l.startsWith('code,'))).toHaveLength(1);
    expect(lines.slice(1).every((l) => /^\d{6},/.test(l))).toBe(true);
    expect(new Set(lines.slice(1).map((l) => l.slice(0, 6))).size).toBe(counties);
  });

  it('runs the year given on the command line over the file', async () => {
    const r = await wb(['simulate', '--scenario', join(dir, 'same.json'), '--year', '2023', '--format', 'json']);
    expect(r.rc).toBe(0);
    const j = JSON.parse(r.out) as SimulateJson;
    expect(j.year).toBe(2023);
    expect(j.scenarios[0]!.pool_fen).toBe(330_000_000_000); // 33 亿元 from 2023
  });

  const bad: [string, unknown, string][] = [
    ['an unknown parameter', { ...base, parameters: { 'difficulty.tlit': 1 } }, 'parameters["difficulty.tlit"]: not a known parameter'],
    ['a value out of range', { ...base, parameters: { 'hold_harmless.h': 1.5 } }, 'parameters["hold_harmless.h"]: must be between 0 and 1'],
    ['invalid JSON', '{"format": "edu-finance-scenario/1", "name": ', 'not valid JSON'],
    ['a missing region', { format: base.format, name: 'x', parameters: {} }, '  region: '],
    ['an unknown field', { ...base, parameter: {} }, 'Unrecognized key: "parameter"'],
    ['a bad alternative', { ...base, alternatives: [{ name: 'a', parameters: { 'cap.share': 2 } }] }, 'alternatives[0].parameters["cap.share"]: must be between 0 and 1'],
  ];
  it.each(bad)('exits 2 on %s, naming the path', async (label, content, expected) => {
    const path = scenarioFile(`bad-${label.replace(/\W+/g, '-')}.json`, content);
    const r = await wb(['simulate', '--scenario', path]);
    expect(r.rc).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^wb: /);
    expect(r.err).toContain(path);
    expect(r.err).toContain(expected);
  });

  it('exits 2 without --scenario, on a missing file, and on a region not in the database', async () => {
    expect((await wb(['simulate'])).rc).toBe(2);
    const missing = await wb(['simulate', '--scenario', join(dir, 'no-such.json')]);
    expect(missing.rc).toBe(2);
    expect(missing.err).toContain('no-such.json');
    const elsewhere = await wb(['simulate', '--scenario', scenarioFile('elsewhere.json', { ...base, region: '380000' })]);
    expect(elsewhere.rc).toBe(2);
    expect(elsewhere.err).toContain('380000');
  });

  it('lists the parameters', async () => {
    const r = await wb(['simulate', '--list-parameters']);
    expect(r.rc).toBe(0);
    expect(r.out).toMatch(/^pool\.amount +转移支付资金总额/m);
    expect(r.out).toContain('difficulty.tilt');
    expect(r.out).toContain('hold_harmless.h');
  });
});

describe('wb optimise', () => {
  it('finds the smallest pool for the province with HiGHS, checked by the full model', async () => {
    const r = await wb(['optimise', '--goal', 'min-pool', '--region', '390000', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.rc).toBe(0);
    const j = JSON.parse(r.out) as { region: string; year: number; goal: string; feasible: boolean; solverStatus: string; value: number; overlay: { key: string; value: number }[]; check: unknown };
    expect(j).toMatchObject({ region: '390000', year: 2024, goal: 'min-pool', feasible: true, solverStatus: 'Optimal', check: { perStudentFailures: 0, belowFloor: 0 } });
    expect(Number.isInteger(j.value)).toBe(true);
    expect(j.value).toBeGreaterThan(0);
    expect(j.overlay).toEqual([{ key: 'pool.amount', value: j.value / 100, from: null, to: null }]);
  });

  it('exits 1 and says 不可行 when the floor is out of reach', async () => {
    const path = scenarioFile('floor.json', { ...base, name: '高下限', parameters: { 'floor.per_student': 5000 } });
    const r = await wb(['optimise', '--goal', 'max-difficulty-weight', '--scenario', path]);
    expect(r.rc).toBe(1);
    expect(r.out + r.err).toContain('不可行');
    expect(r.out).toContain('Infeasible');
    const j = await wb(['optimise', '--goal', 'max-difficulty-weight', '--scenario', path, '--format', 'json']);
    expect(j.rc).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ feasible: false, value: null, overlay: null, check: null });
  });

  it('exits 2 without a goal or a region', async () => {
    expect((await wb(['optimise', '--region', '390000'])).rc).toBe(2);
    expect((await wb(['optimise', '--goal', 'min-pool'])).rc).toBe(2);
    expect((await wb(['optimise', '--goal', 'max-everything', '--region', '390000'])).rc).toBe(2);
  });
});
