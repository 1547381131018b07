// Golden cases for the identities between a bulletin row's printed figures, and a property: a
// growth printed from its own values (at any precision) is never reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRatio } from '../money/decimal';
import { comparableBase, createPublishedChecker, type PublishedTexts } from './published-checks';

const where = { file: 't.csv', sheet: null, columnName: (f: string) => `[${f}]` };
const check = (t: Partial<PublishedTexts> & { amount: string }) => {
  const c = createPublishedChecker(where);
  const row = c.row(2, '某区', { comparable: false, ...t });
  return { row, end: c.end() };
};

describe('published figures: one row', () => {
  it('takes the printed precision: 11.6 stands for 11.55–11.65 (20018.65 against 17937.20 is 11.604 %)', () => {
    expect(check({ amount: '20018.65', prior: '17937.20', growth: '11.6' }).row).toEqual([]);
  });
  it('reports a growth its values do not give (信阳 8.25 % printed, 8.18 % computed), at the growth column', () => {
    const { row } = check({ amount: '167.65', prior: '154.97', growth: '8.25' });
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ code: 'published_mismatch', severity: 'warning', row: 2, column: '[growth]' });
    expect(row[0]!.expected).toContain('8.18%');
  });
  it('reports a growth copied from the row above (莲都 事业收入 −1.73 % printed, −2.13 % computed)', () => {
    expect(check({ amount: '33844.74', prior: '34583.04', growth: '-1.73' }).row[0]!.expected).toContain('-2.13%');
  });
  it('does not compare a 同口径 growth with 上年 (its base is another one)', () => {
    expect(check({ amount: '167.65', prior: '154.97', growth: '8.25', comparable: true }).row).toEqual([]);
  });
  it('checks growth − revenue growth = gap (呼伦贝尔 2.59 − 5.28 = −2.69 个百分点)', () => {
    expect(check({ amount: '55.09', prior: '53.70', growth: '2.59', revenue_growth: '5.28', growth_gap: '-2.69' }).row).toEqual([]);
    const wrongSign = check({ amount: '55.09', prior: '53.70', growth: '2.59', revenue_growth: '5.28', growth_gap: '2.69' }).row;
    expect(wrongSign.map((p) => p.column)).toEqual(['[growth_gap]']);
  });
  it('keeps a share within 0–100 % and, given the total, at 本年 ÷ total', () => {
    expect(check({ amount: '85086.65', share: '120.5' }).row[0]!.expected).toContain('0–100');
    expect(check({ amount: '85086.65', share_base: '531790.31', share: '16.00' }).row).toEqual([]);
    expect(check({ amount: '85086.65', share_base: '531790.31', share: '61.00' }).row[0]!.expected).toContain('16.00%');
  });
});

describe('published figures: swapped columns', () => {
  it('suggests the pair whose exchange makes every failing row add up, naming the rows', () => {
    const c = createPublishedChecker(where);
    const a = c.row(2, '呼伦贝尔市', { comparable: false, amount: '55.09', prior: '53.70', growth: '5.28', revenue_growth: '2.59', growth_gap: '-2.69' });
    const b = c.row(3, '沾益区', { comparable: false, amount: '62596.4', growth: '2.19', revenue_growth: '15.23', growth_gap: '13.04' });
    expect(a.length + b.length).toBe(3);
    const swaps = c.end();
    expect(swaps).toHaveLength(1);
    expect(swaps[0]).toMatchObject({ code: 'columns_swapped', row: 2, column: '[growth]' });
    expect(swaps[0]!.expected).toContain('列「[growth]」与列「[revenue_growth]」似乎互换');
    expect(swaps[0]!.expected).toContain('第 2 行（呼伦贝尔市）、第 3 行（沾益区）');
  });
  it('finds 本年 and 上年 exchanged', () => {
    const { end } = check({ amount: '17049.52', prior: '13248.56', growth: '-22.29' });
    expect(end[0]!.expected).toContain('列「[amount]」与列「[prior]」似乎互换');
  });
  it('suggests nothing when no exchange explains the row', () => {
    expect(check({ amount: '167.65', prior: '154.97', growth: '8.25' }).end).toEqual([]);
  });
});

describe('同口径 base', () => {
  it('is 本年 ÷ (1 + g) in 分, rounded half up (伊川 幼儿园 2299.11 元, −30.57 % → 3311.41 元)', () => {
    expect(formatRatio(comparableBase(229911n, '-30.57')!, 100n, 2)).toBe('3311.41');
    expect(formatRatio(comparableBase(569741n, '-46')!, 100n, 2)).toBe('10550.76');
    expect(formatRatio(comparableBase(2971349n, '128.84')!, 100n, 2)).toBe('12984.40');
    expect(comparableBase(100n, '-100')).toBeNull();
  });
});

describe('property', () => {
  it('a growth printed from its own values at any precision is never reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (cur, prior, digits) => {
        const amount = formatRatio(BigInt(cur), 100n, 2);
        const priorText = formatRatio(BigInt(prior), 100n, 2);
        const growth = formatRatio(BigInt(cur - prior) * 100n, BigInt(prior), digits);
        return check({ amount, prior: priorText, growth }).row.length === 0;
      }),
      { seed: Number(process.env.FC_SEED ?? 15) },
    );
  });
});
