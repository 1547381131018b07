// The worked examples of docs/scenario-file.md ("Rules a re-implementation needs"), computed by
// the simulator itself: if a rule changes, this test fails until the documentation is updated, so
// a finance bureau reproducing an allocation by hand from the document gets the same 分.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { evaluateAllocation } from './evaluate';
import type { SimInputs, SimUnit, YearFigures } from './inputs';
import { resolveParameters, type OverlayEntry } from './parameters';
import { prepare } from './prepare';
import { simulate } from './simulate';

const Y = (students: number, primary: number, junior: number, population: number, areaKm2: number, revenueYuan: number, expenditureYuan: number, eduYuan: number): YearFigures => ({ students, primary, junior, population, areaKm2, revenue: revenueYuan * 100, expenditure: expenditureYuan * 100, eduSpending: eduYuan * 100 });

/** The three counties of the document's examples (money in 元 here, 分 in the inputs). */
export function documentCounties(): SimInputs {
  const units: SimUnit[] = [
    { code: '390901', name: '甲县', tier: 1, urbanRural: 'rural', current: Y(1000, 600, 400, 10_000, 100, 2_000_000, 5_000_000, 10_000_000), prior: Y(1000, 600, 400, 10_000, 100, 2_000_000, 5_000_000, 9_800_000) },
    { code: '390902', name: '乙县', tier: 2, urbanRural: 'rural', current: Y(2000, 1200, 800, 30_000, 300, 3_000_000, 9_000_000, 16_000_000), prior: Y(2000, 1200, 800, 30_000, 300, 3_000_000, 9_000_000, 15_800_000) },
    { code: '390903', name: '丙县', tier: 3, urbanRural: 'urban', current: Y(3000, 1800, 1200, 20_000, 600, 1_000_000, 8_000_000, 18_000_000), prior: Y(3000, 1800, 1200, 20_000, 600, 1_000_000, 8_000_000, 17_800_000) },
  ];
  return { regionCode: '390900', regionName: '示例市', year: 2024, units, datasets: [], dataHash: sha256Hex(canonicalJson(units)) };
}

const entry = (key: string, value: number): OverlayEntry => ({ key, value, from: null, to: null });
const only = (factor: string, extra: OverlayEntry[] = []): OverlayEntry[] => [
  ...['students', 'population', 'area', 'inverse_capacity', 'standard_gap', 'difficulty'].map((f) => entry(`factor.${f}`, f === factor ? 1 : 0)),
  ...extra,
];

const POOL = 1_000_000; // 元 = 100,000,000 分
const run = (overlay: OverlayEntry[]) => evaluateAllocation(prepare(documentCounties()), resolveParameters(overlay, 2024));
const amounts = (overlay: OverlayEntry[]) => Array.from(run(overlay).amounts);

describe("the documented rules, on the document's three counties", () => {
  const p = prepare(documentCounties());

  it('1. inverse revenue per head: population ÷ 一般公共预算收入 (分), column-normalised', () => {
    // 10,000 ÷ 200,000,000 : 30,000 ÷ 300,000,000 : 20,000 ÷ 100,000,000 = 1 : 2 : 4.
    expect(Array.from(p.current.normalised.inverse_capacity!)).toEqual([1 / 7, 2 / 7, 4 / 7]);
    expect(amounts(only('inverse_capacity', [entry('pool.amount', POOL)]))).toEqual([14_285_714, 28_571_429, 57_142_857]);
  });

  it('2. spending gap: max(0, pupil-weighted average − own) × students, same year', () => {
    // Average 44,000,000 元 ÷ 6,000 = 7,333.33 元; only 丙县 (6,000 元) is below: 1,333.33 × 3,000 = 4,000,000 元.
    expect(Math.round(p.current.factors.standard_gap[2]!)).toBe(400_000_000);
    expect(Array.from(p.current.factors.standard_gap).slice(0, 2)).toEqual([0, 0]);
    const a = run(only('standard_gap', [entry('pool.amount', POOL)]));
    expect(Array.from(a.amounts)).toEqual([0, 0, 100_000_000]);
    expect(Array.from(a.held)).toEqual([0, 0, 0]);
  });

  it('3. default difficulty coefficient: 0.55·z(支出÷收入) + 0.45·z((支出−收入)÷支出), population sd', () => {
    const raw = Array.from(p.current.zPressure, (z, i) => 0.55 * z + 0.45 * p.current.zGap[i]!);
    expect(raw.map((x) => x.toFixed(4))).toEqual(['-0.8805', '-0.5136', '1.3942']);
    expect(amounts(only('difficulty', [entry('pool.amount', POOL)]))).toEqual([3_982_806, 16_211_780, 79_805_414]);
    expect(amounts(only('students', [entry('pool.amount', POOL), entry('difficulty.tilt', 0.5)]))).toEqual([7_842_448, 20_825_035, 71_332_517]);
  });

  it('4. a partial scores map: coefficient 0 for the unit without a score, mean over the given scores, and a warning', () => {
    const r = simulate(p, { name: 'scores', overlay: only('difficulty', [entry('pool.amount', POOL)]), scores: { '390901': 40, '390903': 80 } });
    expect(Array.from(r.allocation.amounts)).toEqual([22_222_222, 33_333_333, 44_444_445]);
    expect(r.allocation.warnings).toContainEqual({ code: 'scores_partial', detail: '1', units: [1] });
  });

  it('5. baseline parameters are dated by year', () => {
    expect(resolveParameters([], 2022)['pool.amount']).toBe(3_000_000_000);
    expect(resolveParameters([], 2023)['pool.amount']).toBe(3_300_000_000);
    expect(resolveParameters([], 2024)['pool.amount']).toBe(3_500_000_000);
    expect(resolveParameters([], 2022)['standard.quota_primary']).toBe(650);
    expect(resolveParameters([], 2023)['standard.quota_primary']).toBe(720);
  });

  it('6. rounding to the 分: floors up, caps down, the rest by largest remainder, ties to the earlier code', () => {
    // 100 分 by students 1 : 2 : 3 = 16.67, 33.33, 50 → 16 + 33 + 50 = 99; the 1 left goes to 甲县 (.67).
    expect(amounts(only('students', [entry('pool.amount', 1)]))).toEqual([17, 33, 50]);
    // Equal shares: 100 ÷ 3 = 33.33 each → the 1 left goes to the earliest code.
    const equal = evaluateAllocation(prepare({ ...documentCounties(), units: documentCounties().units.map((u) => ({ ...u, current: { ...u.current, population: 10_000 } })) }), resolveParameters(only('population', [entry('pool.amount', 1)]), 2024));
    expect(Array.from(equal.amounts)).toEqual([34, 33, 33]);
    // Inverse revenue per head with a floor of 150 元/生: 甲县 and 乙县 get 142.86 元 per pupil by the
    // formula, so they are raised to ⌈15,000 × 1,000⌉ = 15,000,000 and 30,000,000 分; 丙县 keeps the rest.
    const f = run(only('inverse_capacity', [entry('pool.amount', POOL), entry('floor.per_student', 150)]));
    expect(Array.from(f.amounts)).toEqual([15_000_000, 30_000_000, 55_000_000]);
    expect(Array.from(f.held)).toEqual([1, 1, 0]);
    // Cap 45 %: ⌊0.45 × 100,000,000⌋ = 45,000,000 for 丙县; the other 55,000,000 by 1 : 2 → 18,333,333.33 and 36,666,666.67.
    const c = run(only('students', [entry('pool.amount', POOL), entry('cap.share', 0.45)]));
    expect(Array.from(c.amounts)).toEqual([18_333_333, 36_666_667, 45_000_000]);
    expect(Array.from(c.held)).toEqual([0, 0, 4]);
  });
});
