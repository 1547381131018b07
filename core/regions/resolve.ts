// Turning a region cell into a GB/T 2260 code: a code (6-digit, 12-digit 统计用区划代码, 2-digit
// province), a full name (内蒙古自治区), a short name (内蒙古), a yearbook's spaced form (" 北  京"),
// an English province name (Inner Mongolia), or a county name that only a prefecture or province
// makes unique (朝阳区 is in 北京 and in 长春). Pure: built from a list of regions — the shipped list
// plus whatever the user's database holds (e.g. the demo's 示范省) — with no I/O.
//
// Order of preference: code → exact full name → short name → alias (自治州 as 州, 广西壮族, English,
// old suffixes such as 呼伦贝尔盟) → "parent + name" (北京市朝阳区). Within a step, a context narrows
// the matches (how = 'within-parent'), and a province's short name wins over a prefecture's or
// county's (海南 is 海南省, not 海南藏族自治州). Retired codes (validTo set) resolve only by code.
import { isMunicipalPseudo, type RegionLevel } from './gbt2260';

export type ResolverEntry = {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  /** Set on retired codes: they resolve by explicit code only. */
  readonly validTo?: string | null;
};

export type ResolveContext = {
  /** A prefecture or province the region lies in (any depth below it). */
  parentCode?: string;
  /** The province the region lies in: 2- or 6-digit code. */
  provinceCode?: string;
  /** The level the caller expects; a preference, not a filter that can empty the result. */
  level?: RegionLevel;
};

export type ResolveHow = 'code' | 'exact' | 'short' | 'alias' | 'within-parent';

/** A possible region for the user to choose; `path` names it with its ancestors (吉林省长春市朝阳区). */
export type RegionCandidate = { code: string; name: string; path: string };

export type ResolveResult =
  | { ok: true; code: string; name: string; level: RegionLevel; how: ResolveHow }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: RegionCandidate[] };

export type RegionResolver = {
  resolve(text: string, context?: ResolveContext): ResolveResult;
  /** Same as isTotalLabel, so the resolver can serve as the importer's region lookup. */
  isTotal(text: string): boolean;
  get(code: string): ResolverEntry | undefined;
};

/** Most candidates offered for an unknown name. */
export const MAX_CANDIDATES = 5;

// ---- text ------------------------------------------------------------------------------------

// Whitespace of every width (NFKC has already turned U+3000 into a space) and invisible marks.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;
const DIGITS = /^(\d+)(?:\.0+)?$/;

/**
 * Full-width → half-width (NFKC), all spaces removed (" 北  京" → 北京, "天\u3000津" → 天津), a leading
 * "其中：" or "#" and a trailing footnote mark (北京*, 北京①, 北京(1)) dropped. Codes stay as they are.
 */
export function normaliseRegionText(text: string): string {
  let t = text.normalize('NFKC').replace(INVISIBLE, '');
  t = t.replace(/^(?:其中:?|[#*]+)/u, '');
  if (!DIGITS.test(t)) t = t.replace(/(?:\(\d{1,2}\)|\[\d{1,2}\]|[\d*#†‡]+)$/u, '');
  return t;
}

/** A code in any of the accepted spellings, as six digits; null if the text is not all digits. */
function codeFromText(t: string): string | null {
  const m = DIGITS.exec(t);
  if (!m) return null;
  const d = m[1]!;
  switch (d.length) {
    case 2:
      return `${d}0000`;
    case 4:
      return `${d}00`;
    case 6:
      return d;
    case 9: // 乡级 统计用区划代码
    case 12: // 统计用区划代码: the first six digits are the county
      return d.slice(0, 6);
    default:
      return null;
  }
}

// ---- totals ----------------------------------------------------------------------------------

const TOTAL_WORDS = new Set([
  '全国', '中国', '地方', '全省', '全市', '全区', '全县', '全州', '全盟', '全地区', '全自治区', '所有地区', '全部地区', '各地区', '总额',
]);
const TOTAL_ENDINGS = /(?:合计|总计|小计|共计|汇总)$/u;
const TOTAL_ENGLISH = new Set([
  'total', 'grandtotal', 'subtotal', 'nationaltotal', 'localtotal', 'totallocal', 'totalofallregions', 'totalallregions',
  'allregions', 'allprovinces', 'national', 'nationwide', 'wholecountry', 'china', 'sum',
]);

/**
 * True for a row label that is a total rather than a region: 全国, 合计, 总计, 地方合计, 全省, 全市,
 * 河北省合计, "地方合计(all regions)", "Total of All Regions" …
 */
export function isTotalLabel(text: string): boolean {
  const t = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  if (t === '') return false;
  const isTotalPart = (s: string): boolean => {
    if (s === '') return false;
    if (TOTAL_WORDS.has(s) || TOTAL_ENDINGS.test(s)) return true;
    const english = s.replace(/[^a-z]/g, '');
    return english !== '' && english.length === s.replace(/[^\p{L}]/gu, '').length && TOTAL_ENGLISH.has(english);
  };
  if (isTotalPart(t)) return true;
  // 地方合计(all regions), 总计(all regions), Total(合计): the label before the brackets decides, and
  // the bracketed words only when nothing Chinese stands before them (so 北京(total) stays a region).
  const m = /^([^()]*)\(([^()]*)\)$/u.exec(t);
  return m !== null && (isTotalPart(m[1]!) || (isTotalPart(m[2]!) && !/\p{Script=Han}/u.test(m[1]!)));
}

// ---- English names of the 31 provinces ---------------------------------------------------------

const PROVINCE_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  '110000': ['Beijing'], '120000': ['Tianjin'], '130000': ['Hebei'], '140000': ['Shanxi'],
  '150000': ['Inner Mongolia', 'Nei Mongol', 'Neimenggu', 'Neimongol'],
  '210000': ['Liaoning'], '220000': ['Jilin'], '230000': ['Heilongjiang'], '310000': ['Shanghai'],
  '320000': ['Jiangsu'], '330000': ['Zhejiang'], '340000': ['Anhui'], '350000': ['Fujian'],
  '360000': ['Jiangxi'], '370000': ['Shandong'], '410000': ['Henan'], '420000': ['Hubei'],
  '430000': ['Hunan'], '440000': ['Guangdong'], '450000': ['Guangxi'], '460000': ['Hainan'],
  '500000': ['Chongqing'], '510000': ['Sichuan'], '520000': ['Guizhou'], '530000': ['Yunnan'],
  '540000': ['Tibet', 'Xizang'], '610000': ['Shaanxi'], '620000': ['Gansu'], '630000': ['Qinghai'],
  '640000': ['Ningxia'], '650000': ['Xinjiang'],
};
/** Words around an English province name: "Guangxi Zhuang Autonomous Region", "Beijing Municipality". */
const ENGLISH_SUFFIX = /(?:province|municipality|city|autonomousregion|region|zhuang|hui|uygur|uyghur|uighur|sheng|shi|zizhiqu)$/;

const englishKey = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

// ---- suffixes --------------------------------------------------------------------------------

/** A name's kind suffix and the levels it may belong to, for text such as 呼伦贝尔盟 or 延边州. */
const TEXT_SUFFIXES: readonly (readonly [string, readonly RegionLevel[]])[] = [
  ['自治区', ['province']], ['自治州', ['prefecture']], ['自治县', ['county']], ['自治旗', ['county']],
  ['地区', ['prefecture']], ['省', ['province']], ['市', ['province', 'prefecture', 'county']], ['州', ['prefecture']],
  ['盟', ['prefecture']], ['区', ['county']], ['县', ['county']], ['旗', ['county']],
];

const LEVEL_RANK: Readonly<Record<RegionLevel, number>> = { province: 0, prefecture: 1, county: 2 };

// ---- the resolver ----------------------------------------------------------------------------

type Index = Map<string, ResolverEntry[]>;

function addTo(index: Index, key: string, e: ResolverEntry): void {
  if (key === '') return;
  const list = index.get(key);
  if (!list) index.set(key, [e]);
  else if (!list.includes(e)) list.push(e);
}

/**
 * A resolver over `entries`. Later entries replace earlier ones with the same code, so pass the
 * shipped list first and the database's regions after it.
 */
export function createRegionResolver(entries: readonly ResolverEntry[]): RegionResolver {
  const byCode = new Map<string, ResolverEntry>();
  for (const e of entries) byCode.set(e.code, e);
  const all = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  // Names index current regions only, and never the municipal pseudo-prefectures (市辖区, 县).
  const named = all.filter((e) => !e.validTo && !isMunicipalPseudo(e.code));

  const exact: Index = new Map();
  const short: Index = new Map();
  const alias: Index = new Map();
  const english: Index = new Map();
  for (const e of named) {
    const name = normaliseRegionText(e.name);
    const sn = normaliseRegionText(e.shortName);
    addTo(exact, name, e);
    addTo(short, sn, e);
    const aliases: string[] = [];
    if (name.endsWith('自治区')) aliases.push(name.slice(0, -3), `${sn}自治区`, name.replace(/维吾尔自治区$/u, '维吾尔族自治区'));
    if (name.endsWith('自治州')) aliases.push(`${sn}州`, `${sn}自治州`);
    if (name.endsWith('自治县')) aliases.push(`${sn}县`, `${sn}自治县`);
    if (name.endsWith('自治旗')) aliases.push(`${sn}旗`);
    if (e.level === 'province' && sn === '内蒙古') aliases.push('内蒙');
    for (const a of aliases) if (a !== name && a !== sn) addTo(alias, a, e);
    if (e.level === 'province') for (const en of PROVINCE_ENGLISH[e.code] ?? []) addTo(english, englishKey(en), e);
  }

  const get = (code: string) => byCode.get(code);

  function ancestors(e: ResolverEntry): string[] {
    const out: string[] = [];
    let p = e.parentCode;
    while (p !== null && out.length < 4 && !out.includes(p)) {
      out.push(p);
      p = byCode.get(p)?.parentCode ?? null;
    }
    return out;
  }

  function candidate(e: ResolverEntry): RegionCandidate {
    const names = ancestors(e)
      .reverse()
      .filter((c) => !isMunicipalPseudo(c))
      .map((c) => byCode.get(c)?.name ?? '');
    return { code: e.code, name: e.name, path: [...names, e.name].join('') };
  }

  const contextCode = (c: string | undefined): string | null => (c === undefined ? null : codeFromText(normaliseRegionText(c)));

  /** Narrows by the context where that leaves something; null = no context given. */
  function withinContext(matches: readonly ResolverEntry[], ctx: ResolveContext): ResolverEntry[] | null {
    const parent = contextCode(ctx.parentCode);
    const province = contextCode(ctx.provinceCode);
    if (parent === null && province === null) return null;
    return matches.filter(
      (e) => (parent === null || ancestors(e).includes(parent)) && (province === null || e.code.slice(0, 2) === province.slice(0, 2)),
    );
  }

  const ok = (e: ResolverEntry, how: ResolveHow): ResolveResult => ({ ok: true, code: e.code, name: e.name, level: e.level, how });
  const ambiguous = (es: readonly ResolverEntry[]): ResolveResult => ({ ok: false, reason: 'ambiguous', candidates: es.map(candidate) });

  /** One step's matches → a region, or ambiguity. */
  function choose(found: readonly ResolverEntry[], how: ResolveHow, ctx: ResolveContext): ResolveResult {
    let matches = [...found];
    if (ctx.level) {
      const atLevel = matches.filter((e) => e.level === ctx.level);
      if (atLevel.length) matches = atLevel;
    }
    let narrowed = false;
    const inside = withinContext(matches, ctx);
    if (inside !== null && inside.length && inside.length < matches.length) {
      matches = inside;
      narrowed = true;
    }
    if (matches.length === 1) return ok(matches[0]!, narrowed ? 'within-parent' : how);
    const provinces = matches.filter((e) => e.level === 'province');
    if (provinces.length === 1) return ok(provinces[0]!, narrowed ? 'within-parent' : how);
    return ambiguous(matches);
  }

  function englishMatch(t: string): ResolverEntry[] {
    let key = englishKey(t);
    while (key !== '') {
      const hit = english.get(key);
      if (hit) return hit;
      const shorter = key.replace(ENGLISH_SUFFIX, '');
      if (shorter === key) return [];
      key = shorter;
    }
    return [];
  }

  function suffixMatch(t: string): ResolverEntry[] {
    for (const [suffix, levels] of TEXT_SUFFIXES) {
      if (!t.endsWith(suffix) || t.length - suffix.length < 2) continue;
      const rest = t.slice(0, -suffix.length);
      const hits = [...(short.get(rest) ?? []), ...(exact.get(rest) ?? [])].filter((e) => levels.includes(e.level));
      if (hits.length) return [...new Set(hits)];
    }
    return [];
  }

  const STEPS: readonly (readonly [ResolveHow, (t: string) => readonly ResolverEntry[]])[] = [
    ['exact', (t) => exact.get(t) ?? []],
    ['short', (t) => short.get(t) ?? []],
    ['alias', (t) => alias.get(t) ?? []],
    ['alias', englishMatch],
    ['alias', suffixMatch],
  ];

  /** "北京市朝阳区", "吉林省长春市朝阳区": a province or prefecture name, then a region inside it. */
  function split(t: string, ctx: ResolveContext, depth: number): ResolveResult | null {
    const chars = [...t];
    for (let i = chars.length - 2; i >= 2; i--) {
      const head = chars.slice(0, i).join('');
      const rest = chars.slice(i).join('');
      let parent: ResolverEntry | undefined;
      for (const [, find] of STEPS.slice(0, 3)) {
        const hits = find(head).filter((e) => e.level !== 'county');
        if (hits.length === 0) continue;
        const r = choose(hits, 'exact', { ...ctx, level: undefined });
        if (r.ok) parent = byCode.get(r.code);
        break;
      }
      if (!parent) continue;
      const inner = byName(rest, { parentCode: parent.code, level: ctx.level }, depth + 1);
      if (inner?.ok) {
        const found = byCode.get(inner.code);
        if (found && ancestors(found).includes(parent.code)) return { ...inner, how: 'within-parent' };
      }
    }
    return null;
  }

  function byName(t: string, ctx: ResolveContext, depth: number): ResolveResult | null {
    const forms = new Set([t]);
    const noParens = t.replace(/\([^()]*\)|\[[^[\]]*\]/gu, '');
    if (noParens !== '') forms.add(noParens);
    if (/\p{Script=Han}/u.test(t)) forms.add(t.replace(/[^\p{Script=Han}]/gu, ''));
    let firstAmbiguous: ResolveResult | null = null;
    for (const form of forms) {
      for (const [how, find] of STEPS) {
        const hits = find(form);
        if (hits.length === 0) continue;
        const r = choose(hits, how, ctx);
        if (r.ok) return r;
        firstAmbiguous ??= r;
        break; // a looser step must not override an ambiguity found by a stricter one
      }
      if (depth < 2 && /\p{Script=Han}/u.test(form)) {
        const r = split(form, ctx, depth);
        if (r) return r;
      }
    }
    return firstAmbiguous;
  }

  /** Up to MAX_CANDIDATES regions whose names share the most characters with `t`. */
  function nearestByName(t: string, ctx: ResolveContext): RegionCandidate[] {
    const chars = [...t];
    if (chars.length === 0) return [];
    const inside = withinContext(named, ctx);
    const pool = inside !== null && inside.length ? inside : named;
    const scored: { e: ResolverEntry; score: number }[] = [];
    for (const e of pool) {
      let best = 0;
      for (const key of new Set([e.name, e.shortName])) {
        const k = [...key];
        const left = [...k];
        let common = 0;
        for (const c of chars) {
          const at = left.indexOf(c);
          if (at >= 0) {
            common++;
            left.splice(at, 1);
          }
        }
        if (common === 0) continue;
        const samePlace = chars.filter((c, i) => k[i] === c).length;
        best = Math.max(best, (2 * common) / (chars.length + k.length) + 0.01 * samePlace);
      }
      if (best >= 0.3) scored.push({ e, score: best });
    }
    const rank = (e: ResolverEntry) => (ctx.level && e.level === ctx.level ? -1 : LEVEL_RANK[e.level]);
    scored.sort((a, b) => b.score - a.score || rank(a.e) - rank(b.e) || a.e.code.localeCompare(b.e.code));
    return scored.slice(0, MAX_CANDIDATES).map((s) => candidate(s.e));
  }

  /** For a code that is not in the list: the nearest codes in the same prefecture, else province. */
  function nearestByCode(code: string): RegionCandidate[] {
    for (const prefix of [code.slice(0, 4), code.slice(0, 2)]) {
      const near = named.filter((e) => e.code.startsWith(prefix));
      if (near.length) {
        return near
          .sort((a, b) => Math.abs(Number(a.code) - Number(code)) - Math.abs(Number(b.code) - Number(code)))
          .slice(0, MAX_CANDIDATES)
          .map(candidate);
      }
    }
    return [];
  }

  function resolve(text: string, context: ResolveContext = {}): ResolveResult {
    const t = normaliseRegionText(text);
    if (t === '') return { ok: false, reason: 'unknown', candidates: [] };
    const code = codeFromText(t);
    if (code !== null) {
      const e = byCode.get(code);
      return e ? ok(e, 'code') : { ok: false, reason: 'unknown', candidates: nearestByCode(code) };
    }
    return byName(t, context, 0) ?? { ok: false, reason: 'unknown', candidates: nearestByName(t, context) };
  }

  return { resolve, isTotal: isTotalLabel, get };
}
