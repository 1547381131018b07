// The user's view choices, kept in localStorage so the workbench reopens where it was left.
import type { Divisor } from '../../core/metrics/divisor';
import type { MoneyUnit } from '../../core/money/fen';
import type { Lang } from './i18n/messages';

export type Prefs = {
  lang: Lang;
  unit: MoneyUnit;
  regionCode: string | null;
  year: number | null;
  scope: 'consolidated' | 'own_level';
  divisor: Divisor;
};

const KEY = 'wb.prefs.v1';
export const DEFAULT_PREFS: Prefs = { lang: 'zh', unit: '亿元', regionCode: null, year: null, scope: 'consolidated', divisor: 'autumn' };

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback;
}

export function loadPrefs(): Prefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return {
      lang: oneOf(raw.lang, ['zh', 'en'], DEFAULT_PREFS.lang),
      unit: oneOf(raw.unit, ['元', '万元', '亿元'], DEFAULT_PREFS.unit),
      regionCode: typeof raw.regionCode === 'string' && /^\d{6}$/.test(raw.regionCode) ? raw.regionCode : null,
      year: typeof raw.year === 'number' && Number.isInteger(raw.year) ? raw.year : null,
      scope: oneOf(raw.scope, ['consolidated', 'own_level'], DEFAULT_PREFS.scope),
      divisor: oneOf(raw.divisor, ['autumn', 'weighted_8_4', 'average_two_autumns'], DEFAULT_PREFS.divisor),
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(p: Prefs): Prefs {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage may be unavailable (private mode); the choices then last for this session only.
  }
  return p;
}
