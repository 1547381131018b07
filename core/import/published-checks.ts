// A bulletin table's printed figures checked against each other, row by row: the growth against
// 本年 and 上年, the growth gap against the two growths, the share against its range and 本年 ÷
// total. Every comparison is exact at the printed precision (a figure printed to 2 decimals stands
// for everything that rounds to it), so a difference only in the last printed digit is never
// reported. When a row only adds up with two of its columns exchanged, the swap is suggested.
import { checkDifference, checkGrowth, checkShare, formatPrinted, parsePrinted, type Printed } from '../bulletin/printed';
import type { Problem } from './problems';

/** The printed texts of one row (numbers as the cell shows them; empty fields absent). */
export type PublishedTexts = {
  amount: string;
  prior?: string;
  growth?: string;
  revenue_growth?: string;
  growth_gap?: string;
  share?: string;
  share_base?: string;
  /** The growth is stated 同口径 (against a restated base): 上年 is not its base. */
  comparable: boolean;
};

export type PublishedField = Exclude<keyof PublishedTexts, 'comparable'>;
const FIELDS: readonly PublishedField[] = ['amount', 'prior', 'growth', 'revenue_growth', 'growth_gap', 'share', 'share_base'];
const MONEY: ReadonlySet<PublishedField> = new Set(['amount', 'prior', 'share_base']);

type Values = Partial<Record<PublishedField, Printed>>;
type Failure = { field: PublishedField; computed: string; what: string };

const pct = (p: Printed) => `${formatPrinted(p)}%`;

/** The identities a row's printed values must satisfy; each failing one named. */
function failures(v: Values, comparable: boolean): Failure[] {
  const out: Failure[] = [];
  const { amount, prior, growth, revenue_growth: rev, growth_gap: gap, share, share_base: base } = v;
  if (amount && prior && growth && !comparable && prior.n > 0n) {
    const c = checkGrowth(amount, prior, growth);
    if (c.status === 'mismatch') out.push({ field: 'growth', computed: c.computed, what: `印出增长 ${pct(growth)}，按本年 ${formatPrinted(amount)} 与上年 ${formatPrinted(prior)} 计算为 ${c.computed}%（按印出的 ${growth.scale} 位小数比较）/ printed growth ${pct(growth)}, the printed values give ${c.computed}%` });
  }
  if (growth && rev && gap) {
    const c = checkDifference(growth, rev, gap);
    if (c.status === 'mismatch') out.push({ field: 'growth_gap', computed: c.computed, what: `印出增幅比较 ${formatPrinted(gap)} 个百分点，增长 ${pct(growth)} 减收入增长 ${pct(rev)} 为 ${c.computed} 个百分点 / printed gap ${formatPrinted(gap)} pp, growth − revenue growth = ${c.computed} pp` });
  }
  if (share) {
    if (share.n < 0n || share.n > 100n * 10n ** BigInt(share.scale)) out.push({ field: 'share', computed: '0–100', what: `印出比例 ${pct(share)} 不在 0–100% 之间 / a share of ${pct(share)} is outside 0–100 %` });
    else if (amount && base && base.n > 0n) {
      const c = checkShare(amount, base, share);
      if (c.status === 'mismatch') out.push({ field: 'share', computed: c.computed, what: `印出比例 ${pct(share)}，本年 ${formatPrinted(amount)} ÷ 总额 ${formatPrinted(base)} 为 ${c.computed}% / printed share ${pct(share)}, 本年 ÷ total = ${c.computed}%` });
    }
  }
  return out;
}

/** Pairs of columns a publisher can exchange (same kind of figure). */
function swapPairs(present: readonly PublishedField[]): [PublishedField, PublishedField][] {
  const pairs: [PublishedField, PublishedField][] = [];
  for (let i = 0; i < present.length; i++)
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i]!;
      const b = present[j]!;
      if (MONEY.has(a) === MONEY.has(b)) pairs.push([a, b]);
    }
  return pairs;
}

function parseAll(t: PublishedTexts): Values | null {
  const v: Values = {};
  for (const f of FIELDS) {
    const text = t[f];
    if (text === undefined || text.trim() === '') continue;
    const p = parsePrinted(text.replace(/[%％]$/, ''));
    if (!p) return null; // not a number: the interpreter reports the cell
    v[f] = p;
  }
  return v;
}

export type PublishedWhere = { file: string; sheet: string | null; columnName: (field: PublishedField) => string };

/**
 * Checks every row of a file and, at the end, the swaps that explain its failures. Only rows with at
 * least two related figures are checked; rows without them are silent.
 */
export function createPublishedChecker(where: PublishedWhere) {
  const swaps = new Map<string, { a: PublishedField; b: PublishedField; rows: number[]; labels: string[] }>();
  let checked = 0;
  const problem = (code: Problem['code'], row: number | null, field: PublishedField | null, value: string | null, expected: string): Problem => ({
    code, severity: 'warning', file: where.file, sheet: where.sheet, row, column: field === null ? null : where.columnName(field), value, expected,
  });
  return {
    row(row: number, label: string, texts: PublishedTexts): Problem[] {
      const v = parseAll(texts);
      if (!v) return [];
      if (v.growth && (v.prior || v.growth_gap || v.revenue_growth)) checked++;
      else if (v.share) checked++;
      const found = failures(v, texts.comparable);
      if (found.length === 0) return [];
      const present = FIELDS.filter((f) => v[f] !== undefined);
      for (const [a, b] of swapPairs(present)) {
        const swapped: Values = { ...v, [a]: v[b], [b]: v[a] };
        if (failures(swapped, texts.comparable).length === 0) {
          const key = `${a}|${b}`;
          const s = swaps.get(key) ?? { a, b, rows: [], labels: [] };
          s.rows.push(row);
          s.labels.push(label);
          swaps.set(key, s);
        }
      }
      return found.map((f) => problem('published_mismatch', row, f.field, `${label} ${texts[f.field] ?? ''}`.trim(), f.what));
    },
    /** One suggestion per pair of columns whose exchange makes failing rows add up. */
    end(): Problem[] {
      return [...swaps.values()].map((s) => {
        const x = where.columnName(s.a);
        const y = where.columnName(s.b);
        const rows = s.rows.map((r, i) => `第 ${r} 行（${s.labels[i]}）`).join('、');
        return problem('columns_swapped', s.rows[0]!, s.a, `${s.rows.length} 行`, `列「${x}」与列「${y}」似乎互换：${rows}按印出数不成立，两列互换后各项关系均成立；请核对原表，必要时用 --map 重新指定两列 / columns "${x}" and "${y}" look swapped on ${s.rows.length} row(s) (first: ${s.rows[0]}): the row adds up only with them exchanged`);
      });
    },
    /** How many rows had figures to check (for the preview's note). */
    checkedRows: () => checked,
  };
}

/**
 * The comparable prior-year base a 同口径 growth implies: 本年 ÷ (1 + g), in 分, rounded half up.
 * `growth` is the printed percentage (e.g. "-33.69"); null when 1 + g is not positive.
 */
export function comparableBase(currentFen: bigint, growth: string): bigint | null {
  const g = parsePrinted(growth.replace(/[%％]$/, ''));
  if (!g) return null;
  const den = 10n ** BigInt(g.scale + 2) + g.n; // (1 + g/100) × 10^(scale+2)
  if (den <= 0n) return null;
  const num = currentFen * 10n ** BigInt(g.scale + 2);
  return (num * 2n + den) / (2n * den);
}
