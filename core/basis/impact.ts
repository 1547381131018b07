// What an import (or a basis edit) changes in the data basis, said before it is committed: which
// inputs gain or switch region-years, which regions and years, which views read them and how many
// compliance results come out differently. Pure: the database side is db/import/basis-impact.ts.
import { z } from 'zod';

/** The views of the app that read each basis input (the view ids of the navigation, plus 数据体检). */
export type BasisViewId = 'home' | 'compliance' | 'transfer' | 'brief' | 'health';

export function viewsReading(input: string): BasisViewId[] {
  if (input === 'expenditure' || input === 'enrolment') return ['home', 'compliance', 'transfer', 'brief', 'health'];
  if (input === 'bulletin') return ['compliance', 'brief', 'health'];
  if (input.startsWith('fiscal:')) return ['compliance', 'transfer', 'brief', 'health'];
  return ['health'];
}

const VIEW_ORDER: readonly BasisViewId[] = ['home', 'compliance', 'transfer', 'brief', 'health'];

/** Every view reading any of these inputs, in navigation order. */
export function viewsReadingAny(inputs: readonly string[]): BasisViewId[] {
  const set = new Set(inputs.flatMap(viewsReading));
  return VIEW_ORDER.filter((v) => set.has(v));
}

export const VIEW_NAMES: Record<BasisViewId, { zh: string; en: string }> = {
  home: { zh: '生均经费', en: 'Per student' },
  compliance: { zh: '合规检查', en: 'Compliance' },
  transfer: { zh: '转移支付模拟', en: 'Transfer simulator' },
  brief: { zh: '简报', en: 'Briefs' },
  health: { zh: '数据体检', en: 'Data health' },
};

export const BasisInputImpact = z.object({
  input: z.string(),
  /** Region-years no dataset supplied before. */
  gained: z.number().int(),
  /** Region-years another dataset supplied before. */
  replaced: z.number().int(),
  /** Region-years no longer supplied (a superseded version covered more). */
  lost: z.number().int(),
  /** The datasets whose region-years this one takes over. */
  replacedDatasets: z.array(z.number().int()),
  regions: z.number().int(),
  /** The first few regions, by name. */
  regionNames: z.array(z.string()),
  years: z.array(z.number().int()),
});
export type BasisInputImpact = z.infer<typeof BasisInputImpact>;

export const BasisImpact = z.object({
  scope: z.enum(['consolidated', 'own_level']),
  hashBefore: z.string(),
  hashAfter: z.string(),
  /** Whether the default basis (the one every view reads) changes at all. */
  changes: z.boolean(),
  inputs: z.array(BasisInputImpact),
  views: z.array(z.enum(['home', 'compliance', 'transfer', 'brief', 'health'])),
  /**
   * Compliance results of the changed regions and years (and the year after, whose growth reads
   * them), before and after: how many differ in status or value, how many are newly evaluated.
   */
  results: z.object({ before: z.number().int(), after: z.number().int(), changed: z.number().int(), statusChanged: z.number().int(), added: z.number().int() }).nullable(),
});
export type BasisImpact = z.infer<typeof BasisImpact>;

/** Year lists as ranges: 2019–2021、2023. */
function years(list: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
    out.push(j > i ? `${list[i]}–${list[j]}` : `${list[i]}`);
    i = j;
  }
  return out.join('、');
}

/** One line per input, then the views and results: what the preview and `wb import` print. */
export function describeImpact(b: BasisImpact): string[] {
  if (!b.changes) return ['数据基础不变：现有视图显示的内容不受影响 / the data basis does not change: no view shows anything different'];
  const lines = b.inputs.map((i) => {
    const names = i.regionNames.join('、') + (i.regions > i.regionNames.length ? ` 等 ${i.regions} 个` : '');
    const parts = [i.gained ? `新增 ${i.gained}` : '', i.replaced ? `替换 ${i.replaced}（原数据集 ${i.replacedDatasets.map((d) => `#${d}`).join('、')}）` : '', i.lost ? `不再提供 ${i.lost}` : ''].filter(Boolean);
    return `${i.input}: ${parts.join('，')} 个地区年份 / region-years — ${names}；${years(i.years)}`;
  });
  lines.push(`受影响的视图 / views affected: ${b.views.map((v) => `${VIEW_NAMES[v].zh}`).join('、')} / ${b.views.map((v) => VIEW_NAMES[v].en).join(', ')}`);
  if (b.results) lines.push(`合规检查结果 / compliance results: ${b.results.changed} 个改变（其中 ${b.results.statusChanged} 个结论改变），${b.results.added} 个新增 / ${b.results.changed} change (${b.results.statusChanged} in status), ${b.results.added} new`);
  lines.push(`哈希 / hash ${b.hashBefore.slice(0, 12)} → ${b.hashAfter.slice(0, 12)}`);
  return lines;
}
