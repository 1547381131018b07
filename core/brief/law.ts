// The legal figures a brief states, read from the law store (core/law) with their citations: the
// 基准定额 in force in the brief's year and the two never-decrease rules. A brief never writes a
// legal number or a rule's threshold of its own; a province's own standard (an imported
// funding_standard dataset) is data, and the brief says so instead of citing a law.
import { lawAt, lawLatest, yearStart, type LawKey, type LawRecord } from '../law';

export type Lang = 'zh' | 'en';

/** "国发〔2015〕67号《…》 二（二）": the document and the article (as the funding_standard copy writes legal_ref). */
export function citationText(r: Pick<LawRecord, 'reference'>): string {
  return `${r.reference.document} ${r.reference.article}`;
}

const QUOTA_KEYS = {
  primary: ['standard.public_funds_base.primary.national', 'standard.public_funds_base.primary.central_west'],
  junior: ['standard.public_funds_base.junior.national', 'standard.public_funds_base.junior.central_west'],
} as const satisfies Record<'primary' | 'junior', readonly LawKey[]>;

/**
 * The national 基准定额 in force on the first day of `year`: the one national figure once there is
 * one, before that the central-and-western figure (the floor every province must at least meet).
 */
export function quotaFromLaw(level: 'primary' | 'junior', year: number): LawRecord | undefined {
  for (const key of QUOTA_KEYS[level]) {
    const r = lawAt(key, yearStart(year));
    if (r) return r;
  }
  return undefined;
}

export type NeverDecreaseRule = 'edu-spending-no-decrease' | 'per-student-no-decrease';

const RULE_KEYS = { 'edu-spending-no-decrease': 'no_decrease.edu_spending.min_growth', 'per-student-no-decrease': 'no_decrease.per_student.min_growth' } as const satisfies Record<NeverDecreaseRule, LawKey>;
const RULE_SUBJECT = {
  'edu-spending-no-decrease': { zh: '一般公共预算教育支出', en: 'education spending' },
  'per-student-no-decrease': { zh: '生均一般公共预算教育支出', en: 'spending per student' },
} as const;

/** The rule's record in the store: the threshold the compliance check applies (the latest value). */
export function ruleLaw(rule: NeverDecreaseRule): LawRecord {
  return lawLatest(RULE_KEYS[rule]);
}

/** The rule's requirement in words, from its threshold: 0 is “只增不减” (an equal amount passes). */
export function ruleWording(rule: NeverDecreaseRule, lang: Lang): string {
  const min = ruleLaw(rule).value;
  const subject = RULE_SUBJECT[rule][lang];
  if (min === 0) return lang === 'zh' ? `${subject}只增不减` : `${subject} must not fall`;
  const pct = String(Number((min * 100).toFixed(6)));
  return lang === 'zh' ? `${subject}增长不低于${pct}%` : `${subject} must grow by at least ${pct}%`;
}

/** “两个只增不减” when both rules are “只增不减”; otherwise the two requirements spelt out. */
export function rulesName(lang: Lang): string {
  const both = ruleLaw('edu-spending-no-decrease').value === 0 && ruleLaw('per-student-no-decrease').value === 0;
  if (both) return lang === 'zh' ? '“两个只增不减”' : 'the two never-decrease rules';
  return lang === 'zh' ? `“${ruleWording('edu-spending-no-decrease', lang)}、${ruleWording('per-student-no-decrease', lang)}”` : `the rules (${ruleWording('edu-spending-no-decrease', lang)}; ${ruleWording('per-student-no-decrease', lang)})`;
}

/** The rules' citations, one per distinct document and article (both rules come from one today). */
export function rulesCitation(): string {
  return [...new Set((['edu-spending-no-decrease', 'per-student-no-decrease'] as const).map((r) => citationText(ruleLaw(r))))].join('；');
}
