// Normalising what real files contain: full-width digits and spaces, thousands separators,
// trailing spaces, units written into cells, Excel's binary doubles. Numbers leave here as exact
// decimal text, never as floats.
import type { Cell } from './cells';
import { parseUnit, type Unit } from './units';

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
/** Anything normText/compact would change: full-width forms, ideographic or other whitespace. */
const NEEDS_NORMALISING = /[\uFF01-\uFF5E\u3000\s]/;

/** Full-width ASCII (０-９，．－ …) to half-width; ideographic spaces to spaces. */
export function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Collapse all whitespace (incl. line breaks inside header cells) and trim. */
export function normText(s: string): string {
  // Most cells of a big file are already plain: skip three regex passes for them.
  if (!NEEDS_NORMALISING.test(s)) return s;
  return halfWidth(s).replace(/\s+/g, ' ').trim();
}

/** No whitespace at all: "北  京" → "北京", for matching names and headers. */
export function compact(s: string): string {
  if (!NEEDS_NORMALISING.test(s)) return s;
  return halfWidth(s).replace(/\s+/g, '');
}

/** A cell as text for headers and names; a number that is not finite (NaN) names nothing. */
export function cellText(c: Cell): string {
  return c === null ? '' : typeof c === 'number' ? (Number.isFinite(c) ? decimalFromNumber(c) : '') : normText(c);
}

/**
 * A spreadsheet double as the decimal the user typed. Excel keeps 15 significant digits, so a
 * stored 1147.82930000001 is the typed 1147.8293; toPrecision(15) recovers it, then the text is
 * written out without exponent.
 */
export function decimalFromNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // 15 significant digits drop binary noise (0.1 + 0.2); at the very top of the double range that
  // rounding overflows to Infinity, and the shortest round-trip text is used instead.
  const rounded = Number(n.toPrecision(15));
  const p = Number.isFinite(rounded) ? rounded : n;
  const s = String(p);
  if (!/e/i.test(s)) return s;
  // Exponent form (very small or very large): expand it digit by digit.
  const [mant = '0', expText = '0'] = s.toLowerCase().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const [i = '0', f = ''] = mant.replace('-', '').split('.');
  const digits = i + f;
  const point = i.length + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return (neg ? '-' : '') + out;
}

export type NumberParse =
  | { kind: 'empty' }
  | { kind: 'number'; decimal: string; unit?: Unit; percent?: boolean }
  | { kind: 'invalid'; text: string };

/** Cells that mean "no figure" in Chinese statistical tables. */
// Excel's error values (#N/A, #DIV/0!, #REF! …) are not here: a formula that failed is an error to
// fix, not a blank.
const MISSING = new Set(['', '-', '--', '—', '——', '–', '…', '...', '……', 'NA', 'N/A', 'n/a', '/']);

const PLAIN = /^[+-]?\d+(\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACED = /^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

/** Parse a cell expected to hold a number: accepts 1,234.5 · １２３ · " 12.3 " · 12.3万元 · 4.68% · 1.2E+05. */
export function parseNumberCell(c: Cell): NumberParse {
  if (c === null) return { kind: 'empty' };
  if (typeof c === 'number') return Number.isFinite(c) ? { kind: 'number', decimal: decimalFromNumber(c) } : { kind: 'invalid', text: String(c) };
  // Fast path for the common case (a plain decimal in a CSV), before any normalising.
  if (PLAIN.test(c)) return { kind: 'number', decimal: c.charCodeAt(0) === 43 ? c.slice(1) : c };
  let t = normText(c).replace(/[−﹣]/g, '-');
  if (MISSING.has(t)) return { kind: 'empty' };
  let unit: Unit | undefined;
  let percent = false;
  const suffix = /^(.*?)\s*(亿元|万元|千元|元|万人|人|%)$/.exec(t);
  if (suffix && suffix[1]) {
    t = suffix[1];
    if (suffix[2] === '%') percent = true;
    else unit = parseUnit(suffix[2] ?? '');
  }
  let decimal: string | undefined;
  if (PLAIN.test(t)) decimal = t;
  else if (GROUPED.test(t)) decimal = t.replace(/,/g, '');
  else if (SPACED.test(t)) decimal = t.replace(/ /g, '');
  // 1e1000 overflows to Infinity: not a number anyone can store.
  else if (SCIENTIFIC.test(t) && Number.isFinite(Number(t))) decimal = decimalFromNumber(Number(t));
  if (decimal === undefined) return { kind: 'invalid', text: String(c) };
  decimal = decimal.replace(/^\+/, '');
  const out: NumberParse = { kind: 'number', decimal };
  if (unit) out.unit = unit;
  if (percent) out.percent = true;
  return out;
}

/** A four-digit year from "2024", "2024年", 2024, "2024年度". */
export function parseYear(c: Cell): number | undefined {
  const t = typeof c === 'number' ? String(c) : c === null ? '' : compact(c);
  const m = /^(\d{4})(年|年度)?$/.exec(t);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1949 && y <= 2100 ? y : undefined;
}
