// Units printed in headers and preambles: （亿元）, (万元), 单位：万人 … Values are stored as 分
// (money), persons (counts) or 0.01 km² (area), so each unit is a factor to that base.
import type { ValueKind } from './kinds';

export type Unit = '元' | '千元' | '万元' | '亿元' | '人' | '万人' | '平方公里' | '万平方公里' | '%';

export const UNIT_FACTOR: Record<Unit, { kind: ValueKind; factor: bigint }> = {
  元: { kind: 'money', factor: 100n },
  千元: { kind: 'money', factor: 100_000n },
  万元: { kind: 'money', factor: 1_000_000n },
  亿元: { kind: 'money', factor: 10_000_000_000n },
  人: { kind: 'count', factor: 1n },
  万人: { kind: 'count', factor: 10_000n },
  平方公里: { kind: 'area', factor: 100n },
  万平方公里: { kind: 'area', factor: 1_000_000n },
  '%': { kind: 'ratio', factor: 1n },
};

const UNIT_TEXT: readonly [RegExp, Unit][] = [
  [/亿元|100\s*million\s*yuan/i, '亿元'],
  [/万元|10\s*thousand\s*yuan|10k\s*yuan/i, '万元'],
  [/千元/, '千元'],
  [/万平方公里/, '万平方公里'],
  [/平方公里|km2|km²/i, '平方公里'],
  [/万人/, '万人'],
  [/元/, '元'],
  [/人|名/, '人'],
];

/**
 * The unit stated inside brackets or after 单位 in a piece of text: "教育经费(万元)",
 * "单位：亿元", "地区生产总值（亿元）". Per-capita units such as 元/人 are not stock units and
 * yield undefined (a 人均 column is not a fiscal total).
 */
export function unitInText(text: string): Unit | undefined {
  const bracket = /[（(]([^()（）]*)[)）]/g;
  const candidates: string[] = [];
  for (let m = bracket.exec(text); m; m = bracket.exec(text)) candidates.push(m[1] ?? '');
  const after = /单位[:：\s]*([^\s,，;；]+)/.exec(text);
  if (after) candidates.push(after[1] ?? '');
  for (const c of candidates) {
    if (/\/|每/.test(c)) continue;
    for (const [re, unit] of UNIT_TEXT) if (re.test(c)) return unit;
  }
  return unitInColumnName(text);
}

/** Units spelled into English column names by data packages: gdp_100m_yuan, edu_10k_yuan, population_10k. */
const NAME_SUFFIX: readonly [RegExp, Unit][] = [
  [/(^|_)100m_yuan$/i, '亿元'],
  [/(^|_)10k_yuan$/i, '万元'],
  [/(^|_)yuan$/i, '元'],
  [/(^|_)10k(_persons?)?$/i, '万人'],
  [/(^|_)persons?$/i, '人'],
];

function unitInColumnName(text: string): Unit | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9_]+$/.test(t) || /per_(capita|head|student|pupil)|_pc$/i.test(t)) return undefined;
  for (const [re, unit] of NAME_SUFFIX) if (re.test(t)) return unit;
  return undefined;
}

/** A unit written bare in a cell or option ("亿元", "万人"). */
export function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  return (Object.keys(UNIT_FACTOR) as Unit[]).find((u) => u === t);
}
