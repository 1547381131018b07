// The one translator factory: a table of wordings per language (typed so both carry every key) →
// a function from language to `t(key, vars)`. The app's messages and each feature's own wording
// (features/*/text.ts) use it, so placeholders behave the same everywhere.
import type { Lang } from './messages';

export type TextVars = Record<string, string | number>;
export type Translator<K extends string> = (key: K, vars?: TextVars) => string;

/** "{name}" placeholders filled from vars; an unknown one stays visible rather than vanishing. */
export function interpolate(text: string, vars?: TextVars): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

export function translator<K extends string>(tables: Readonly<Record<Lang, Readonly<Record<K, string>>>>): (lang: Lang) => Translator<K> {
  return (lang) => {
    const table = tables[lang];
    return (key, vars) => interpolate(table[key], vars);
  };
}
