// What the preview says about a bulletin table's printed figures: how many rows were checked, how
// many disagree, and the 同口径 bases derived from printed growth.
import type { Fact } from '../../core/import/interpret';
import type { Mapping } from '../../core/import/mapping';
import type { Problem } from '../../core/import/problems';
import type { PublishedField } from '../../core/import/published-checks';
import { formatRatio } from '../../core/money/decimal';

/** The header of the column a published field was read from. */
export function publishedColumnName(mapping: Mapping, field: PublishedField): string {
  const col = field === 'amount' ? mapping.values.find((v) => v.field === 'amount')?.column : (() => {
    const src = mapping.fields[field];
    return src && 'column' in src ? src.column : undefined;
  })();
  return col === undefined ? field : mapping.columns[col] || `#${col + 1}`;
}

export function publishedNotes(checkedRows: number, problems: readonly Problem[], facts: readonly Fact[]): string[] {
  const notes: string[] = [];
  const mismatches = problems.filter((p) => p.code === 'published_mismatch').length;
  const swaps = problems.filter((p) => p.code === 'columns_swapped').length;
  if (checkedRows > 0)
    notes.push(`已按印出精度核对 ${checkedRows} 行的增长率、增幅比较与比例：${mismatches ? `${mismatches} 处不符` : '均相符'}${swaps ? `，${swaps} 对列疑似互换` : ''} / checked ${checkedRows} row(s) of printed growth, gaps and shares at the printed precision: ${mismatches} disagreement(s)${swaps ? `, ${swaps} likely swapped column pair(s)` : ''}`);
  const derived = facts.filter((f) => f.restatedFromGrowth && f.restatedPrior !== undefined);
  if (derived.length) {
    const first = derived[0]!;
    notes.push(`同口径：${derived.length} 行按印出的同口径增长率推算上年可比基数 = 本年 ÷ (1 + 增长率)，如第 ${first.row} 行 ${formatRatio(first.value, 100n, 2)} 元 ÷ (1 ${first.growth!.startsWith('-') ? '−' : '+'} ${first.growth!.replace(/^[-+]/, '')}%) = ${formatRatio(first.restatedPrior!, 100n, 2)} 元；“只增不减”按此基数比较 / 同口径: ${derived.length} comparable base(s) derived as 本年 ÷ (1 + growth), used by the never-decrease rules`);
  }
  return notes;
}
