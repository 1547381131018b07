// The importer's messages are written once for the command line and the app, Chinese first with
// the English after " / ", and they name the command-line options (--unit, --map …). On screen
// the app shows only the chosen language and names the field to set instead of the option.
import type { Lang } from '../../i18n/messages';

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** The part of a "中文 / English" message in the chosen language (the whole text when it is not bilingual). */
export function pickLanguage(text: string, lang: Lang): string {
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 3)) {
    const en = text.slice(at + 3);
    if (!CJK.test(en) && CJK.test(text.slice(0, at))) return lang === 'zh' ? text.slice(0, at) : en;
  }
  return text;
}

type Words = { zh: string; en: string };
const OPTION_WORDS: [RegExp, Words][] = [
  [/用 --unit 明确声明单位/g, { zh: '在“数值单位”中明确选择单位', en: '' }],
  [/或用 --unit 声明/g, { zh: '或在“数值单位”中选择', en: '' }],
  [/declare it with --unit/g, { zh: '', en: 'choose it under "Unit of values"' }],
  [/--encoding gb18030/g, { zh: '“文本编码”选 GB18030', en: '"Text encoding": GB18030' }],
  [/--map level==primary 等/g, { zh: '“列映射”把学段设为常量（如小学）', en: '' }],
  [/--map [A-Za-z_]+=(?:列名|#列号|@years|COLUMN)?/g, { zh: '“列映射”', en: 'the column mapping' }],
  [/--map [^\s，。,;；]+/g, { zh: '“列映射”', en: 'the column mapping' }],
  [/--map/g, { zh: '“列映射”', en: 'the column mapping' }],
  [/--where/g, { zh: '“列映射”中的筛选条件', en: 'a row filter in the column mapping' }],
  [/--unit/g, { zh: '“数值单位”', en: '"Unit of values"' }],
  [/--control/g, { zh: '“控制数”', en: '"Control totals"' }],
  [/--sheet/g, { zh: '“工作表”', en: '"Sheet"' }],
  [/--password/g, { zh: '“密码”', en: '"Password"' }],
];

/** A message for the screen: one language, and the app's field names where it names an option. */
export function inAppWords(text: string, lang: Lang): string {
  let out = pickLanguage(text, lang);
  for (const [re, words] of OPTION_WORDS) {
    const w = words[lang];
    if (w) out = out.replace(re, w);
  }
  return out.replace(/--[a-z][a-z-]*/g, (m) => (lang === 'zh' ? `“${m.slice(2)}”选项` : `the ${m.slice(2)} field`));
}
