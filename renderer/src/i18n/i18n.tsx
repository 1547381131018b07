import { createContext, useContext } from 'react';
import { LEVELS, type LevelOrAll } from '../../../core/levels';
import type { MoneyUnit } from '../../../core/money/fen';
import { MESSAGES, type Lang, type MessageKey } from './messages';
import { translator, type Translator } from './translator';

export type Translate = Translator<MessageKey>;

export const makeTranslate: (lang: Lang) => Translate = translator(MESSAGES);

export function levelName(level: LevelOrAll, lang: Lang): string {
  if (level === 'all') return MESSAGES[lang].allLevels;
  const info = LEVELS.find((l) => l.code === level);
  return info ? (lang === 'zh' ? info.zh : info.en) : level;
}

const UNIT_EN: Record<MoneyUnit, string> = { 元: 'yuan', 万元: '10k yuan', 亿元: '100m yuan' };

/** A money unit as the reader of this language expects it. */
export function unitLabel(unit: MoneyUnit, lang: Lang): string {
  return lang === 'zh' ? unit : UNIT_EN[unit];
}

export type I18n = { lang: Lang; t: Translate };
export const I18nContext = createContext<I18n>({ lang: 'zh', t: makeTranslate('zh') });
export function useI18n(): I18n {
  return useContext(I18nContext);
}
