// The 缺口因素 and the 优质均衡 reach report on the document's three counties (docs/scenario-file.md
// "The gap factor"): the factor splits by the cost to close like any other column; weighted without
// its data it is refused with the reason, never read as 0; a county reaches the standards the
// year the money so far equals its cost exactly, and never when closing its gaps leaves a CV over.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { evaluateAllocation } from './evaluate';
import { gapReach } from './gap-reach';
import type { SimInputs, SimUnit, YearFigures } from './inputs';
import { resolveParameters, type OverlayEntry, type TransferKey } from './parameters';
import { prepare } from './prepare';
import { GapFactorUnavailableError } from './shares';

const Y = (students: number, population: number, revenueYuan: number, eduYuan: number): YearFigures => ({ students, primary: students / 2, junior: students / 2, population, areaKm2: 100, revenue: revenueYuan * 100, expenditure: revenueYuan * 300, eduSpending: eduYuan * 100 });

/** Three counties as in docs/scenario-file.md, without school data. */
function documentCounties(): SimInputs {
  const units: SimUnit[] = [
    { code: '390901', name: '甲县', tier: 1, urbanRural: 'rural', current: Y(1000, 10_000, 2_000_000, 10_000_000), prior: null },
    { code: '390902', name: '乙县', tier: 2, urbanRural: 'rural', current: Y(2000, 30_000, 3_000_000, 16_000_000), prior: null },
    { code: '390903', name: '丙县', tier: 3, urbanRural: 'urban', current: Y(3000, 20_000, 1_000_000, 18_000_000), prior: null },
  ];
  return { regionCode: '390900', regionName: '示例市', year: 2024, units, datasets: [], dataHash: sha256Hex(canonicalJson(units)) };
}

const entry = (key: TransferKey, value: number): OverlayEntry => ({ key, value, from: null, to: null });
const gapOnly = (extra: OverlayEntry[] = []): OverlayEntry[] => [...['students', 'population', 'area', 'inverse_capacity', 'standard_gap', 'difficulty'].map((f) => entry(`factor.${f}` as TransferKey, 0)), entry('factor.gap', 1), entry('pool.amount', 1_000_000), ...extra];

function withGap(costs: [number, number, number], metNow = [false, false, true], after = [true, true, true]): SimInputs {
  const inputs = documentCounties();
  const units = Object.fromEntries(inputs.units.map((u, i) => [u.code, { costFen: costs[i]!, metNow: metNow[i]!, metAfterClosing: after[i]! }]));
  return { ...inputs, gap: { year: 2024, source: 'test', reason: null, units, hash: 'h' } };
}

describe('the 缺口因素', () => {
  it('alone, splits the pool in proportion to the cost to close (1 : 3 : 0 → 25 % / 75 % / 0)', () => {
    const a = evaluateAllocation(prepare(withGap([10_000_000, 30_000_000, 0])), resolveParameters(gapOnly(), 2024));
    expect(Array.from(a.amounts)).toEqual([25_000_000, 75_000_000, 0]);
  });

  it('weighted without school data: refused with the reason (无数据), never read as 0', () => {
    const p = prepare(documentCounties());
    expect(() => evaluateAllocation(p, resolveParameters(gapOnly(), 2024))).toThrow(GapFactorUnavailableError);
    expect(() => evaluateAllocation(p, resolveParameters(gapOnly(), 2024))).toThrow(/无数据/);
    const noCosts = { ...documentCounties(), gap: { year: null, source: '', reason: '无数据：未设定校舍场地单价（元/m²）', units: {}, hash: 'h' } };
    expect(() => evaluateAllocation(prepare(noCosts), resolveParameters(gapOnly(), 2024))).toThrow(/未设定校舍场地单价/);
  });

  it('unweighted (the baseline), the same data give the same allocation as without school data', () => {
    const base = resolveParameters([], 2024);
    expect(Array.from(evaluateAllocation(prepare(withGap([1, 2, 3])), base).amounts)).toEqual(Array.from(evaluateAllocation(prepare(documentCounties()), base).amounts));
  });
});

describe('the 优质均衡 reach report', () => {
  it('counts a county the year share × allocation × years equals its cost exactly, not a 分 before', () => {
    // 2024 → 2027 is four years; 10 % of 25,000,000 分 a year = 10,000,000 分 by 2027.
    const inputs = withGap([10_000_000, 10_000_001, 0]);
    const r = gapReach(inputs, [25_000_000, 25_000_000, 50_000_000], 0.1);
    expect(r.available).toBe(true);
    expect(r.metNow).toBe(1);
    expect(r.byYear.map((y) => [y.year, y.count])).toEqual([
      [2027, 2],
      [2030, 3],
    ]);
    expect(r.byYear[0]!.reached).toEqual(['甲县（390901）']);
    expect(r.assumption.zh).toContain('10%');
  });

  it('a county whose CVs would still fail after closing never counts; no school data is 无数据', () => {
    const r = gapReach(withGap([1, 1, 0], [false, false, true], [false, true, true]), [1e9, 1e9, 1e9], 1);
    expect(r.byYear.map((y) => y.count)).toEqual([2, 2]);
    const none = gapReach(documentCounties(), [1, 2, 3], 0.05);
    expect([none.available, none.reason]).toEqual([false, expect.stringContaining('无数据')]);
  });
});
