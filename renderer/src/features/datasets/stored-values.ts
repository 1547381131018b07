// Stored values as they cross from the engine's comparisons (integer text in the base unit: 分 for
// money, persons for counts, 0.01 km² for areas) and how they are shown and exported. Exact: BigInt.
import { CAPACITY_INDICATORS, type ImportKind } from '../../../../core/import/kinds';
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import { isLevelCode } from '../../../../core/levels';
import { formatRatio } from '../../../../core/money/decimal';
import { levelName } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';

export type StoredKind = 'money' | 'count' | 'area';

/** Dataset kinds whose facts can be compared cell by cell. */
export const COMPARABLE_KINDS: readonly DatasetInfo['kind'][] = ['expenditure', 'enrolment', 'fiscal', 'bulletin'];

/** dataset.kind for an import kind. */
export function datasetKindOf(kind: ImportKind): DatasetInfo['kind'] {
  return kind === 'capacity' ? 'fiscal' : kind === 'region-changes' ? 'region_changes' : kind === 'county-attainment' ? 'county_attainment' : kind;
}

export function storedKindOf(kind: DatasetInfo['kind'], key: string): StoredKind {
  if (kind === 'enrolment') return 'count';
  if (kind === 'fiscal') {
    const indicator = key.split('/').pop() ?? '';
    const k = (CAPACITY_INDICATORS as Record<string, { kind: string }>)[indicator]?.kind;
    return k === 'count' ? 'count' : k === 'area' ? 'area' : 'money';
  }
  return 'money';
}

const STORED_UNIT: Record<StoredKind, { zh: string; en: string }> = {
  money: { zh: '元', en: 'yuan' },
  count: { zh: '人', en: 'persons' },
  area: { zh: '平方公里', en: 'km²' },
};

export function storedUnitLabel(k: StoredKind, lang: Lang): string {
  return STORED_UNIT[k][lang];
}

/** Base-unit integer text → display text (元 with 2 decimals, whole persons, km² with 2 decimals). */
export function storedText(raw: string | null, k: StoredKind, group = true): string | null {
  if (raw === null || raw === '' || !/^-?\d+$/.test(raw)) return raw;
  return k === 'count' ? formatRatio(BigInt(raw), 1n, 0, group) : formatRatio(BigInt(raw), 100n, 2, group);
}

/** after − before, in the same display form; null when either side is missing. */
export function storedDifference(before: string | null, after: string | null, k: StoredKind, group = true): string | null {
  if (before === null || after === null || !/^-?\d+$/.test(before) || !/^-?\d+$/.test(after)) return null;
  const d = BigInt(after) - BigInt(before);
  const text = storedText(d.toString(), k, group)!;
  return d > 0n ? `+${text}` : text;
}

/** "primary/2050202" → "小学 / 2050202"; "gpb_expenditure" → "一般公共预算支出". */
export function keyLabel(key: string, lang: Lang): string {
  return key
    .split('/')
    .map((part) => {
      if (part === 'all') return levelName('all', lang);
      if (isLevelCode(part)) return levelName(part, lang);
      const indicator = (CAPACITY_INDICATORS as Record<string, { zh: string }>)[part];
      if (indicator) return lang === 'zh' ? indicator.zh : part;
      return part;
    })
    .join(' / ');
}

const UNIT_EN: Record<string, string> = { 元: 'yuan', 千元: '1000 yuan', 万元: '10k yuan', 亿元: '100m yuan', 人: 'persons', 万人: '10k persons', 平方公里: 'km²', 万平方公里: '10k km²' };

/** A unit as the engine names it (元, 万元, 人, 平方公里 …), in the reader's language. */
export function unitText(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNIT_EN[unit] ?? unit) : unit;
}
