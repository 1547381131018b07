// A composition shift, said in words: spending per student over all levels can fall while it rises
// in every level, when pupils move toward the levels that cost less per pupil (the combined
// figure is the pupil-weighted average of the levels'). The drill-down states it with the numbers,
// because "every level rose, the total fell" otherwise reads as an error in the data.
import type { ComplianceResult } from '../../../../core/compliance/types';
import { levelName } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';
import { percentText, valueText } from './values';

const negative = (g: string | null) => g !== null && g.trim().startsWith('-');

/** The sentence when the combined per-student figure fell and no level's did; null otherwise. */
export function mixedEffect(total: ComplianceResult | null, levels: readonly ComplianceResult[], lang: Lang): string | null {
  if (!total || total.valueUnit !== 'fen_per_student' || !negative(total.growth)) return null;
  const measured = levels.filter((l) => l.level !== null && l.growth !== null && l.valueUnit === 'fen_per_student');
  if (measured.length < 2 || measured.some((l) => negative(l.growth))) return null;
  const yuan = (v: string | null) => valueText(v, 'fen_per_student', '元') ?? '—';
  const byCost = [...measured].sort((a, b) => Number(a.value) - Number(b.value));
  const cheapest = byCost[0]!;
  const dearest = byCost[byCost.length - 1]!;
  const parts = measured.map((l) => {
    const g = percentText(l.growth)!.replace(/^(?!-)/, '+');
    return lang === 'zh' ? `${levelName(l.level!, lang)} ${yuan(l.priorValue)} → ${yuan(l.value)} 元（${g}）` : `${levelName(l.level!, lang)} ${yuan(l.priorValue)} → ${yuan(l.value)} yuan (${g})`;
  });
  if (lang === 'zh') {
    return `各学段生均都没有下降（${parts.join('；')}），但合计生均从 ${yuan(total.priorValue)} 元降到 ${yuan(total.value)} 元（${percentText(total.growth)}）。合计是各学段生均按在校生加权的平均：在校生向生均较低的学段（如${levelName(cheapest.level!, 'zh')}，${yuan(cheapest.value)} 元）转移、生均较高的学段（如${levelName(dearest.level!, 'zh')}，${yuan(dearest.value)} 元）占比下降时，合计会下降——这是结构变化，不是某个学段的经费减少。合计的“生均不减”仍按规定判定为不达标。`;
  }
  return `No level's spending per student fell (${parts.join('; ')}), yet the all-levels figure fell from ${yuan(total.priorValue)} to ${yuan(total.value)} yuan (${percentText(total.growth)}). The all-levels figure is the pupil-weighted average of the levels': when pupils move toward levels that cost less per pupil (such as ${levelName(cheapest.level!, 'en')}, ${yuan(cheapest.value)} yuan) and away from dearer ones (such as ${levelName(dearest.level!, 'en')}, ${yuan(dearest.value)} yuan), it falls — a change in composition, not a cut in any level. The all-levels no-decrease rule still counts it as a failure.`;
}
