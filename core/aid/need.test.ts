// Student-aid need: golden cases from the published standards, the 无数据 reasons, and the
// monotonicity a finance bureau relies on (a higher standard never lowers any need).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aidNeed, type AidRegionInput } from './need';
import { resolveAidParams } from './params';
import { shareOf, splitWhole } from './split';

const SEED = 20261207;

function region(over: Partial<AidRegionInput> = {}): AidRegionInput {
  return {
    code: '510000',
    name: '四川省',
    dang: 1,
    levels: {
      primary: { enrolled: 1000, eligible: 100, boarders: 40, approvedFeeFen: null },
      junior: { enrolled: 800, eligible: 1, boarders: 1, approvedFeeFen: null },
      senior: { enrolled: 500, eligible: 100, boarders: null, approvedFeeFen: 80_000 },
      sec_voc: { enrolled: 300, eligible: 60, boarders: null, approvedFeeFen: 250_000 },
    },
    budgetFen: {},
    ...over,
  };
}

const row = (n: ReturnType<typeof aidNeed>, item: string, level: string) => n.rows.find((r) => r.item === item && r.level === level)!;

describe('aid need — golden cases', () => {
  it('a boarding 初中 pupil in a 第一档 (western) province, 2024: 1500 元, of which the centre pays 80 % = 1200 元', () => {
    const n = aidNeed(region(), resolveAidParams(2024));
    const r = row(n, 'living_subsidy', 'junior');
    expect(r.needFen).toBe(150_000);
    expect(r.centralFen).toBe(120_000);
    expect(r.centralShareBp).toBe(8000);
    expect(r.localFen).toBe(30_000);
    expect(r.amounts[0]!.source?.confidence).toBe('C');
  });

  it('before the 2024 spring term the boarding standard was 1000 / 1250 元 and non-boarders get half', () => {
    const n = aidNeed(region(), resolveAidParams(2023));
    // 40 boarders × 1000 + 60 non-boarders × 500
    expect(row(n, 'living_subsidy', 'primary').needFen).toBe(40 * 100_000 + 60 * 50_000);
    expect(row(n, 'living_subsidy', 'junior').needFen).toBe(125_000);
  });

  it('senior grant at the 2025 average of 2300 元; fee waiver at the approved fee', () => {
    const n = aidNeed(region(), resolveAidParams(2025));
    expect(row(n, 'senior_grant', 'senior').needFen).toBe(100 * 230_000);
    expect(row(n, 'senior_fee_waiver', 'senior').needFen).toBe(100 * 80_000);
  });

  it('中职 tuition waiver: the centre budgets its share at 2000 元 a head, the province pays the approved fee', () => {
    const n = aidNeed(region({ dang: 2 }), resolveAidParams(2024));
    const r = row(n, 'voc_fee_waiver', 'sec_voc');
    expect(r.needFen).toBe(60 * 250_000);
    expect(r.centralFen).toBe(60 * 200_000 * 0.6);
    expect(r.localFen).toBe(60 * 250_000 - 60 * 120_000);
  });

  it('the local part is split only when the province has said how', () => {
    const unsplit = row(aidNeed(region(), resolveAidParams(2024)), 'living_subsidy', 'junior');
    expect(unsplit.provinceFen).toBeNull();
    expect(unsplit.notes.join()).toContain('未拆分');
    const split = row(aidNeed(region(), resolveAidParams(2024, { province_share_of_local: 6000 })), 'living_subsidy', 'junior');
    expect(split.provinceFen).toBe(18_000);
    expect(split.countyFen).toBe(12_000);
  });

  it('provincial tiers: recipients split by the tier shares, and tiers outside 1200–3500 元 are said', () => {
    const p = resolveAidParams(2025, { tiers: { senior_grant: { amounts: [130_000, 230_000, 360_000], shares: [3000, 5000, 2000] } } });
    const r = row(aidNeed(region(), p), 'senior_grant', 'senior');
    expect(r.amounts.map((a) => a.students)).toEqual([30, 50, 20]);
    expect(r.needFen).toBe(30 * 130_000 + 50 * 230_000 + 20 * 360_000);
    expect(r.notes.join()).toContain('超出');
  });

  it('gap = need − budget', () => {
    const r = row(aidNeed(region({ budgetFen: { senior_grant: 20_000_000 } }), resolveAidParams(2025)), 'senior_grant', 'senior');
    expect(r.gapFen).toBe(23_000_000 - 20_000_000);
  });
});

describe('aid need — missing is never zero', () => {
  it('names what is missing and gives no amount', () => {
    const n = aidNeed(region({ levels: { primary: { enrolled: 10, eligible: 5, boarders: null, approvedFeeFen: null } } }), resolveAidParams(2024));
    expect(row(n, 'living_subsidy', 'primary').missing).toEqual({ code: 'no_boarders', level: 'primary' });
    expect(row(n, 'living_subsidy', 'primary').needFen).toBeNull();
    expect(row(n, 'senior_grant', 'senior').missing).toEqual({ code: 'no_eligible', level: 'senior' });
    expect(row(n, 'preschool_aid', 'preschool').missing?.code).toBe('no_eligible');
    expect(n.incomplete).toBe(true);
  });

  it('no national pre-school standard: 无数据 until the province sets one', () => {
    const levels = { preschool: { enrolled: 100, eligible: 10, boarders: null, approvedFeeFen: null } };
    expect(row(aidNeed(region({ levels }), resolveAidParams(2024)), 'preschool_aid', 'preschool').missing?.code).toBe('no_standard');
    expect(row(aidNeed(region({ levels }), resolveAidParams(2024, { preschool_standard: 75_000 })), 'preschool_aid', 'preschool').needFen).toBe(750_000);
  });

  it('a region of unknown 档 gets its need but no central share, and says so', () => {
    const r = row(aidNeed(region({ dang: null }), resolveAidParams(2024)), 'living_subsidy', 'junior');
    expect(r.needFen).toBe(150_000);
    expect(r.centralFen).toBeNull();
    expect(r.notes.join()).toContain('档次未知');
  });
});

describe('aid need — properties (seed printed by fast-check on failure; fixed here)', () => {
  const levelInput = fc.record({
    enrolled: fc.integer({ min: 0, max: 2_000_000 }),
    eligible: fc.integer({ min: 0, max: 500_000 }),
    boarders: fc.integer({ min: 0, max: 500_000 }),
    approvedFeeFen: fc.integer({ min: 0, max: 1_000_000 }),
  });
  it('raising any standard never lowers any need (property)', () => {
    fc.assert(
      fc.property(levelInput, levelInput, fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(2019, 2023, 2024, 2025, 2026), (prim, senior, base, raise, year) => {
        const r = region({ levels: { primary: prim, junior: prim, senior, sec_voc: senior } });
        const keys = ['living_subsidy.primary', 'living_subsidy.junior', 'senior_grant.senior', 'voc_grant.sec_voc'];
        const lowStd = Object.fromEntries(keys.map((k) => [k, base]));
        const highStd = Object.fromEntries(keys.map((k) => [k, base + raise]));
        const low = aidNeed(r, resolveAidParams(year, { standards: lowStd }));
        const high = aidNeed(r, resolveAidParams(year, { standards: highStd }));
        low.rows.forEach((lr, i) => {
          const hr = high.rows[i]!;
          if (lr.needFen !== null) expect(hr.needFen!).toBeGreaterThanOrEqual(lr.needFen);
        });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('central + local = need, exactly, for every row (property)', () => {
    fc.assert(
      fc.property(levelInput, fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>, fc.integer({ min: 0, max: 10000 }), (l, dang, prov) => {
        const n = aidNeed(region({ dang, levels: { primary: l, junior: l, senior: l, sec_voc: l } }), resolveAidParams(2025, { province_share_of_local: prov }));
        for (const r of n.rows) {
          if (r.needFen === null || r.item === 'voc_fee_waiver') continue;
          expect(r.centralFen! + r.localFen!).toBe(r.needFen);
          expect(r.provinceFen! + r.countyFen!).toBe(r.localFen);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('exact splits', () => {
  it('shareOf rounds half away from zero, past 2^53 in the product', () => {
    expect(shareOf(1, 5000)).toBe(1);
    expect(shareOf(3, 5000)).toBe(2);
    expect(shareOf(Number.MAX_SAFE_INTEGER, 10000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(shareOf(62_500, 3000)).toBe(18_750);
  });
  it('splitWhole adds up and gives ties to the earlier part (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 5 }), (total, w) => {
        const parts = splitWhole(total, w);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
    expect(splitWhole(1, [1, 1])).toEqual([1, 0]);
  });
});
